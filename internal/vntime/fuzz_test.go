package vntime

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/minhbach/minhbach/internal/vnfold"
)

// FuzzParse checks that Parse never panics and that what it returns holds
// together, whatever the text: the dates a kind promises are there and
// exist, and the kinds without dates have none; an error quotes a fragment
// of the text; and the text reads the same without its diacritics or in
// capitals, as the editor's guide promises. Parse is what the build reads
// every task's deadline with (internal/load) and what the importer checks
// deadlines with, so this covers both.
func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	for _, tt := range errorTests {
		f.Add(tt.in)
	}
	for _, due := range contentDeadlines(f) {
		f.Add(due)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkWords(t, text)
		d, err := Parse(text)
		if d.Text != text {
			t.Fatalf("Parse(%q).Text = %q", text, d.Text)
		}
		checkSpellings(t, text, d, err)
		if err != nil {
			checkError(t, text, d, err)
			return
		}
		checkDeadline(t, text, d)
	})
}

// dueField is a deadline field of a plan: "- Thời gian thực hiện: …".
var dueField = regexp.MustCompile(`(?m)^\s*- (?:Thời gian|Thời hạn)[^:\n]*:[ \t]*(.+)$`)

// contentDeadlines returns the deadlines of the repository's plans as
// their fields write them.
func contentDeadlines(f *testing.F) []string {
	f.Helper()
	var out []string
	root := filepath.Join("..", "..", "content", "dia-phuong")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".md" {
			return err
		}
		b, err := os.ReadFile(p)
		for _, m := range dueField.FindAllStringSubmatch(string(b), -1) {
			out = append(out, m[1])
		}
		return err
	})
	if err != nil || len(out) < 50 {
		f.Fatalf("reading the deadlines of content/: %v (%d found)", err, len(out))
	}
	return out
}

// checkSpellings parses the text without its Vietnamese diacritics and
// with its ASCII letters in capitals, and wants the same reading.
func checkSpellings(t *testing.T, text string, d Deadline, err error) {
	t.Helper()
	for _, other := range []string{stripMarks(text), upperASCII(text)} {
		if other == text {
			continue
		}
		o, oerr := Parse(other)
		if (err == nil) != (oerr == nil) || !sameReading(d, o) {
			t.Fatalf("Parse(%q) = %+v, %v\nbut Parse(%q) = %+v, %v", text, d, err, other, o, oerr)
		}
	}
}

// sameReading compares two deadlines but for their text and places, which
// keep their spelling.
func sameReading(a, b Deadline) bool {
	a.Text, b.Text = "", ""
	for _, ms := range []*[]Milestone{&a.Milestones, &b.Milestones} {
		c := slices.Clone(*ms)
		for i := range c {
			c[i].Place = ""
		}
		*ms = c
	}
	return reflect.DeepEqual(a, b)
}

// vietnameseLetters are the letters of the Vietnamese alphabet that carry
// a diacritic, precomposed, as NFC writes them.
const vietnameseLetters = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"

// stripMarks writes the Vietnamese letters of s without their diacritics,
// keeping their case; everything else stays.
func stripMarks(s string) string {
	return strings.Map(func(r rune) rune {
		lower := unicode.ToLower(r)
		if !strings.ContainsRune(vietnameseLetters, lower) {
			return r
		}
		base := []rune(vnfold.Fold(string(lower)))[0]
		if unicode.IsUpper(r) {
			return unicode.ToUpper(base)
		}
		return base
	}, s)
}

func upperASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}, s)
}

func checkError(t *testing.T, text string, d Deadline, err error) {
	t.Helper()
	var perr *Error
	if !errors.As(err, &perr) || perr.Msg == "" || perr.Text == "" {
		t.Fatalf("Parse(%q): error %#v, want an *Error with a message and a fragment", text, err)
	}
	if !strings.Contains(text, perr.Text) {
		t.Fatalf("Parse(%q): the error quotes %q, which is not in the text", text, perr.Text)
	}
	if d.Kind != Unknown || d.Dated() || d.Milestones != nil || d.Every != "" || d.Day != 0 {
		t.Fatalf("Parse(%q) = %+v with an error, want unknown and nothing else", text, d)
	}
}

func checkDeadline(t *testing.T, text string, d Deadline) {
	t.Helper()
	fail := func(why string) { t.Fatalf("Parse(%q) = %+v: %s", text, d, why) }
	if d.Kind != Milestones && d.Milestones != nil {
		fail("milestones on another kind")
	}
	if d.Kind != Recurring && (d.Every != "" || d.Day != 0) {
		fail("a period on a deadline that does not recur")
	}
	switch d.Kind {
	case Window:
		if !valid(d.Start) || !valid(d.End) || d.Start.After(d.End) {
			fail("a window needs a start no later than its end, both dates")
		}
	case By:
		if !valid(d.End) || !d.Start.IsZero() {
			fail("a by deadline needs an end date and no start")
		}
	case From:
		if !valid(d.Start) || !d.End.IsZero() {
			fail("a from deadline needs a start date and no end")
		}
	case Milestones:
		checkMilestones(t, text, d)
	case Recurring:
		if d.Every == "" || d.Day < 0 || d.Day > 31 || d.Dated() {
			fail("a recurring deadline needs a period, a day from 0 to 31 and no dates")
		}
	case Ongoing, Conditional, Unknown, None:
		if !d.Start.IsZero() || !d.End.IsZero() {
			fail("dates on a kind that has none")
		}
	default:
		fail("no such kind")
	}
}

func checkMilestones(t *testing.T, text string, d Deadline) {
	t.Helper()
	ms := d.Milestones
	if len(ms) == 0 {
		t.Fatalf("Parse(%q): milestones without any", text)
	}
	for i, m := range ms {
		if !valid(m.Date) || (i > 0 && m.Date.Before(ms[i-1].Date)) {
			t.Fatalf("Parse(%q): milestones %+v not valid dates in order", text, ms)
		}
	}
	if d.Start != ms[0].Date || d.End != ms[len(ms)-1].Date {
		t.Fatalf("Parse(%q): start %v and end %v are not the first and last milestones", text, d.Start, d.End)
	}
}

func valid(d Date) bool {
	_, ok := NewDate(d.Year, d.Month, d.Day)
	return ok
}
