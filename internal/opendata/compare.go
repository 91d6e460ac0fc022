package opendata

import (
	"bytes"
	"encoding/csv"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/status"
)

// CompareHeader is the header row of /du-lieu/so-sanh.csv.
var CompareHeader = []string{
	"item", "item_name", "group", "locality", "locality_name", "plan", "task", "task_title",
	"due_text", "due_kind", "due_start", "due_end", "state", "reported", "timing", "as_of", "url",
}

// CompareRow is one line of so-sanh.csv: one task a locality's plan has
// for one catalogue item.
func CompareRow(it *model.CatalogItem, t *model.Task, st status.Status, url string) []string {
	d := t.Deadline
	state, reported := "", ""
	if st.Report != nil {
		state, reported = st.Report.State, st.Report.Update.Date.ISO()
	}
	return []string{
		it.ID, it.Name, it.Group, t.Plan.Locality.Path, t.Plan.Locality.Name, t.Plan.Number, t.ID, t.Title,
		t.Due, string(d.Kind), isoOrEmpty(d.Start), isoOrEmpty(d.End), state, reported, string(st.Timing), st.AsOf.ISO(), url,
	}
}

func isoOrEmpty(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.ISO()
}

// CSV writes rows under header the way spreadsheet programs read
// Vietnamese text: UTF-8 with a byte order mark, CRLF line ends and quotes
// where RFC 4180 needs them.
func CSV(header []string, rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.Write(header); err != nil {
		return nil, err
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
