package importer

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/minhbach/minhbach/internal/recognize"
	"github.com/minhbach/minhbach/internal/vnfold"
)

// markKind is how an item of the document is numbered.
type markKind int

const (
	noMark markKind = iota
	romanMark
	dottedMark // "2.", "5.1.1."
	letterMark // "a)", "đ)"
	parenMark  // "(3)"
)

// mark is the number an item starts with and the text after it.
type mark struct {
	kind  markKind
	value string // "II", "5.1.1", "đ", "3"
	text  string // the number as written, e.g. "5.1.1." or "(3)"
	rest  string
}

// depth is how many dotted levels a number has ("5.1.1" → 3).
func (m mark) depth() int { return strings.Count(m.value, ".") + 1 }

var (
	romanRe  = regexp.MustCompile(`^([IVXLC]{1,6})[.)]\s+`)
	multiRe  = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2}){1,4})\.?\s+`)
	singleRe = regexp.MustCompile(`^(\d{1,2})\.\s+`)
	parenRe  = regexp.MustCompile(`^\((\d{1,2})\)\s*`)
	letterRe = regexp.MustCompile(`^([a-zđ])\)\s+`)
)

// parseMark reads the number at the start of a (plain) line. The item after
// the number must start with a capital letter: a wrapped line that happens to
// start with "11 năm 2021" or "2022." is a continuation, not an item.
func parseMark(s string) mark {
	try := []struct {
		re   *regexp.Regexp
		kind markKind
	}{{romanRe, romanMark}, {multiRe, dottedMark}, {singleRe, dottedMark}, {parenRe, parenMark}, {letterRe, letterMark}}
	for _, t := range try {
		g := t.re.FindStringSubmatch(s)
		if g == nil {
			continue
		}
		rest := strings.TrimSpace(s[len(g[0]):])
		if !startsItem(rest) {
			continue
		}
		if t.kind == dottedMark && !strings.Contains(g[1], ".") {
			if n, _ := strconv.Atoi(g[1]); n == 0 || n > 60 {
				continue
			}
		}
		return mark{kind: t.kind, value: g[1], text: strings.TrimSpace(g[0]), rest: rest}
	}
	return mark{rest: s}
}

// startsItem reports whether the text after a number starts an item: with a
// capital letter, possibly after emphasis marks, a quote or a bracket.
func startsItem(s string) bool {
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			return true
		case strings.ContainsRune(`*_"“'(`, r):
			continue
		default:
			return false
		}
	}
	return false
}

// fullLabels are labels as documents print them, longest first: a field
// line that lacks its ":" is recognised by one of these.
var fullLabels = []string{
	"thoi gian thuc hien/hoan thanh", "don vi chu tri tham muu", "co quan thuc hien",
	"thoi gian thuc hien", "thoi gian hoan thanh", "thoi gian du kien", "co quan chu tri",
	"don vi chu tri", "don vi thuc hien", "co quan phoi hop", "don vi phoi hop",
	"chi tieu thuc hien", "thoi han", "san pham", "chi tieu",
}

// fieldLine reads a line as a task field: "- Cơ quan chủ trì: …" or,
// without the dash, "Cơ quan thực hiện: …" (Lạc Hồng's style).
func fieldLine(s string) (label, value string, f recognize.Field, ok bool) {
	body := trimBullet(s)
	label, value, ok = recognize.SplitLabel(body)
	if !ok {
		return "", "", recognize.NoField, false
	}
	f = recognize.FieldOf(label)
	return label, value, f, f != recognize.NoField
}

// trimBullet removes a list marker ("-", "–", "•", "+", "*") from the
// start of a line.
func trimBullet(s string) string {
	s = strings.TrimSpace(s)
	for _, b := range []string{"-", "–", "•", "+", "* "} {
		if strings.HasPrefix(s, b) {
			return strings.TrimSpace(s[len(b):])
		}
	}
	return s
}

// colonlessLabel finds a field line whose label is not followed by ":"
// ("- Thời gian hoàn thành trong quý II năm 2022."), and returns the label
// as written and the value after it.
func colonlessLabel(s string) (label, value string, ok bool) {
	body := trimBullet(s)
	if _, _, has := recognize.SplitLabel(body); has {
		if _, _, f, known := fieldLine(body); known && f != recognize.NoField {
			return "", "", false
		}
	}
	words := strings.Fields(body)
	for _, full := range fullLabels {
		n := len(strings.Fields(full))
		if len(words) <= n {
			continue
		}
		head := strings.Join(words[:n], " ")
		if vnfold.Fold(head) == full && !strings.HasPrefix(words[n], ":") {
			return head, strings.Join(words[n:], " "), true
		}
	}
	return "", "", false
}
