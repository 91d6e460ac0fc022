package render

import (
	"html/template"

	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/citation"
	"github.com/minhbach/minhbach/internal/model"
)

// CompareURL is the matrix of the programme's recurring tasks by locality.
const CompareURL = "/so-sanh/"

// CatalogItemURL is "/so-sanh/<item>/".
func CatalogItemURL(it *model.CatalogItem) string { return CompareURL + it.ID + "/" }

// CompareCell is what one locality promised for one catalogue item: its
// tasks linked to the item, each with its status.
type CompareCell struct {
	Locality *model.Locality
	Items    []DueItem // earliest due first, undated last
}

// cellShown is how many of a cell's tasks the matrix lists; its item's
// page lists them all.
const cellShown = 3

// Shown are the tasks the matrix lists in the cell.
func (c CompareCell) Shown() []DueItem { return c.Items[:min(len(c.Items), cellShown)] }

// More is the number of the cell's tasks the matrix does not list.
func (c CompareCell) More() int { return max(len(c.Items)-cellShown, 0) }

// CompareRow is a catalogue item across the compared localities.
type CompareRow struct {
	Item  *model.CatalogItem
	Cells []CompareCell // one per locality of CompareView.Localities
}

// CompareView is the data of the /so-sanh/ page.
type CompareView struct {
	Localities []*model.Locality // those with plans of their own, in site order
	Rows       []CompareRow      // items some locality has a task for
	Unmatched  []*model.CatalogItem
	HeatMap    template.HTML
}

// ItemView is the data of a catalogue item's page.
type ItemView struct {
	Item  *model.CatalogItem
	Cells []CompareCell // every locality with plans, with or without a task
	Basis *model.Document
}

// compareLocalities are the columns of the matrix: the localities that
// have plans of their own, or past ChartRowLimit of them the top-level
// localities, each standing for its whole subtree.
func compareLocalities(site *model.Site) []*model.Locality {
	var out []*model.Locality
	for _, l := range site.Localities {
		if len(l.Plans) > 0 {
			out = append(out, l)
		}
	}
	if len(out) > ChartRowLimit {
		return site.Roots()
	}
	return out
}

// cells puts an item's tasks under the column of the locality whose plan
// has them: that locality, or its nearest ancestor among the columns.
func (r *Renderer) cells(it *model.CatalogItem, locs []*model.Locality) []CompareCell {
	column := make(map[*model.Locality]bool, len(locs))
	for _, l := range locs {
		column[l] = true
	}
	byLoc := map[*model.Locality][]*model.Task{}
	for _, t := range it.Tasks {
		l := t.Plan.Locality
		for l != nil && !column[l] {
			l = l.Parent
		}
		if l != nil {
			byLoc[l] = append(byLoc[l], t)
		}
	}
	out := make([]CompareCell, 0, len(locs))
	for _, l := range locs {
		out = append(out, CompareCell{Locality: l, Items: dueViewOf(byLoc[l], r.opts.AsOf).byDate()})
	}
	return out
}

// byDate lists the view's tasks by due date whatever their status, the
// undated last, so that a cell shows the earliest promise first.
func (v DueView) byDate() []DueItem {
	var dated []DueItem
	for _, g := range [][]DueItem{v.PastDue, v.DueSoon, v.Later, v.Done} {
		dated = append(dated, g...)
	}
	sortByDue(dated)
	return append(dated, v.Undated...)
}

func (r *Renderer) comparePages(site *model.Site, home Crumb, keys pageKeys) []Page {
	if len(site.Catalog) == 0 {
		return nil
	}
	s := r.strings
	locs := compareLocalities(site)
	docs := map[string]*model.Document{}
	for _, d := range site.Documents {
		docs[d.ID] = d
	}
	// The views are made as each page is drawn: on a national site the
	// cells hold every linked task, and the matrix is a megabyte of SVG.
	view := func() any {
		v := CompareView{Localities: locs}
		for _, it := range site.Catalog {
			if len(it.Tasks) == 0 {
				v.Unmatched = append(v.Unmatched, it)
			} else {
				v.Rows = append(v.Rows, CompareRow{Item: it, Cells: r.cells(it, locs)})
			}
		}
		v.HeatMap = r.heatMap(v)
		return v
	}
	var items []Page
	index := Crumb{s.MustT("compare"), CompareURL}
	for _, it := range site.Catalog {
		item := func() any { return ItemView{Item: it, Cells: r.cells(it, locs), Basis: docs[citation.IDOf(it.Basis)]} }
		items = append(items, Page{URL: CatalogItemURL(it), Template: "compare-item", Title: it.Name,
			Description: s.MustF("compare_item_description", it.Name), Crumbs: []Crumb{home, index},
			Lazy: item, Key: keys.item(it)})
	}
	page := Page{URL: CompareURL, Template: "compare", Title: s.MustT("compare"), Description: s.MustT("compare_lead"), Crumbs: []Crumb{home}, Lazy: view, Key: keys.comparison}
	return append([]Page{page}, items...)
}

// heatMap draws the matrix: a cell per item and locality, coloured by the
// quarter of the earliest date the locality promised, with that quarter
// (or "no date") printed in it and a mark for its status.
func (r *Renderer) heatMap(v CompareView) template.HTML {
	s := r.strings
	first, last := 0, -1
	for _, row := range v.Rows {
		for _, c := range row.Cells {
			if len(c.Items) == 0 || c.Items[0].Status.Due.IsZero() {
				continue
			}
			q := quarterIndex(c.Items[0].Status.Due)
			if last < 0 || q < first {
				first = q
			}
			last = max(last, q)
		}
	}
	h := chart.HeatMap{ID: "so-sanh", Title: s.MustT("compare_heat_title"), Desc: s.MustF("compare_heat_desc", r.Date(r.opts.AsOf)),
		Legend: s.MustT("compare_heat_legend"), EmptyText: s.MustT("compare_none"), StatusLabels: map[chart.Status]string{}}
	for _, l := range v.Localities {
		h.Columns = append(h.Columns, l.Name)
	}
	for q := first; q <= last; q++ {
		h.Buckets = append(h.Buckets, s.MustF("quarter_short", r.quarterAbbr(q%4+1), q/4))
	}
	for _, row := range v.Rows {
		hr := chart.HeatRow{Label: row.Item.Short}
		if hr.Label == "" {
			hr.Label = row.Item.Name
		}
		for _, c := range row.Cells {
			hr.Cells = append(hr.Cells, r.heatCell(c, first))
		}
		h.Rows = append(h.Rows, hr)
	}
	for _, st := range styles() {
		h.StatusLabels[chart.Status(st)] = s.MustT("style_" + st)
	}
	return template.HTML(h.SVG())
}

func (r *Renderer) heatCell(c CompareCell, first int) chart.HeatCell {
	s := r.strings
	if len(c.Items) == 0 {
		return chart.HeatCell{Bucket: -1}
	}
	it := c.Items[0]
	cell := chart.HeatCell{Bucket: -1, Status: chart.Status(it.Status.Style())}
	if it.Status.Due.IsZero() {
		cell.Text = s.MustT("compare_no_date")
	} else {
		q := quarterIndex(it.Status.Due)
		cell.Bucket = q - first
		cell.Text = s.MustF("quarter_short", r.quarterAbbr(q%4+1), q/4)
	}
	if n := len(c.Items); n > 1 {
		cell.Text += " " + s.MustF("compare_more", n-1)
	}
	return cell
}

// quarterIndex numbers quarters in a row: year*4 + quarter-1.
func quarterIndex(d model.Date) int { return d.Year*4 + d.Quarter() - 1 }
