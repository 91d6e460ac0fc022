package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
)

// A load that takes unchanged files from the cache gives what a load from
// scratch gives, after edits that change what linking fills in: a report
// added, a lead changed, a citation added. Were reset to miss a field that
// linking fills, the cached load would carry the last value.
func TestCacheGivesWhatALoadGives(t *testing.T) {
	// Files as old as an editor's are trusted by their stamps; each edit
	// below makes its file new, and read again.
	dir := copyBundledSite(t, time.Now().Add(-time.Hour))
	update := filepath.Join(dir, "content", "dia-phuong", "da-nang", "cap-nhat-2024-09-23-5289.md")
	daNang := filepath.Join(dir, "content", "dia-phuong", "da-nang", "ke-hoach-46-kh-ubnd-2022.md")
	haiPhong := filepath.Join(dir, "content", "dia-phuong", "hai-phong", "ke-hoach-31-kh-ubnd-2024.md")
	daNangIndex := filepath.Join(dir, "content", "dia-phuong", "da-nang", "_index.md")
	registry := filepath.Join(dir, "data", "agencies.toml")
	catalog := filepath.Join(dir, "data", "catalog.toml")
	edits := []struct {
		name     string
		file     string
		old, new string
	}{
		{"nothing", "", "", ""},
		{"a report", update, "\n+++\n", "\n[[status]]\nplan = \"46/KH-UBND\"\ntask = \"2.1\"\nstate = \"hoàn thành\"\n+++\n"},
		{"a state", update, `state = "hoàn thành"`, `state = "đang thực hiện"`},
		{"a lead", daNang, "- Cơ quan chủ trì: Sở Thông tin và truyền thông.", "- Cơ quan chủ trì: Công an thành phố."},
		{"a citation", haiPhong, "", "\nCăn cứ Nghị định số 59/2022/NĐ-CP ngày 05/9/2022 của Chính phủ.\n"},
		// What linking kept from the last load must not outlive the
		// registry, the localities and the catalogue it was made with.
		{"a locality's alias", daNangIndex, "name = \"Đại học Đà Nẵng\"\n", "name = \"Đại học Đà Nẵng\"\n[[alias]]\ntext = \"Sở Thông tin và truyền thông\"\nagency = \"cong-an/da-nang\"\n"},
		{"a locality's name", daNangIndex, `name = "Thành phố Đà Nẵng"`, `name = "Thành phố Đà Nẵng mới"`},
		{"an alias of the registry", registry, `aliases = ["Sở Thông tin và Truyền thông", `, `aliases = [`},
		{"an agency's name", registry, `name = "Công an"`, `name = "Lực lượng Công an"`},
		{"the catalogue", catalog, `["chính sách pháp luật"]`, `["dân cư"]`},
	}
	cache := NewCache()
	opts := Options{DropPlanText: true, Cache: cache}
	parser := content.NewParser()
	if _, diags := LoadWith(dir, parser, nil, opts); diags.Err() != nil {
		t.Fatal(diags.Err())
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			if e.file != "" {
				src, err := os.ReadFile(e.file)
				if err != nil {
					t.Fatal(err)
				}
				edited := string(src) + e.new
				if e.old != "" {
					edited = strings.Replace(string(src), e.old, e.new, 1)
				}
				if edited == string(src) {
					t.Fatalf("%s has no %q", e.file, e.old)
				}
				if err := os.WriteFile(e.file, []byte(edited), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cached, cachedDiags := LoadWith(dir, parser, nil, opts)
			fresh, freshDiags := LoadWith(dir, parser, nil, Options{DropPlanText: true})
			if !reflect.DeepEqual(cachedDiags.Items(), freshDiags.Items()) {
				t.Errorf("messages differ:\ncached: %v\nfresh: %v", messages(cachedDiags), messages(freshDiags))
			}
			for i, p := range fresh.Plans {
				if !reflect.DeepEqual(cached.Plans[i], p) {
					t.Errorf("plan %s differs", p.Number)
				}
			}
			if !reflect.DeepEqual(cached, fresh) {
				t.Error("the sites differ")
			}
			if got := reportCount(cached); got != reportCount(fresh) {
				t.Errorf("%d reports, want %d", got, reportCount(fresh))
			}
		})
	}
	if len(cache.files) == 0 || len(cache.localities) == 0 {
		t.Errorf("%d files and %d localities cached", len(cache.files), len(cache.localities))
	}
}

// copyBundledSite copies the repository's content and data into a new
// folder, every file dated at.
func copyBundledSite(t *testing.T, at time.Time) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"content", "data"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join("..", "..", name))); err != nil {
			t.Fatal(err)
		}
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			err = os.Chtimes(p, at, at)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func messages(l *diag.List) []string {
	var out []string
	for _, d := range l.Items() {
		out = append(out, d.Error())
	}
	return out
}

func reportCount(site *model.Site) int {
	n := 0
	for _, t := range site.Tasks() {
		n += len(t.Reports)
	}
	return n
}

// A file whose size and time are as when it was last read, long enough
// ago, is taken from the cache unread; a newer stamp, or a file written
// within stampSlack of the load, is read again.
func TestCacheTrustsOnlyOldStamps(t *testing.T) {
	hourAgo := time.Now().Add(-time.Hour)
	dir := copyBundledSite(t, hourAgo)
	plan := filepath.Join(dir, "content", "dia-phuong", "da-nang", "ke-hoach-46-kh-ubnd-2022.md")
	src, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	cache := NewCache()
	opts := Options{DropPlanText: true, Cache: cache}
	parser := content.NewParser()
	load := func() string {
		t.Helper()
		site, diags := LoadWith(dir, parser, nil, opts)
		if err := diags.Err(); err != nil {
			t.Fatal(err)
		}
		return planByNumber(t, site, "46/KH-UBND").Title
	}
	title := load()
	// The same number of bytes, written back with the old time.
	retitled := []byte(strings.Replace(string(src), "Kế hoạch", "Kế HOạch", 1))
	if len(retitled) != len(src) || string(retitled) == string(src) {
		t.Fatalf("the edit must keep the size: %d and %d bytes", len(retitled), len(src))
	}
	write := func(at time.Time) {
		t.Helper()
		if err := os.WriteFile(plan, retitled, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(plan, at, at); err != nil {
			t.Fatal(err)
		}
	}
	write(hourAgo)
	if got := load(); got != title {
		t.Errorf("with its old stamp the plan was read again: %q", got)
	}
	write(hourAgo.Add(time.Second))
	want := load()
	if want == title {
		t.Fatal("a new stamp did not make the plan be read again")
	}
	// Written again at the same recent time: too new to trust.
	now := time.Now()
	retitled = []byte(strings.Replace(string(retitled), "Kế HOạch", "Kế HOạCH", 1))
	write(now)
	first := load()
	retitled = []byte(strings.Replace(string(retitled), "Kế HOạCH", "KẾ HOạCH", 1))
	write(now)
	if second := load(); second == first {
		t.Errorf("a plan written twice within %s kept its first text %q", stampSlack, first)
	}
}

// A locality folder's _index.md is taken from the cache while its stamp
// is as it was, messages included, and read again once it is not.
func TestCacheReadsALocalityAgainOnANewStamp(t *testing.T) {
	hourAgo := time.Now().Add(-time.Hour)
	dir := copyBundledSite(t, hourAgo)
	index := filepath.Join(dir, "content", "dia-phuong", "da-nang", "_index.md")
	src, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	write := func(text string, at time.Time) {
		t.Helper()
		if err := os.WriteFile(index, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(index, at, at); err != nil {
			t.Fatal(err)
		}
	}
	cache := NewCache()
	parser := content.NewParser()
	// load loads with the cache, and checks that it gives what a load from
	// scratch gives.
	load := func() (*model.Site, []string) {
		t.Helper()
		site, diags := LoadWith(dir, parser, nil, Options{DropPlanText: true, Cache: cache})
		fresh, freshDiags := LoadWith(dir, parser, nil, Options{DropPlanText: true})
		if got, want := messages(diags), messages(freshDiags); !reflect.DeepEqual(got, want) {
			t.Errorf("messages differ:\ncached: %v\nfresh: %v", got, want)
		}
		if diags.Err() == nil && !reflect.DeepEqual(site, fresh) {
			t.Error("the sites differ")
		}
		return site, messages(diags)
	}
	name := func(site *model.Site) string {
		for _, l := range site.Localities {
			if l.Path == "da-nang" {
				return l.Name
			}
		}
		return ""
	}
	write(string(src), hourAgo)
	load()
	if _, ok := cache.localities["da-nang"]; !ok {
		t.Fatal("da-nang's _index.md, an hour old, was not cached")
	}
	renamed := strings.Replace(string(src), `name = "Thành phố Đà Nẵng"`, `name = "Thành phố Đà Nẵng Mới"`, 1)
	write(renamed, hourAgo.Add(time.Second))
	if site, _ := load(); name(site) != "Thành phố Đà Nẵng Mới" {
		t.Errorf("after a new stamp the name is %q", name(site))
	}
	if site, _ := load(); name(site) != "Thành phố Đà Nẵng Mới" {
		t.Errorf("taken from the cache, the name is %q", name(site))
	}
	// A message of the file is given again when the file is taken from
	// the cache.
	write(strings.Replace(string(src), `name = "Thành phố Đà Nẵng"`, `name = ""`, 1), hourAgo.Add(2*time.Second))
	for range 2 {
		if _, msgs := load(); !strings.Contains(strings.Join(msgs, "\n"), "locality has no name") {
			t.Errorf("messages %v, want the missing name", msgs)
		}
	}
}
