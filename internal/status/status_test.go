package status

import (
	"testing"
	gotime "time"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/vntime"
)

func date(y, m, d int) vntime.Date { return vntime.Date{Year: y, Month: gotime.Month(m), Day: d} }

func report(state string, y, m, d int) model.Report {
	return model.Report{State: state, Update: &model.Update{Date: date(y, m, d)}}
}

// A task due by 30/6/2022 with one report in progress on 1/4/2022 and one
// completed late on 15/8/2022.
func task(reports ...model.Report) *model.Task {
	return &model.Task{
		Deadline: vntime.Deadline{Kind: vntime.Window, Start: date(2022, 4, 1), End: date(2022, 6, 30)},
		Reports:  reports,
	}
}

func TestOfFollowsTheAsOfDate(t *testing.T) {
	reported := task(report(model.InProgress, 2022, 4, 1), report(model.Late, 2022, 8, 15))
	tests := []struct {
		name   string
		task   *model.Task
		asOf   vntime.Date
		state  string
		timing Timing
		style  string
	}{
		{"before any report", reported, date(2022, 3, 1), "", NoTiming, "no-report"},
		{"in progress, not yet due", reported, date(2022, 4, 2), model.InProgress, NoTiming, "active"},
		{"30 days before the due date is due soon", reported, date(2022, 5, 31), model.InProgress, DueSoon, "due-soon"},
		{"31 days before is not", reported, date(2022, 5, 30), model.InProgress, NoTiming, "active"},
		{"on the due date still due soon", reported, date(2022, 6, 30), model.InProgress, DueSoon, "due-soon"},
		{"the day after is past due", reported, date(2022, 7, 1), model.InProgress, PastDue, "past-due"},
		{"completed late", reported, date(2022, 8, 15), model.Late, NoTiming, "done-late"},
		{"no report at all, past due", task(), date(2023, 1, 1), "", PastDue, "past-due"},
		{"no report, far ahead", task(), date(2021, 1, 1), "", NoTiming, "no-report"},
		{"ongoing is never past due", &model.Task{Deadline: vntime.Deadline{Kind: vntime.Ongoing}}, date(2030, 1, 1), "", NoTiming, "no-report"},
		{"from date passed", &model.Task{Deadline: vntime.Deadline{Kind: vntime.From, Start: date(2024, 7, 1)}}, date(2024, 7, 2), "", PastDue, "past-due"},
		{"last milestone ahead", &model.Task{Deadline: vntime.Deadline{Kind: vntime.Milestones, Milestones: []vntime.Milestone{{Date: date(2022, 6, 1)}, {Date: date(2023, 6, 1)}}}}, date(2022, 12, 1), "", NoTiming, "no-report"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Of(tt.task, tt.asOf)
			if s.State() != tt.state || s.Timing != tt.timing || s.Style() != tt.style {
				t.Errorf("got state %q timing %q style %q, want %q %q %q", s.State(), s.Timing, s.Style(), tt.state, tt.timing, tt.style)
			}
		})
	}
}

func TestKnownDropsLaterReports(t *testing.T) {
	tk := task(report(model.InProgress, 2022, 4, 1), report(model.Completed, 2022, 8, 15))
	if n := len(Known(tk, date(2022, 5, 1))); n != 1 {
		t.Errorf("Known as of 1/5/2022: %d reports, want 1", n)
	}
	if n := len(Known(tk, date(2022, 8, 15))); n != 2 {
		t.Errorf("Known as of 15/8/2022: %d reports, want 2", n)
	}
}

func TestStateStyleIgnoresTheDeadline(t *testing.T) {
	s := Of(task(report(model.InProgress, 2022, 4, 1)), date(2023, 1, 1))
	if s.Style() != "past-due" || s.StateStyle() != "active" {
		t.Errorf("style %q state style %q, want past-due and active", s.Style(), s.StateStyle())
	}
	if got := Of(task(), date(2023, 1, 1)).StateStyle(); got != "no-report" {
		t.Errorf("no report: state style %q", got)
	}
}
