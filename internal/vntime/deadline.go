package vntime

// Kind says what sort of deadline a text states.
type Kind string

// The kinds of deadline. Their names are part of the open data format.
const (
	None        Kind = "none"        // no deadline text at all
	Window      Kind = "window"      // a period: Start to End ("Trong quý I năm 2022")
	By          Kind = "by"          // due on End ("trước ngày 30/9/2024")
	From        Kind = "from"        // in force from Start on ("Từ ngày 01/7/2024")
	Milestones  Kind = "milestones"  // dated steps, each with its place
	Ongoing     Kind = "ongoing"     // "Thường xuyên"
	Recurring   Kind = "recurring"   // every Period ("trước ngày 15 hàng tháng")
	Conditional Kind = "conditional" // when something else happens; no date of its own
	Unknown     Kind = "unknown"     // text the parser cannot read; never guessed
)

// Period is how often a recurring deadline comes round.
type Period string

// The periods of recurring deadlines.
const (
	Daily      Period = "day"
	Weekly     Period = "week"
	Monthly    Period = "month"
	Quarterly  Period = "quarter"
	HalfYearly Period = "half-year"
	Yearly     Period = "year"
)

// Milestone is one dated step of a deadline, with the place it applies to
// as the text names it ("ở quận, huyện").
type Milestone struct {
	Date  Date
	Place string
}

// Deadline is what a deadline text says, in dates.
type Deadline struct {
	Kind       Kind
	Text       string      // the text as written
	Start      Date        // Window: first day; From: the day it begins; Milestones: first date
	End        Date        // Window: last day; By: the day it falls due; Milestones: last date
	Milestones []Milestone // Milestones only, in date order
	Every      Period      // Recurring only
	Day        int         // Recurring: the day of the period it falls due, 0 when not stated
}

// Due returns the day by which the deadline is to be met: the end of a
// window, a by date, the day a from begins, the last milestone. Ongoing,
// recurring, conditional and unknown deadlines have none.
func (d Deadline) Due() (Date, bool) {
	switch d.Kind {
	case Window, By:
		return d.End, true
	case From:
		return d.Start, true
	case Milestones:
		if n := len(d.Milestones); n > 0 {
			return d.Milestones[n-1].Date, true
		}
	}
	return Date{}, false
}

// Dated reports whether the deadline has at least one date.
func (d Deadline) Dated() bool {
	_, ok := d.Due()
	return ok
}
