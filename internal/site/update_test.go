package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A Builder's rebuild after an edit gives the same output as a build from
// scratch of the same content, and leaves the files it did not change
// alone.
func TestUpdateInPlaceEqualsFullBuild(t *testing.T) {
	plan := "content/dia-phuong/thu/ke-hoach-1.md"
	other := "content/dia-phuong/khac/ke-hoach-2.md"
	src := writeTree(t, map[string]string{
		"content/dia-phuong/thu/_index.md":  locality,
		plan:                                goodPlan,
		"content/dia-phuong/khac/_index.md": "+++\nname = \"Xã Khác\"\nlevel = \"xa\"\n+++\n",
		other:                               goodPlan,
	})
	out := filepath.Join(t.TempDir(), "public")
	b := NewBuilder(Options{Source: src, Out: out, AsOf: asOf})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	edits := []struct {
		name string
		edit func()
	}{
		{"a task added", func() {
			writeSource(t, filepath.Join(src, plan), goodPlan+"\n#### 2. Việc hai\n\n- Cơ quan chủ trì: Công an xã.\n- Thời gian thực hiện: Quý II/2022.\n")
		}},
		{"a plan removed", func() {
			if err := os.Remove(filepath.Join(src, other)); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			old := time.Now().Add(-time.Hour).Truncate(time.Second)
			touchAll(t, out, old)
			e.edit()
			res, err := b.Build()
			if err != nil {
				t.Fatal(err)
			}
			if res.Unchanged == 0 || res.Unchanged >= res.Files {
				t.Errorf("%d of %d files unchanged", res.Unchanged, res.Files)
			}
			got := sameAsFullBuild(t, src, out)
			rewritten := 0
			for name := range got {
				info, err := os.Stat(filepath.Join(out, filepath.FromSlash(name)))
				if err != nil {
					t.Fatal(err)
				}
				if !info.ModTime().Equal(old) {
					rewritten++
				}
			}
			if rewritten != res.Files-res.Unchanged {
				t.Errorf("%d files rewritten, but the build reports %d of %d unchanged", rewritten, res.Unchanged, res.Files)
			}
		})
	}
}

// sameAsFullBuild builds src from scratch and reports each file of out
// that differs from that build's or that it does not have; it returns
// out's files.
func sameAsFullBuild(t *testing.T, src, out string) map[string]string {
	t.Helper()
	full := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Source: src, Out: full, AsOf: asOf}); err != nil {
		t.Fatal(err)
	}
	want, got := tree(t, full), tree(t, out)
	for name, data := range want {
		if got[name] != data {
			t.Errorf("%s differs from a full build", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is left over", name)
		}
	}
	return got
}

// touchAll dates every file under dir at t.
func touchAll(t *testing.T, dir string, at time.Time) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, at, at)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// tree reads every file under dir, by slash path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func writeSource(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
