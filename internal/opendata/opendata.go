// Package opendata writes the site's data for download: every task as JSON,
// in the schema documented in docs/open-data.md.
package opendata

import (
	"bytes"
	"encoding/json"

	"github.com/minhbach/minhbach/internal/model"
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
	Lead         []string `json:"lead"`
	Support      []string `json:"support"`
	LeadText     string   `json:"lead_text"`
	SupportText  string   `json:"support_text"`
	Due          Due      `json:"due"`
	Product      string   `json:"product"`
	Targets      []string `json:"targets"`
	URL          string   `json:"url"`
}

// Due is a task's deadline. Parsed fields join it in a later version.
type Due struct {
	Text string `json:"text"`
}

// TaskRecord turns a task into its record; url is the task page's address.
func TaskRecord(t *model.Task, url string) Task {
	p := t.Plan
	return Task{
		Locality: p.Locality.Path, LocalityName: p.Locality.Name,
		Plan: p.Number, PlanTitle: p.Title, PlanIssued: p.Issued.ISO(),
		ID: t.ID, Title: t.Title, Sections: nonNil(t.Sections),
		Lead: nonNil(t.Lead), Support: nonNil(t.Support), LeadText: t.LeadText, SupportText: t.SupportText,
		Due: Due{Text: t.Due}, Product: t.Product, Targets: nonNil(t.Targets), URL: url,
	}
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
func TasksJSON(records []Task) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("[\n")
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for i, r := range records {
		if err := enc.Encode(r); err != nil {
			return nil, err
		}
		if i < len(records)-1 {
			b.Truncate(b.Len() - 1)
			b.WriteString(",\n")
		}
	}
	b.WriteString("]\n")
	return b.Bytes(), nil
}
