package render

import (
	"sort"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/vntime"
)

// A national portal holds some 100,000 tasks in 3,300 localities. No
// reader can use a page listing them all, and no page may grow with the
// whole corpus, or the build grows with its square. Pages that gather
// tasks from many plans therefore list them one by one only up to
// ListLimit; past it they list their locality's own tasks and count the
// rest by child locality, each count linking to the child's page, so that
// every task is still listed on some page.
const ListLimit = 500

// ChartRowLimit is the most rows a chart of localities draws; past it the
// chart draws the top-level localities, each counting its descendants.
const ChartRowLimit = 40

// RecentLimit is how many of the newest plans and updates the home page
// lists; the rest are on their localities' pages.
const RecentLimit = 20

// Tally counts the plans and tasks of a locality and its descendants by
// where the tasks stand.
type Tally struct {
	Plans, Tasks                           int
	PastDue, DueSoon, Later, Done, Undated int
}

func (t *Tally) add(o Tally) {
	t.Plans += o.Plans
	t.Tasks += o.Tasks
	t.PastDue += o.PastDue
	t.DueSoon += o.DueSoon
	t.Later += o.Later
	t.Done += o.Done
	t.Undated += o.Undated
}

// count adds one task with its status.
func (t *Tally) count(s status.Status) {
	t.Tasks++
	switch {
	case s.Done():
		t.Done++
	case s.Due.IsZero():
		t.Undated++
	case s.Timing == status.PastDue:
		t.PastDue++
	case s.Timing == status.DueSoon:
		t.DueSoon++
	default:
		t.Later++
	}
}

// Listed reports whether a page may list these tasks one by one.
func (t Tally) Listed() bool { return t.Tasks <= ListLimit }

// ChildTally is a child locality with the tally of its subtree.
type ChildTally struct {
	Locality *model.Locality
	Tally
}

// siteIndex is what many pages need to know about the whole site, counted
// once per build in one pass over the tasks rather than by every page.
type siteIndex struct {
	tally map[*model.Locality]Tally // each locality with its descendants
	total Tally                     // the whole site
}

// newSiteIndex counts every locality's subtree, children before parents:
// linear in the number of tasks whatever the depth of the tree.
func newSiteIndex(site *model.Site, asOf vntime.Date) *siteIndex {
	ix := &siteIndex{tally: make(map[*model.Locality]Tally, len(site.Localities))}
	for i := len(site.Localities) - 1; i >= 0; i-- {
		l := site.Localities[i]
		t := ix.tally[l]
		t.Plans += len(l.Plans)
		for _, p := range l.Plans {
			for _, task := range p.Tasks {
				t.count(status.Of(task, asOf))
			}
		}
		ix.tally[l] = t
		if l.Parent != nil {
			pt := ix.tally[l.Parent]
			pt.add(t)
			ix.tally[l.Parent] = pt
		} else {
			ix.total.add(t)
		}
	}
	return ix
}

// children tallies each of locs.
func (ix *siteIndex) children(locs []*model.Locality) []ChildTally {
	out := make([]ChildTally, 0, len(locs))
	for _, c := range locs {
		out = append(out, ChildTally{Locality: c, Tally: ix.tally[c]})
	}
	return out
}

// ListedPlans are the plans whose tasks the due page and calendar of l
// (of the site when l is nil) list one by one: all of them in its subtree
// up to ListLimit tasks, else only its own. The second result is the
// localities whose tasks are counted rather than listed.
func ListedPlans(site *model.Site, l *model.Locality) ([]*model.Plan, []*model.Locality) {
	all, own, kids := site.Plans, []*model.Plan(nil), site.Roots()
	if l != nil {
		all, own, kids = l.AllPlans(), l.Plans, l.Children
	}
	n := 0
	for _, p := range all {
		n += len(p.Tasks)
	}
	if n <= ListLimit {
		return all, nil
	}
	return own, kids
}

// newest returns up to n plans, the most recently issued first.
func newest(plans []*model.Plan, n int) []*model.Plan {
	out := append([]*model.Plan(nil), plans...)
	sort.SliceStable(out, func(i, j int) bool { return out[j].Issued.Before(out[i].Issued) })
	if len(out) > n {
		out = out[:n]
	}
	return out
}
