package opendata

import (
	"io"
	"strconv"
	"strings"
)

// TaskColumns are the columns of /du-lieu/nhiem-vu.csv and of each plan's
// CSV: the fields of the JSON record, nested ones flattened with "_"
// (due.start is due_start), lists one item per line inside the cell.
var TaskColumns = []Column{
	{"locality", "task.locality"}, {"locality_name", "task.locality_name"},
	{"plan", "task.plan"}, {"plan_title", "task.plan_title"}, {"plan_issued", "task.plan_issued"},
	{"id", "task.id"}, {"title", "task.title"}, {"sections", "task.sections"},
	{"lead", "taskcsv.lead"}, {"lead_ids", "taskcsv.lead_ids"},
	{"support", "taskcsv.support"}, {"support_ids", "taskcsv.support_ids"},
	{"catalog", "task.catalog"}, {"lead_text", "task.lead_text"}, {"support_text", "task.support_text"},
	{"due_text", "due.text"}, {"due_kind", "due.kind"}, {"due_start", "due.start"}, {"due_end", "due.end"},
	{"due_milestones", "taskcsv.due_milestones"}, {"due_every", "due.every"}, {"due_day", "due.day"},
	{"state", "status.state"}, {"reported", "status.reported"}, {"source", "status.source"},
	{"as_of", "status.as_of"}, {"timing", "status.timing"},
	{"product", "task.product"}, {"targets", "task.targets"}, {"url", "task.url"},
}

// TaskRow is a task record as a CSV row, in the order of TaskColumns. It
// is made from the JSON record, so that the two files say the same thing;
// null is an empty cell.
func TaskRow(t Task) []string {
	// One id per name, line by line with the names; an empty line for a
	// name with no id.
	ids := func(as []Agency) string {
		out := make([]string, len(as))
		for i, a := range as {
			out[i] = str(a.ID)
		}
		return strings.Join(out, "\n")
	}
	texts := func(as []Agency) string {
		out := make([]string, len(as))
		for i, a := range as {
			out[i] = a.Text
		}
		return lines(out)
	}
	milestones := make([]string, len(t.Due.Milestones))
	for i, m := range t.Due.Milestones {
		milestones[i] = strings.TrimSpace(m.Date + " " + m.Place)
	}
	day := ""
	if t.Due.Day != nil {
		day = strconv.Itoa(*t.Due.Day)
	}
	return []string{
		t.Locality, t.LocalityName, t.Plan, t.PlanTitle, t.PlanIssued,
		t.ID, t.Title, lines(t.Sections),
		texts(t.Lead), ids(t.Lead), texts(t.Support), ids(t.Support),
		lines(t.Catalog), t.LeadText, t.SupportText,
		t.Due.Text, string(t.Due.Kind), str(t.Due.Start), str(t.Due.End),
		lines(milestones), str(t.Due.Every), day,
		str(t.Status.State), str(t.Status.Reported), str(t.Status.Source), t.Status.AsOf, str(t.Status.Timing),
		t.Product, lines(t.Targets), t.URL,
	}
}

// WriteTasksCSV writes what TasksCSV returns to w, a row at a time.
func WriteTasksCSV(w io.Writer, records []Task) error {
	cw := NewCSVWriter(w, Names(TaskColumns))
	for _, r := range records {
		if err := cw.Write(TaskRow(r)); err != nil {
			return err
		}
	}
	return cw.Close()
}

// TasksCSV returns records as CSV.
func TasksCSV(records []Task) []byte {
	rows := make([][]string, len(records))
	for i, r := range records {
		rows[i] = TaskRow(r)
	}
	return CSV(Names(TaskColumns), rows)
}

// lines puts a list in one cell, one item per line: spreadsheets show each
// on its own line, and a reader splits the cell at "\n". A line break
// inside an item (none in the bundled content) becomes a space, so that
// every line is one item; the JSON keeps the item as written.
func lines(items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", " "), "\n", " "), "\r", " ")
	}
	return strings.Join(out, "\n")
}

// str is a nullable string as a cell: null is empty.
func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
