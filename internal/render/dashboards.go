package render

import (
	"strings"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/status"
)

// The dashboards: small charts of counts on the home, locality and plan
// pages, each with its numbers in a table beside it.

// localityBars draws each locality that has plans of its own: its tasks,
// stacked by status. Past ChartRowLimit such localities it draws the
// top-level ones instead, each with the tasks of its whole subtree.
func (r *Renderer) localityBars(site *model.Site) ChartView {
	s := r.strings
	var labels []string
	var counts []map[string]int
	var drawn []*model.Locality
	for _, l := range site.Localities {
		if len(l.Plans) > 0 {
			drawn = append(drawn, l)
		}
	}
	own := len(drawn) <= ChartRowLimit
	if !own {
		drawn = site.Roots()
	}
	for _, l := range drawn {
		plans := l.Plans
		if !own {
			plans = l.AllPlans()
		}
		c := map[string]int{}
		for _, p := range plans {
			for _, t := range p.Tasks {
				c[status.Of(t, r.opts.AsOf).Style()]++
			}
		}
		labels = append(labels, l.Name)
		counts = append(counts, c)
	}
	return r.hbars("dp-tinh-trang", s.MustT("locality_bars_title"), s.MustF("locality_bars_desc", r.Date(r.opts.AsOf)), s.MustT("col_locality"), labels, counts)
}

// HomeView is the data of the home page: the site and its dashboard.
type HomeView struct {
	*model.Site
	Total         Tally           // the site's plans and tasks by status
	Tree          bool            // list every locality, not just the top-level ones
	RecentPlans   []*model.Plan   // the newest plans, up to RecentLimit
	RecentUpdates []*model.Update // the newest updates, up to RecentLimit
	StatusBars    ChartView       // each locality's tasks by status
	LeadBars      ChartView       // the agencies leading most tasks
}

func (r *Renderer) homeView(site *model.Site, byLed []AgencyRow) HomeView {
	updates := site.Updates // newest first
	if len(updates) > RecentLimit {
		updates = updates[:RecentLimit]
	}
	return HomeView{Site: site, Total: r.index.total, Tree: len(site.Localities) <= ChartRowLimit,
		RecentPlans: newest(site.Plans, RecentLimit), RecentUpdates: updates,
		StatusBars: r.localityBars(site),
		LeadBars:   r.leadBars("cq-toan-quoc", r.strings.MustT("agencies_chart_title"), byLed, 10)}
}

// localityLeadBars draws the agencies that lead the most tasks in the plans
// of a locality and its children.
func (r *Renderer) localityLeadBars(l *model.Locality) ChartView {
	s := r.strings
	byAgency := map[*model.Agency]map[string]int{}
	var order []*model.Agency
	for _, p := range l.AllPlans() {
		for _, t := range p.Tasks {
			st := status.Of(t, r.opts.AsOf).Style()
			for _, m := range t.Lead {
				if m.Agency == nil {
					continue
				}
				if byAgency[m.Agency] == nil {
					byAgency[m.Agency] = map[string]int{}
					order = append(order, m.Agency)
				}
				byAgency[m.Agency][st]++
			}
		}
	}
	rows := make([]AgencyRow, 0, len(order))
	for _, a := range order {
		row := AgencyRow{Agency: a, Styles: byAgency[a]}
		for _, n := range row.Styles {
			row.Led += n
		}
		rows = append(rows, row)
	}
	return r.leadBars("cq-"+strings.ReplaceAll(l.Path, "/", "-"), s.MustF("locality_lead_title", l.Name), sortedRows(rows, false), 10)
}

// sectionBars draws a plan's tasks by the section they stand in, stacked
// by status, in the plan's order.
func (r *Renderer) sectionBars(p *model.Plan) ChartView {
	s := r.strings
	var labels []string
	var counts []map[string]int
	index := map[string]int{}
	for _, t := range p.Tasks {
		name := s.MustT("section_none")
		if n := len(t.Sections); n > 0 {
			name = t.Sections[n-1]
		}
		i, ok := index[name]
		if !ok {
			i = len(labels)
			index[name] = i
			labels = append(labels, name)
			counts = append(counts, map[string]int{})
		}
		counts[i][status.Of(t, r.opts.AsOf).Style()]++
	}
	return r.hbars("pm-"+p.Slug, s.MustF("section_bars_title", p.Number), s.MustF("section_bars_desc", r.Date(r.opts.AsOf)), s.MustT("col_section"), labels, counts)
}
