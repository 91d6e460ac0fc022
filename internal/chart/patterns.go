package chart

// Status is the style key of a timeline row or a bar series. The caller
// maps a task's reported state to one of these; a value not listed here is
// drawn as NoReport, since nothing known has been said about it.
type Status string

// The status styles. Each is a colour and a pattern (or an outline), so that
// two statuses never differ by colour alone: the chart reads in greyscale
// print and for readers who do not tell red from green. Every ink colour has
// at least 3:1 contrast with white (WCAG 2.1 non-text contrast).
const (
	Done       Status = "done"        // solid dark green
	DoneLate   Status = "done-late"   // green with light vertical stripes
	PastDue    Status = "past-due"    // red cross-hatch
	DueSoon    Status = "due-soon"    // dark amber dots
	Active     Status = "active"      // blue diagonal hatch
	Paused     Status = "paused"      // grey horizontal stripes
	NotStarted Status = "not-started" // white with a solid dark outline
	NoReport   Status = "no-report"   // light grey with a dashed dark outline
)

// statusOrder is the order of the statuses in a legend: finished work
// first, then what needs attention, then what has not begun.
func statusOrder() []Status {
	return []Status{Done, DoneLate, PastDue, DueSoon, Active, Paused, NotStarted, NoReport}
}

// known returns s, or NoReport when s is not one of the styles.
func (s Status) known() Status {
	for _, k := range statusOrder() {
		if s == k {
			return s
		}
	}
	return NoReport
}

// patternKind is the texture inside a status's shapes.
type patternKind int

const (
	plain      patternKind = iota // a flat fill
	vStripes                      // vertical lines
	crossHatch                    // lines both ways at 45°
	dots                          // a grid of dots
	hatch                         // lines one way at 45°
	hStripes                      // horizontal lines
)

// style is how one status is painted.
type style struct {
	ink     string      // outline, lines and marks; at least 3:1 on white
	bg      string      // the flat fill, or the ground under the pattern
	fg      string      // the pattern's lines or dots
	pattern patternKind // plain for a flat fill
	dash    string      // dash of the outline, "" for solid
}

// styleOf returns the paint of a status.
func styleOf(s Status) style {
	switch s.known() {
	case Done:
		return style{ink: "#14532d", bg: "#166534"} // 7.1:1
	case DoneLate:
		return style{ink: "#14532d", bg: "#15803d", fg: "#ffffff", pattern: vStripes} // 5.0:1 ground
	case PastDue:
		return style{ink: "#b91c1c", bg: "#fee2e2", fg: "#b91c1c", pattern: crossHatch} // 6.5:1
	case DueSoon:
		return style{ink: "#b45309", bg: "#fef3c7", fg: "#b45309", pattern: dots} // 5.0:1
	case Active:
		return style{ink: "#1d4ed8", bg: "#dbeafe", fg: "#1d4ed8", pattern: hatch} // 6.7:1
	case Paused:
		return style{ink: "#4b5563", bg: "#f3f4f6", fg: "#4b5563", pattern: hStripes} // 7.6:1
	case NotStarted:
		return style{ink: "#374151", bg: "#ffffff"} // 10:1
	}
	return style{ink: "#374151", bg: "#e5e7eb", dash: "3 2"} // NoReport
}

// patternID is the id of a status's <pattern>, under the chart's prefix.
func patternID(id string, s Status) string { return id + "-pat-" + string(s.known()) }

// paint returns the fill and outline attributes of a shape of status s.
func paint(id string, s Status) []attr {
	st := styleOf(s)
	fill := st.bg
	if st.pattern != plain {
		fill = "url(#" + patternID(id, s) + ")"
	}
	if st.dash == "" {
		return []attr{str("fill", fill), str("stroke", st.ink), str("stroke-width", "1")}
	}
	// A dashed outline is the whole of NoReport's style, so it is drawn
	// a little heavier to stay visible on a small swatch.
	return []attr{str("fill", fill), str("stroke", st.ink), str("stroke-width", "1.5"), str("stroke-dasharray", st.dash)}
}

// writePatterns writes the <pattern> of each patterned status in used, in
// legend order so the output does not depend on the order rows come in.
// Patterns are in user space, so the texture has the same scale in a wide
// bar, a small legend swatch and a diamond.
func writePatterns(w *svgWriter, id string, used map[Status]bool) {
	opened := false
	for _, s := range statusOrder() {
		st := styleOf(s)
		if !used[s] || st.pattern == plain {
			continue
		}
		if !opened {
			w.open("defs")
			opened = true
		}
		writePattern(w, patternID(id, s), st)
	}
	if opened {
		w.close("defs")
	}
}

func writePattern(w *svgWriter, pid string, st style) {
	size := 6.0
	if st.pattern == hStripes {
		size = 4 // denser, so a paused bar reads as a grey bar and not as loose lines
	}
	attrs := []attr{str("id", pid), str("patternUnits", "userSpaceOnUse"), num("width", size), num("height", size)}
	if st.pattern == hatch || st.pattern == crossHatch {
		attrs = append(attrs, str("patternTransform", "rotate(45)"))
	}
	w.open("pattern", attrs...)
	w.leaf("rect", num("width", size), num("height", size), str("fill", st.bg))
	line := func(x1, y1, x2, y2, width float64) {
		w.leaf("line", num("x1", x1), num("y1", y1), num("x2", x2), num("y2", y2),
			str("stroke", st.fg), num("stroke-width", width))
	}
	switch st.pattern {
	case vStripes:
		line(3, 0, 3, size, 1.5)
	case hatch:
		line(3, 0, 3, size, 2)
	case crossHatch:
		line(3, 0, 3, size, 1.5)
		line(0, 3, size, 3, 1.5)
	case hStripes:
		line(0, 2, size, 2, 1.5)
	case dots:
		w.leaf("circle", num("cx", 3), num("cy", 3), num("r", 1.8), str("fill", st.fg))
	}
	w.close("pattern")
}
