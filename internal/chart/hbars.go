package chart

import (
	"io"
	"math"
	"strings"
)

// HBars is a horizontal bar chart: one bar per row (tasks by section, by
// lead agency, status by locality), its parts stacked in Series order from
// the left, with the row's total after the bar.
//
// Each row's label sits above its bar, not beside it, so that a long
// agency name does not squeeze the bars on a phone; the chart is about
// 340px wide whatever the number of rows.
type HBars struct {
	ID, Title, Desc string
	Series          []Series // stacked parts, in order; a chart of one series is plain bars
	Rows            []HRow
	XLabel          string // caption of the value axis, e.g. "Số nhiệm vụ"
}

// HRow is one bar of an HBars.
type HRow struct {
	Label  string // wraps onto at most 2 lines, then is cut with "…"; the row's tooltip has all of it
	Values []int  // one per series; missing and negative values count as 0
}

// Horizontal bar chart layout, in px.
const (
	hbarsW        = 340 // a 360px phone less the page's padding
	hbarH         = 16  // a bar's thickness
	hbarRowGap    = 10  // from a bar to the next row's label
	hbarLabelGap  = 2   // from a label to its bar
	hbarLabelRows = 2
)

// SVG returns the chart as a complete <svg> element.
func (h *HBars) SVG() string {
	if len(h.Rows) == 0 {
		return emptySVG(cleanID(h.ID), h.Title, h.Desc)
	}
	var w svgWriter
	w.b.Grow(2048 + len(h.Rows)*(250+150*len(h.Series))) // about what a row takes
	h.layout().write(&w)
	return w.b.String()
}

// WriteSVG writes the chart as a complete <svg> element.
func (h *HBars) WriteSVG(out io.Writer) error {
	_, err := io.WriteString(out, h.SVG())
	return err
}

// value returns row r's value of series i; missing and negative values
// count as 0, as a bar cannot go left of its base.
func (r HRow) value(i int) int {
	if i < len(r.Values) && r.Values[i] > 0 {
		return r.Values[i]
	}
	return 0
}

// hbarsLayout is a horizontal bar chart measured and placed, ready to write.
type hbarsLayout struct {
	h            *HBars
	id           string
	totals       []int
	labels       [][]string // each row's label in one or two lines
	ys           []float64  // top of each row's label
	step, top    int        // value axis: tick step and top value
	unit         float64    // px per unit of value
	x0, plotW    float64
	legend       legendLayout
	yXLabel      float64
	yTicks       float64 // the tick labels above the rows
	plotTop      float64
	plotBottom   float64
	footTicks    bool // many rows: the tick labels again below them
	yLegend      float64
	width        float64
	height       float64
	seriesLabels []string
}

// layout measures the chart: totals and value axis, the plot width that
// leaves room for the widest total, labels, then the vertical stack.
func (h *HBars) layout() *hbarsLayout {
	l := &hbarsLayout{h: h, id: cleanID(h.ID), x0: pad}
	maxTotal := 0
	for _, r := range h.Rows {
		t := 0
		for i := range h.Series {
			t += r.value(i)
		}
		l.totals = append(l.totals, t)
		maxTotal = max(maxTotal, t)
	}
	l.step, l.top = niceScale(maxTotal)

	// The plot is a whole multiple of the number of intervals, so the
	// grid lines fall on whole px; the room right of it holds a total
	// as wide as the top tick, after a bar that fills the plot.
	n := float64(l.top / l.step)
	room := textWidth(itoa(l.top), fontSize, true) + 6
	l.plotW = max(math.Floor((hbarsW-2*pad-room)/n)*n, n)
	l.unit = l.plotW / float64(l.top)

	var items []legendItem
	for _, s := range h.Series {
		label := s.Label
		if label == "" {
			label = string(s.Status.known())
		}
		l.seriesLabels = append(l.seriesLabels, label)
		items = append(items, legendItem{label: label, swatch: statusSwatch(l.id, s.Status)})
	}
	if len(h.Series) > 1 {
		l.legend = layoutLegend(items, maxLegendW)
	}
	l.width = max(hbarsW, l.legend.w+2*pad, textWidth(h.XLabel, fontSize, false)+2*pad)

	y := float64(pad)
	if h.XLabel != "" {
		l.yXLabel = y
		y += headH
	}
	l.yTicks = y
	y += headH
	l.plotTop = y
	y += 6
	for _, r := range h.Rows {
		lines, _ := wrapText(r.Label, l.width-2*pad, hbarLabelRows)
		l.labels = append(l.labels, lines)
		l.ys = append(l.ys, y)
		y += float64(max(len(lines), 1))*lineH + hbarLabelGap + hbarH + hbarRowGap
	}
	l.plotBottom = y - hbarRowGap + 4
	y = l.plotBottom
	if len(h.Rows) > footRows {
		l.footTicks = true
		y += headH
	}
	if l.legend.h > 0 {
		y += 8
		l.yLegend = y
		y += l.legend.h
	}
	l.height = y + pad
	return l
}

// write draws the chart: axis caption, ticks and grid, rows, legend.
func (l *hbarsLayout) write(w *svgWriter) {
	h := l.h
	openRoot(w, l.id, l.width, l.height, h.Title, h.Desc)
	used := map[Status]bool{}
	for _, s := range h.Series {
		used[s.Status.known()] = true
	}
	writePatterns(w, l.id, used)
	if h.XLabel != "" {
		w.elem("text", h.XLabel, num("x", pad), num("y", l.yXLabel+13))
	}
	l.writeValueAxis(w)
	for i, r := range h.Rows {
		l.writeRow(w, i, r)
	}
	if l.legend.h > 0 {
		l.legend.write(w, pad, l.yLegend)
	}
	w.close("svg")
}

// x returns the x of value v.
func (l *hbarsLayout) x(v int) float64 { return l.x0 + float64(v)*l.unit }

// writeValueAxis draws the tick labels above the rows (and below them when
// there are many), the rule under them and the grid lines. There is no
// zero line: the labels start at x0, and the bars show where zero is.
func (l *hbarsLayout) writeValueAxis(w *svgWriter) {
	right := l.x0 + l.plotW
	ticks := func(y float64) {
		w.open("g", str("text-anchor", "middle"))
		for v := 0; v <= l.top; v += l.step {
			w.elem("text", itoa(v), num("x", l.x(v)), num("y", y+13))
		}
		w.close("g")
	}
	ticks(l.yTicks)
	var grid strings.Builder
	for v := l.step; v <= l.top; v += l.step {
		grid.WriteString("M" + fmtNum(l.x(v)) + " " + fmtNum(l.plotTop) + "V" + fmtNum(l.plotBottom))
	}
	w.leaf("path", str("d", grid.String()), str("stroke", gridColour), str("fill", "none"))
	rules := "M" + fmtNum(l.x0) + " " + fmtNum(l.plotTop) + "H" + fmtNum(right)
	if l.footTicks {
		rules += "M" + fmtNum(l.x0) + " " + fmtNum(l.plotBottom) + "H" + fmtNum(right)
		ticks(l.plotBottom)
	}
	w.leaf("path", str("d", rules), str("stroke", yearColour), str("fill", "none"))
}

// writeRow draws one row: its label, the stacked parts of its bar, each
// with its own tooltip, and its total.
func (l *hbarsLayout) writeRow(w *svgWriter, i int, r HRow) {
	w.open("g")
	w.elem("title", l.tooltip(i, r))
	y := l.ys[i]
	for _, line := range l.labels[i] {
		w.elem("text", line, num("x", l.x0), num("y", y+12))
		y += lineH
	}
	if len(l.labels[i]) == 0 {
		y += lineH
	}
	y += hbarLabelGap
	v0 := 0 // the stack so far: each part starts where the last ended, in exact value units
	for si, s := range l.h.Series {
		v := r.value(si)
		if v == 0 {
			continue
		}
		w.open("rect", append([]attr{num("x", l.x(v0)), num("y", y), num("width", float64(v)*l.unit), num("height", hbarH)}, paint(l.id, s.Status)...)...)
		w.elem("title", r.Label+": "+l.seriesLabels[si]+" "+itoa(v))
		w.close("rect")
		v0 += v
	}
	w.elem("text", itoa(l.totals[i]), num("x", l.x(v0)+5), num("y", y+12), str("font-weight", "bold"))
	w.close("g")
}

// tooltip is a row's <title>: its whole label and total, then each series.
func (l *hbarsLayout) tooltip(i int, r HRow) string {
	var t strings.Builder
	t.WriteString(r.Label + ": " + itoa(l.totals[i]))
	for si := range l.h.Series {
		t.WriteString("\n" + l.seriesLabels[si] + ": " + itoa(r.value(si)))
	}
	return t.String()
}

// wrapText breaks s at spaces into at most maxLines lines no wider than
// room px, filling each line before starting the next; what does not fit
// in the last line, or a word wider than a whole line, is cut with "…".
// It reports whether it cut, so the caller can put all of s in a tooltip.
func wrapText(s string, room float64, maxLines int) (lines []string, cut bool) {
	words := strings.Fields(s)
	space := runeEm(' ') * fontSize
	room += 1e-9 // widths summed by word differ from textWidth's in the last bit
	for i := 0; i < len(words); i++ {
		if len(lines) == maxLines-1 {
			last, c := truncate(strings.Join(words[i:], " "), room, fontSize, false)
			return append(lines, last), cut || c
		}
		line, lw := words[i], textWidth(words[i], fontSize, false)
		for i+1 < len(words) {
			ww := textWidth(words[i+1], fontSize, false)
			if lw+space+ww > room {
				break
			}
			i++
			line += " " + words[i]
			lw += space + ww
		}
		if lw > room {
			var c bool
			line, c = truncate(line, room, fontSize, false)
			cut = cut || c
		}
		lines = append(lines, line)
	}
	return lines, cut
}
