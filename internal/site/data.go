package site

import (
	"fmt"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/opendata"
	"github.com/minhbach/minhbach/internal/render"
	"github.com/minhbach/minhbach/internal/status"
)

// writeData writes the open data files under /du-lieu/ (and each
// locality's calendar), once for the site whatever its languages: they
// hold the documents' words, not the interface's. Each task's record is
// made once and serves the site-wide files and its plan's.
func writeData(r *render.Renderer, w *writer, site *model.Site, asOf model.Date) error {
	records := taskRecords(r, site, asOf)
	steps := []func() error{
		func() error { return writeTasks(w, records) },
		func() error { return writePlanData(r, w, site, records) },
		func() error { return writeLocalities(r, w, site) },
		func() error { return writeAgencies(r, w, site, asOf) },
		func() error { return writeCompare(r, w, site, asOf) },
		func() error { return writeCalendars(r, w, site) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// writeFile encodes one data file and writes it, naming the file in any
// error.
func writeFile(w *writer, url string, encode func() ([]byte, error)) error {
	data, err := encode()
	if err == nil {
		err = w.write(url, data)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", url, err)
	}
	return nil
}

// taskRecords makes the record of every task, in plan order.
func taskRecords(r *render.Renderer, site *model.Site, asOf model.Date) []opendata.Task {
	var records []opendata.Task
	for _, t := range site.Tasks() {
		st := status.Of(t, asOf)
		source := ""
		if st.Report != nil {
			source = r.AbsURL(render.UpdateURL(st.Report.Update))
		}
		records = append(records, opendata.TaskRecord(t, r.AbsURL(render.TaskURL(t)), st, source))
	}
	return records
}

// writeTasks writes every task as JSON and CSV, and the JSON's schema.
func writeTasks(w *writer, records []opendata.Task) error {
	if err := writeFile(w, render.TasksJSONURL, func() ([]byte, error) { return opendata.TasksJSON(records) }); err != nil {
		return err
	}
	if err := writeFile(w, render.TasksCSVURL, func() ([]byte, error) { return opendata.TasksCSV(records), nil }); err != nil {
		return err
	}
	return writeFile(w, render.TaskSchemaURL, func() ([]byte, error) { return opendata.TaskSchema(), nil })
}

// writePlanData writes each plan's tasks as CSV and JSON, each of its Phụ
// lục tables as CSV and JSON, and ke-hoach.json listing the plans and
// those files. records are the tasks' records in plan order.
func writePlanData(r *render.Renderer, w *writer, site *model.Site, records []opendata.Task) error {
	plans := make([]opendata.PlanRecord, 0, len(site.Plans))
	next := 0
	for _, p := range site.Plans {
		own := records[next : next+len(p.Tasks)]
		next += len(p.Tasks)
		links := opendata.Links{Page: r.AbsURL(render.PlanURL(p)),
			CSV: r.AbsURL(render.PlanDataURL(p, "csv")), JSON: r.AbsURL(render.PlanDataURL(p, "json"))}
		if err := writeFile(w, render.PlanDataURL(p, "json"), func() ([]byte, error) { return opendata.TasksJSON(own) }); err != nil {
			return err
		}
		if err := writeFile(w, render.PlanDataURL(p, "csv"), func() ([]byte, error) { return opendata.TasksCSV(own), nil }); err != nil {
			return err
		}
		appendices, err := writeAppendices(r, w, p, links.Page)
		if err != nil {
			return err
		}
		plans = append(plans, opendata.NewPlanRecord(p, links, appendices))
	}
	return writeFile(w, render.PlansJSONURL, func() ([]byte, error) { return opendata.PlansJSON(plans) })
}

// writeAppendices writes each Phụ lục of p as JSON and CSV and returns
// their addresses, in order.
func writeAppendices(r *render.Renderer, w *writer, p *model.Plan, planURL string) ([]opendata.Links, error) {
	var out []opendata.Links
	tasks := opendata.TaskAnchors(p)
	for _, a := range p.Appendices {
		table := opendata.NewAppendixTable(p, a, planURL, tasks)
		if err := writeFile(w, render.AppendixDataURL(p, a, "json"), func() ([]byte, error) { return opendata.AppendixJSON(table) }); err != nil {
			return nil, err
		}
		if err := writeFile(w, render.AppendixDataURL(p, a, "csv"), func() ([]byte, error) { return opendata.AppendixCSV(table), nil }); err != nil {
			return nil, err
		}
		out = append(out, opendata.Links{Page: table.URL,
			CSV: r.AbsURL(render.AppendixDataURL(p, a, "csv")), JSON: r.AbsURL(render.AppendixDataURL(p, a, "json"))})
	}
	return out, nil
}

// writeLocalities writes /du-lieu/dia-phuong.json.
func writeLocalities(r *render.Renderer, w *writer, site *model.Site) error {
	records := make([]opendata.LocalityRecord, 0, len(site.Localities))
	for _, l := range site.Localities {
		records = append(records, opendata.NewLocalityRecord(l, r.AbsURL(render.LocalityURL(l)), r.AbsURL(render.CalendarURL(l))))
	}
	return writeFile(w, render.LocalitiesJSONURL, func() ([]byte, error) { return opendata.LocalitiesJSON(records) })
}

// writeAgencies writes /du-lieu/co-quan.json.
func writeAgencies(r *render.Renderer, w *writer, site *model.Site, asOf model.Date) error {
	records := []opendata.AgencyRecord{}
	taskURL := func(t *model.Task) string { return r.AbsURL(render.TaskURL(t)) }
	for _, a := range site.Agencies {
		pastDue, done := 0, 0
		for _, t := range a.Led {
			st := status.Of(t, asOf)
			if st.Timing == status.PastDue {
				pastDue++
			}
			if st.Done() {
				done++
			}
		}
		records = append(records, opendata.NewAgencyRecord(a, r.AbsURL(render.AgencyURL(a)), taskURL, pastDue, done, asOf))
	}
	return writeFile(w, render.AgenciesJSONURL, func() ([]byte, error) { return opendata.AgenciesJSON(records) })
}

// writeCompare writes /du-lieu/so-sanh.csv: every task linked to a
// catalogue item, item by item, in the catalogue's order.
func writeCompare(r *render.Renderer, w *writer, site *model.Site, asOf model.Date) error {
	var rows [][]string
	for _, it := range site.Catalog {
		for _, t := range it.Tasks {
			rows = append(rows, opendata.CompareRow(it, t, status.Of(t, asOf), r.AbsURL(render.TaskURL(t))))
		}
	}
	return writeFile(w, render.CompareCSVURL, func() ([]byte, error) {
		return opendata.CSV(opendata.Names(opendata.CompareColumns), rows), nil
	})
}

// writeCalendars writes the site's .ics file and one per locality.
func writeCalendars(r *render.Renderer, w *writer, site *model.Site) error {
	write := func(l *model.Locality, plans []*model.Plan) error {
		return writeFile(w, render.CalendarURL(l), func() ([]byte, error) { return r.Calendar(l, plans) })
	}
	if err := write(nil, site.Plans); err != nil {
		return err
	}
	for _, l := range site.Localities {
		if err := write(l, l.AllPlans()); err != nil {
			return err
		}
	}
	return nil
}
