package recognize

import (
	"strings"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/vnfold"
)

// columnFields maps folded header words to the task field a column holds.
var columnFields = []struct {
	word  string
	field string
}{
	{"stt", "number"}, {"tt", "number"}, {"so thu tu", "number"},
	{"noi dung", "title"}, {"nhiem vu", "title"}, {"cong viec", "title"},
	{"chu tri", "lead"}, {"co quan thuc hien", "lead"}, {"don vi thuc hien", "lead"},
	{"phoi hop", "support"},
	{"thoi gian", "due"}, {"thoi han", "due"},
	{"san pham", "product"},
	{"chi tieu", "targets"},
}

// columns finds which column holds which task field.
func columns(header []string) map[string]int {
	cols := map[string]int{}
	for i, h := range header {
		f := vnfold.Fold(h)
		for _, c := range columnFields {
			match := strings.Contains(f, c.word)
			if c.field == "number" {
				match = f == c.word
			}
			if _, taken := cols[c.field]; match && !taken {
				cols[c.field] = i
				break
			}
		}
	}
	return cols
}

// TasksFromAppendix reads a task from every non-section row of a Phụ lục
// whose columns are task columns. A task's id is its section's numeral and
// its STT ("II.3"); its section is the section row above it.
func TasksFromAppendix(a *model.Appendix, diags *diag.List) []*model.Task {
	cols := columns(a.Header)
	if _, ok := cols["title"]; !ok {
		diags.Errorf(a.Pos.File, a.Pos.Line, a.Pos.Col,
			"tasks_from = %q, but its header has no column for the task (\"Nội dung công việc\" or \"Nhiệm vụ\"): add one, or remove tasks_from", a.Name)
		return nil
	}
	cell := func(r model.Row, field string) string {
		if i, ok := cols[field]; ok && i < len(r.Cells) {
			return r.Cells[i]
		}
		return ""
	}
	var out []*model.Task
	seen := map[string]bool{} // by slug: each task's page is named by it
	section, numeral := "", ""
	for i := range a.Rows {
		r := &a.Rows[i]
		if r.Section {
			numeral = strings.TrimSpace(r.Cells[0])
			section = numeral + ". " + cell(*r, "title")
			continue
		}
		number := strings.TrimSpace(strings.TrimRight(cell(*r, "number"), "."))
		// An STT of punctuation only ("**", "-") numbers nothing.
		if TaskSlug(number) == "" {
			diags.Errorf(a.Pos.File, r.Line, 1, "%s: this row has no STT: number it (1, 2, …) so that its task has an id", a.Name)
			continue
		}
		id := number
		if numeral != "" {
			id = numeral + "." + number
		}
		slug := TaskSlug(id)
		if seen[slug] {
			diags.Errorf(a.Pos.File, r.Line, 1, "%s: task %s appears twice: give each row of a section its own STT", a.Name, id)
			continue
		}
		seen[slug] = true
		t := &model.Task{
			ID:    id,
			Slug:  slug,
			Title: oneLine(cell(*r, "title")),
			// Line breaks inside a cell separate agencies as "," does.
			LeadText:    strings.ReplaceAll(cell(*r, "lead"), "\n", "; "),
			SupportText: strings.ReplaceAll(cell(*r, "support"), "\n", "; "),
			Due:         oneLine(cell(*r, "due")),
			Product:     oneLine(cell(*r, "product")),
			Pos:         model.Pos{File: a.Pos.File, Line: r.Line, Col: 1},
			DuePos:      model.Pos{File: a.Pos.File, Line: r.Line, Col: 1},
			LeadPos:     model.Pos{File: a.Pos.File, Line: r.Line, Col: 1},
			SupportPos:  model.Pos{File: a.Pos.File, Line: r.Line, Col: 1},
		}
		if targets := cell(*r, "targets"); targets != "" {
			t.Targets = strings.Split(targets, "\n")
		}
		if section != "" {
			t.Sections = []string{a.Name, section}
		} else {
			t.Sections = []string{a.Name}
		}
		t.Anchor = r.Anchor
		SplitAgencies(t)
		out = append(out, t)
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
