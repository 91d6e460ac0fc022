package site

import (
	"fmt"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/opendata"
	"github.com/minhbach/minhbach/internal/render"
	"github.com/minhbach/minhbach/internal/status"
)

// writeData writes the open data files under /du-lieu/.
func writeData(r *render.Renderer, w *writer, site *model.Site, asOf model.Date) error {
	var records []opendata.Task
	for _, t := range site.Tasks() {
		st := status.Of(t, asOf)
		source := ""
		if st.Report != nil {
			source = r.AbsURL(render.UpdateURL(st.Report.Update))
		}
		records = append(records, opendata.TaskRecord(t, r.AbsURL(render.TaskURL(t)), st, source))
	}
	data, err := opendata.TasksJSON(records)
	if err != nil {
		return fmt.Errorf("nhiem-vu.json: %w", err)
	}
	if err := w.write("/du-lieu/nhiem-vu.json", data); err != nil {
		return err
	}
	if err := writeAgencies(r, w, site, asOf); err != nil {
		return err
	}
	if err := writeCompare(r, w, site, asOf); err != nil {
		return err
	}
	return writeCalendars(r, w, site)
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
	data, err := opendata.AgenciesJSON(records)
	if err != nil {
		return fmt.Errorf("co-quan.json: %w", err)
	}
	return w.write("/du-lieu/co-quan.json", data)
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
	data, err := opendata.CSV(opendata.CompareHeader, rows)
	if err != nil {
		return fmt.Errorf("so-sanh.csv: %w", err)
	}
	return w.write("/du-lieu/so-sanh.csv", data)
}

// writeCalendars writes the site's .ics file and one per locality.
func writeCalendars(r *render.Renderer, w *writer, site *model.Site) error {
	write := func(l *model.Locality, plans []*model.Plan) error {
		data, err := r.Calendar(l, plans)
		if err == nil {
			err = w.write(render.CalendarURL(l), data)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", render.CalendarURL(l), err)
		}
		return nil
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
