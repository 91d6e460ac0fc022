package render

import (
	"html/template"
	"sort"
	"strings"

	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/status"
)

// AgenciesURL is the index of agencies, by tasks led; AgenciesByPastDueURL
// is the same index by tasks past due, so both orders work without script.
const (
	AgenciesURL          = "/co-quan/"
	AgenciesByPastDueURL = "/co-quan/theo-qua-han/"
)

// AgencyURL is "/co-quan/<kind>/<locality path>/" or "/co-quan/<id>/".
func AgencyURL(a *model.Agency) string { return AgenciesURL + a.ID + "/" }

// KindURL is the page that compares the agencies of a kind: "/co-quan/<kind>/".
func KindURL(k *model.AgencyKind) string { return AgenciesURL + k.ID + "/" }

// AgencyRow is an agency with its counts, for tables.
type AgencyRow struct {
	Agency    *model.Agency
	Led       int
	Supported int
	PastDue   int // of the tasks it leads
	Done      int // of the tasks it leads
	Styles    map[string]int
}

// AgencyView is the data of an agency's page.
type AgencyView struct {
	Row       AgencyRow
	Led       DueView
	Supported DueView
	Bars      ChartView
}

// AgenciesView is the data of the index of agencies.
type AgenciesView struct {
	Rows   []AgencyRow // the first ListLimit, in order
	All    int         // the number of agencies
	ByPast bool        // sorted by tasks past due, else by tasks led
	Kinds  []*model.AgencyKind
	Chart  ChartView
}

// KindView is the data of the page comparing the agencies of a kind.
type KindView struct {
	Kind   *model.AgencyKind
	Rows   []AgencyRow
	Chart  ChartView
	Agency []AgencyView
}

func (r *Renderer) agencyRow(a *model.Agency) AgencyRow {
	row := AgencyRow{Agency: a, Led: len(a.Led), Supported: len(a.Supported), Styles: map[string]int{}}
	for _, t := range a.Led {
		st := status.Of(t, r.opts.AsOf)
		row.Styles[st.Style()]++
		if st.Timing == status.PastDue {
			row.PastDue++
		}
		if st.Done() {
			row.Done++
		}
	}
	return row
}

// agencyRows counts every agency's tasks once, for all the pages that
// show them.
func (r *Renderer) agencyRows(site *model.Site) map[*model.Agency]AgencyRow {
	byAgency := make(map[*model.Agency]AgencyRow, len(site.Agencies))
	for _, a := range site.Agencies {
		byAgency[a] = r.agencyRow(a)
	}
	return byAgency
}

// agencyPages returns the index (in both orders), one page per kind and
// one per agency; byLed is every agency's row, by tasks led.
func (r *Renderer) agencyPages(site *model.Site, byID map[*model.Agency]AgencyRow, byLed []AgencyRow, home Crumb, keys pageKeys) []Page {
	if len(site.Agencies) == 0 {
		return nil
	}
	s := r.strings
	index := Crumb{s.MustT("agencies"), AgenciesURL}
	// The views are made when drawn: a rebuild mostly keeps these pages,
	// and sorting every agency and drawing the chart was a tenth of making
	// a language's page list.
	view := func(byPast bool) func() any {
		return func() any {
			rows := byLed
			if byPast {
				rows = sortedRows(byLed, true)
			}
			chart := r.leadBars("cq-chu-tri", s.MustT("agencies_chart_title"), byLed, 15)
			return AgenciesView{Rows: firstRows(rows), All: len(rows), ByPast: byPast, Kinds: site.Kinds, Chart: chart}
		}
	}
	key := keys.agencies(byLed, site.Kinds)
	pages := []Page{
		{URL: AgenciesURL, Template: "agencies", Title: s.MustT("agencies"), Description: s.MustT("agencies_lead"), Crumbs: []Crumb{home},
			Lazy: view(false), Key: keys.at(AgenciesURL, key)},
		{URL: AgenciesByPastDueURL, Template: "agencies", Title: s.MustT("agencies_by_past_due"), Description: s.MustT("agencies_lead"), Crumbs: []Crumb{home, index},
			Lazy: view(true), Key: keys.at(AgenciesByPastDueURL, key)},
	}
	for _, k := range site.Kinds {
		if len(k.Agencies) == 0 {
			continue
		}
		// Made when drawn: a rebuild keeps most kinds' pages, and their
		// charts were a sixth of making the page list.
		view := func() any {
			v := KindView{Kind: k}
			led := 0
			for _, a := range k.Agencies {
				v.Rows = append(v.Rows, byID[a])
				led += len(a.Led)
			}
			// Each agency's tasks are on its own page; the kind's page
			// repeats them only while they fit one page (see ListLimit).
			if led <= ListLimit {
				for _, a := range k.Agencies {
					v.Agency = append(v.Agency, AgencyView{Row: byID[a], Led: dueViewOf(a.Led, r.opts.AsOf)})
				}
			}
			chartRows := v.Rows
			if len(chartRows) > ChartRowLimit {
				chartRows = sortedRows(chartRows, false)[:ChartRowLimit]
			}
			v.Chart = r.statusBars("loai-"+k.ID, s.MustF("kind_chart_title", k.Name), chartRows)
			return v
		}
		pages = append(pages, Page{URL: KindURL(k), Template: "kind", Title: s.MustF("kind_title", k.Name),
			Description: s.MustF("kind_title", k.Name), Crumbs: []Crumb{home, index}, Lazy: view, Key: keys.kind(k)})
	}
	for _, a := range site.Agencies {
		row := byID[a]
		view := func() any {
			v := AgencyView{Row: row, Led: dueViewOf(a.Led, r.opts.AsOf), Supported: dueViewOf(a.Supported, r.opts.AsOf)}
			all := dueViewOf(append(append([]*model.Task(nil), a.Led...), a.Supported...), r.opts.AsOf)
			v.Bars = r.quarterBars("cq-"+strings.ReplaceAll(a.ID, "/", "-"), s.MustF("bars_title", a.Name), all)
			return v
		}
		crumbs := []Crumb{home, index}
		if a.Kind != nil {
			crumbs = append(crumbs, Crumb{s.MustF("kind_title", a.Kind.Name), KindURL(a.Kind)})
		}
		pages = append(pages, Page{URL: AgencyURL(a), Template: "agency", Title: a.Name,
			Description: s.MustF("agency_description", a.Name, len(a.Led), len(a.Supported)), Crumbs: crumbs, Lazy: view, Key: keys.agency(a)})
	}
	return pages
}

// firstRows cuts the index's table to ListLimit rows; every agency is on
// its kind's page and in co-quan.json.
func firstRows(rows []AgencyRow) []AgencyRow {
	if len(rows) > ListLimit {
		return rows[:ListLimit]
	}
	return rows
}

// sortedRows orders agencies by tasks led (or past due), most first, then
// by name, so that the busiest agencies lead the table.
func sortedRows(rows []AgencyRow, byPast bool) []AgencyRow {
	out := append([]AgencyRow(nil), rows...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if byPast && a.PastDue != b.PastDue {
			return a.PastDue > b.PastDue
		}
		if a.Led != b.Led {
			return a.Led > b.Led
		}
		return a.Agency.Name < b.Agency.Name
	})
	return out
}

// leadBars draws the agencies that lead the most tasks, by status.
func (r *Renderer) leadBars(id, title string, rows []AgencyRow, limit int) ChartView {
	var top []AgencyRow
	for _, row := range rows {
		if row.Led > 0 && len(top) < limit {
			top = append(top, row)
		}
	}
	return r.statusBars(id, title, top)
}

// statusBars draws one horizontal bar per agency: the tasks it leads,
// stacked by status.
func (r *Renderer) statusBars(id, title string, rows []AgencyRow) ChartView {
	s := r.strings
	var labels []string
	var counts []map[string]int
	for _, row := range rows {
		labels = append(labels, row.Agency.Name)
		counts = append(counts, row.Styles)
	}
	return r.hbars(id, title, s.MustF("agency_bars_desc", r.Date(r.opts.AsOf)), s.MustT("col_agency"), labels, counts)
}

// hbars draws horizontal bars stacked by status style, with the numbers
// for the table beside the chart.
func (r *Renderer) hbars(id, title, desc, rowHeader string, labels []string, counts []map[string]int) ChartView {
	s := r.strings
	used := map[string]bool{}
	for _, c := range counts {
		for st, n := range c {
			if n > 0 {
				used[st] = true
			}
		}
	}
	h := chart.HBars{ID: id, Title: title, Desc: desc, XLabel: s.MustT("bars_y")}
	var keys []string
	for _, st := range styles() {
		if used[st] {
			keys = append(keys, st)
			h.Series = append(h.Series, chart.Series{Status: chart.Status(st), Label: s.MustT("style_" + st)})
		}
	}
	for i, label := range labels {
		row := chart.HRow{Label: label}
		for _, k := range keys {
			row.Values = append(row.Values, counts[i][k])
		}
		h.Rows = append(h.Rows, row)
	}
	return ChartView{Title: title, SVG: template.HTML(h.SVG()), Series: h.Series, Rows: h.Rows, RowHeader: rowHeader}
}

// agencyTable is the data of the "agency-table" layout: whether it is
// sorted by tasks past due, and whether its headers link to the other order.
type agencyTable struct {
	Rows     []AgencyRow
	ByPast   bool
	Sortable bool
}
