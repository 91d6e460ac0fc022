package opendata

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/minhbach/minhbach/internal/model"
)

// AppendixTable is the JSON file of one Phụ lục: the table as the plan
// prints it, its rows in order, section rows marked as such.
type AppendixTable struct {
	Locality string        `json:"locality"`
	Plan     string        `json:"plan"`
	Name     string        `json:"name"`
	Title    string        `json:"title"`
	Notes    []string      `json:"notes"`
	URL      string        `json:"url"`
	Columns  []string      `json:"columns"`
	Rows     []AppendixRow `json:"rows"`
}

// AppendixRow is one row of a Phụ lục.
type AppendixRow struct {
	Type    string   `json:"type"`    // "section" (STT is a Roman numeral) or "row"
	Section *string  `json:"section"` // the numeral of the section the row is in; a section row's own; null before any
	Cells   []string `json:"cells"`   // one per column, as written; a line break in a cell is "\n"
	Task    *string  `json:"task"`    // the id of the plan's task read from this row, if the plan takes its tasks from here
	URL     *string  `json:"url"`     // the row's place on the plan page; null for a section row
}

// Row types.
const (
	SectionRow = "section"
	PlainRow   = "row"
)

// TaskAnchors maps the anchor of each of a plan's tasks to its id, so that
// a Phụ lục row can name the task read from it.
func TaskAnchors(p *model.Plan) map[string]string {
	out := make(map[string]string, len(p.Tasks))
	for _, t := range p.Tasks {
		out[t.Anchor] = t.ID
	}
	return out
}

// NewAppendixTable fills the file of appendix a of plan p; planURL is the
// plan page's address and tasks the plan's TaskAnchors.
func NewAppendixTable(p *model.Plan, a *model.Appendix, planURL string, tasks map[string]string) AppendixTable {
	out := AppendixTable{
		Locality: p.Locality.Path, Plan: p.Number, Name: a.Name, Title: a.Title, Notes: nonNil(a.Notes),
		URL: planURL + "#" + a.Slug, Columns: nonNil(a.Header), Rows: make([]AppendixRow, 0, len(a.Rows)),
	}
	var section *string
	for _, r := range a.Rows {
		row := AppendixRow{Type: PlainRow, Cells: padded(r.Cells, len(a.Header))}
		if r.Section {
			numeral := strings.TrimSpace(r.Cells[0])
			section = &numeral
			row.Type = SectionRow
		}
		row.Section = section
		if r.Anchor != "" {
			url := planURL + "#" + r.Anchor
			row.URL = &url
			if id, ok := tasks[r.Anchor]; ok {
				row.Task = &id
			}
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// padded gives a row as many cells as the header has, so that every CSV
// line has the same number of fields (the build refuses rows with more).
func padded(cells []string, n int) []string {
	out := append(make([]string, 0, max(n, len(cells))), cells...)
	for len(out) < n {
		out = append(out, "")
	}
	return out
}

// AppendixJSON writes the table as one JSON object with one row per line.
func AppendixJSON(t AppendixTable) ([]byte, error) {
	rows := t.Rows
	t.Rows = nil
	head, err := json.Marshal(t)
	if err != nil {
		return nil, err
	}
	body, err := jsonLines(rows)
	if err != nil {
		return nil, err
	}
	// head ends in `"rows":null}`: put the rows, one per line, in its place.
	var b bytes.Buffer
	b.Write(bytes.TrimSuffix(head, []byte("null}")))
	b.Write(bytes.TrimSuffix(body, []byte("\n")))
	b.WriteString("}\n")
	return b.Bytes(), nil
}

// AppendixColumns are the columns a Phụ lục's CSV has besides its own:
// row_type and section before them, task and url after.
var AppendixColumns = []Column{
	{"row_type", "appendixrow.type"}, {"section", "appendixrow.section"},
	{"…", "appendixcsv.cells"},
	{"task", "appendixrow.task"}, {"url", "appendixrow.url"},
}

// AppendixCSV writes the table as CSV: the table's own columns between
// row_type and section before and task and url after, so that section rows
// stay recognisable and rows can be filtered by section.
func AppendixCSV(t AppendixTable) []byte {
	header := append(append([]string{"row_type", "section"}, t.Columns...), "task", "url")
	rows := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = append(append([]string{r.Type, str(r.Section)}, r.Cells...), str(r.Task), str(r.URL))
	}
	return CSV(header, rows)
}
