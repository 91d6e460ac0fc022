// Package opendata makes the site's data files: the records of tasks,
// plans, Phụ lục tables, localities and agencies, and their JSON and CSV
// encodings, in the formats documented in docs/open-data.md. It decides
// what a file says; package render decides where it goes, and package site
// writes it.
package opendata

import (
	"bytes"
	"io"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/vntime"
)

// Task is one record of /du-lieu/nhiem-vu.json.
type Task struct {
	Locality     string   `json:"locality"`
	LocalityName string   `json:"locality_name"`
	Plan         string   `json:"plan"`
	PlanTitle    string   `json:"plan_title"`
	PlanIssued   string   `json:"plan_issued"`
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Sections     []string `json:"sections"`
	Lead         []Agency `json:"lead"`
	Support      []Agency `json:"support"`
	Catalog      []string `json:"catalog"`
	LeadText     string   `json:"lead_text"`
	SupportText  string   `json:"support_text"`
	Due          Due      `json:"due"`
	Status       Status   `json:"status"`
	Product      string   `json:"product"`
	Targets      []string `json:"targets"`
	URL          string   `json:"url"`
}

// Agency is an agency as a task names it: the text as written, and the
// registry's agency it stands for (null id for a group such as "các sở,
// ban, ngành" or for a name the registry does not know).
type Agency struct {
	Text  string  `json:"text"`
	ID    *string `json:"id"`
	Name  *string `json:"name"`
	Group bool    `json:"group"`
}

// Due is a task's deadline: the text as written and what it says in dates.
// Dates the text does not state are null, never guessed.
type Due struct {
	Text       string      `json:"text"`
	Kind       vntime.Kind `json:"kind"`
	Start      *string     `json:"start"`
	End        *string     `json:"end"`
	Milestones []Milestone `json:"milestones"`
	Every      *string     `json:"every"`
	Day        *int        `json:"day"`
}

// Milestone is one dated step of a deadline.
type Milestone struct {
	Date  string `json:"date"`
	Place string `json:"place"`
}

// Status is where a task stands on the build's as-of date.
type Status struct {
	State    *string `json:"state"`    // the latest reported state; null: no report yet
	Reported *string `json:"reported"` // the date of the update that reported it
	Source   *string `json:"source"`   // the address of that update's page
	AsOf     string  `json:"as_of"`
	Timing   *string `json:"timing"` // "past_due", "due_soon" or null
}

// TaskRecord turns a task into its record; url is the task page's address
// and source the address of the update its status comes from, if any.
func TaskRecord(t *model.Task, url string, st status.Status, source string) Task {
	p := t.Plan
	return Task{
		Locality: p.Locality.Path, LocalityName: p.Locality.Name,
		Plan: p.Number, PlanTitle: p.Title, PlanIssued: p.Issued.ISO(),
		ID: t.ID, Title: t.Title, Sections: nonNil(t.Sections),
		Lead: agencies(t.Lead), Support: agencies(t.Support), Catalog: catalogIDs(t.Catalog), LeadText: t.LeadText, SupportText: t.SupportText,
		Due: dueRecord(t.Deadline), Status: statusRecord(st, source),
		Product: t.Product, Targets: nonNil(t.Targets), URL: url,
	}
}

func dueRecord(d vntime.Deadline) Due {
	out := Due{Text: d.Text, Kind: d.Kind, Start: isoOrNull(d.Start), End: isoOrNull(d.End), Milestones: []Milestone{}}
	for _, m := range d.Milestones {
		out.Milestones = append(out.Milestones, Milestone{Date: m.Date.ISO(), Place: m.Place})
	}
	if d.Kind == vntime.Recurring {
		every := string(d.Every)
		out.Every = &every
		if d.Day > 0 {
			day := d.Day
			out.Day = &day
		}
	}
	return out
}

func statusRecord(st status.Status, source string) Status {
	out := Status{AsOf: st.AsOf.ISO()}
	if st.Report != nil {
		state, reported := st.Report.State, st.Report.Update.Date.ISO()
		out.State, out.Reported, out.Source = &state, &reported, &source
	}
	if st.Timing != status.NoTiming {
		timing := string(st.Timing)
		out.Timing = &timing
	}
	return out
}

func isoOrNull(d vntime.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.ISO()
	return &s
}

// Lists are never null in the data, so that readers need not check.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// TasksJSON encodes records as a JSON array with one record per line, which
// keeps the file streamable and its diffs readable.
func TasksJSON(records []Task) ([]byte, error) { return jsonLines(records) }

// WriteTasksJSON writes what TasksJSON returns to w, a record at a time:
// the site-wide file of a national portal is 180 MB, which need never be
// in memory on its way into a gzip stream.
func WriteTasksJSON(w io.Writer, records []Task) error { return writeJSONLines(w, records) }

// jsonLines writes records as a JSON array with one record per line, so
// that a diff of two builds shows which records changed.
func jsonLines[T any](records []T) ([]byte, error) {
	var b bytes.Buffer
	err := writeJSONLines(&b, records)
	return b.Bytes(), err
}

func writeJSONLines[T any](w io.Writer, records []T) error {
	jw := NewJSONLinesWriter(w)
	for _, r := range records {
		if err := jw.Write(r); err != nil {
			return err
		}
	}
	return jw.Close()
}

func agencies(ms []model.Mention) []Agency {
	out := []Agency{}
	for _, m := range ms {
		a := Agency{Text: m.Text, Group: m.Group}
		if m.Agency != nil {
			id, name := m.Agency.ID, m.Agency.Name
			a.ID, a.Name = &id, &name
		}
		out = append(out, a)
	}
	return out
}

func catalogIDs(items []*model.CatalogItem) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}
