package render

import (
	"fmt"
	"testing"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/vntime"
)

// tree makes a province with a district with a commune, each with one plan
// of n tasks, and a second province with no plan.
func tree(n int) *model.Site {
	site := &model.Site{}
	var parent *model.Locality
	for i, name := range []string{"tinh", "tinh/huyen", "tinh/huyen/xa"} {
		l := &model.Locality{Path: name, Name: name, Parent: parent}
		if parent != nil {
			parent.Children = append(parent.Children, l)
		}
		p := &model.Plan{Locality: l, Slug: fmt.Sprint("ke-hoach-", i), Number: fmt.Sprint(i, "/KH-UBND")}
		for j := range n {
			p.Tasks = append(p.Tasks, &model.Task{Plan: p, ID: fmt.Sprint(j + 1)})
		}
		l.Plans = []*model.Plan{p}
		site.Localities = append(site.Localities, l)
		site.Plans = append(site.Plans, p)
		parent = l
	}
	site.Localities = append(site.Localities, &model.Locality{Path: "khac", Name: "khac"})
	return site
}

func TestTalliesCountSubtrees(t *testing.T) {
	site := tree(7)
	ix := newSiteIndex(site, vntime.Date{Year: 2025, Month: 1, Day: 1})
	for i, want := range []int{21, 14, 7, 0} {
		l := site.Localities[i]
		if got := ix.tally[l]; got.Tasks != want || got.Undated != want {
			t.Errorf("%s: %+v, want %d undated tasks", l.Path, got, want)
		}
	}
	if ix.total.Tasks != 21 || ix.total.Plans != 3 {
		t.Errorf("site: %+v", ix.total)
	}
}

func TestListedPlansStopAtTheLimit(t *testing.T) {
	for _, tt := range []struct {
		tasks          int
		wantSitePlans  int // plans the site's due page lists
		wantSiteCounts int // localities it counts instead
		wantTopPlans   int // plans the province's due page lists
	}{
		{tasks: 10, wantSitePlans: 3, wantTopPlans: 3},
		{tasks: ListLimit / 3, wantSitePlans: 3, wantTopPlans: 3},
		{tasks: ListLimit/3 + 1, wantSiteCounts: 2, wantTopPlans: 1},
	} {
		site := tree(tt.tasks)
		plans, counted := ListedPlans(site, nil)
		if len(plans) != tt.wantSitePlans || len(counted) != tt.wantSiteCounts {
			t.Errorf("%d tasks a plan: the site lists %d plans and counts %d localities, want %d and %d",
				tt.tasks, len(plans), len(counted), tt.wantSitePlans, tt.wantSiteCounts)
		}
		if plans, _ := ListedPlans(site, site.Localities[0]); len(plans) != tt.wantTopPlans {
			t.Errorf("%d tasks a plan: the province lists %d plans, want %d", tt.tasks, len(plans), tt.wantTopPlans)
		}
	}
}

func TestDumpParts(t *testing.T) {
	for _, tt := range []struct {
		tasks int
		parts int
		first string
	}{
		{0, 1, "/du-lieu/nhiem-vu.json.gz"},
		{DumpPartTasks, 1, "/du-lieu/nhiem-vu.json.gz"},
		{DumpPartTasks + 1, 2, "/du-lieu/nhiem-vu-1.json.gz"},
		{101_040, 3, "/du-lieu/nhiem-vu-1.json.gz"},
	} {
		n := DumpParts(tt.tasks)
		if n != tt.parts || DumpPartURL(TasksJSONURL, 1, n) != tt.first {
			t.Errorf("%d tasks: %d parts, first %s; want %d, %s", tt.tasks, n, DumpPartURL(TasksJSONURL, 1, n), tt.parts, tt.first)
		}
	}
	files := dumpParts(DataFile{URL: TasksCSVURL, Name: "nhiem-vu.csv", Format: "CSV"}, 2*DumpPartTasks+5)
	if len(files) != 3 || files[2].Name != "nhiem-vu-3.csv.gz" || files[2].Records != 5 || files[0].Records != DumpPartTasks {
		t.Errorf("parts: %+v", files)
	}
}

// Past ChartRowLimit localities with plans, the matrix has a column per
// top-level locality, and each task lands in its ancestor's column.
func TestCompareColumnsGroupPastTheLimit(t *testing.T) {
	site := &model.Site{}
	root := &model.Locality{Path: "tinh", Name: "tinh"}
	site.Localities = append(site.Localities, root)
	item := &model.CatalogItem{ID: "x"}
	for i := range ChartRowLimit + 1 {
		l := &model.Locality{Path: fmt.Sprint("tinh/xa-", i), Parent: root}
		root.Children = append(root.Children, l)
		p := &model.Plan{Locality: l}
		task := &model.Task{Plan: p, ID: "1"}
		p.Tasks = []*model.Task{task}
		l.Plans = []*model.Plan{p}
		item.Tasks = append(item.Tasks, task)
		site.Localities = append(site.Localities, l)
	}
	cols := compareLocalities(site)
	if len(cols) != 1 || cols[0] != root {
		t.Fatalf("columns: %d", len(cols))
	}
	r := &Renderer{}
	cells := r.cells(item, cols)
	if len(cells[0].Items) != ChartRowLimit+1 || len(cells[0].Shown()) != cellShown || cells[0].More() != ChartRowLimit+1-cellShown {
		t.Errorf("cell: %d tasks, %d shown, %d more", len(cells[0].Items), len(cells[0].Shown()), cells[0].More())
	}
}
