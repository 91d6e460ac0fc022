package chart

import (
	"io"
	"math"
	"strconv"
	"strings"
)

// HeatMap is a matrix of rows (the programme's recurring tasks) by columns
// (localities): each cell is coloured by an ordered bucket, e.g. the
// quarter a locality promised the task by, and carries its text and a
// status mark.
//
// Colour is never the only carrier: the cell's text names its bucket, and
// the status mark has its pattern.
type HeatMap struct {
	ID, Title, Desc string
	Columns         []string // column headings (locality names); long ones wrap to 2–3 lines
	Rows            []HeatRow
	Buckets         []string          // ordered bucket labels for the legend, earliest first, e.g. quarters
	Legend          string            // caption of the bucket legend, e.g. "Hạn theo quý"
	EmptyText       string            // legend label of a cell with no task, e.g. "Không có nhiệm vụ"
	StatusLabels    map[Status]string // legend labels of the status marks used
}

// HeatRow is one row of a HeatMap.
type HeatRow struct {
	Label string     // wraps onto at most 2 lines, then is cut with "…"; the row's tooltip has all of it
	Cells []HeatCell // one per column; missing cells are empty
}

// HeatCell is one cell of a HeatMap.
type HeatCell struct {
	// Bucket is an index into Buckets; -1 (or any index out of range)
	// when the cell has a task but no date: it is drawn neutral with its
	// text. A cell with Text == "", Bucket < 0 and Status == "" is empty
	// (no task); note that the zero HeatCell is in bucket 0, so an empty
	// cell in the middle of a row needs Bucket: -1.
	Bucket int
	Text   string // short text printed in the cell, e.g. "II/2022" or "Thường xuyên"; "" prints the bucket's label
	Status Status // drawn as a small swatch in the cell's corner with the status pattern; "" for none
}

// Heat map layout, in px.
const (
	minCellW     = 56 // "IV/2024" fits
	maxCellW     = 96
	cellH        = 34 // a cell with one line of text
	cellH2       = 46 // a cell with two
	markW        = 14 // the status mark in a cell's top right corner
	markH        = 9
	minRowLabelW = 80
	maxRowLabelW = 160
	headLines    = 3 // lines of a column heading at most

	borderInk  = yearColour // outline of a light cell, 4.8:1 on white
	neutralBg  = "#f3f4f6"  // a cell with a task but no date
	cellInkOn  = "#000000"  // text on a light cell
	cellInkOff = "#ffffff"  // text on a dark cell
)

// heatStops is ColorBrewer's 9-class YlGnBu, light to dark: a sequential
// ramp that stays ordered in lightness for readers with any common
// colour-vision deficiency and in greyscale print.
var heatStops = [...][3]float64{
	{0xff, 0xff, 0xd9}, {0xed, 0xf8, 0xb1}, {0xc7, 0xe9, 0xb4},
	{0x7f, 0xcd, 0xbb}, {0x41, 0xb6, 0xc4}, {0x1d, 0x91, 0xc0},
	{0x22, 0x5e, 0xa8}, {0x25, 0x34, 0x94}, {0x08, 0x1d, 0x58},
}

// bucketFill returns the fill of bucket i of n, earliest lightest. The
// ramp starts a little past its first stop, which is too close to white
// to tell from the ground.
func bucketFill(i, n int) string {
	const lo, hi = 0.06, 1.0
	t := (lo + hi) / 2
	if n > 1 {
		t = lo + (hi-lo)*float64(i)/float64(n-1)
	}
	pos := t * float64(len(heatStops)-1)
	k := min(int(pos), len(heatStops)-2)
	f := pos - float64(k)
	var c [3]int
	for j := range c {
		c[j] = int(math.Round(heatStops[k][j] + (heatStops[k+1][j]-heatStops[k][j])*f))
	}
	return hexColour(c)
}

func hexColour(c [3]int) string {
	const digits = "0123456789abcdef"
	b := []byte{'#', 0, 0, 0, 0, 0, 0}
	for j, v := range c {
		b[1+2*j], b[2+2*j] = digits[v>>4], digits[v&15]
	}
	return string(b)
}

// relLuminance is the WCAG relative luminance of a #rrggbb colour.
func relLuminance(hex string) float64 {
	var l float64
	for i, weight := range []float64{0.2126, 0.7152, 0.0722} {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += weight * c
	}
	return l
}

// cellInk returns the text colour for a cell of the given fill, black or
// white, whichever contrasts more; one of them always gives at least
// √21 ≈ 4.58:1, so text in any fill passes WCAG AA.
func cellInk(fill string) string {
	l := relLuminance(fill) + 0.05
	if 1.05/l >= l/0.05 {
		return cellInkOff
	}
	return cellInkOn
}

// cellStroke returns the outline of a cell of the given fill: a fill with
// less than 3:1 on white gets a dark outline so its shape still shows,
// a darker one is its own edge.
func cellStroke(fill string) []attr {
	if 1.05/(relLuminance(fill)+0.05) < 3 {
		return []attr{str("stroke", borderInk), str("stroke-width", "1")}
	}
	return nil
}

// SVG returns the chart as a complete <svg> element.
func (h *HeatMap) SVG() string {
	if len(h.Rows) == 0 || len(h.Columns) == 0 {
		return emptySVG(cleanID(h.ID), h.Title, h.Desc)
	}
	var w svgWriter
	w.b.Grow(2048 + len(h.Rows)*(200+400*len(h.Columns))) // about what a row takes
	h.layout().write(&w)
	return w.b.String()
}

// WriteSVG writes the chart as a complete <svg> element.
func (h *HeatMap) WriteSVG(out io.Writer) error {
	_, err := io.WriteString(out, h.SVG())
	return err
}

// cellKind is how a cell is drawn.
type cellKind int

const (
	emptyCell   cellKind = iota // no task
	neutralCell                 // a task with no bucket
	bucketCell
)

// cell returns row r's cell in column j and its kind.
func (h *HeatMap) cell(r HeatRow, j int) (HeatCell, cellKind) {
	c := HeatCell{Bucket: -1}
	if j < len(r.Cells) {
		c = r.Cells[j]
	}
	switch {
	case c.Bucket >= 0 && c.Bucket < len(h.Buckets):
		return c, bucketCell
	case c.Text == "" && c.Status == "" && c.Bucket < 0:
		return c, emptyCell
	}
	return c, neutralCell
}

// text returns what a cell prints: its own text, else its bucket's label.
func (h *HeatMap) text(c HeatCell, k cellKind) string {
	if c.Text == "" && k == bucketCell {
		return h.Buckets[c.Bucket]
	}
	return c.Text
}

// heatLayout is a heat map measured and placed, ready to write.
type heatLayout struct {
	h            *HeatMap
	id           string
	fills, inks  []string // per bucket
	strokes      [][]attr // per bucket: the outline of a light fill
	used         map[Status]bool
	labelW, colW float64
	cellH        float64
	heads        [][]string // column headings in lines
	headCut      []bool
	nHead        int // lines of the tallest heading
	rowLabels    [][]string
	cellText     [][][]string // row, column: the cell's text in lines
	legend       legendLayout
	yHead        float64
	yRows        float64
	yFoot        float64 // headings again below many rows; 0 for none
	yCaption     float64
	yLegend      float64
	width        float64
	height       float64
}

// layout measures the chart: the label column, a column width that fits
// the cells' text and the headings' words, the cells, the legend, then
// the vertical stack.
func (h *HeatMap) layout() *heatLayout {
	l := &heatLayout{h: h, id: cleanID(h.ID), used: map[Status]bool{}}
	for i := range h.Buckets {
		l.fills = append(l.fills, bucketFill(i, len(h.Buckets)))
		l.inks = append(l.inks, cellInk(l.fills[i]))
		l.strokes = append(l.strokes, cellStroke(l.fills[i]))
	}

	// A column is as wide as the widest word of a cell or a heading, so
	// that no word is cut, and the columns stay narrow: "Thường xuyên"
	// takes two lines rather than widening every column of the matrix.
	widest, need := 0.0, float64(minCellW)
	fit := func(s string) {
		for _, word := range strings.Fields(s) {
			need = max(need, textWidth(word, fontSize, false)+6)
		}
	}
	anyEmpty := false
	for _, r := range h.Rows {
		widest = max(widest, textWidth(r.Label, fontSize, false))
		for j := range h.Columns {
			c, k := h.cell(r, j)
			fit(h.text(c, k))
			if c.Status != "" {
				l.used[c.Status.known()] = true
			}
			anyEmpty = anyEmpty || k == emptyCell
		}
	}
	for _, col := range h.Columns {
		fit(col)
	}
	l.colW = min(math.Ceil(need), maxCellW)
	l.labelW = min(max(math.Ceil(pad+widest+8), minRowLabelW), maxRowLabelW)

	// Widen the columns, up to the cap, until every heading fits in its
	// lines; a heading cut even then has its whole text in a tooltip.
	for ; ; l.colW = min(l.colW+4, maxCellW) {
		l.heads, l.headCut, l.nHead = l.heads[:0], l.headCut[:0], 0
		anyCut := false
		for _, col := range h.Columns {
			lines, cut := wrapText(col, l.colW-2, headLines)
			l.heads = append(l.heads, lines)
			l.headCut = append(l.headCut, cut)
			l.nHead = max(l.nHead, len(lines))
			anyCut = anyCut || cut
		}
		if !anyCut || l.colW >= maxCellW {
			break
		}
	}

	l.cellH = cellH
	for _, r := range h.Rows {
		lines, _ := wrapText(r.Label, l.labelW-pad-8, 2)
		l.rowLabels = append(l.rowLabels, lines)
		var row [][]string
		for j := range h.Columns {
			c, k := h.cell(r, j)
			t, _ := wrapText(h.text(c, k), l.colW-6, 2)
			if len(t) > 1 {
				l.cellH = cellH2
			}
			row = append(row, t)
		}
		l.cellText = append(l.cellText, row)
	}

	l.legend = layoutLegend(l.legendItems(anyEmpty), maxLegendW)
	right := l.labelW + float64(len(h.Columns))*l.colW
	l.width = max(right+pad, l.legend.w+2*pad, textWidth(h.Legend, fontSize, false)+2*pad)

	y := float64(pad)
	l.yHead = y
	y += float64(l.nHead)*lineH + 4
	l.yRows = y
	y += float64(len(h.Rows)) * l.cellH
	if len(h.Rows) > footRows {
		l.yFoot = y + 4
		y = l.yFoot + float64(l.nHead)*lineH
	}
	y += 12
	if h.Legend != "" {
		l.yCaption = y
		y += headH
	}
	l.yLegend = y
	y += l.legend.h
	l.height = y + pad
	return l
}

// legendItems lists the buckets, the empty cell when there is one, then,
// on a line of their own, the statuses used.
func (l *heatLayout) legendItems(anyEmpty bool) []legendItem {
	var items []legendItem
	for i, b := range l.h.Buckets {
		fill, stroke := l.fills[i], l.strokes[i]
		items = append(items, legendItem{label: b, swatch: func(w *svgWriter, x, y float64) {
			w.leaf("rect", append([]attr{num("x", x+0.5), num("y", y+0.5), num("width", swatchW-1), num("height", swatchH-1), str("fill", fill)}, stroke...)...)
		}})
	}
	if anyEmpty && l.h.EmptyText != "" {
		items = append(items, legendItem{label: l.h.EmptyText, swatch: func(w *svgWriter, x, y float64) {
			emptyMark(w, x+0.5, y+0.5, swatchW-1, swatchH-1)
		}})
	}
	first := true
	for _, s := range statusOrder() {
		if !l.used[s] {
			continue
		}
		items = append(items, legendItem{label: l.statusLabel(s), swatch: statusSwatch(l.id, s), newLine: first})
		first = false
	}
	return items
}

// statusLabel is the caller's label of s, else its name.
func (l *heatLayout) statusLabel(s Status) string {
	if label := l.h.StatusLabels[s.known()]; label != "" {
		return label
	}
	if label := l.h.StatusLabels[s]; label != "" {
		return label
	}
	return string(s.known())
}

// emptyMark draws an empty cell: white, a light outline and a short dash
// in the middle, so "no task" shows without colour too.
func emptyMark(w *svgWriter, x, y, width, height float64) {
	w.leaf("rect", num("x", x), num("y", y), num("width", width), num("height", height), str("fill", "#ffffff"), str("stroke", gridColour))
	cx, cy := x+width/2, y+height/2
	w.leaf("path", str("d", "M"+fmtNum(cx-5)+" "+fmtNum(cy)+"H"+fmtNum(cx+5)), str("stroke", borderInk), str("stroke-width", "1.5"))
}

// write draws the chart: headings, rows of cells, headings again below
// many rows, then the legend with its caption.
func (l *heatLayout) write(w *svgWriter) {
	h := l.h
	openRoot(w, l.id, l.width, l.height, h.Title, h.Desc)
	writePatterns(w, l.id, l.used)
	l.writeHeadings(w, l.yHead, false)
	for i, r := range h.Rows {
		l.writeRow(w, i, r)
	}
	if l.yFoot > 0 {
		l.writeHeadings(w, l.yFoot, true)
	}
	if h.Legend != "" {
		w.elem("text", h.Legend, num("x", pad), num("y", l.yCaption+13), str("font-weight", "bold"))
	}
	l.legend.write(w, pad, l.yLegend)
	w.close("svg")
}

// writeHeadings writes the column headings in the band from y down; each
// heading lies next to the cells, at the bottom of the band above them
// and at the top of the band below (foot).
func (l *heatLayout) writeHeadings(w *svgWriter, y float64, foot bool) {
	w.open("g", str("text-anchor", "middle"))
	for j, lines := range l.heads {
		cx := l.labelW + (float64(j)+0.5)*l.colW
		y := y
		if !foot {
			y += float64(l.nHead-len(lines)) * lineH
		}
		if l.headCut[j] {
			w.open("g")
			w.elem("title", l.h.Columns[j])
		}
		for k, line := range lines {
			w.elem("text", line, num("x", cx), num("y", y+float64(k)*lineH+12))
		}
		if l.headCut[j] {
			w.close("g")
		}
	}
	w.close("g")
}

// writeRow writes a row: its label, whose whole text is the row's
// tooltip, then its cells.
func (l *heatLayout) writeRow(w *svgWriter, i int, r HeatRow) {
	y := l.yRows + float64(i)*l.cellH
	w.open("g")
	w.elem("title", r.Label)
	lines := l.rowLabels[i]
	top := y + (l.cellH-float64(len(lines))*lineH)/2
	for k, line := range lines {
		w.elem("text", line, num("x", pad), num("y", top+float64(k)*lineH+12))
	}
	for j := range l.h.Columns {
		l.writeCell(w, i, j, r, y)
	}
	w.close("g")
}

// writeCell writes one cell, with a 1px white gap around it so that
// neighbours of close colours stay apart.
func (l *heatLayout) writeCell(w *svgWriter, i, j int, r HeatRow, y float64) {
	h := l.h
	c, k := h.cell(r, j)
	x := l.labelW + float64(j)*l.colW
	cx, cy, cw, ch := x+1, y+1, l.colW-2, l.cellH-2
	w.open("g")
	w.elem("title", l.tooltip(r, j, c, k))
	ink := cellInkOn
	switch k {
	case emptyCell:
		emptyMark(w, cx+0.5, cy+0.5, cw-1, ch-1)
	case neutralCell:
		w.leaf("rect", num("x", cx+0.5), num("y", cy+0.5), num("width", cw-1), num("height", ch-1),
			str("fill", neutralBg), str("stroke", borderInk), str("stroke-dasharray", "4 2"))
	default:
		fill := l.fills[c.Bucket]
		ink = l.inks[c.Bucket]
		w.leaf("rect", append([]attr{num("x", cx+0.5), num("y", cy+0.5), num("width", cw-1), num("height", ch-1), str("fill", fill)}, l.strokes[c.Bucket]...)...)
	}
	if c.Status != "" {
		// A white frame sets the mark off any fill, dark or light.
		mx, my := cx+cw-markW-3, cy+3
		w.leaf("rect", num("x", mx-1), num("y", my-1), num("width", markW+2), num("height", markH+2), str("fill", "#ffffff"))
		w.leaf("rect", append([]attr{num("x", mx+0.5), num("y", my+0.5), num("width", markW-1), num("height", markH-1)}, paint(l.id, c.Status)...)...)
	}
	// The text sits below the mark's strip, at the same place in every
	// cell, so a row reads as a line.
	lines := l.cellText[i][j]
	mid := cy + markH + 4 + (ch-markH-4)/2
	base := mid + 4 - float64(len(lines)-1)*lineH/2
	for n, line := range lines {
		w.elem("text", line, num("x", cx+cw/2), num("y", base+float64(n)*lineH), str("text-anchor", "middle"), str("fill", ink))
	}
	w.close("g")
}

// tooltip is a cell's <title>: "row — column: text (status)".
func (l *heatLayout) tooltip(r HeatRow, j int, c HeatCell, k cellKind) string {
	t := r.Label + " — " + l.h.Columns[j]
	text := l.h.text(c, k)
	if k == emptyCell {
		text = l.h.EmptyText
	}
	if text != "" {
		t += ": " + text
	}
	if c.Status != "" {
		t += " (" + l.statusLabel(c.Status) + ")"
	}
	return t
}
