package opendata

import (
	"github.com/minhbach/minhbach/internal/model"
)

// LocalityRecord is one record of /du-lieu/dia-phuong.json: a locality,
// where it sits in the tree, and how much the portal holds for it.
type LocalityRecord struct {
	Path       string   `json:"path"`
	Name       string   `json:"name"`
	Level      string   `json:"level"`
	Code       *string  `json:"code"`   // the official unit code, null when the content gives none
	Parent     *string  `json:"parent"` // the parent's path, null for a province
	Children   []string `json:"children"`
	MergedInto string   `json:"merged_into"`
	Note       string   `json:"note"`
	URL        string   `json:"url"`
	Calendar   string   `json:"calendar"`
	Plans      int      `json:"plans"`
	Tasks      int      `json:"tasks"`
	AllPlans   int      `json:"all_plans"`
	AllTasks   int      `json:"all_tasks"`
	Updates    int      `json:"updates"`
}

// NewLocalityRecord fills a record; pageURL and calendarURL are the
// addresses of the locality's page and of its deadlines calendar.
func NewLocalityRecord(l *model.Locality, pageURL, calendarURL string) LocalityRecord {
	rec := LocalityRecord{
		Path: l.Path, Name: l.Name, Level: string(l.Level), Children: []string{},
		MergedInto: l.MergedInto, Note: l.Note, URL: pageURL, Calendar: calendarURL,
		Plans: len(l.Plans), Tasks: taskCount(l.Plans), Updates: len(l.Updates),
	}
	if l.Code != "" {
		code := l.Code
		rec.Code = &code
	}
	if l.Parent != nil {
		parent := l.Parent.Path
		rec.Parent = &parent
	}
	for _, c := range l.Children {
		rec.Children = append(rec.Children, c.Path)
	}
	all := l.AllPlans()
	rec.AllPlans, rec.AllTasks = len(all), taskCount(all)
	return rec
}

func taskCount(plans []*model.Plan) int {
	n := 0
	for _, p := range plans {
		n += len(p.Tasks)
	}
	return n
}

// LocalitiesJSON writes the records as a JSON array, one record per line.
func LocalitiesJSON(records []LocalityRecord) ([]byte, error) { return jsonLines(records) }

// PlanRecord is one record of /du-lieu/ke-hoach.json: a plan's front
// matter, its page, and its data files.
type PlanRecord struct {
	Locality     string        `json:"locality"`
	LocalityName string        `json:"locality_name"`
	Number       string        `json:"number"`
	Title        string        `json:"title"`
	Issued       string        `json:"issued"`
	Issuer       string        `json:"issuer"`
	Signer       string        `json:"signer"`
	SignerTitle  string        `json:"signer_title"`
	Implements   []string      `json:"implements"`
	Source       *string       `json:"source"` // the published document's address, null when the content gives none
	TasksFrom    string        `json:"tasks_from"`
	URL          string        `json:"url"`
	Tasks        int           `json:"tasks"`
	CSV          string        `json:"csv"`
	JSON         string        `json:"json"`
	Appendices   []AppendixRef `json:"appendices"`
}

// AppendixRef is a Phụ lục of a plan as ke-hoach.json lists it.
type AppendixRef struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Rows  int    `json:"rows"`
	URL   string `json:"url"`
	CSV   string `json:"csv"`
	JSON  string `json:"json"`
}

// Links are the addresses of a page and of its table as CSV and JSON.
type Links struct{ Page, CSV, JSON string }

// NewPlanRecord fills a record; links are the plan's, appendices those of
// each of its appendices, in order.
func NewPlanRecord(p *model.Plan, links Links, appendices []Links) PlanRecord {
	rec := PlanRecord{
		Locality: p.Locality.Path, LocalityName: p.Locality.Name,
		Number: p.Number, Title: p.Title, Issued: p.Issued.ISO(), Issuer: p.Issuer,
		Signer: p.Signer, SignerTitle: p.SignerTitle, Implements: nonNil(p.Implements),
		TasksFrom: p.TasksFrom, URL: links.Page, Tasks: len(p.Tasks),
		CSV: links.CSV, JSON: links.JSON, Appendices: []AppendixRef{},
	}
	if p.Source != "" {
		source := p.Source
		rec.Source = &source
	}
	for i, a := range p.Appendices {
		rec.Appendices = append(rec.Appendices, AppendixRef{Name: a.Name, Title: a.Title, Rows: len(a.Rows),
			URL: appendices[i].Page, CSV: appendices[i].CSV, JSON: appendices[i].JSON})
	}
	return rec
}

// PlansJSON writes the records as a JSON array, one record per line.
func PlansJSON(records []PlanRecord) ([]byte, error) { return jsonLines(records) }
