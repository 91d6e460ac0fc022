package chart

import (
	"io"
	"math"
	"strings"
)

// Series is one stacked part of the bars: a status style and its label.
type Series struct {
	Status Status
	Label  string
}

// Column is one bar: its label ("I/2022", or the caller's "Không có
// ngày") and one value per series; missing values count as 0.
type Column struct {
	Label  string
	Values []int
}

// Bars is a stacked bar chart, e.g. a locality's tasks by due quarter.
// Series are stacked in order, the first at the bottom; each bar has its
// total above it. The legend lists every series, in order, so that the
// charts of several localities have the same legend.
type Bars struct {
	ID, Title, Desc string
	Series          []Series
	Columns         []Column
	YLabel          string // shown above the value axis
}

// Bar chart layout, in px.
const (
	minColW  = 48
	maxColW  = 96
	plotH    = 180
	headroom = 20 // above the tallest bar, for its total
	lineH    = 15 // a line of a column label
)

// SVG returns the chart as a complete <svg> element.
func (b *Bars) SVG() string {
	if len(b.Columns) == 0 {
		return emptySVG(cleanID(b.ID), b.Title, b.Desc)
	}
	var w svgWriter
	w.b.Grow(2048 + len(b.Columns)*(300+100*len(b.Series))) // about what a column takes
	b.layout().write(&w)
	return w.b.String()
}

// WriteSVG writes the chart as a complete <svg> element.
func (b *Bars) WriteSVG(out io.Writer) error {
	_, err := io.WriteString(out, b.SVG())
	return err
}

// barsLayout is a bar chart measured and placed, ready to write.
type barsLayout struct {
	b            *Bars
	id           string
	totals       []int
	labels       [][]string // each column's label in one or two lines
	step, top    int        // value axis: tick step and top value
	legend       legendLayout
	x0, colW     float64 // left of the plot, width of a column
	barW         float64
	yLegend      float64
	yLabel       float64
	plotTop      float64
	base         float64 // the zero line
	width        float64
	height       float64
	maxLabelRows int
}

// layout measures the chart: totals and value axis, column widths from the
// labels, legend, then the vertical stack.
func (b *Bars) layout() *barsLayout {
	l := &barsLayout{b: b, id: cleanID(b.ID)}
	maxTotal := 0
	for _, c := range b.Columns {
		t := 0
		for i := range b.Series {
			t += value(c, i)
		}
		l.totals = append(l.totals, t)
		maxTotal = max(maxTotal, t)
	}
	l.step, l.top = niceScale(maxTotal)

	colW := float64(minColW)
	for _, c := range b.Columns {
		// A line too long even for the widest column is cut; the
		// column's tooltip has the whole label.
		lines := splitLabel(c.Label, minColW-10)
		for i, s := range lines {
			lines[i], _ = truncate(s, maxColW-10, fontSize, false)
			colW = max(colW, textWidth(lines[i], fontSize, false)+10)
		}
		l.labels = append(l.labels, lines)
		l.maxLabelRows = max(l.maxLabelRows, len(lines))
	}
	l.colW = colW
	l.barW = max(28, colW*0.6)

	var items []legendItem
	for _, s := range b.Series {
		label := s.Label
		if label == "" {
			label = string(s.Status.known())
		}
		items = append(items, legendItem{label: label, swatch: statusSwatch(l.id, s.Status)})
	}
	l.legend = layoutLegend(items, maxLegendW)

	l.x0 = math.Ceil(pad + textWidth(itoa(l.top), fontSize, false) + 8)
	l.width = max(l.x0+float64(len(b.Columns))*colW+pad, l.legend.w+2*pad, textWidth(b.YLabel, fontSize, false)+2*pad)

	y := float64(pad)
	l.yLegend = y
	if l.legend.h > 0 {
		y += l.legend.h + 8
	}
	if b.YLabel != "" {
		l.yLabel = y
		y += headH
	}
	l.plotTop = y + headroom
	l.base = l.plotTop + plotH
	l.height = l.base + 4 + float64(l.maxLabelRows)*lineH + pad
	return l
}

// value returns column c's value of series i; missing and negative values
// count as 0, as a bar cannot go below its base.
func value(c Column, i int) int {
	if i < len(c.Values) && c.Values[i] > 0 {
		return c.Values[i]
	}
	return 0
}

// niceScale picks a tick step of 1, 2 or 5 times a power of ten giving at
// most five intervals up to max, and the top of the axis, a multiple of
// the step, so that the ticks are round counts of tasks.
func niceScale(max int) (step, top int) {
	if max <= 0 {
		return 1, 1
	}
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			step = m * p
			if (max+step-1)/step <= 5 {
				return step, (max + step - 1) / step * step
			}
		}
	}
}

// splitLabel breaks a column label into at most two lines: at the first
// "/" ("I/2022" → "I" over "2022", so quarters line up above their year),
// else, when it is wider than room, at the space that gives the narrowest
// column ("Không có ngày" → "Không" over "có ngày").
func splitLabel(label string, room float64) []string {
	if i := strings.Index(label, "/"); i >= 0 {
		return []string{label[:i], label[i+1:]}
	}
	if textWidth(label, fontSize, false) <= room {
		return []string{label}
	}
	lines, widest := []string{label}, textWidth(label, fontSize, false)
	for i, r := range label {
		if r != ' ' {
			continue
		}
		a, b := label[:i], label[i+1:]
		if w := max(textWidth(a, fontSize, false), textWidth(b, fontSize, false)); w < widest {
			lines, widest = []string{a, b}, w
		}
	}
	return lines
}

// write draws the chart: legend, value axis and grid, then the bars.
func (l *barsLayout) write(w *svgWriter) {
	b := l.b
	openRoot(w, l.id, l.width, l.height, b.Title, b.Desc)
	used := map[Status]bool{}
	for _, s := range b.Series {
		used[s.Status.known()] = true
	}
	writePatterns(w, l.id, used)
	l.legend.write(w, pad, l.yLegend)
	if b.YLabel != "" {
		w.elem("text", b.YLabel, num("x", pad), num("y", l.yLabel+13))
	}
	l.writeValueAxis(w)
	for i, c := range b.Columns {
		l.writeColumn(w, i, c)
	}
	w.close("svg")
}

// y returns the y of value v.
func (l *barsLayout) y(v int) float64 { return l.base - float64(v)*plotH/float64(l.top) }

// writeValueAxis draws the ticks with their grid lines, the axis and the
// zero line.
func (l *barsLayout) writeValueAxis(w *svgWriter) {
	right := l.x0 + float64(len(l.b.Columns))*l.colW
	var grid strings.Builder
	w.open("g", str("text-anchor", "end"))
	for v := 0; v <= l.top; v += l.step {
		y := l.y(v)
		if v > 0 {
			grid.WriteString("M" + fmtNum(l.x0) + " " + fmtNum(y) + "H" + fmtNum(right))
		}
		w.elem("text", itoa(v), num("x", l.x0-6), num("y", y+4))
	}
	w.close("g")
	if grid.Len() > 0 {
		w.leaf("path", str("d", grid.String()), str("stroke", gridColour), str("fill", "none"))
	}
	w.leaf("path", str("d", "M"+fmtNum(l.x0)+" "+fmtNum(l.plotTop-headroom/2)+"V"+fmtNum(l.base)+"H"+fmtNum(right)),
		str("stroke", yearColour), str("fill", "none"))
}

// writeColumn draws one bar: its stacked parts, its total and its label,
// with a tooltip listing every series' value.
func (l *barsLayout) writeColumn(w *svgWriter, i int, c Column) {
	b := l.b
	cx := l.x0 + (float64(i)+0.5)*l.colW
	w.open("g")
	w.elem("title", l.tooltip(i, c))
	y := l.base
	for si, s := range b.Series {
		v := value(c, si)
		if v == 0 {
			continue
		}
		h := float64(v) * plotH / float64(l.top)
		y -= h
		w.leaf("rect", append([]attr{num("x", cx-l.barW/2), num("y", y), num("width", l.barW), num("height", h)}, paint(l.id, s.Status)...)...)
	}
	w.elem("text", itoa(l.totals[i]), num("x", cx), num("y", y-5), str("text-anchor", "middle"), str("font-weight", "bold"))
	for k, line := range l.labels[i] {
		w.elem("text", line, num("x", cx), num("y", l.base+4+float64(k+1)*lineH-3), str("text-anchor", "middle"))
	}
	w.close("g")
}

// tooltip is a column's <title>: its label and total, then each series.
func (l *barsLayout) tooltip(i int, c Column) string {
	var t strings.Builder
	t.WriteString(c.Label + ": " + itoa(l.totals[i]))
	for si, s := range l.b.Series {
		label := s.Label
		if label == "" {
			label = string(s.Status.known())
		}
		t.WriteString("\n" + label + ": " + itoa(value(c, si)))
	}
	return t.String()
}
