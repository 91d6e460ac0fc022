package chart

// Legend layout. The legend is inside the SVG, so it prints with the chart
// and needs no page markup; it wraps at the width of a phone's scroll box,
// so a reader on a 360px screen sees all of it without scrolling sideways.
const (
	swatchW    = 22
	swatchH    = 12
	legendLine = 18  // height of a legend line
	legendGap  = 16  // space between items on a line
	maxLegendW = 328 // a 360px screen less the page's padding
)

// legendItem is one entry of a legend: a swatch and the label explaining it.
type legendItem struct {
	label   string
	swatch  func(w *svgWriter, x, y float64) // draws in the swatchW × swatchH box at x, y
	newLine bool                             // start a new line, to set a second kind of key apart
}

// legendLayout is a legend flowed into lines.
type legendLayout struct {
	items  []legendItem
	labels []string // labels as drawn, cut to fit
	cut    []bool
	xs, ys []float64
	w, h   float64
}

// layoutLegend flows items left to right into lines at most maxW wide.
func layoutLegend(items []legendItem, maxW float64) legendLayout {
	l := legendLayout{items: items}
	x, y := 0.0, 0.0
	for _, it := range items {
		label, cut := truncate(it.label, maxW-swatchW-6, fontSize, false)
		iw := swatchW + 6 + textWidth(label, fontSize, false)
		if x > 0 && (x+iw > maxW || it.newLine) {
			x, y = 0, y+legendLine
		}
		l.labels = append(l.labels, label)
		l.cut = append(l.cut, cut)
		l.xs = append(l.xs, x)
		l.ys = append(l.ys, y)
		l.w = max(l.w, x+iw)
		x += iw + legendGap
	}
	if len(items) > 0 {
		l.h = y + legendLine
	}
	return l
}

// write draws the legend with its top left corner at x0, y0.
func (l legendLayout) write(w *svgWriter, x0, y0 float64) {
	if len(l.items) == 0 {
		return
	}
	w.open("g")
	for i, it := range l.items {
		x, y := x0+l.xs[i], y0+l.ys[i]
		if l.cut[i] {
			w.open("g")
			w.elem("title", it.label)
		}
		it.swatch(w, x, y+(legendLine-swatchH)/2)
		w.elem("text", l.labels[i], num("x", x+swatchW+6), num("y", y+13))
		if l.cut[i] {
			w.close("g")
		}
	}
	w.close("g")
}

// statusSwatch is the legend swatch of a status: a small bar in its paint.
func statusSwatch(id string, s Status) func(w *svgWriter, x, y float64) {
	return func(w *svgWriter, x, y float64) {
		w.leaf("rect", append([]attr{num("x", x+0.5), num("y", y+0.5), num("width", swatchW-1), num("height", swatchH-1)}, paint(id, s)...)...)
	}
}
