package render

import (
	"sort"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/vntime"
)

// DueItem is a task with its status on the as-of date.
type DueItem struct {
	Task   *model.Task
	Status status.Status
}

// DueView is the data of a "what is due" page: a locality's tasks, or the
// whole site's, split by where they stand and sorted by due date.
type DueView struct {
	Locality *model.Locality // nil for the whole site
	Calendar string          // site path of the matching .ics file
	PastDue  []DueItem       // due date passed, no completion reported
	DueSoon  []DueItem       // due within status.DueSoonDays
	Later    []DueItem       // due after that
	Done     []DueItem       // completion reported
	Undated  []DueItem       // ongoing, recurring, conditional, unread or not stated
	// Children count the tasks of child localities that the page does not
	// list (see ListLimit); empty when it lists them all.
	Children []ChildTally
}

// Total is the number of tasks on the page.
func (v DueView) Total() int {
	return len(v.PastDue) + len(v.DueSoon) + len(v.Later) + len(v.Done) + len(v.Undated)
}

// All returns every task of the view: past due, due soon, later, done,
// undated.
func (v DueView) All() []DueItem {
	out := make([]DueItem, 0, v.Total())
	for _, g := range [][]DueItem{v.PastDue, v.DueSoon, v.Later, v.Done, v.Undated} {
		out = append(out, g...)
	}
	return out
}

// dueView sorts the tasks of plans into the groups of a DueView. Each group
// keeps the plans' order among tasks due the same day.
func dueView(plans []*model.Plan, asOf vntime.Date) DueView {
	var tasks []*model.Task
	for _, p := range plans {
		tasks = append(tasks, p.Tasks...)
	}
	return dueViewOf(tasks, asOf)
}

// dueViewOf sorts tasks into the groups of a DueView.
func dueViewOf(tasks []*model.Task, asOf vntime.Date) DueView {
	var v DueView
	for _, t := range tasks {
		it := DueItem{Task: t, Status: status.Of(t, asOf)}
		switch {
		case it.Status.Done():
			v.Done = append(v.Done, it)
		case it.Status.Due.IsZero():
			v.Undated = append(v.Undated, it)
		case it.Status.Timing == status.PastDue:
			v.PastDue = append(v.PastDue, it)
		case it.Status.Timing == status.DueSoon:
			v.DueSoon = append(v.DueSoon, it)
		default:
			v.Later = append(v.Later, it)
		}
	}
	for _, g := range [][]DueItem{v.PastDue, v.DueSoon, v.Later, v.Done} {
		sortByDue(g)
	}
	return v
}

// sortByDue sorts dated items by due date, keeping their order on a tie.
func sortByDue(items []DueItem) {
	sort.SliceStable(items, func(i, j int) bool { return items[i].Status.Due.Before(items[j].Status.Due) })
}

// DueURL is the "what is due" page of a locality, or of the site when l is nil.
func DueURL(l *model.Locality) string {
	if l == nil {
		return "/han-chot/"
	}
	return LocalityURL(l) + "han-chot/"
}

// CalendarURL is the iCalendar file of a locality, or of the site when l is nil.
func CalendarURL(l *model.Locality) string {
	if l == nil {
		return "/du-lieu/han-chot.ics"
	}
	return LocalityURL(l) + "han-chot.ics"
}

// reading says in words what the parser read from a deadline text, so that
// a reader can check the dates the site uses against the text as written.
func (r *Renderer) reading(d vntime.Deadline) string {
	s := r.strings
	switch d.Kind {
	case vntime.Window:
		return s.MustF("due_window", r.Date(d.Start), r.Date(d.End))
	case vntime.By:
		return s.MustF("due_by", r.Date(d.End))
	case vntime.From:
		return s.MustF("due_from", r.Date(d.Start))
	case vntime.Milestones:
		out := ""
		for i, m := range d.Milestones {
			if i > 0 {
				out += "; "
			}
			if m.Place == "" {
				out += r.Date(m.Date)
			} else {
				out += s.MustF("due_milestone", m.Place, r.Date(m.Date))
			}
		}
		return out
	case vntime.Ongoing:
		return s.MustT("due_ongoing")
	case vntime.Recurring:
		every := s.MustT("every_" + string(d.Every))
		if d.Day > 0 {
			return s.MustF("due_recurring_day", every, d.Day)
		}
		return s.MustF("due_recurring", every)
	case vntime.Conditional:
		return s.MustT("due_conditional")
	case vntime.None:
		return s.MustT("due_none")
	}
	return s.MustT("due_unknown")
}

// dueGroup is one titled list of a DueView, for the "due-table" layout.
type dueGroup struct {
	ID    string
	Label string
	Items []DueItem
}
