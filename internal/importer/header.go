package importer

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/minhbach/minhbach/internal/vnfold"
)

// Header is what the top of a plan states: the issuing body, the number,
// the place and date, and the title. A field the text does not state stays
// empty and its line 0.
type Header struct {
	End int // index of the first line after the header (the preamble's)

	Number     string // "46/KH-UBND"
	NumberLine int

	Issued     time.Time
	IssuedLine int
	Place      string // "Đà Nẵng", as the date line writes it

	Issuer     string // "Ủy ban nhân dân thành phố Đà Nẵng"
	IssuerLine int
	Unit       Unit // the local government unit the issuer governs

	Title     string // "Kế hoạch triển khai …"
	TitleLine int
	TitleCaps bool // the subject was printed in capitals and its case was restored

	numberHow, issuedHow string // where a field came from when not the header

	used map[int]bool // header lines read into a field, or the national motto
}

// use marks the lines a match from offset start to end covers as read.
func (h *Header) use(j joined, start, end int) {
	for l := j.lineAt(start); l > 0 && l <= j.lineAt(max(end-1, start)); l++ {
		h.used[l] = true
	}
}

// Unread returns the header lines no field was read from, other than the
// national name and motto every document prints.
func (h *Header) Unread(lines []Line) []Line {
	var out []Line
	for _, l := range lines[:h.End] {
		if hasWords(l.Text) && !h.used[l.N] && !isMotto(l.Text) {
			out = append(out, l)
		}
	}
	return out
}

// isMotto reports whether a line is (part of) "CỘNG HÒA XÃ HỘI CHỦ NGHĨA
// VIỆT NAM" or "Độc lập - Tự do - Hạnh phúc".
func isMotto(s string) bool {
	f := strings.Join(strings.Fields(vnfold.Fold(plain(s))), " ")
	if f == "" {
		return false
	}
	for _, m := range []string{"cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "cong hoa xa hoi chu nghia viet nam doc lap - tu do - hanh phuc"} {
		if strings.Contains(m, f) {
			return true
		}
	}
	return false
}

// Unit is a local government unit as a plan names it.
type Unit struct {
	Kind string // "thành phố", "xã", … (lowercase)
	Name string // "Đà Nẵng"
}

// Level is the locality level the unit is, as _index.md spells it, given
// the depth of its folder under content/dia-phuong. A "thành phố" is a
// province-level city at the top of the tree (Đà Nẵng, Hải Phòng) and a
// district-level one inside a province (Huế in 2022).
func (u Unit) Level(depth int) string {
	switch u.Kind {
	case "tỉnh":
		return "tinh"
	case "huyện", "quận", "thị xã":
		return "huyen"
	case "xã", "phường", "thị trấn":
		return "xa"
	case "thành phố":
		if depth <= 1 {
			return "tinh"
		}
		return "huyen"
	}
	return ""
}

// LocalityName is the unit's name with its level word: "Thành phố Đà Nẵng".
func (u Unit) LocalityName() string {
	if u.Kind == "" || u.Name == "" {
		return ""
	}
	return upperFirst(u.Kind) + " " + u.Name
}

var (
	numberRe = regexp.MustCompile(`(?i:số)\s*:\s*(\d+)\s*/\s*([\p{L}\d]+(?:\s*[-/]\s*[\p{L}\d]+)*)`)
	dateRe   = regexp.MustCompile(`(?:(\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){0,4})\s*,\s*)?(?i:ngày)\s+(\d{1,2})\s+(?i:tháng)\s+(\d{1,2})\s+(?i:năm)\s+(\d{4})`)
	// "Hà Nội, ngày 10/3/2022": the same groups as dateRe.
	numericDateRe = regexp.MustCompile(`(?:(\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){0,4})\s*,\s*)?(?i:ngày)\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`)
	// "(Kèm theo Kế hoạch số 2274 /KH-UBND ngày 07 tháng 4 năm 2022 …)"
	attachedRe   = regexp.MustCompile(`(?i:kèm theo kế hoạch số)\s*(\d+)\s*/\s*([\p{L}\d]+(?:\s*[-/]\s*[\p{L}\d]+)*)\s*,?\s*(?i:ngày)\s+(\d{1,2})\s+(?i:tháng)\s+(\d{1,2})\s+(?i:năm)\s+(\d{4})`)
	issuerCapsRe = regexp.MustCompile(`(?:(?i:ủy|uỷ)\s+(?i:ban)\s+(?i:nhân)\s+(?i:dân)|UBND)\s+(TỈNH|THÀNH\s+PHỐ|THỊ\s+XÃ|THỊ\s+TRẤN|HUYỆN|QUẬN|XÃ|PHƯỜNG)\s+`)
	issuerTextRe = regexp.MustCompile(`(?:(?i:ủy|uỷ) ban nhân dân|UBND)(?: \(UBND\))? (tỉnh|thành phố|thị xã|thị trấn|huyện|quận|xã|phường) (\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){0,4}) (?:ban hành|xây dựng)`)
)

// headerStop words end an issuer's name in a header printed in capitals
// ("… THÀNH PHỐ ĐÀ NẴNG CỘNG HÒA XÃ HỘI …").
var headerStop = map[string]bool{"CỘNG": true, "SỐ": true, "SỐ:": true, "ĐỘC": true, "KẾ": true, "UBND": true, "ỦY": true, "UỶ": true}

// findTitleLine returns the index of the "KẾ HOẠCH" line, or -1. It looks
// before the first section ("I. …") only.
func findTitleLine(lines []Line) int {
	for i, l := range lines {
		p := plain(l.Text)
		if m := parseMark(p); m.kind == romanMark {
			return -1
		}
		f := vnfold.Fold(p)
		if f == "ke hoach" || (strings.HasPrefix(f, "ke hoach ") && isCaps(p)) {
			return i
		}
	}
	return -1
}

// preambleStarts are the words a plan's first sentence starts with.
var preambleStarts = []string{"thuc hien", "can cu", "theo ", "nham ", "de trien khai", "trien khai thuc hien ke hoach", "tren co so"}

func startsPreamble(s string) bool {
	f := vnfold.Fold(plain(s))
	for _, p := range preambleStarts {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return parseMark(plain(s)).kind != noMark
}

// maxSubjectLines bounds the subject: a title longer than this has run into
// the preamble.
const maxSubjectLines = 6

// subjectEnd returns the index of the first line after the title's subject
// lines, which follow the "KẾ HOẠCH" line: lines in capitals as long as they
// last, or lines in mixed case up to a blank line, the end of a sentence or
// the preamble.
func subjectEnd(lines []Line, title int) (end int, subject []int) {
	if vnfold.Fold(plain(lines[title].Text)) != "ke hoach" {
		// "KẾ HOẠCH TRIỂN KHAI …" on one line: the subject is on it.
		subject = append(subject, title)
	}
	caps := -1 // unknown until the first subject line
	i := title + 1
	for ; i < len(lines); i++ {
		t := lines[i].Text
		if isBlank(t) {
			if len(subject) > 0 && caps == 0 {
				break
			}
			continue
		}
		if !hasWords(t) {
			continue // "-------" under the title
		}
		p := plain(t)
		c := isCaps(p)
		if (!c && startsPreamble(t)) || parseMark(p).kind == romanMark || strings.Contains(t, "\t") || len(subject) >= maxSubjectLines {
			break
		}
		switch {
		case caps == -1 && c:
			caps = 1
		case caps == -1:
			caps = 0
		case (caps == 1) != c:
			return i, subject
		case caps == 0 && endsSentence(plain(lines[subject[len(subject)-1]].Text)):
			return i, subject
		}
		subject = append(subject, i)
	}
	return i, subject
}

// ReadHeader finds the header of a plan in its first lines. It fails when
// there is no "KẾ HOẠCH" title: the text is then not a plan.
func ReadHeader(name string, lines []Line) (*Header, error) {
	t := findTitleLine(lines)
	if t < 0 {
		return nil, &Error{File: name, Line: 1, Msg: `no "KẾ HOẠCH" title before the first section: this does not look like a plan. ` +
			`A news item, directive or report is an update: write it with "minhbach new update" (kind = "update"); ` +
			`if it is a plan, make sure its title line "KẾ HOẠCH" is in the text`}
	}
	h := &Header{used: map[int]bool{}}
	end, subject := subjectEnd(lines, t)
	h.End = end
	h.TitleLine = lines[t].N
	h.used[lines[t].N] = true
	for _, i := range subject {
		h.used[lines[i].N] = true
	}
	var parts []string
	for _, i := range subject {
		parts = append(parts, plain(lines[i].Text))
	}
	words := strings.Fields(strings.Join(parts, " "))
	if len(words) >= 2 && vnfold.Fold(words[0]+" "+words[1]) == "ke hoach" {
		words = words[2:]
	}
	sub := strings.Join(words, " ")
	h.Title = sub // made into a sentence later, once the body is known
	h.TitleCaps = isCaps(sub)

	top := joinLines(lines[:end])
	h.readNumber(top)
	h.readDate(top)
	h.readIssuerCaps(joinLines(leftColumn(lines[:t])))
	if h.Issuer == "" {
		h.readIssuerCaps(joinLines(lines[:t]))
	}
	return h, nil
}

// leftColumn keeps the first cell of lines laid out in columns by tabs: a
// header copied from Word puts the issuer on the left and the national
// motto on the right of the same lines.
func leftColumn(lines []Line) []Line {
	out := make([]Line, len(lines))
	for i, l := range lines {
		cell, _, _ := strings.Cut(l.Text, "\t")
		out[i] = Line{N: l.N, Text: cell}
	}
	return out
}

// joined is several lines joined by spaces, with a way back from a byte
// offset to the line it came from.
type joined struct {
	text   string
	starts []int // byte offset where each line starts
	lines  []int // the line numbers
}

func joinLines(lines []Line) joined {
	var j joined
	var b strings.Builder
	for _, l := range lines {
		if isBlank(l.Text) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		j.starts = append(j.starts, b.Len())
		j.lines = append(j.lines, l.N)
		b.WriteString(plain(strings.ReplaceAll(l.Text, "\t", " ")))
	}
	j.text = b.String()
	return j
}

func (j joined) lineAt(offset int) int {
	n := 0
	for i, s := range j.starts {
		if s <= offset {
			n = j.lines[i]
		}
	}
	return n
}

func (h *Header) readNumber(j joined) {
	if m := numberRe.FindStringSubmatchIndex(j.text); m != nil {
		h.Number = j.text[m[2]:m[3]] + "/" + strings.Join(strings.Fields(j.text[m[4]:m[5]]), "")
		h.NumberLine = j.lineAt(m[2])
		h.use(j, m[0], m[1])
	}
}

func (h *Header) readDate(j joined) {
	m := dateRe.FindStringSubmatchIndex(j.text)
	if m == nil {
		m = numericDateRe.FindStringSubmatchIndex(j.text)
	}
	if m == nil {
		return
	}
	d, ok := makeDate(j.text[m[8]:m[9]], j.text[m[6]:m[7]], j.text[m[4]:m[5]])
	if !ok {
		return
	}
	h.Issued = d
	h.IssuedLine = j.lineAt(m[4])
	h.use(j, m[0], m[1])
	if m[2] >= 0 {
		h.Place = strings.TrimSpace(j.text[m[2]:m[3]])
	}
}

// makeDate checks that a day, month and year name a real day.
func makeDate(year, month, day string) (time.Time, bool) {
	y, _ := strconv.Atoi(year)
	mo, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d || y < 1945 {
		return time.Time{}, false
	}
	return t, true
}

// readIssuerCaps reads the issuing body from the capitals above the title
// ("ỦY BAN NHÂN DÂN / THÀNH PHỐ ĐÀ NẴNG"). When a header names a parent and
// a child ("UBND TỈNH …" over "UBND HUYỆN …") the last one issued the plan.
func (h *Header) readIssuerCaps(j joined) {
	all := issuerCapsRe.FindAllStringSubmatchIndex(j.text, -1)
	if len(all) == 0 {
		return
	}
	m := all[len(all)-1]
	kind := strings.ToLower(strings.Join(strings.Fields(j.text[m[2]:m[3]]), " "))
	var name []string
	end := m[1]
	for _, w := range strings.Fields(j.text[m[1]:]) {
		if headerStop[w] || !capsWord(w) {
			break
		}
		name = append(name, w)
		end += strings.Index(j.text[end:], w) + len(w)
	}
	h.use(j, m[0], end)
	if len(name) == 0 {
		return
	}
	h.setIssuer(Unit{Kind: kind, Name: titleCase(strings.Join(name, " "))}, j.lineAt(m[0]))
}

func (h *Header) setIssuer(u Unit, line int) {
	h.Unit = u
	h.Issuer = "Ủy ban nhân dân " + u.Kind + " " + u.Name
	h.IssuerLine = line
}

// readIssuerText reads the issuer from the preamble's own words when the
// header does not print it: "…, Ủy ban nhân dân xã Lạc Hồng xây dựng Kế
// hoạch …".
func (h *Header) readIssuerText(text string, line int) bool {
	m := issuerTextRe.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	h.setIssuer(Unit{Kind: m[1], Name: m[2]}, line)
	return true
}

// readAttached reads the number and date from an appendix's "(Kèm theo Kế
// hoạch số … ngày …)" when the header does not print them.
func (h *Header) readAttached(text string, line int) (number, date bool) {
	m := attachedRe.FindStringSubmatch(text)
	if m == nil {
		return false, false
	}
	const how = `from "Kèm theo Kế hoạch số …" above an appendix; the header does not print it`
	if h.Number == "" {
		h.Number = m[1] + "/" + strings.Join(strings.Fields(m[2]), "")
		h.NumberLine, h.numberHow = line, how
		number = true
	}
	if h.Issued.IsZero() {
		if d, ok := makeDate(m[5], m[4], m[3]); ok {
			h.Issued, h.IssuedLine, h.issuedHow, date = d, line, how, true
		}
	}
	return number, date
}

// titleCase writes a proper name printed in capitals as a name: "ĐÀ NẴNG"
// → "Đà Nẵng" (every syllable of a Vietnamese place name is capitalised).
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = upperFirst(w)
	}
	return strings.Join(words, " ")
}

// capsWord reports whether w is a word in capitals and nothing else.
func capsWord(w string) bool {
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsMark(r) {
			return false
		}
	}
	return w != ""
}

func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

func lowerFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToLower(r)) + s[i+len(string(r)):]
	}
	return s
}
