package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/vntime"
)

// ChartView is a chart ready for a layout: the SVG, and for bar charts the
// numbers behind it, which the layout prints as a table beside the chart.
type ChartView struct {
	Title     string
	SVG       template.HTML
	Series    []chart.Series
	Columns   []chart.Column // vertical bars
	Rows      []chart.HRow   // horizontal bars
	RowHeader string         // what a row of Rows is: "Cơ quan", "Phần"
}

// styles are the status styles in the order charts stack and list them.
func styles() []string {
	return []string{"done", "done-late", "past-due", "due-soon", "active", "paused", "not-started", "no-report"}
}

// timeline draws a plan's tasks on a Gantt chart, one group per section.
func (r *Renderer) timeline(p *model.Plan) ChartView {
	s := r.strings
	tl := chart.Timeline{ID: "tl-" + p.Slug, Title: s.MustF("timeline_title", p.Number), AsOf: r.opts.AsOf, Text: r.timelineText()}
	dated, past, done := 0, 0, 0
	key := "\x00"
	for _, t := range p.Tasks {
		if k := strings.Join(t.Sections, "\x00"); k != key || len(tl.Groups) == 0 {
			key = k
			name := ""
			if n := len(t.Sections); n > 0 {
				name = t.Sections[n-1]
			}
			tl.Groups = append(tl.Groups, chart.Group{Name: name})
		}
		st := status.Of(t, r.opts.AsOf)
		g := &tl.Groups[len(tl.Groups)-1]
		g.Rows = append(g.Rows, r.timelineRow(t, st))
		if t.Deadline.Dated() {
			dated++
		}
		if st.Timing == status.PastDue {
			past++
		}
		if st.Done() {
			done++
		}
	}
	tl.Desc = s.MustF("timeline_desc", r.Date(r.opts.AsOf), dated, past, done)
	return ChartView{SVG: template.HTML(tl.SVG())}
}

func (r *Renderer) timelineText() chart.TimelineText {
	s := r.strings
	text := chart.TimelineText{
		AsOf:   s.MustF("timeline_as_of", r.Date(r.opts.AsOf)),
		Legend: map[chart.Status]string{},
		MarkLegend: map[chart.Mark]string{
			chart.Bar: s.MustT("mark_bar"), chart.By: s.MustT("mark_by"), chart.OpenEnded: s.MustT("mark_open"),
			chart.Points: s.MustT("mark_points"), chart.Span: s.MustT("mark_span"), chart.Repeating: s.MustT("mark_repeating"),
			chart.NoDate: s.MustT("mark_none"),
		},
	}
	for q := range 4 {
		text.Quarters[q] = s.MustT(fmt.Sprintf("quarter_%d", q+1))
	}
	for _, st := range styles() {
		text.Legend[chart.Status(st)] = s.MustT("style_" + st)
	}
	return text
}

// timelineRow draws a task by the kind of its deadline: what the document
// states, never more. Undated tasks keep their text in the row.
func (r *Renderer) timelineRow(t *model.Task, st status.Status) chart.Row {
	d := t.Deadline
	row := chart.Row{Label: t.ID, Title: t.Title, Status: chart.Status(st.Style()), Start: d.Start, End: d.End}
	switch d.Kind {
	case vntime.Window:
		row.Mark = chart.Bar
	case vntime.By:
		row.Mark, row.Start = chart.By, vntime.Date{}
	case vntime.From:
		row.Mark = chart.OpenEnded
	case vntime.Milestones:
		row.Mark = chart.Points
		for _, m := range d.Milestones {
			row.Points = append(row.Points, m.Date)
		}
	case vntime.Ongoing:
		row.Mark, row.Note = chart.Span, t.Due
	case vntime.Recurring:
		row.Mark, row.Every, row.Note = chart.Repeating, d.Every, t.Due
	default:
		row.Mark, row.Note = chart.NoDate, t.Due
		if t.Due == "" {
			row.Note = r.strings.MustT("due_none")
		}
	}
	return row
}

// dueBars counts a locality's tasks by the quarter they fall due in and by
// status, with a last column for tasks that have no date. Quarters with no
// task between the first and the last still get a column, so that the
// axis is true to time.
func (r *Renderer) dueBars(l *model.Locality, v DueView) ChartView {
	return r.quarterBars("cot-"+strings.ReplaceAll(l.Path, "/", "-"), r.strings.MustF("bars_title", l.Name), v)
}

// quarterBars counts tasks by the quarter they fall due in and by status.
func (r *Renderer) quarterBars(id, title string, v DueView) ChartView {
	s := r.strings
	counts := map[int]map[string]int{} // by quarter index: year*4 + quarter-1
	undated := map[string]int{}
	used := map[string]bool{}
	first, last := 0, 0
	for _, group := range [][]DueItem{v.PastDue, v.DueSoon, v.Later, v.Done, v.Undated} {
		for _, it := range group {
			style := it.Status.Style()
			used[style] = true
			due := it.Status.Due
			if due.IsZero() {
				undated[style]++
				continue
			}
			q := due.Year*4 + due.Quarter() - 1
			if counts[q] == nil {
				counts[q] = map[string]int{}
			}
			counts[q][style]++
			if first == 0 || q < first {
				first = q
			}
			last = max(last, q)
		}
	}
	b := chart.Bars{ID: id, Title: title, YLabel: s.MustT("bars_y")}
	var keys []string
	for _, st := range styles() {
		if used[st] {
			keys = append(keys, st)
			b.Series = append(b.Series, chart.Series{Status: chart.Status(st), Label: s.MustT("style_" + st)})
		}
	}
	column := func(label string, by map[string]int) chart.Column {
		c := chart.Column{Label: label}
		for _, k := range keys {
			c.Values = append(c.Values, by[k])
		}
		return c
	}
	if len(counts) > 0 {
		for q := first; q <= last; q++ {
			b.Columns = append(b.Columns, column(s.MustF("quarter_short", r.quarterAbbr(q%4+1), q/4), counts[q]))
		}
	}
	if len(undated) > 0 {
		b.Columns = append(b.Columns, column(s.MustT("bars_undated"), undated))
	}
	b.Desc = s.MustF("bars_desc", r.Date(r.opts.AsOf), v.Total())
	return ChartView{Title: title, SVG: template.HTML(b.SVG()), Series: b.Series, Columns: b.Columns}
}

// quarterAbbr names quarter q (1–4) briefly: "III" in Vietnamese, "Q3" in English.
func (r *Renderer) quarterAbbr(q int) string {
	return r.strings.MustT("quarter_abbr_" + strconv.Itoa(q))
}
