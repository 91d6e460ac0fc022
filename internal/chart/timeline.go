package chart

import (
	"io"
	"math"
	"strings"

	"github.com/minhbach/minhbach/internal/vntime"
)

// Mark is how a row's time is drawn.
type Mark int

// The marks. Each has its own shape, so that a window, a due date and an
// ongoing duty read differently even in a row of the same status.
const (
	// Bar is a window Start..End: a bar filling those days. With a zero
	// Start it is a due date, drawn as By.
	Bar Mark = iota
	// OpenEnded is in force from Start on: a bar from Start to the end of
	// the axis with an arrow head.
	OpenEnded
	// Points are milestones: a diamond at each date in Points.
	Points
	// Span is an ongoing duty: a dashed band across the whole axis, with
	// the Note.
	Span
	// Repeating is a recurring duty: a tick at each Every period across the
	// axis, with the Note.
	Repeating
	// NoDate is a conditional, unknown or missing deadline: no mark, only
	// the Note.
	NoDate
	// By is a due date End: a thin line from the start of the axis to a
	// diamond at End, so that "by" reads differently from a window. A Bar
	// with a zero Start is drawn the same way and takes By's legend label.
	By
)

// markOrder is the order of the marks in a legend.
func markOrder() []Mark { return []Mark{Bar, By, OpenEnded, Points, Span, Repeating, NoDate} }

// Row is one task of a timeline.
type Row struct {
	Label      string // short id shown at the left, e.g. "5.1.1"
	Title      string // the task's full title, shown as the row's tooltip
	Mark       Mark
	Start, End vntime.Date
	Points     []vntime.Date
	Every      vntime.Period
	Note       string // drawn in the row for Span, Repeating and NoDate rows, cut with "…" to fit; always in the tooltip
	Status     Status
}

// Group is a section of the plan, drawn as a header line across the chart
// above its rows. A group with no Name has no header.
type Group struct {
	Name string
	Rows []Row
}

// Timeline is the Gantt chart of one plan: a row per task under its
// section, on an axis of years and quarters.
type Timeline struct {
	ID, Title, Desc string
	// AsOf is the date the statuses were checked: a vertical line across
	// the rows, labelled at the top; when it is off the axis, a note at the
	// edge says which way it lies.
	AsOf vntime.Date
	// Start and End bound the axis, rounded out to whole quarters. A zero
	// bound is computed from the rows' dates and AsOf (when AsOf is within
	// two years of them). Marks outside the bounds are clipped.
	Start, End vntime.Date
	Groups     []Group
	Text       TimelineText
}

// TimelineText holds the strings a timeline shows; the caller supplies
// them in the page's language.
type TimelineText struct {
	// Quarters name the quarter columns ("Quý I".."Quý IV"). When a name
	// does not fit its column, its last word is used ("III"); empty names
	// are Roman numerals.
	Quarters [4]string
	// AsOf labels the as-of line, e.g. "Ngày đối chiếu 30/9/2024"; empty
	// means the ISO date.
	AsOf string
	// Legend labels each status style. Only the statuses the rows use are
	// shown; one without a label is shown with its key, so that no style
	// goes unexplained.
	Legend map[Status]string
	// MarkLegend labels each mark kind (e.g. "Thường xuyên", "Mốc").
	// Only marks the rows use and that have a label here are shown.
	MarkLegend map[Mark]string
}

// Timeline layout, in px.
const (
	rowH        = 22 // a task row
	groupH      = 24 // a section header
	headH       = 18 // a line of the axis header, and the as-of label line
	barY        = 5  // top of a bar in its row
	barH        = 12
	chipW       = 12 // the status chip before a row's label
	minLabelCol = 64
	maxLabelCol = 128
	footRows    = 15 // more rows than this repeat the axis below them
	arrowW      = 9
	diamond     = 7   // half the height of a milestone diamond
	minAxisW    = 224 // room for notes on a plan of one or two quarters

	gridColour  = "#d1d5db" // quarter lines: decoration only
	yearColour  = "#6b7280" // year lines and the header rule, 4.8:1
	groupColour = "#e8ecf1"
	asOfColour  = "#111827"
	neutralInk  = "#4b5563" // shapes in the mark legend, which carry no status
	zebraBg     = "#f5f5f5" // what the 4% black of an odd row looks like on white
)

// SVG returns the chart as a complete <svg> element.
func (t *Timeline) SVG() string {
	l := t.layout()
	if l == nil {
		return emptySVG(cleanID(t.ID), t.Title, t.Desc)
	}
	var w svgWriter
	w.b.Grow(4096 + 640*l.rows) // about what a row takes, to save regrowing a large chart
	l.write(&w)
	return w.b.String()
}

// WriteSVG writes the chart as a complete <svg> element.
func (t *Timeline) WriteSVG(out io.Writer) error {
	_, err := io.WriteString(out, t.SVG())
	return err
}

// kind returns how r is drawn once its dates are taken into account: a
// Bar with no Start is a due date, a mark with no date at all has only
// its note.
func (r Row) kind() Mark {
	switch r.Mark {
	case Bar:
		switch {
		case r.Start.IsZero() && r.End.IsZero():
			return NoDate
		case r.Start.IsZero():
			return By
		}
		return Bar
	case By:
		if r.End.IsZero() && r.Start.IsZero() {
			return NoDate
		}
		return By
	case Points:
		for _, d := range r.Points {
			if !d.IsZero() {
				return Points
			}
		}
		return NoDate
	case OpenEnded, Span, Repeating:
		return r.Mark
	}
	return NoDate
}

// window returns the first and last day of a Bar, in order; a Bar with
// only a Start is that one day.
func (r Row) window() (vntime.Date, vntime.Date) {
	s, e := r.Start, r.End
	if e.IsZero() {
		e = s
	}
	if e.Before(s) {
		s, e = e, s
	}
	return s, e
}

// due returns the day a By row falls due.
func (r Row) due() vntime.Date {
	if r.End.IsZero() {
		return r.Start
	}
	return r.End
}

// eachDate calls f with every date r's mark is drawn at; Span, Repeating
// and NoDate rows have none, as they span the axis or have no place on it.
func (r Row) eachDate(f func(vntime.Date)) {
	switch r.kind() {
	case Bar:
		s, e := r.window()
		f(s)
		f(e)
	case By:
		f(r.due())
	case OpenEnded:
		if !r.Start.IsZero() {
			f(r.Start)
		}
	case Points:
		for _, d := range r.Points {
			if !d.IsZero() {
				f(d)
			}
		}
	}
}

// tooltip is the text of a row's <title>: label and title, the dates in
// ISO form, and the full note.
func (r Row) tooltip() string {
	var lines []string
	if head := strings.TrimSpace(r.Label + " " + r.Title); head != "" {
		lines = append(lines, head)
	}
	var dates string
	switch r.kind() {
	case Bar:
		s, e := r.window()
		dates = s.ISO()
		if s != e {
			dates += " – " + e.ISO()
		}
	case By:
		dates = "… – " + r.due().ISO()
	case OpenEnded:
		if !r.Start.IsZero() {
			dates = r.Start.ISO() + " – …"
		}
	case Points:
		var ds []string
		for _, d := range r.Points {
			if !d.IsZero() {
				ds = append(ds, d.ISO())
			}
		}
		dates = strings.Join(ds, ", ")
	}
	if dates != "" {
		lines = append(lines, dates)
	}
	if r.Note != "" {
		lines = append(lines, r.Note)
	}
	return strings.Join(lines, "\n")
}

// timelineLayout is a timeline measured and placed, ready to write.
type timelineLayout struct {
	t        *Timeline
	id       string
	rows     int
	dated    bool // there is a time axis: some row or AsOf has a date
	ax       quarterAxis
	clip     bool // some mark lies off the axis
	quarters [4]string
	legend   legendLayout
	used     map[Status]bool
	asOf     asOfMark

	width, height                       float64
	yLegend, yAsOf, yHead, yRows, yFoot float64
	rowsEnd                             float64
	labelW                              float64
	showFoot                            bool
}

// asOfMark is where the as-of line and its label go.
type asOfMark struct {
	show   bool
	inside bool    // the line is drawn; otherwise only the edge note
	x      float64 // the line
	text   string
	textX  float64
	anchor string // text-anchor of the label
}

// layout measures the chart; nil means there are no rows to draw.
func (t *Timeline) layout() *timelineLayout {
	l := &timelineLayout{t: t, id: cleanID(t.ID), used: map[Status]bool{}}
	usedMarks := map[Mark]bool{}
	maxLabel := 0.0
	for _, g := range t.Groups {
		for _, r := range g.Rows {
			l.rows++
			l.used[r.Status.known()] = true
			usedMarks[r.kind()] = true
			maxLabel = max(maxLabel, textWidth(r.Label, fontSize, false))
		}
	}
	if l.rows == 0 {
		return nil
	}
	l.labelW = min(max(math.Ceil(pad+chipW+6+maxLabel+8), minLabelCol), maxLabelCol)

	lo, hi, dated := t.bounds()
	l.dated = dated
	if dated {
		l.ax = newQuarterAxis(l.labelW, 0, lo, hi)
		l.ax.qw = quarterWidth(l.ax.nq)
		l.quarters = quarterNames(t.Text.Quarters, l.ax.qw)
		l.clip = t.anyOffAxis(l.ax)
	} else {
		// No dates at all: an axis of four nameless quarters, so ongoing
		// and recurring rows have the same room and look as in a dated chart.
		l.ax = quarterAxis{x0: l.labelW, qw: minAxisW / 4, nq: 4}
	}

	l.legend = layoutLegend(t.legendItems(l.id, l.used, usedMarks), maxLegendW)
	l.width = max(l.ax.right()+pad, l.legend.w+2*pad)
	l.placeAsOf()
	l.placeVertically()
	return l
}

// quarterWidth returns the width of a quarter column: 56px fits "Quý III"
// and a month tick every 19px; plans of more than five years get 48px to
// keep the width down, plans of under a year get wider quarters so that
// the axis still has room for the rows' notes.
func quarterWidth(nq int) float64 {
	switch {
	case nq > 20:
		return 48
	case nq*56 < minAxisW:
		return minAxisW / float64(nq)
	}
	return 56
}

// bounds returns the axis bounds: t.Start and t.End where given, else the
// earliest and latest dates of the rows, widened to AsOf when it is within
// two years of them, so the as-of line shows unless it is far off.
func (t *Timeline) bounds() (lo, hi vntime.Date, ok bool) {
	for _, g := range t.Groups {
		for _, r := range g.Rows {
			r.eachDate(func(d vntime.Date) {
				if !ok || d.Before(lo) {
					lo = d
				}
				if !ok || d.After(hi) {
					hi = d
				}
				ok = true
			})
		}
	}
	if !t.AsOf.IsZero() {
		switch {
		case !ok:
			lo, hi, ok = t.AsOf, t.AsOf, true
		case t.AsOf.Before(lo) && !t.AsOf.Before(addYears(lo, -2)):
			lo = t.AsOf
		case t.AsOf.After(hi) && !t.AsOf.After(addYears(hi, 2)):
			hi = t.AsOf
		}
	}
	if !t.Start.IsZero() {
		lo, ok = t.Start, true
	}
	if !t.End.IsZero() {
		hi, ok = t.End, true
	}
	if t.Start.IsZero() != t.End.IsZero() && hi.Before(lo) {
		// One bound given, past all the dates: a one-quarter axis at it.
		if t.Start.IsZero() {
			lo = hi
		} else {
			hi = lo
		}
	}
	if hi.Before(lo) {
		lo, hi = hi, lo
	}
	return lo, hi, ok
}

func addYears(d vntime.Date, n int) vntime.Date {
	return vntime.DateOf(d.Time().AddDate(n, 0, 0))
}

// anyOffAxis reports whether a mark falls outside the axis, so that the
// marks need clipping.
func (t *Timeline) anyOffAxis(ax quarterAxis) bool {
	off := false
	for _, g := range t.Groups {
		for _, r := range g.Rows {
			r.eachDate(func(d vntime.Date) { off = off || !ax.contains(d) })
		}
	}
	return off
}

// legendItems lists the styles the chart uses: statuses, then on a line of
// their own the kinds of mark.
func (t *Timeline) legendItems(id string, used map[Status]bool, marks map[Mark]bool) []legendItem {
	var items []legendItem
	for _, s := range statusOrder() {
		if !used[s] {
			continue
		}
		label := t.Text.Legend[s]
		if label == "" {
			label = string(s)
		}
		items = append(items, legendItem{label: label, swatch: statusSwatch(id, s)})
	}
	first := true
	for _, m := range markOrder() {
		label := t.Text.MarkLegend[m]
		if !marks[m] || label == "" {
			continue
		}
		items = append(items, legendItem{label: label, swatch: markSwatch(m), newLine: first})
		first = false
	}
	return items
}

// placeAsOf places the as-of line and its label, widening the chart when
// the label fits on neither side of the line.
func (l *timelineLayout) placeAsOf() {
	d := l.t.AsOf
	if !l.dated || d.IsZero() {
		return
	}
	text := l.t.Text.AsOf
	if text == "" {
		text = d.ISO()
	}
	a := asOfMark{show: true, inside: l.ax.contains(d)}
	switch {
	case a.inside:
		a.x = l.ax.xEnd(d)
		a.text = text
		tw := textWidth(text, fontSize, true)
		switch {
		case a.x+6+tw <= l.width-pad:
			a.textX, a.anchor = a.x+6, "start"
		case a.x-6-tw >= pad:
			a.textX, a.anchor = a.x-6, "end"
		default:
			a.textX, a.anchor = a.x+6, "start"
			l.width = a.x + 6 + tw + pad
		}
	case d.After(l.ax.last()):
		a.text = text + " →"
		tw := textWidth(a.text, fontSize, true)
		a.textX, a.anchor = l.ax.right(), "end"
		if a.textX-tw < pad {
			a.textX, a.anchor = pad, "start"
			l.width = max(l.width, pad+tw+pad)
		}
	default:
		a.text = "← " + text
		a.textX, a.anchor = l.ax.x0, "start"
		l.width = max(l.width, a.textX+textWidth(a.text, fontSize, true)+pad)
	}
	l.asOf = a
}

// placeVertically stacks legend, as-of label, axis header, rows and the
// repeated axis below long charts.
func (l *timelineLayout) placeVertically() {
	y := float64(pad)
	l.yLegend = y
	if l.legend.h > 0 {
		y += l.legend.h + 8
	}
	if l.asOf.show {
		l.yAsOf = y
		y += headH
	}
	if l.dated {
		l.yHead = y
		y += 2 * headH
	}
	l.yRows = y
	for _, g := range l.t.Groups {
		if g.Name != "" {
			y += groupH
		}
		y += float64(len(g.Rows)) * rowH
	}
	l.rowsEnd = y
	l.showFoot = l.dated && l.rows > footRows
	if l.showFoot {
		l.yFoot = y
		y += 2 * headH
	}
	l.height = y + pad
}
