// Package status derives where a task stands on a given date from what the
// documents say: the latest update reported by then, and the deadline. It
// never invents a state: a task nobody reported on has "no report yet", and
// "past due" only says that the due date has passed with no completion
// reported.
package status

import (
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/vntime"
)

// DueSoonDays is how far ahead a deadline counts as due soon.
const DueSoonDays = 30

// Timing relates a deadline to the as-of date.
type Timing string

// The timings a task can have; the names are part of the open data format.
const (
	NoTiming Timing = ""         // done, undated, or not due within DueSoonDays
	PastDue  Timing = "past_due" // the due date has passed and no completion is reported
	DueSoon  Timing = "due_soon" // due within DueSoonDays, not reported complete
)

// Status is where a task stands as of a date.
type Status struct {
	AsOf   vntime.Date
	Report *model.Report // the latest report dated on or before AsOf; nil when there is none
	Due    vntime.Date   // the date the deadline falls due; zero when it has none
	Timing Timing
}

// Of derives a task's status as of a date. Reports dated after asOf are
// not yet known on that date and are ignored.
func Of(t *model.Task, asOf vntime.Date) Status {
	s := Status{AsOf: asOf}
	for i := range t.Reports {
		if r := &t.Reports[i]; !r.Update.Date.After(asOf) {
			s.Report = r // reports are oldest first
		}
	}
	due, dated := t.Deadline.Due()
	if !dated {
		return s
	}
	s.Due = due
	switch {
	case s.Done():
	case due.Before(asOf):
		s.Timing = PastDue
	case !due.After(asOf.AddDays(DueSoonDays)):
		s.Timing = DueSoon
	}
	return s
}

// Known returns the reports dated on or before asOf, oldest first.
func Known(t *model.Task, asOf vntime.Date) []model.Report {
	n := 0
	for n < len(t.Reports) && !t.Reports[n].Update.Date.After(asOf) {
		n++
	}
	return t.Reports[:n]
}

// State returns the reported state, or "" when nothing is reported.
func (s Status) State() string {
	if s.Report == nil {
		return ""
	}
	return s.Report.State
}

// Done reports whether completion has been reported, on time or late.
func (s Status) Done() bool {
	st := s.State()
	return st == model.Completed || st == model.Late
}

// StateStyle names how the reported state alone is marked, whatever the
// deadline: "no-report" when nothing is reported.
func (s Status) StateStyle() string {
	return Status{Report: s.Report}.Style()
}

// Style names how charts and lists mark the status, the most telling
// first: a reported completion, then a missed or close deadline, then
// the reported state, then the lack of a report.
func (s Status) Style() string {
	switch st := s.State(); {
	case st == model.Completed:
		return "done"
	case st == model.Late:
		return "done-late"
	case s.Timing == PastDue:
		return "past-due"
	case s.Timing == DueSoon:
		return "due-soon"
	case st == model.Paused:
		return "paused"
	case st == model.InProgress:
		return "active"
	case st == model.NotStarted:
		return "not-started"
	}
	return "no-report"
}
