package recognize

import (
	"regexp"
	"strings"
)

// markerKind is how a heading is numbered.
type markerKind int

const (
	unnumbered markerKind = iota
	roman                 // "II."
	dotted                // "2.", "5.1.1."
	paren                 // "(3)"
	letter                // "a)", "đ)"
)

var (
	romanRe  = regexp.MustCompile(`^([IVXLC]+)[.)]\s*`)
	dottedRe = regexp.MustCompile(`^(\d+(?:\.\d+)*)\.?(?:\s+|$)`)
	parenRe  = regexp.MustCompile(`^\((\d+)\)\s*`)
	letterRe = regexp.MustCompile(`^([a-zđ])\)\s*`)
)

// marker is a heading's number and the text after it.
type marker struct {
	kind  markerKind
	value string // "II", "5.1.1", "3", "đ"
	rest  string
}

func parseMarker(s string) marker {
	for _, m := range []struct {
		re   *regexp.Regexp
		kind markerKind
	}{{romanRe, roman}, {dottedRe, dotted}, {parenRe, paren}, {letterRe, letter}} {
		if g := m.re.FindStringSubmatch(s); g != nil {
			return marker{kind: m.kind, value: g[1], rest: strings.TrimSpace(s[len(g[0]):])}
		}
	}
	return marker{kind: unnumbered, rest: s}
}

// IsRoman reports whether s is a Roman numeral (as STT cells of section rows are).
func IsRoman(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("IVXLC", r) {
			return false
		}
	}
	return true
}

// qualify makes a task id unique within its plan by prefixing the numbers of
// the headings above it, until it meets a Roman numeral or an ancestor whose
// number the id already starts with ("5.1.1" under "5.1.").
func qualify(own marker, ancestors []marker) string {
	id := own.value
	for i := len(ancestors) - 1; i >= 0; i-- {
		a := ancestors[i]
		if a.kind == roman || a.kind == unnumbered {
			break
		}
		if strings.HasPrefix(id, a.value+".") {
			break
		}
		id = a.value + "." + id
	}
	return id
}
