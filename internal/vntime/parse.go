package vntime

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/vnfold"
)

// Error says why a deadline text names an impossible date, and what to
// write instead. Editors act on it, so it quotes what they wrote.
type Error struct {
	Text   string // the offending fragment as written
	Msg    string // what is wrong and what to write instead, in English
	Format string // Msg's format and arguments, so that it can be translated
	Args   []any
}

// Error returns the message, which names the fragment where that helps.
func (e *Error) Error() string { return e.Msg }

// MessageFormat returns the message's format and arguments, which package
// diag uses to say it in the editor's language.
func (e *Error) MessageFormat() (string, []any) { return e.Format, e.Args }

func newError(text, format string, args ...any) *Error {
	return &Error{Text: text, Msg: fmt.Sprintf(format, args...), Format: format, Args: args}
}

// The years a plan can name. A year outside them is a typing slip
// ("năm 2202"), not a deadline.
const (
	minYear = 1900
	maxYear = 2199
)

// Parse reads a deadline text. Text with no deadline ("" or only spaces
// and punctuation) is Kind None. Text it cannot read is Kind Unknown, with
// no dates and a nil error: a deadline is never guessed. A text naming a
// date that does not exist is Kind Unknown with a non-nil *Error.
//
// Words are matched regardless of case and diacritics ("Quy I nam 2022"
// reads as "Quý I năm 2022"). Deadline.Text is always the input.
func Parse(text string) (Deadline, error) {
	d, err := parse(text)
	if err != nil {
		return Deadline{Kind: Unknown, Text: text}, err
	}
	d.Text = text
	return d, nil
}

func parse(text string) (Deadline, *Error) {
	toks := trim(tokenize(text))
	if len(toks) == 0 {
		return Deadline{Kind: None}, nil
	}
	if isConditional(toks) {
		return Deadline{Kind: Conditional}, nil
	}
	several := hasMark(toks, ';')
	if !several {
		d, ok, err := single(text, toks)
		if ok || err != nil {
			return d, err
		}
	}
	return milestones(text, toks, several)
}

// conditionalPrefixes open a deadline that depends on something else
// happening ("khi Sở ... triển khai", "Theo lộ trình Kế hoạch số 62"). Any
// number after them belongs to what they refer to, not to a date.
var conditionalPrefixes = [][]string{
	{"khi"},
	{"sau", "khi"},
	{"ngay", "sau", "khi"},
	{"theo", "lo", "trinh"},
	{"theo", "huong", "dan"},
	{"theo", "ke", "hoach"},
	{"theo", "yeu", "cau"},
	{"theo", "chi", "dao"},
	{"theo", "tien", "do"},
	{"can", "cu"},
}

func isConditional(toks []token) bool {
	c := cursor{toks: toks}
	c.skipFillers()
	for _, prefix := range conditionalPrefixes {
		if c.words(prefix...) {
			return true
		}
	}
	return false
}

// single reads a text that states one deadline. It reports false when the
// text is not one of the forms it knows, and an error when it is one but
// names a date that does not exist.
func single(text string, toks []token) (Deadline, bool, *Error) {
	c := cursor{text: text, toks: toks}
	complete := c.skipFillers()
	if c.done() {
		return Deadline{}, false, nil
	}
	start := c.i
	if c.ongoing() {
		return Deadline{Kind: Ongoing}, true, nil
	}
	c.i = start
	if d, ok, err := c.recurring(); ok || err != nil {
		return d, ok, err
	}
	c.i = start
	d, ok, err := c.due()
	if ok && err == nil && complete && d.Kind == Window {
		// "Hoàn thành trong tháng 02/2024": what is to be completed within
		// a period is due on its last day.
		d = Deadline{Kind: By, End: d.End}
	}
	return d, ok, err
}

// milestones reads a text split at ";" into dated steps, each a place and
// the date it starts (or falls due) there. With several parts, a part may
// be a dated expression alone ("Quý I/2022; Quý III/2022"); a single part
// needs a place, or it would be an ordinary deadline. A part that cannot be
// read makes the whole text unknown; a part that names a date that does
// not exist makes it an error, wherever that part stands.
func milestones(text string, toks []token, several bool) (Deadline, *Error) {
	var ms []Milestone
	readable := true
	for rest := toks; len(rest) > 0; {
		var part []token
		part, rest = cutMark(rest, ';')
		if part = trim(part); len(part) == 0 {
			continue
		}
		m, ok, err := milestone(text, part, several)
		if err != nil {
			return Deadline{Kind: Unknown}, err
		}
		readable = readable && ok
		ms = append(ms, m)
	}
	if !readable || len(ms) == 0 {
		return Deadline{Kind: Unknown}, nil
	}
	slices.SortStableFunc(ms, func(a, b Milestone) int { return a.Date.Compare(b.Date) })
	return Deadline{Kind: Milestones, Start: ms[0].Date, End: ms[len(ms)-1].Date, Milestones: ms}, nil
}

// milestone reads one part of a milestones text: a placed date, or, when
// the part may stand alone, any dated deadline, at the day it is due.
func milestone(text string, part []token, alone bool) (Milestone, bool, *Error) {
	if m, ok, err := placed(text, part); ok || err != nil || !alone {
		return m, ok, err
	}
	d, ok, err := single(text, part)
	if !ok || err != nil {
		return Milestone{}, false, err
	}
	due, dated := d.Due()
	return Milestone{Date: due}, dated, nil
}

// placed reads "<place> (kể) từ (ngày) <date>" and "<place> trước (ngày)
// <date>". The place is everything before the keyword, as written; it must
// hold a word that is not a filler, or it is no place at all.
func placed(text string, part []token) (Milestone, bool, *Error) {
	for k := 1; k < len(part); k++ {
		if w := part[k].word; w != "tu" && w != "truoc" {
			continue
		}
		c := cursor{text: text, toks: part, i: k + 1}
		ph, ok := c.day()
		if !ok || !c.done() || ph.yearTok < 0 {
			continue
		}
		end := k
		if part[k].word == "tu" && part[k-1].word == "ke" {
			end = k - 1
		}
		if !hasPlace(part[:end]) {
			return Milestone{}, false, nil
		}
		date, _, err := c.bounds(ph)
		if err != nil {
			return Milestone{}, false, err
		}
		place := text[part[0].start:part[end-1].end]
		return Milestone{Date: date, Place: strings.TrimFunc(place, isPlaceEdge)}, true, nil
	}
	return Milestone{}, false, nil
}

// isPlaceEdge says what is trimmed off a place: spaces and the marks that
// set it off from its date ("Cấp tỉnh: từ ngày ...", "Cấp tỉnh – từ ngày").
func isPlaceEdge(r rune) bool {
	return unicode.IsSpace(r) || strings.IndexByte(",:;.-", markOf(r)) >= 0
}

// hasPlace reports whether the words before a milestone's date name a
// place: "Tại bộ phận một cửa" does, "Thực hiện" does not.
func hasPlace(toks []token) bool {
	c := cursor{toks: toks}
	for !c.done() {
		start := c.i
		c.skipFillers()
		c.oneOf("tai", "o")
		if c.i > start {
			continue
		}
		if c.toks[c.i].kind == wordToken {
			return true
		}
		c.i++
	}
	return false
}

// unit is how much time a phrase names.
type unit uint8

const (
	rangeUnit    unit = iota // two phrases: "tháng 3 - tháng 6/2022"
	dayUnit                  // "30/9/2024", "ngày 30 tháng 9 năm 2024"
	monthUnit                // "tháng 6/2022"
	quarterUnit              // "quý II/2022"
	yearEndsUnit             // "đầu năm 2022", "cuối năm 2022": a quarter
	halfUnit                 // "6 tháng đầu năm 2022"
	yearUnit                 // "năm 2022"
	yearsUnit                // "giai đoạn 2023 - 2025"
)

// phrase is one time phrase as written, before its numbers are checked:
// the grammar reads the shape first, so that a text that is not a deadline
// is never reported as a wrong date.
type phrase struct {
	unit       unit
	day, month int
	part       int // quarter (quarterUnit, yearEndsUnit) or half (1, 2)
	partTok    int // the quarter's numeral; -1 when implied
	yearTok    int // -1 when no year is written
	lastTok    int // yearsUnit: the last year
	year       int // the year inherited from the end of a range
	from, to   int // the tokens it was read from
}

// stretch is the days a time expression covers.
type stretch struct {
	first, last Date
	unit        unit
}

// due reads the dated forms: by, from, window.
func (c *cursor) due() (Deadline, bool, *Error) {
	from := c.i
	switch {
	case c.words("cham", "nhat"), c.words("han", "chot"):
		c.oneOf("la", "vao")
		c.words("trong")
		s, ok, err := c.stretch(from)
		if !ok || err != nil {
			return Deadline{}, ok, err
		}
		return Deadline{Kind: By, End: s.last}, true, nil
	case c.words("truoc"):
		return c.before(from)
	case c.words("ke", "tu"), c.words("tu"):
		return c.since(from)
	case c.words("bat", "dau"):
		c.words("tu")
		return c.since(from)
	}
	s, ok, err := c.stretch(from)
	switch {
	case !ok || err != nil:
		return Deadline{}, ok, err
	case s.unit == dayUnit:
		return Deadline{Kind: By, End: s.last}, true, nil
	}
	return Deadline{Kind: Window, Start: s.first, End: s.last}, true, nil
}

// before reads what follows "trước". Before a day is by that day, which
// administrative usage counts in: "trước ngày 30/9/2024" is met on 30
// September. Before a month, quarter or year is by the day before it
// starts. Anything else after "trước" ("trước cuối năm") is not read.
func (c *cursor) before(from int) (Deadline, bool, *Error) {
	s, ok, err := c.stretch(from)
	if !ok || err != nil {
		return Deadline{}, ok, err
	}
	switch s.unit {
	case dayUnit:
		return Deadline{Kind: By, End: s.last}, true, nil
	case monthUnit, quarterUnit, yearUnit:
		return Deadline{Kind: By, End: s.first.AddDays(-1)}, true, nil
	}
	return Deadline{}, false, nil
}

// since reads what follows "từ": a range or span of years is a window, a
// single day or period the day it begins.
func (c *cursor) since(from int) (Deadline, bool, *Error) {
	s, ok, err := c.stretch(from)
	switch {
	case !ok || err != nil:
		return Deadline{}, ok, err
	case s.unit == rangeUnit || s.unit == yearsUnit:
		return Deadline{Kind: Window, Start: s.first, End: s.last}, true, nil
	}
	return Deadline{Kind: From, Start: s.first}, true, nil
}

// stretch reads, to the end of the tokens, a day or period ("Quý II/2022"),
// a range of them ("Từ tháng 3 đến tháng 6/2022", whose start takes the
// year of its end when it has none) or a span of years ("giai đoạn 2023 -
// 2025"). from is where the expression began, for error messages.
func (c *cursor) stretch(from int) (stretch, bool, *Error) {
	start := c.i
	if ph, ok := c.years(); ok && c.done() {
		first, last, err := c.bounds(ph)
		return stretch{first, last, yearsUnit}, true, err
	}
	c.i = start
	x, ok := c.phrase()
	if !ok {
		return stretch{}, false, nil
	}
	if c.done() {
		if x.yearTok < 0 {
			return stretch{}, false, nil
		}
		first, last, err := c.bounds(x)
		return stretch{first, last, x.unit}, true, err
	}
	if !c.connector() {
		return stretch{}, false, nil
	}
	y, ok := c.phrase()
	if !ok || !c.done() || y.yearTok < 0 {
		return stretch{}, false, nil
	}
	return c.between(x, y, from)
}

// between resolves the range from x to y, x taking y's year if it has none.
func (c *cursor) between(x, y phrase, from int) (stretch, bool, *Error) {
	yFirst, yLast, err := c.bounds(y)
	if err != nil {
		return stretch{}, true, err
	}
	if x.yearTok < 0 {
		x.year = yFirst.Year
	}
	xFirst, _, err := c.bounds(x)
	if err != nil {
		return stretch{}, true, err
	}
	if xFirst.After(yLast) {
		return stretch{}, true, c.reversed(from, c.i)
	}
	return stretch{xFirst, yLast, rangeUnit}, true, nil
}

// connector reads what joins the two ends of a range: "đến", "tới", "-".
func (c *cursor) connector() bool {
	if c.mark("-") != 0 {
		return true
	}
	if c.oneOf("den", "toi") >= 0 {
		c.words("het") // "đến hết tháng 6": to the end of June, as "đến tháng 6"
		return true
	}
	return false
}

// phrase reads one day or period, its year possibly left out.
func (c *cursor) phrase() (phrase, bool) {
	readers := [...]func(*cursor) (phrase, bool){
		(*cursor).day, (*cursor).month, (*cursor).quarter,
		(*cursor).half, (*cursor).yearEnds, (*cursor).year,
	}
	for _, read := range readers {
		if ph, ok := read(c); ok {
			return ph, true
		}
	}
	return phrase{}, false
}

// day reads "(ngày) 30/9/2024" (one separator throughout: "/", "-" or
// ".") and "ngày 30 tháng 9 năm 2024". The error text starts at the day.
func (c *cursor) day() (phrase, bool) {
	start := c.i
	named := c.words("ngay")
	ph := phrase{unit: dayUnit, partTok: -1, yearTok: -1, lastTok: -1, from: c.i}
	d, ok := c.number(2)
	if ok {
		ph.day = c.toks[d].val
		if sep := c.mark("/-."); sep != 0 {
			ok = c.numericDate(&ph, sep)
		} else {
			ok = named && c.longDate(&ph)
		}
	}
	if !ok {
		c.i = start
		return phrase{}, false
	}
	ph.to = c.i
	return ph, true
}

// numericDate reads the rest of "30/9/2024" after "30/": the month, then
// the year after the same separator, if there is one.
func (c *cursor) numericDate(ph *phrase, sep byte) bool {
	m, ok := c.number(2)
	if !ok {
		return false
	}
	ph.month = c.toks[m].val
	start := c.i
	if c.mark(string(sep)) != 0 {
		if y, ok := c.number(0); ok {
			ph.yearTok = y
			return true
		}
	}
	c.i = start
	return true
}

// longDate reads the rest of "ngày 30 tháng 9 năm 2024" after the day.
func (c *cursor) longDate(ph *phrase) bool {
	if !c.words("thang") {
		return false
	}
	m, ok := c.number(2)
	if !ok {
		return false
	}
	ph.month = c.toks[m].val
	c.yearAfter(ph)
	return true
}

// month reads "tháng 6/2022", "tháng 02 năm 2022" and "tháng 3".
func (c *cursor) month() (phrase, bool) {
	start := c.i
	if !c.words("thang") {
		return phrase{}, false
	}
	m, ok := c.number(2)
	if !ok {
		c.i = start
		return phrase{}, false
	}
	ph := phrase{unit: monthUnit, month: c.toks[m].val, partTok: -1, yearTok: -1, lastTok: -1, from: start}
	c.yearAfter(&ph)
	ph.to = c.i
	return ph, true
}

// quarter reads "quý II/2022", "quý 2 năm 2022" and "quý I".
func (c *cursor) quarter() (phrase, bool) {
	start := c.i
	if c.oneOf("quy", "qui") < 0 || c.done() {
		c.i = start
		return phrase{}, false
	}
	t := c.toks[c.i]
	if t.kind != numberToken && t.val == 0 {
		c.i = start
		return phrase{}, false
	}
	ph := phrase{unit: quarterUnit, part: t.val, partTok: c.i, yearTok: -1, lastTok: -1, from: start}
	c.i++
	c.yearAfter(&ph)
	ph.to = c.i
	return ph, true
}

// half reads "6 tháng đầu năm 2022" and "6 tháng cuối năm 2022".
func (c *cursor) half() (phrase, bool) {
	start := c.i
	n, ok := c.number(2)
	if !ok || c.toks[n].val != 6 || !c.words("thang") {
		c.i = start
		return phrase{}, false
	}
	part := c.oneOf("dau", "cuoi") + 1
	if part == 0 || !c.words("nam") {
		c.i = start
		return phrase{}, false
	}
	ph := phrase{unit: halfUnit, part: part, partTok: -1, yearTok: -1, lastTok: -1, from: start}
	if y, ok := c.number(0); ok {
		ph.yearTok = y
	}
	ph.to = c.i
	return ph, true
}

// yearEnds reads "đầu năm 2022" and "cuối năm 2022". Vietnamese
// administrative usage takes the beginning of a year as its first quarter
// and the end as its last, and reports on them so; nothing finer is read
// into them.
func (c *cursor) yearEnds() (phrase, bool) {
	start := c.i
	which := c.oneOf("dau", "cuoi")
	if which < 0 || !c.words("nam") {
		c.i = start
		return phrase{}, false
	}
	ph := phrase{unit: yearEndsUnit, part: 1 + 3*which, partTok: -1, yearTok: -1, lastTok: -1, from: start}
	if y, ok := c.number(0); ok {
		ph.yearTok = y
	}
	ph.to = c.i
	return ph, true
}

// year reads "năm 2022".
func (c *cursor) year() (phrase, bool) {
	start := c.i
	if !c.words("nam") {
		return phrase{}, false
	}
	y, ok := c.number(0)
	if !ok {
		c.i = start
		return phrase{}, false
	}
	return phrase{unit: yearUnit, partTok: -1, yearTok: y, lastTok: -1, from: start, to: c.i}, true
}

// years reads a span of years: "giai đoạn 2023 - 2025", "năm 2023 - 2025",
// "2022 - 2025". Bare numbers need four digits each to be read as years.
func (c *cursor) years() (phrase, bool) {
	start := c.i
	named := c.words("giai", "doan")
	if named {
		c.words("tu")
	}
	named = c.words("nam") || named
	first, ok := c.number(0)
	ok = ok && (named || c.toks[first].digits == 4) && c.connector()
	if ok {
		namedLast := c.words("nam")
		last, ok := c.number(0)
		if ok && (named || namedLast || c.toks[last].digits == 4) {
			return phrase{unit: yearsUnit, partTok: -1, yearTok: first, lastTok: last, from: start, to: c.i}, true
		}
	}
	c.i = start
	return phrase{}, false
}

// yearAfter reads the year that may close a phrase: "/2022" (or "-", ".")
// or "năm 2022".
func (c *cursor) yearAfter(ph *phrase) {
	start := c.i
	if c.mark("/-.") != 0 || c.words("nam") {
		if y, ok := c.number(0); ok {
			ph.yearTok = y
			return
		}
	}
	c.i = start
}

// bounds checks a phrase's numbers and returns its first and last day.
func (c *cursor) bounds(ph phrase) (Date, Date, *Error) {
	year, err := c.yearOf(ph, ph.yearTok)
	if err != nil {
		return Date{}, Date{}, err
	}
	switch ph.unit {
	case dayUnit:
		d, err := c.date(ph, year)
		return d, d, err
	case monthUnit:
		if ph.month < 1 || ph.month > 12 {
			return Date{}, Date{}, c.errorf(ph, "there is no month %d: write a month from 1 to 12", ph.month)
		}
		m := time.Month(ph.month)
		return FirstOfMonth(year, m), LastOfMonth(year, m), nil
	case quarterUnit, yearEndsUnit:
		if ph.part < 1 || ph.part > 4 {
			return Date{}, Date{}, c.errorf(ph, "there is no quarter %s: write quý I, II, III or IV", c.tokenText(ph.partTok))
		}
		m := time.Month(3*ph.part - 2)
		return FirstOfMonth(year, m), LastOfMonth(year, m+2), nil
	case halfUnit:
		m := time.Month(6*ph.part - 5)
		return FirstOfMonth(year, m), LastOfMonth(year, m+5), nil
	case yearsUnit:
		last, err := c.yearOf(ph, ph.lastTok)
		if err != nil {
			return Date{}, Date{}, err
		}
		if last < year {
			return Date{}, Date{}, c.reversed(ph.from, ph.to)
		}
		return Date{year, time.January, 1}, Date{last, time.December, 31}, nil
	}
	return Date{year, time.January, 1}, Date{year, time.December, 31}, nil
}

// date checks a day phrase's day and month.
func (c *cursor) date(ph phrase, year int) (Date, *Error) {
	frag := c.fragment(ph.from, ph.to)
	m := time.Month(ph.month)
	switch {
	case m < 1 || m > 12:
		return Date{}, c.errorf(ph, "%q is not a date: there is no month %d: write a month from 1 to 12", frag, ph.month)
	case ph.day < 1:
		return Date{}, c.errorf(ph, "%q is not a date: there is no day %d: write a day from 1 to %d", frag, ph.day, DaysIn(year, m))
	case ph.day > DaysIn(year, m):
		return Date{}, c.errorf(ph, "%q is not a date: %s %d has %d days", frag, m, year, DaysIn(year, m))
	}
	return Date{year, m, ph.day}, nil
}

// yearOf checks the year written at token tok of the phrase; with none
// written, the phrase's year is the one it inherited.
func (c *cursor) yearOf(ph phrase, tok int) (int, *Error) {
	if tok < 0 {
		return ph.year, nil
	}
	t := c.toks[tok]
	frag := c.fragment(ph.from, ph.to)
	switch {
	case t.digits == 2:
		example := c.text[c.toks[ph.from].start:t.start] + strconv.Itoa(2000+t.val) + c.text[t.end:c.toks[ph.to-1].end]
		return 0, c.errorf(ph, "%q: write the year with four digits, e.g. %s", frag, example)
	case t.digits != 4:
		return 0, c.errorf(ph, "%q: write the year with four digits, from %d to %d", frag, minYear, maxYear)
	case t.val < minYear || t.val > maxYear:
		return 0, c.errorf(ph, "%q: there is no year %d in a plan: write a year from %d to %d", frag, t.val, minYear, maxYear)
	}
	return t.val, nil
}

func (c *cursor) reversed(from, to int) *Error {
	frag := c.fragment(from, to)
	return newError(frag, "the period starts after it ends (%q): write the earlier date first", frag)
}

func (c *cursor) errorf(ph phrase, format string, args ...any) *Error {
	return newError(c.fragment(ph.from, ph.to), format, args...)
}

// fragment returns tokens [from, to) as written, with what lies between them.
func (c *cursor) fragment(from, to int) string {
	return c.text[c.toks[from].start:c.toks[to-1].end]
}

func (c *cursor) tokenText(i int) string { return c.text[c.toks[i].start:c.toks[i].end] }

// ongoing reads "Thường xuyên", "Liên tục" and "Thường xuyên, liên tục".
func (c *cursor) ongoing() bool {
	for {
		if !c.words("thuong", "xuyen") && !c.words("lien", "tuc") {
			return false
		}
		if c.done() {
			return true
		}
		if c.mark(",-") == 0 {
			c.words("va")
		}
	}
}

// periodWords name what "hàng"/"hằng" (every) goes with.
var periodWords = []struct {
	word  string
	every Period
}{
	{"ngay", Daily},
	{"tuan", Weekly},
	{"thang", Monthly},
	{"quy", Quarterly},
	{"qui", Quarterly},
	{"nam", Yearly},
}

// recurring reads "hàng tháng", "định kỳ hằng năm", "định kỳ 6 tháng",
// "6 tháng một lần" and "trước ngày 15 hàng tháng".
func (c *cursor) recurring() (Deadline, bool, *Error) {
	scheduled := c.words("dinh", "ky") || c.words("dinh", "ki")
	start := c.i
	if every, ok := c.every(); ok && c.done() {
		return Deadline{Kind: Recurring, Every: every}, true, nil
	}
	c.i = start
	if every, ok := c.monthsApart(scheduled); ok && c.done() {
		return Deadline{Kind: Recurring, Every: every}, true, nil
	}
	c.i = start
	return c.monthlyDay()
}

func (c *cursor) every() (Period, bool) {
	if !c.words("hang") || c.done() {
		return "", false
	}
	for _, p := range periodWords {
		if c.words(p.word) {
			return p.every, true
		}
	}
	return "", false
}

// monthsApart reads "6 tháng một lần" ("6 tháng 1 lần", "6 tháng/lần"),
// and "6 tháng" after "định kỳ". Only the spans that have a Period are read.
func (c *cursor) monthsApart(scheduled bool) (Period, bool) {
	n, ok := c.number(2)
	if !ok || !c.words("thang") {
		return "", false
	}
	if !c.once() && !scheduled {
		return "", false
	}
	switch c.toks[n].val {
	case 1:
		return Monthly, true
	case 3:
		return Quarterly, true
	case 6:
		return HalfYearly, true
	case 12:
		return Yearly, true
	}
	return "", false
}

// once reads "một lần", "1 lần" and "/lần".
func (c *cursor) once() bool {
	start := c.i
	if c.mark("/") != 0 || c.words("mot") || c.one() {
		if c.words("lan") {
			return true
		}
	}
	c.i = start
	return false
}

func (c *cursor) one() bool {
	if !c.done() && c.toks[c.i].kind == numberToken && c.toks[c.i].val == 1 {
		c.i++
		return true
	}
	return false
}

// monthlyDay reads "(trước) ngày 15 hàng tháng".
func (c *cursor) monthlyDay() (Deadline, bool, *Error) {
	_ = c.words("truoc") || c.words("cham", "nhat") || c.words("han", "chot") || c.words("vao")
	from := c.i
	if !c.words("ngay") {
		return Deadline{}, false, nil
	}
	n, ok := c.number(0)
	if !ok || !c.words("hang") || !c.words("thang") || !c.done() {
		return Deadline{}, false, nil
	}
	if day := c.toks[n].val; day < 1 || day > 31 {
		frag := c.fragment(from, c.i)
		return Deadline{}, true, newError(frag, "there is no day %s of a month: write a day from 1 to 31", c.tokenText(n))
	}
	return Deadline{Kind: Recurring, Every: Monthly, Day: c.toks[n].val}, true, nil
}

// skipFillers steps over words that frame a deadline without changing it
// ("Thực hiện trong quý I", "Triển khai từ ngày..."). It reports whether
// one was "hoàn thành" (complete), which makes a window a due date.
func (c *cursor) skipFillers() (complete bool) {
	for {
		switch {
		case c.words("hoan", "thanh"):
			complete = true
		case c.words("thuc", "hien"), c.words("trien", "khai"), c.words("trong"):
		default:
			return complete
		}
	}
}

// cursor reads a token slice from left to right. Its readers advance it
// only when they match; on failure they leave it where it was.
type cursor struct {
	text string
	toks []token
	i    int
}

func (c *cursor) done() bool { return c.i >= len(c.toks) }

// words reads the words in sequence, or nothing.
func (c *cursor) words(ws ...string) bool {
	if c.i+len(ws) > len(c.toks) {
		return false
	}
	for k, w := range ws {
		if t := c.toks[c.i+k]; t.kind != wordToken || t.word != w {
			return false
		}
	}
	c.i += len(ws)
	return true
}

// oneOf reads one of the words and returns its index, or -1.
func (c *cursor) oneOf(ws ...string) int {
	for k, w := range ws {
		if c.words(w) {
			return k
		}
	}
	return -1
}

// mark reads one of the marks in set and returns it, or 0.
func (c *cursor) mark(set string) byte {
	if c.done() {
		return 0
	}
	t := c.toks[c.i]
	if t.kind != markToken || strings.IndexByte(set, t.mark) < 0 {
		return 0
	}
	c.i++
	return t.mark
}

// number reads a number of at most maxDigits digits (any when 0) and
// returns its token's index.
func (c *cursor) number(maxDigits int) (int, bool) {
	if c.done() {
		return 0, false
	}
	t := c.toks[c.i]
	if t.kind != numberToken || (maxDigits > 0 && t.digits > maxDigits) {
		return 0, false
	}
	c.i++
	return c.i - 1, true
}

// tokenKind says what a token is.
type tokenKind uint8

const (
	wordToken   tokenKind = iota + 1 // a run of letters and their combining marks
	numberToken                      // a run of ASCII digits
	markToken                        // one punctuation mark or symbol
)

// token is one word, number or mark of a text, with where it stands in it,
// so that places and error fragments can be quoted as written.
type token struct {
	kind       tokenKind
	mark       byte   // markToken: '/', '-', '.', ',', ';', ':', or '?' for any other
	digits     int    // numberToken: how many digits are written
	val        int    // numberToken: its value, capped; wordToken: its Roman numeral value, or 0
	word       string // wordToken: its folded form if the grammar uses it, else ""
	start, end int    // byte offsets in the text
	unfolded   bool   // wordToken: still to be folded and looked up
}

// maxValue caps the value of long numbers so that none overflows an int,
// even of 32 bits. The grammar checks digit counts before values.
const maxValue = 100_000_000

// tokenize splits text into words, numbers and marks; spaces only
// separate. It counts the tokens first, so as to allocate them once.
func tokenize(text string) []token {
	n := 0
	for i := skipSpace(text, 0); i < len(text); i = skipSpace(text, scan(text, i).end) {
		n++
	}
	toks := make([]token, 0, n)
	for i := skipSpace(text, 0); i < len(text); i = skipSpace(text, toks[len(toks)-1].end) {
		t := scan(text, i)
		if t.kind == wordToken {
			t.lookup(text[t.start:t.end])
		}
		toks = append(toks, t)
	}
	foldWords(text, toks)
	return toks
}

// skipSpace returns where the first rune at or after i that is not a space
// stands. Invisible format characters (zero-width spaces, byte order
// marks) count as spaces.
func skipSpace(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
			break
		}
		i += size
	}
	return i
}

// scan reads the token at i, a word yet to be looked up.
func scan(text string, i int) token {
	r, size := utf8.DecodeRuneInString(text[i:])
	switch {
	case '0' <= r && r <= '9':
		return scanNumber(text, i)
	case isWordRune(r):
		return scanWord(text, i)
	}
	return token{kind: markToken, mark: markOf(r), start: i, end: i + size}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }

func scanNumber(text string, start int) token {
	t := token{kind: numberToken, start: start}
	i := start
	for ; i < len(text) && '0' <= text[i] && text[i] <= '9'; i++ {
		if t.val <= maxValue {
			t.val = t.val*10 + int(text[i]-'0')
		}
	}
	t.val = min(t.val, maxValue)
	t.digits, t.end = i-start, i
	return t
}

func scanWord(text string, start int) token {
	i := start
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return token{kind: wordToken, start: start, end: i}
}

// lookup finds the word w in the vocabulary if it is ASCII, and otherwise
// leaves it to foldWords, unless it is too long to be known.
func (t *token) lookup(w string) {
	switch {
	case isASCII(w):
		t.setWord(lookupASCII(w))
	case len(w) <= maxWrittenWordLen:
		t.unfolded = true
	}
}

func (t *token) setWord(lx lexeme) { t.word, t.val = lx.word, lx.roman }

// foldWords looks up the words with diacritics, which need vnfold.Fold. It
// folds them all in one call, joined by spaces: Fold costs an allocation
// per call, more than a short word is worth. A space is a starter that no
// canonical decomposition produces, so the folded text splits back into
// exactly the words it joined; should it not, each is folded alone.
func foldWords(text string, toks []token) {
	var b strings.Builder
	n := 0
	for _, t := range toks {
		if t.unfolded {
			if n > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(text[t.start:t.end])
			n++
		}
	}
	if n == 0 {
		return
	}
	folded := vnfold.Fold(b.String())
	aligned := strings.Count(folded, " ") == n-1
	for k := range toks {
		t := &toks[k]
		if !t.unfolded {
			continue
		}
		var w string
		if aligned {
			w, folded, _ = strings.Cut(folded, " ")
		} else {
			w = vnfold.Fold(text[t.start:t.end])
		}
		t.setWord(vocabulary[w])
		t.unfolded = false
	}
}

// markOf names a punctuation mark. Dashes of every width are "-":
// documents write "2023 – 2025" as often as "2023 - 2025".
func markOf(r rune) byte {
	switch r {
	case '/', '-', '.', ',', ';', ':':
		return byte(r)
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return '-'
	}
	return '?'
}

// trim drops the marks that open and close a text ("- Quý I/2022.").
func trim(toks []token) []token {
	for len(toks) > 0 && toks[0].kind == markToken {
		toks = toks[1:]
	}
	for len(toks) > 0 && toks[len(toks)-1].kind == markToken {
		toks = toks[:len(toks)-1]
	}
	return toks
}

func hasMark(toks []token, mark byte) bool {
	for _, t := range toks {
		if t.kind == markToken && t.mark == mark {
			return true
		}
	}
	return false
}

// cutMark splits toks at the first mark, which it drops.
func cutMark(toks []token, mark byte) (before, after []token) {
	for i, t := range toks {
		if t.kind == markToken && t.mark == mark {
			return toks[:i], toks[i+1:]
		}
	}
	return toks, nil
}

// lexeme is a word the grammar knows.
type lexeme struct {
	word  string // folded
	roman int    // its value as a Roman numeral, or 0
}

// vocabulary holds, folded, every word the grammar matches. Tokens of other
// words keep an empty form: they only ever make a text unreadable or name a
// place. Interning the known words spares an allocation for each.
var vocabulary = newVocabulary(
	// periods and dates
	"ngay", "tuan", "thang", "quy", "qui", "nam", "dau", "cuoi", "giai", "doan",
	// by, from, range
	"truoc", "cham", "nhat", "han", "chot", "la", "vao", "tu", "ke", "bat", "den", "toi", "het",
	// fillers and places
	"trong", "thuc", "hien", "trien", "khai", "hoan", "thanh", "tai", "o",
	// ongoing and recurring
	"thuong", "xuyen", "lien", "tuc", "va", "hang", "dinh", "ky", "ki", "mot", "lan",
	// conditions
	"khi", "sau", "theo", "lo", "trinh", "huong", "dan", "hoach", "yeu", "cau", "chi", "dao", "tien", "do", "can", "cu",
)

// romanNumerals reach past IV so that "quý V" is reported, not ignored.
var romanNumerals = []string{"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}

func newVocabulary(words ...string) map[string]lexeme {
	v := make(map[string]lexeme, len(words)+len(romanNumerals))
	for _, w := range words {
		v[w] = lexeme{word: w}
	}
	for i, w := range romanNumerals {
		v[w] = lexeme{word: w, roman: i + 1}
	}
	return v
}

// The longest known word, folded and as it may be written: each of its
// letters may carry two combining marks of two bytes each.
const (
	maxWordLen        = 6
	maxWrittenWordLen = 5 * maxWordLen
)

// lookupASCII finds an ASCII word in the vocabulary, lowered in place.
func lookupASCII(w string) lexeme {
	var buf [maxWordLen]byte
	if len(w) > len(buf) {
		return lexeme{}
	}
	for i := 0; i < len(w); i++ {
		b := w[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf[i] = b
	}
	return vocabulary[string(buf[:len(w)])]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
