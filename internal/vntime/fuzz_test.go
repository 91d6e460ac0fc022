package vntime

import (
	"errors"
	"testing"
)

// FuzzParse checks that Parse never panics and that what it returns holds
// together, whatever the text: the dates a kind promises are there and
// exist, and the kinds without dates have none.
func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	for _, tt := range errorTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkWords(t, text)
		d, err := Parse(text)
		if d.Text != text {
			t.Fatalf("Parse(%q).Text = %q", text, d.Text)
		}
		if err != nil {
			checkError(t, text, d, err)
			return
		}
		checkDeadline(t, text, d)
	})
}

func checkError(t *testing.T, text string, d Deadline, err error) {
	t.Helper()
	var perr *Error
	if !errors.As(err, &perr) || perr.Msg == "" || perr.Text == "" {
		t.Fatalf("Parse(%q): error %#v, want an *Error with a message and a fragment", text, err)
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
