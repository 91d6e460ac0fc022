package importer

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/minhbach/minhbach/internal/vnfold"
)

// blockKind is what a logical line of the body is, before its role in the
// plan is known.
type blockKind int

const (
	textBlock      blockKind = iota // a paragraph, heading, item or field
	rowBlock                        // a table row (cells separated by tabs)
	layoutBlock                     // a line without words ("-------", "|")
	signatureBlock                  // the signature, one printed line per text line
)

// block is one logical line: the source lines a PDF wrapped, joined again.
type block struct {
	kind        blockKind
	lines       []int  // source line numbers, in order
	text        string // the joined text
	last        string // the last source line joined into it
	blankBefore bool   // a blank line came before it in the source
}

func (b *block) line() int { return b.lines[0] }

// Unwrap joins hard-wrapped lines into logical lines. A PDF copy breaks
// lines wherever the page was full, even inside a heading or a "Label:
// value" item, and page breaks leave blank lines inside a sentence. A line
// continues the one before unless it visibly starts something new: a number,
// a bullet, a label, a table row; or the line before ended a sentence and
// this one starts with a capital; or the line before was a short numbered
// title ("2.2. Công an thành phố") and this one starts with a capital.
func Unwrap(lines []Line) []block {
	var out []block
	width := lineWidth(lines)
	blank := false
	for _, l := range lines {
		if isBlank(l.Text) {
			blank = true
			continue
		}
		switch {
		case !hasWords(l.Text):
			out = append(out, block{kind: layoutBlock, lines: []int{l.N}, text: l.Text, blankBefore: blank})
		case strings.Contains(l.Text, "\t"):
			out = append(out, block{kind: rowBlock, lines: []int{l.N}, text: l.Text, blankBefore: blank})
		default:
			if n := len(out); n > 0 && continues(&out[n-1], l.Text, blank, width) {
				out[n-1].lines = append(out[n-1].lines, l.N)
				out[n-1].text = joinLine(out[n-1].text, l.Text)
				out[n-1].last = l.Text
			} else {
				out = append(out, block{kind: textBlock, lines: []int{l.N}, text: l.Text, last: l.Text, blankBefore: blank})
			}
		}
		blank = false
	}
	return out
}

// joinLine joins a wrapped line to the text before it. An emphasis span
// closed at the end of one line and reopened at the start of the next
// ("…2022*" / "*của UBND…") becomes one span.
func joinLine(prev, next string) string {
	if strings.HasSuffix(prev, "*") && !strings.HasSuffix(prev, "**") &&
		strings.HasPrefix(next, "*") && !strings.HasPrefix(next, "**") {
		return prev[:len(prev)-1] + " " + next[1:]
	}
	return prev + " " + next
}

// lineWidth estimates how long a full line of the page was: the median
// length of the lines that certainly wrapped (the next line goes on in
// lowercase). It is 0 when the text has too few of them to tell, as when
// every paragraph is one line.
func lineWidth(lines []Line) int {
	var n []int
	for i := 1; i < len(lines); i++ {
		prev, cur := lines[i-1].Text, lines[i].Text
		if isBlank(prev) || isBlank(cur) || startsStructure(cur) || !startsLower(plain(cur)) {
			continue
		}
		n = append(n, runeLen(prev))
	}
	if len(n) < 5 {
		return 0
	}
	slices.Sort(n)
	return n[len(n)/2]
}

// full reports whether a line reached the width of the page, so that the
// PDF had to break it there.
func full(line string, width int) bool {
	return width > 0 && runeLen(line)*10 >= width*8
}

// continues reports whether line s continues block prev.
func continues(prev *block, s string, blank bool, width int) bool {
	if prev.kind != textBlock {
		return false
	}
	if !blank && (cutRange(prev.text, s) || dashInsideField(prev.text, s)) {
		return true
	}
	if startsStructure(s) || mdHeadingRe.MatchString(prev.text) || strings.HasPrefix(strings.TrimSpace(s), "#") {
		return false
	}
	if labelOnly(prev.text) {
		return true // "- Thời gian thực hiện:" / "Trong quý I năm 2022.": the value on the next line
	}
	pt, cur := plain(prev.text), plain(s)
	if blank {
		// A page break: the sentence goes on only if it visibly did not end.
		return !endsSentence(pt) && (startsLower(cur) || isFunctionWord(lastWord(pt)))
	}
	return lineContinues(pt, cur, prev.last, width)
}

// lineContinues decides for a line right under another.
func lineContinues(pt, cur, last string, width int) bool {
	switch {
	case lastRune(pt) == ';' || lastRune(pt) == ',':
		return true // a list of agencies or clauses goes on
	case endsSentence(pt):
		return startsLower(cur)
	case startsLower(cur):
		return true
	case isCaps(pt):
		return isCaps(cur) // a title in capitals, wrapped
	case isFunctionWord(lastWord(pt)) || full(last, width):
		return true
	}
	return !titleLike(pt)
}

// cutRange reports whether a line starting with a dash is the end of a
// range cut at its dash ("giai đoạn 2022" / "- 2025"), not a list item.
func cutRange(prev, s string) bool {
	return yearDashRe.MatchString(s) && unicode.IsDigit(lastRune(prev))
}

// labelOnly reports whether a block is a field label with its value still
// to come ("- Thời gian thực hiện:").
func labelOnly(s string) bool {
	_, value, _, ok := fieldLine(plain(s))
	return ok && value == "" && !strings.HasSuffix(s, "**")
}

// titleLike reports whether a block is a short numbered title such as
// "2.2. Công an thành phố": a capital after it starts a new paragraph.
func titleLike(s string) bool {
	m := parseMark(s)
	return m.kind != noMark && runeLen(s) < 100
}

// dashInsideField reports whether a line starting with "- " is the rest of
// an unfinished field value ("… Sở Lao động" / "- Thương binh và Xã hội."),
// not an item: a field's value is not followed by plain items.
func dashInsideField(prev, s string) bool {
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "- ") || endsSentence(plain(prev)) {
		return false
	}
	if _, _, _, ok := fieldLine(plain(prev)); !ok {
		return false
	}
	rest := plain(t[2:])
	if _, _, _, ok := fieldLine(rest); ok || parseMark(rest).kind != noMark {
		return false
	}
	return true
}

var yearDashRe = regexp.MustCompile(`^[-–] \d{4}\b`)

var bulletRe = regexp.MustCompile(`^(?:[-+*•–]|\d{1,2}\))\s+`)

// startsStructure reports whether a line visibly starts a new item.
func startsStructure(s string) bool {
	t := strings.TrimSpace(s)
	p := plain(t)
	switch {
	case strings.HasPrefix(t, "#"), strings.HasPrefix(t, "**"):
		return true
	case bulletRe.MatchString(t):
		return true
	case parseMark(p).kind != noMark:
		return true
	}
	if _, _, _, ok := fieldLine(p); ok {
		return true
	}
	if _, _, ok := colonlessLabel(p); ok && startsItem(p) {
		return true
	}
	f := vnfold.Fold(p)
	switch {
	case strings.HasPrefix(f, "noi nhan"):
		return true
	case isAppendixTitle(p), isPhaseText(p):
		return true
	case strings.HasPrefix(f, "(kem theo"), strings.HasPrefix(f, "*(kem theo"):
		return true
	case isCaps(p) && signatureStart(p):
		return true
	}
	return false
}

// functionWords cannot end a phrase: a line ending with one goes on in the
// next line even when that line starts with a capital ("giữa" / "Cơ sở dữ
// liệu …").
var functionWords = map[string]bool{
	"các": true, "những": true, "với": true, "của": true, "và": true, "hoặc": true,
	"giữa": true, "về": true, "tại": true, "trong": true, "cho": true, "theo": true,
	"từ": true, "đến": true, "để": true, "là": true, "được": true, "bị": true,
	"có": true, "một": true, "như": true, "vào": true, "trên": true, "dưới": true,
	"qua": true, "bằng": true, "nhằm": true, "đối": true, "mà": true, "thì": true,
	"cùng": true, "sẽ": true, "đã": true, "đang": true, "rằng": true, "cơ": true,
	"sở": true, "ban": true, "phòng": true, "thuộc": true, "gồm": true,
	"tới": true, "nhất": true, "mỗi": true, "toàn": true, "phó": true, "ủy": true,
	"uỷ": true, "ngày": true, "tháng": true, "năm": true, "quý": true, "-": true,
}

func isFunctionWord(w string) bool { return functionWords[w] }

var appendixRe = regexp.MustCompile(`^(?i:phụ lục|phu luc)(?:\s+([IVXLC]+|\d+))?\s*[.:\-–]?\s*`)

// isAppendixTitle reports whether a line is the title of an appendix:
// "Phụ lục I", "PHỤ LỤC II", "Phụ lục II. Chi tiết …".
func isAppendixTitle(s string) bool {
	p := strings.TrimSpace(s)
	m := appendixRe.FindStringSubmatch(p)
	if m == nil {
		return false
	}
	rest := strings.TrimSpace(p[len(m[0]):])
	if m[1] == "" {
		// "PHỤ LỤC" alone, or in capitals with its title.
		return rest == "" || isCaps(p)
	}
	return rest == "" || isCaps(rest) || strings.HasPrefix(p, "PHỤ LỤC")
}
