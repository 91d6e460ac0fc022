package chart

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Text and layout constants shared by the charts.
const (
	svgNS      = "http://www.w3.org/2000/svg"
	fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
	fontSize   = 12        // the smallest text; WCAG readers zoom, but phones should not need to
	textColour = "#1a1a1a" // 17:1 on white
	pad        = 8         // outer margin
)

// attr is one attribute of an element, its value not yet escaped.
type attr struct{ k, v string }

func str(k, v string) attr { return attr{k, v} }

func num(k string, f float64) attr { return attr{k, fmtNum(f)} }

// fmtNum formats a coordinate with at most two decimals and no trailing
// zeros: a hundredth of a pixel is below what any screen shows, and short
// numbers keep a 500-row chart small.
func fmtNum(f float64) string {
	r := math.Round(f*100) / 100
	if r == math.Trunc(r) && math.Abs(r) < 1e9 {
		return strconv.Itoa(int(r)) // whole px, most numbers; also turns -0 into 0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// svgWriter builds the markup. Every text and attribute value goes through
// escape, so text from documents cannot break the XML.
type svgWriter struct {
	b strings.Builder
}

// open writes a start tag.
func (w *svgWriter) open(name string, attrs ...attr) {
	w.tag(name, attrs)
	w.b.WriteByte('>')
}

// leaf writes an empty element.
func (w *svgWriter) leaf(name string, attrs ...attr) {
	w.tag(name, attrs)
	w.b.WriteString("/>")
}

// close writes an end tag.
func (w *svgWriter) close(name string) {
	w.b.WriteString("</")
	w.b.WriteString(name)
	w.b.WriteByte('>')
}

// elem writes an element holding only text.
func (w *svgWriter) elem(name, text string, attrs ...attr) {
	w.open(name, attrs...)
	w.escape(text)
	w.close(name)
}

func (w *svgWriter) tag(name string, attrs []attr) {
	w.b.WriteByte('<')
	w.b.WriteString(name)
	for _, a := range attrs {
		w.b.WriteByte(' ')
		w.b.WriteString(a.k)
		w.b.WriteString(`="`)
		w.escape(a.v)
		w.b.WriteByte('"')
	}
}

// escape writes s as XML character data that is also safe inside a quoted
// attribute. Characters XML cannot hold at all (control characters, broken
// UTF-8) become U+FFFD, so a stray byte in a document cannot make the page
// ill-formed.
func (w *svgWriter) escape(s string) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && c >= 0x20 && !needsEscape(c) {
			i++ // plain ASCII, the bulk of a chart: no decoding
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var rep string
		switch {
		case r == '&':
			rep = "&amp;"
		case r == '<':
			rep = "&lt;"
		case r == '>':
			rep = "&gt;"
		case r == '"':
			rep = "&#34;"
		case r == '\'':
			rep = "&#39;"
		case r == '\n':
			rep = "&#xA;"
		case r == '\r':
			rep = "&#xD;"
		case r == '\t':
			rep = "&#x9;"
		case r == utf8.RuneError && size == 1, !xmlChar(r):
			rep = "\uFFFD"
		}
		if rep != "" {
			w.b.WriteString(s[last:i])
			w.b.WriteString(rep)
			last = i + size
		}
		i += size
	}
	w.b.WriteString(s[last:])
}

// needsEscape reports whether the ASCII byte c has to be written as a
// reference.
func needsEscape(c byte) bool {
	return c == '&' || c == '<' || c == '>' || c == '"' || c == '\''
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// openRoot writes the <svg> start tag with its <title> and <desc>, which
// must come first so that assistive technology finds the chart's name and
// description through aria-labelledby. The face is named by a presentation
// attribute, so the page's CSS for svg may set another.
func openRoot(w *svgWriter, id string, width, height float64, title, desc string) {
	width, height = math.Ceil(width), math.Ceil(height)
	w.open("svg",
		str("xmlns", svgNS),
		num("width", width),
		num("height", height),
		str("viewBox", "0 0 "+fmtNum(width)+" "+fmtNum(height)),
		str("role", "img"),
		str("aria-labelledby", id+"-title "+id+"-desc"),
		str("font-family", fontFamily),
		num("font-size", fontSize),
		str("fill", textColour),
	)
	w.elem("title", title, str("id", id+"-title"))
	w.elem("desc", desc, str("id", id+"-desc"))
	// The chart's own white ground: every contrast is figured against
	// white, so it must hold on a dark page theme too.
	w.leaf("rect", num("width", width), num("height", height), str("fill", "#ffffff"))
}

// emptySVG is the chart of nothing: still an image with a name and a
// description, so the page stays valid and the reader learns why it is blank.
func emptySVG(id, title, desc string) string {
	var w svgWriter
	openRoot(&w, id, 200, 24, title, desc)
	w.close("svg")
	return w.b.String()
}

// cleanID makes the caller's ID usable as an id prefix and in the
// space-separated aria-labelledby list: letters, digits, '-', '_' and '.'
// are kept, anything else becomes '-', and an ID that does not start with
// a letter gets the prefix "chart-".
func cleanID(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9',
			r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	s := b.String()
	if s == "" {
		return "chart"
	}
	if c := s[0]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return "chart-" + s
	}
	return s
}
