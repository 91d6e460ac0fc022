package render

import (
	"os"
	"testing"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
)

// The page list holds no task page: each plan's page makes its tasks'
// pages when it is drawn (Page.Subpages), so that a national site never
// lists them all at once. Flatten gives every page, each task's right
// after its plan's, in the plan's order.
func TestTaskPagesComeWithTheirPlan(t *testing.T) {
	parser := content.NewParser()
	site, diags := load.Load("../..", parser, nil)
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS("../..")
	strs, err := LoadStrings(fsys, "vi")
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(fsys, strs, parser, Options{SiteTitle: "T", AsOf: model.Date{Year: 2024, Month: 9, Day: 30}})
	if err != nil {
		t.Fatal(err)
	}
	pages := r.Pages(site)
	for _, p := range pages {
		if p.Template == "task" {
			t.Fatalf("%s is listed up front", p.URL)
		}
	}
	all := Flatten(pages)
	tasks := 0
	for i, p := range all {
		plan, ok := p.Data.(*model.Plan)
		if p.Template != "plan" || !ok {
			continue
		}
		keys := map[uint64]bool{p.Key: true}
		for j, task := range plan.Tasks {
			next := all[i+1+j]
			if next.Template != "task" || next.URL != TaskURL(task) {
				t.Fatalf("page %d after %s is %s (%s), want task %s", j+1, p.URL, next.URL, next.Template, TaskURL(task))
			}
			if keys[next.Key] || next.Key == 0 {
				t.Errorf("%s: key %x is not a key of its own", next.URL, next.Key)
			}
			keys[next.Key] = true
			if last := next.Crumbs[len(next.Crumbs)-1]; last.URL != p.URL {
				t.Errorf("%s: crumbs end at %s, want its plan %s", next.URL, last.URL, p.URL)
			}
		}
		tasks += len(plan.Tasks)
	}
	if want := len(site.Tasks()); tasks != want || len(all) != len(pages)+want {
		t.Errorf("flattened %d pages with %d task pages, want %d and %d", len(all), tasks, len(pages)+want, want)
	}
}

// cut counts characters, not bytes, cuts at the last space before the
// limit and trims the punctuation left at the end.
func TestCut(t *testing.T) {
	for _, tt := range []struct {
		s     string
		limit int
		want  string
	}{
		{"", 5, ""},
		{"Rà soát", 7, "Rà soát"},                      // as long as the limit
		{"Rà soát hồ sơ", 9, "Rà soát…"},               // cut at the space before "hồ"
		{"Rà soát, hồ sơ", 10, "Rà soát…"},             // the comma trimmed
		{"Đẩymạnhsốhoá", 5, "Đẩymạ…"},                  // no space: cut at the limit
		{"Kế hoạch số 46/KH-UBND", 12, "Kế hoạch số…"}, // the cut falls after a space
	} {
		if got := cut(tt.s, tt.limit); got != tt.want {
			t.Errorf("cut(%q, %d) = %q, want %q", tt.s, tt.limit, got, tt.want)
		}
	}
}
