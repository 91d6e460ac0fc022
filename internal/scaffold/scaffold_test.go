package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
)

// The files new writes load as content: a locality at once; a plan and an
// update once the editor fills in what only the document can say, and
// until then the build names exactly those fields.
func TestNewFilesLoad(t *testing.T) {
	src := t.TempDir()
	if _, err := NewLocality(src, Locality{Path: "thu", Name: "Tỉnh Thử", Level: model.Province}); err != nil {
		t.Fatal(err)
	}
	if _, err := NewLocality(src, Locality{Path: "thu/xa-mot", Name: "Xã Một", Level: model.Commune}); err != nil {
		t.Fatal(err)
	}
	plan, err := NewPlan(src, Plan{Locality: "thu/xa-mot", Number: "12/KH-UBND"})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(plan) != "ke-hoach-12-kh-ubnd.md" {
		t.Errorf("plan file %s", plan)
	}
	update, err := NewUpdate(src, Update{Locality: "thu"})
	if err != nil {
		t.Fatal(err)
	}
	_, diags := load.Load(src, content.NewParser(), nil)
	var got []string
	for _, d := range diags.Items() {
		got = append(got, d.Error())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{"plan has no title", "plan has no issuer", "plan has no issue date", "update has no title", "update has no date"} {
		if !strings.Contains(all, want) {
			t.Errorf("unfilled templates: no %q in\n%s", want, all)
		}
	}
	fill(t, plan, map[string]string{
		`title = ""`:            `title = "Kế hoạch thử"`,
		`issuer = ""`:           `issuer = "Ủy ban nhân dân xã Một"`,
		"# issued = 2022-03-10": "issued = 2022-03-10",
	})
	appendTo(t, plan, "\n### 1. Việc một\n\n- Cơ quan chủ trì: Công an xã\n- Thời gian thực hiện: Quý I/2022\n")
	fill(t, update, map[string]string{`title = ""`: `title = "Báo cáo"`, "# date = 2024-09-23": "date = 2024-09-23"})
	site, diags := load.Load(src, content.NewParser(), nil)
	if diags.Len() > 0 {
		t.Fatalf("filled templates: %v", diags.Items())
	}
	if len(site.Plans) != 1 || len(site.Plans[0].Tasks) != 1 || site.Plans[0].Tasks[0].Deadline.End.ISO() != "2022-03-31" {
		t.Errorf("the filled plan does not have its one task due 31/3/2022")
	}
}

func fill(t *testing.T, file string, replace map[string]string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for old, repl := range replace {
		if !strings.Contains(s, old) {
			t.Fatalf("%s has no %q", file, old)
		}
		s = strings.Replace(s, old, repl, 1)
	}
	if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestNewRefusesBadInputAndOverwriting(t *testing.T) {
	src := t.TempDir()
	if _, err := NewLocality(src, Locality{Path: "thu", Name: "Tỉnh Thử", Level: model.Province}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		run  func() (string, error)
		want string
	}{
		{"exists", func() (string, error) {
			return NewLocality(src, Locality{Path: "thu", Name: "Tỉnh Thử", Level: model.Province})
		}, "already exists"},
		{"bad level", func() (string, error) {
			return NewLocality(src, Locality{Path: "khac", Name: "Khác", Level: "tỉnh"})
		}, `write --level tinh`},
		{"no parent", func() (string, error) {
			return NewLocality(src, Locality{Path: "khong/xa", Name: "Xã", Level: model.Commune})
		}, "parent locality khong does not exist"},
		{"not a slug", func() (string, error) {
			return NewLocality(src, Locality{Path: "Đà Nẵng", Name: "Thành phố Đà Nẵng", Level: model.Province})
		}, `use "da-nang"`},
		{"no such locality", func() (string, error) { return NewPlan(src, Plan{Locality: "khong", Number: "1/KH-UBND"}) }, "there is no locality khong"},
		{"bad number", func() (string, error) { return NewPlan(src, Plan{Locality: "thu", Number: "kế hoạch 1"}) }, "does not look like a document number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.run()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
	before, _ := os.ReadFile(filepath.Join(src, "content", "dia-phuong", "thu", "_index.md"))
	if !strings.Contains(string(before), `name = "Tỉnh Thử"`) {
		t.Error("the existing locality file changed")
	}
}

func appendTo(t *testing.T, file, text string) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}
