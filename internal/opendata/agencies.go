package opendata

import (
	"github.com/minhbach/minhbach/internal/model"
)

// AgencyRecord is one record of /du-lieu/co-quan.json: an agency of the
// registry, the tasks it leads and supports, and how many of those it
// leads are past due or done on the as-of date.
type AgencyRecord struct {
	ID           string    `json:"id"`
	Name         string    `json:"name"`
	Kind         *string   `json:"kind"`      // the kind's id, null for a body of its own
	KindName     *string   `json:"kind_name"` // "Công an"
	Locality     *string   `json:"locality"`  // the path of the locality it serves, null for none
	LocalityName *string   `json:"locality_name"`
	URL          string    `json:"url"`
	Led          []TaskRef `json:"led"`
	Supported    []TaskRef `json:"supported"`
	LedPastDue   int       `json:"led_past_due"`
	LedDone      int       `json:"led_done"`
	AsOf         string    `json:"as_of"`
}

// TaskRef names a task: the plan's locality and number, and the task's id
// and page, which are its keys in nhiem-vu.json.
type TaskRef struct {
	Locality string `json:"locality"`
	Plan     string `json:"plan"`
	ID       string `json:"id"`
	URL      string `json:"url"`
}

// NewAgencyRecord fills a record; url gives a page's address.
func NewAgencyRecord(a *model.Agency, pageURL string, taskURL func(*model.Task) string, pastDue, done int, asOf model.Date) AgencyRecord {
	rec := AgencyRecord{ID: a.ID, Name: a.Name, URL: pageURL, Led: refs(a.Led, taskURL), Supported: refs(a.Supported, taskURL),
		LedPastDue: pastDue, LedDone: done, AsOf: asOf.ISO()}
	if a.Kind != nil {
		rec.Kind, rec.KindName = &a.Kind.ID, &a.Kind.Name
	}
	if a.Locality != nil {
		rec.Locality, rec.LocalityName = &a.Locality.Path, &a.Locality.Name
	}
	return rec
}

func refs(tasks []*model.Task, taskURL func(*model.Task) string) []TaskRef {
	out := []TaskRef{}
	for _, t := range tasks {
		out = append(out, TaskRef{Locality: t.Plan.Locality.Path, Plan: t.Plan.Number, ID: t.ID, URL: taskURL(t)})
	}
	return out
}
