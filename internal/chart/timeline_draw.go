package chart

import (
	"strings"

	"github.com/minhbach/minhbach/internal/vntime"
)

// write draws the chart, back to front: legend and axis, row backgrounds
// and grid, rows, then the as-of line over everything.
func (l *timelineLayout) write(w *svgWriter) {
	openRoot(w, l.id, l.width, l.height, l.t.Title, l.t.Desc)
	l.writeDefs(w)
	l.legend.write(w, pad, l.yLegend)
	if l.dated {
		l.writeAxisLabels(w, l.yHead, false)
	}
	l.writeGrid(w)
	y := l.yRows
	n := 0
	for _, g := range l.t.Groups {
		if g.Name != "" {
			l.writeGroup(w, g.Name, y)
			y += groupH
		}
		for _, r := range g.Rows {
			l.writeRow(w, r, y, n%2 == 1)
			y += rowH
			n++
		}
	}
	if l.showFoot {
		l.writeAxisLabels(w, l.yFoot, true)
	}
	l.writeAsOf(w)
	w.close("svg")
}

// writeDefs writes the patterns of the statuses used and, when a mark lies
// off the axis, the clip that keeps marks out of the label column.
func (l *timelineLayout) writeDefs(w *svgWriter) {
	writePatterns(w, l.id, l.used)
	if !l.clip {
		return
	}
	w.open("defs")
	w.open("clipPath", str("id", l.id+"-clip"))
	w.leaf("rect", num("x", l.ax.x0), num("y", 0), num("width", l.ax.right()-l.ax.x0), num("height", l.height))
	w.close("clipPath")
	w.close("defs")
}

// writeAxisLabels writes the year line and the quarter line at y; below
// the rows (foot) the quarters come first, next to the rows they label.
func (l *timelineLayout) writeAxisLabels(w *svgWriter, y float64, foot bool) {
	yYear, yQuarter := y, y+headH
	if foot {
		yYear, yQuarter = y+headH, y
	}
	w.open("g", str("text-anchor", "middle"))
	for i := 0; i < l.ax.nq; {
		q := l.ax.quarterAt(i)
		j := i
		for j < l.ax.nq && l.ax.quarterAt(j).year == q.year {
			j++
		}
		mid := l.ax.x0 + (float64(i)+float64(j))/2*l.ax.qw
		w.elem("text", itoa(q.year), num("x", mid), num("y", yYear+13), str("font-weight", "bold"))
		i = j
	}
	for i := 0; i < l.ax.nq; i++ {
		q := l.ax.quarterAt(i)
		w.elem("text", l.quarters[q.q-1], num("x", l.ax.x0+(float64(i)+0.5)*l.ax.qw), num("y", yQuarter+13))
	}
	w.close("g")
	ruleY := l.yRows
	if foot {
		ruleY = l.rowsEnd
	}
	w.leaf("line", num("x1", 0), num("y1", ruleY), num("x2", l.width), num("y2", ruleY), str("stroke", yearColour))
}

// writeGrid draws the quarter lines light and the year lines dark, from
// the top of the axis header to the bottom of the rows, as one path each.
func (l *timelineLayout) writeGrid(w *svgWriter) {
	if !l.dated {
		return
	}
	top, bottom := l.yHead, l.rowsEnd
	if l.showFoot {
		bottom = l.yFoot + 2*headH
	}
	var quarters, years strings.Builder
	for i := 0; i <= l.ax.nq; i++ {
		b := &quarters
		if i == 0 || i == l.ax.nq || l.ax.quarterAt(i).q == 1 {
			b = &years
		}
		b.WriteString("M" + fmtNum(l.ax.x0+float64(i)*l.ax.qw) + " " + fmtNum(top) + "V" + fmtNum(bottom))
	}
	if quarters.Len() > 0 {
		w.leaf("path", str("d", quarters.String()), str("stroke", gridColour), str("fill", "none"))
	}
	w.leaf("path", str("d", years.String()), str("stroke", yearColour), str("fill", "none"))
}

// writeGroup draws a section header: a band across the chart with the
// section's name, cut to the chart's width with the full name as tooltip.
func (l *timelineLayout) writeGroup(w *svgWriter, name string, y float64) {
	text, cut := truncate(name, l.width-2*pad, fontSize, true)
	w.open("g")
	if cut {
		w.elem("title", name)
	}
	w.leaf("rect", num("x", 0), num("y", y+1), num("width", l.width), num("height", groupH-2), str("fill", groupColour))
	w.elem("text", text, num("x", pad), num("y", y+16), str("font-weight", "bold"))
	w.close("g")
}

// writeRow draws one task: a background that is also the tooltip's hover
// area, the status chip and label, and the mark.
func (l *timelineLayout) writeRow(w *svgWriter, r Row, y float64, odd bool) {
	w.open("g")
	w.elem("title", r.tooltip())
	bg := "#ffffff"
	if odd {
		// 4% black lets the grid show through; zebraBg is the result.
		bg = zebraBg
		w.leaf("rect", num("x", 0), num("y", y), num("width", l.width), num("height", rowH), str("fill", "#000"), str("fill-opacity", "0.04"))
	} else {
		w.leaf("rect", num("x", 0), num("y", y), num("width", l.width), num("height", rowH), str("fill", "#fff"), str("fill-opacity", "0"))
	}
	w.leaf("rect", append([]attr{num("x", pad+0.5), num("y", y+barY+0.5), num("width", chipW-1), num("height", barH-1)}, paint(l.id, r.Status)...)...)
	label, _ := truncate(r.Label, l.labelW-pad-chipW-6-4, fontSize, false)
	w.elem("text", label, num("x", pad+chipW+6), num("y", y+15))
	if l.clip {
		w.open("g", str("clip-path", "url(#"+l.id+"-clip)"))
	}
	l.writeMark(w, r, y, bg)
	if l.clip {
		w.close("g")
	}
	w.close("g")
}

// writeMark draws the row's time as its kind says.
func (l *timelineLayout) writeMark(w *svgWriter, r Row, y float64, bg string) {
	ax := l.ax
	mid := y + rowH/2
	switch r.kind() {
	case Bar:
		s, e := r.window()
		x1, x2 := ax.x(s), ax.xEnd(e)
		if x2-x1 < 4 { // a day is under a pixel: keep a short window visible
			c := (x1 + x2) / 2
			x1, x2 = c-2, c+2
		}
		l.bar(w, r.Status, x1, x2, y)
	case By:
		x := ax.xEnd(r.due())
		st := styleOf(r.Status)
		w.leaf("line", num("x1", ax.x0), num("y1", mid), num("x2", x), num("y2", mid), str("stroke", st.ink), num("stroke-width", 2))
		l.diamond(w, r.Status, x, mid, diamond+1)
	case OpenEnded:
		x1, x2 := ax.x0, ax.right()
		if !r.Start.IsZero() && l.dated {
			x1 = ax.x(r.Start)
		}
		if x2-arrowW > x1 {
			l.bar(w, r.Status, x1, x2-arrowW, y)
		}
		w.leaf("polygon", str("points", points(x2-arrowW, y+3, x2, mid, x2-arrowW, y+rowH-3)), str("fill", styleOf(r.Status).ink))
	case Points:
		for _, d := range r.Points {
			if !d.IsZero() {
				l.diamond(w, r.Status, (ax.x(d)+ax.xEnd(d))/2, mid, diamond)
			}
		}
	case Span:
		w.leaf("line", num("x1", ax.x0+0.5), num("y1", mid), num("x2", ax.right()), num("y2", mid),
			str("stroke", styleOf(r.Status).ink), num("stroke-width", 3), str("stroke-dasharray", "8 4"))
		l.note(w, r.Note, y, bg)
	case Repeating:
		l.ticks(w, r, y)
		l.note(w, r.Note, y, bg)
	default:
		l.note(w, r.Note, y, bg)
	}
}

// bar draws a status bar from x1 to x2 in the row at y.
func (l *timelineLayout) bar(w *svgWriter, s Status, x1, x2, y float64) {
	w.leaf("rect", append([]attr{num("x", x1), num("y", y+barY), num("width", x2-x1), num("height", barH)}, paint(l.id, s)...)...)
}

// diamond draws a milestone diamond of half-height h centred at x, y.
func (l *timelineLayout) diamond(w *svgWriter, s Status, x, y, h float64) {
	w.leaf("polygon", append([]attr{str("points", points(x, y-h, x+h, y, x, y+h, x-h, y))}, paint(l.id, s)...)...)
}

// ticks draws a recurring duty: a base line across the axis with a tick at
// the start of each period after the first, which the axis line marks.
// Periods under 3px apart (daily) merge into a band; an unknown period gets
// the base line only rather than made-up ticks. Marks start half a pixel
// into the axis, so that the axis line stays one grey line.
func (l *timelineLayout) ticks(w *svgWriter, r Row, y float64) {
	ax := l.ax
	ink := styleOf(r.Status).ink
	base := y + 17
	w.leaf("line", num("x1", ax.x0+0.5), num("y1", base), num("x2", ax.right()), num("y2", base), str("stroke", ink), num("stroke-width", 1.5))
	months, days := periodStep(r.Every)
	if months == 0 && days == 0 {
		return
	}
	spacing := ax.qw * (float64(months)/3 + float64(days)/91.3)
	if spacing < 3 {
		w.leaf("rect", num("x", ax.x0+0.5), num("y", y+9), num("width", ax.right()-ax.x0-0.5), num("height", base-y-9), str("fill", ink))
		return
	}
	var d strings.Builder
	if !l.dated { // no dates to put the ticks at: the same spacing from the start
		for x := ax.x0 + spacing; x < ax.right(); x += spacing {
			d.WriteString("M" + fmtNum(x) + " " + fmtNum(y+9) + "V" + fmtNum(base))
		}
	} else {
		last := ax.last()
		for t := step(ax.first, months, days); !t.After(last); t = step(t, months, days) {
			d.WriteString("M" + fmtNum(ax.x(t)) + " " + fmtNum(y+9) + "V" + fmtNum(base))
		}
	}
	w.leaf("path", str("d", d.String()), str("stroke", ink), num("stroke-width", 1.5), str("fill", "none"))
}

// periodStep returns the length of a period in months or days; 0, 0 for a
// period it does not know.
func periodStep(p vntime.Period) (months, days int) {
	switch p {
	case "day": // vntime.Daily
		return 0, 1
	case vntime.Weekly:
		return 0, 7
	case vntime.Monthly:
		return 1, 0
	case vntime.Quarterly:
		return 3, 0
	case vntime.HalfYearly:
		return 6, 0
	case vntime.Yearly:
		return 12, 0
	}
	return 0, 0
}

// step returns d moved on by months and days; d is a first of month when
// months is set, so the month arithmetic never overflows a month's end.
func step(d vntime.Date, months, days int) vntime.Date {
	return vntime.DateOf(d.Time().AddDate(0, months, days))
}

// note draws a row's note at the start of the axis, on a patch of the
// row's background so that grid lines and the row's line do not run
// through the letters; the full note is in the row's tooltip.
func (l *timelineLayout) note(w *svgWriter, note string, y float64, bg string) {
	if note == "" {
		return
	}
	text, _ := truncate(note, l.ax.right()-l.ax.x0-12, fontSize, false)
	w.leaf("rect", num("x", l.ax.x0+0.5), num("y", y+4), num("width", textWidth(text, fontSize, false)+8.5), num("height", 14), str("fill", bg))
	w.elem("text", text, num("x", l.ax.x0+6), num("y", y+15))
}

// writeAsOf draws the as-of line over the rows with a white halo, so that
// it stands out on any bar, and its label; or, when the date is off the
// axis, the note at the edge.
func (l *timelineLayout) writeAsOf(w *svgWriter) {
	a := l.asOf
	if !a.show {
		return
	}
	w.open("g")
	if a.inside {
		top, bottom := l.yAsOf+3, l.rowsEnd
		w.leaf("line", num("x1", a.x), num("y1", top), num("x2", a.x), num("y2", bottom), str("stroke", "#ffffff"), num("stroke-width", 5))
		w.leaf("line", num("x1", a.x), num("y1", top), num("x2", a.x), num("y2", bottom), str("stroke", asOfColour), num("stroke-width", 2))
	}
	w.elem("text", a.text, num("x", a.textX), num("y", l.yAsOf+13), str("text-anchor", a.anchor), str("font-weight", "bold"), str("fill", asOfColour))
	w.close("g")
}

// markSwatch is the legend swatch of a kind of mark, in a neutral grey so
// it is not read as a status.
func markSwatch(m Mark) func(w *svgWriter, x, y float64) {
	return func(w *svgWriter, x, y float64) {
		mid := y + swatchH/2
		line := func(x1, x2, width float64, extra ...attr) {
			w.leaf("line", append([]attr{num("x1", x1), num("y1", mid), num("x2", x2), num("y2", mid), str("stroke", neutralInk), num("stroke-width", width)}, extra...)...)
		}
		dia := func(cx, h float64) {
			w.leaf("polygon", str("points", points(cx, mid-h, cx+h, mid, cx, mid+h, cx-h, mid)), str("fill", neutralInk))
		}
		switch m {
		case Bar:
			line(x+1, x+swatchW-1, 2)
			w.leaf("path", str("d", "M"+fmtNum(x+1)+" "+fmtNum(y)+"V"+fmtNum(y+swatchH)+"M"+fmtNum(x+swatchW-1)+" "+fmtNum(y)+"V"+fmtNum(y+swatchH)),
				str("stroke", neutralInk), num("stroke-width", 2), str("fill", "none"))
		case By:
			line(x, x+swatchW-6, 2)
			dia(x+swatchW-6, 6)
		case OpenEnded:
			line(x, x+swatchW-7, 2)
			w.leaf("polygon", str("points", points(x+swatchW-8, y, x+swatchW, mid, x+swatchW-8, y+swatchH)), str("fill", neutralInk))
		case Points:
			dia(x+5, 5)
			dia(x+swatchW-5, 5)
		case Span:
			line(x, x+swatchW, 3, str("stroke-dasharray", "8 4"))
		case Repeating:
			base := y + swatchH - 1
			w.leaf("path", str("d", "M"+fmtNum(x)+" "+fmtNum(base)+"H"+fmtNum(x+swatchW)+
				"M"+fmtNum(x+2)+" "+fmtNum(y+2)+"V"+fmtNum(base)+
				"M"+fmtNum(x+swatchW/2)+" "+fmtNum(y+2)+"V"+fmtNum(base)+
				"M"+fmtNum(x+swatchW-2)+" "+fmtNum(y+2)+"V"+fmtNum(base)),
				str("stroke", neutralInk), num("stroke-width", 1.5), str("fill", "none"))
		default:
			w.elem("text", ellipsis, num("x", x+swatchW/2), num("y", y+swatchH-2), str("text-anchor", "middle"), str("font-weight", "bold"))
		}
	}
}

// points formats a polygon's coordinate pairs.
func points(xy ...float64) string {
	var b strings.Builder
	for i, v := range xy {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(fmtNum(v))
	}
	return b.String()
}

func itoa(n int) string { return fmtNum(float64(n)) }
