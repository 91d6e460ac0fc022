package importer

import (
	"regexp"
	"strings"
)

// mdWriter writes items as Markdown and remembers, for every line it
// writes, the source line it came from, so that what the build later says
// about the file can be traced back to the text.
type mdWriter struct {
	b        strings.Builder
	line     int         // lines written so far
	source   map[int]int // written line → source line
	pending  []string    // comments to write when the current list ends
	lastList listKind    // the kind of list the last thing written was an item of
}

// listKind tells lists apart: items of one kind follow each other without
// a blank line, and a list of another kind after them starts a new block.
type listKind int

const (
	notList listKind = iota
	bulletList
	orderedList
)

func newWriter() *mdWriter { return &mdWriter{source: map[int]int{}} }

// emit writes one block of lines; list items follow each other without a
// blank line, everything else is separated by one.
func (w *mdWriter) emit(text string, src int, list listKind) {
	if list == notList || list != w.lastList {
		w.flush()
		if w.line > 0 {
			w.b.WriteByte('\n')
			w.line++
		}
	}
	for _, l := range strings.Split(text, "\n") {
		w.b.WriteString(l)
		w.b.WriteByte('\n')
		w.line++
		if src > 0 {
			w.source[w.line] = src
		}
	}
	w.lastList = list
}

// flush writes the comments held back until the list they explain ended: a
// comment inside a list would cut it in two.
func (w *mdWriter) flush() {
	p := w.pending
	w.pending = nil
	for _, c := range p {
		w.lastList = notList
		w.emit(comment(c), 0, notList)
	}
}

func comment(s string) string {
	return "<!-- " + strings.ReplaceAll(s, "-->", "→") + " -->"
}

// writeBody writes the items of a plan's body.
func writeBody(items []item) (string, map[int]int) {
	w := newWriter()
	inList := false // the item before was a numbered paragraph: Markdown continues its list
	for _, it := range items {
		w.item(it, inList)
		inList = it.kind == markedItem && !it.heading && it.mark.kind == dottedMark
	}
	w.flush()
	return w.b.String(), w.source
}

func (w *mdWriter) item(it item, inList bool) {
	switch it.kind {
	case fieldItem:
		w.emit(fieldText(it), it.line, bulletList)
		if it.fixNote != "" {
			w.pending = append(w.pending, it.fixNote)
		}
	case bulletItem:
		w.emit(bulletText(it), it.line, bulletList)
	case markedItem, phaseItem, appendixItem:
		if it.heading {
			w.emit(strings.Repeat("#", it.level)+" "+headingText(it.text), it.line, notList)
		} else {
			kind := notList
			if it.mark.kind == dottedMark && !strings.Contains(it.mark.value, ".") {
				kind = orderedList // "1. …": a list item, as Markdown reads it
			}
			w.emit(numberedText(it, inList), it.line, kind)
		}
	case tableItem:
		if len(it.table.fixes) > 0 {
			w.emit(comment("Nguồn: "+strings.Join(it.table.fixes, "; ")+"."), 0, notList)
		}
		w.emit(it.table.markdown(), it.line, notList)
		w.mapRows(it.table)
	case signatureItem:
		w.emit(strings.Join(it.signature, "\\\n"), it.line, notList)
	default:
		w.emit(paraText(it.text), it.line, notList)
	}
}

// mapRows points each written table row at its source line.
func (w *mdWriter) mapRows(t *table) {
	first := w.line - len(t.rows) + 1
	for i, r := range t.rows {
		w.source[first+i] = r.line
	}
}

func fieldText(it item) string {
	s := "- " + it.label + ":"
	if it.value != "" {
		s += " " + it.value
	}
	return s
}

func bulletText(it item) string {
	marker := "- "
	if it.star {
		marker = "* "
	}
	if it.nested {
		marker = "  - "
	}
	text := inline(it.text)
	if strings.HasPrefix(text, "```") || strings.HasPrefix(text, "~~~") || strings.HasPrefix(text, "<") {
		text = `\` + text // not a code block or HTML inside the item
	}
	return marker + text
}

// headingText is a heading's text without the bold a converter wrapped it
// in and without its trailing colon.
func headingText(s string) string {
	return strings.TrimRight(strings.TrimSpace(plain(s)), " :")
}

var orderedRe = regexp.MustCompile(`^(\d{1,9})([.)])(\s)`)

// numberedText writes a numbered paragraph. "2. Thời gian: …" starting a
// list would be read as a list whose first item is a field, so its number is
// escaped; inside a list begun by an item before it, it is harmless.
func numberedText(it item, inList bool) string {
	s := inline(it.text)
	if _, _, _, ok := fieldLine(it.mark.rest); ok && !inList {
		s = orderedRe.ReplaceAllString(s, `$1\$2$3`)
	}
	return s
}

var startsBlockRe = regexp.MustCompile("^(?:[-+*>]\\s|#|=+\\s*$|\\d{1,9}[.)]\\s|```|~~~|<)")

// paraText writes a paragraph so that Markdown reads it as one: a leading
// "#", "-", "+" or "1." that is part of the sentence is escaped.
func paraText(s string) string {
	s = inline(strings.TrimSpace(s))
	if strings.HasPrefix(s, "#") {
		s = strings.TrimSpace(strings.TrimLeft(s, "#"))
	}
	if startsBlockRe.MatchString(s) {
		if m := orderedRe.FindStringSubmatchIndex(s); m != nil {
			return s[:m[3]] + `\` + s[m[4]:]
		}
		return `\` + s
	}
	return s
}

// inline turns the few HTML tags a converter leaves into Markdown.
func inline(s string) string { return htmlToMarkdown(s) }
