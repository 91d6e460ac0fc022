package render

import (
	"strings"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/status"
)

// The dashboards: small charts of counts on the home, locality and plan
// pages, each with its numbers in a table beside it.

// localityBars draws each locality that has plans of its own: its tasks,
// stacked by status.
func (r *Renderer) localityBars(site *model.Site) ChartView {
	s := r.strings
	var labels []string
	var counts []map[string]int
	for _, l := range site.Localities {
		if len(l.Plans) == 0 {
			continue
		}
		c := map[string]int{}
		for _, p := range l.Plans {
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
	StatusBars ChartView // each locality's tasks by status
	LeadBars   ChartView // the agencies leading most tasks
}

func (r *Renderer) homeView(site *model.Site, byLed []AgencyRow) HomeView {
	return HomeView{Site: site, StatusBars: r.localityBars(site),
		LeadBars: r.leadBars("cq-toan-quoc", r.strings.MustT("agencies_chart_title"), byLed, 10)}
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
