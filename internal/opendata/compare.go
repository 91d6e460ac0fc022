package opendata

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/status"
)

// CompareColumns are the columns of /du-lieu/so-sanh.csv; most carry the
// meaning of the task record's field of the same name.
var CompareColumns = []Column{
	{"item", "comparecsv.item"}, {"item_name", "comparecsv.item_name"}, {"group", "comparecsv.group"},
	{"locality", "task.locality"}, {"locality_name", "task.locality_name"}, {"plan", "task.plan"},
	{"task", "task.id"}, {"task_title", "task.title"},
	{"due_text", "due.text"}, {"due_kind", "due.kind"}, {"due_start", "due.start"}, {"due_end", "due.end"},
	{"state", "status.state"}, {"reported", "status.reported"}, {"timing", "status.timing"}, {"as_of", "status.as_of"},
	{"url", "task.url"},
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
// Vietnamese text: UTF-8 with a byte order mark, CRLF at the end of every
// record, and quotes where RFC 4180 needs them. A line break inside a cell
// stays as written ("\n" for the lists of the task files), unlike
// encoding/csv's writer, which would turn it into "\r\n" and leave a
// stray "\r" on every item for a reader that splits the cell at "\n".
func CSV(header []string, rows [][]string) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	writeRecord(&b, header)
	for _, r := range rows {
		writeRecord(&b, r)
	}
	return b.Bytes()
}

func writeRecord(b *bytes.Buffer, fields []string) {
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		if !needsQuotes(f) {
			b.WriteString(f)
			continue
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(f, `"`, `""`))
		b.WriteByte('"')
	}
	b.WriteString("\r\n")
}

// needsQuotes reports whether a field must be quoted: it holds a comma, a
// quote or a line break, or it begins or ends with a space, which some
// readers trim from unquoted fields.
func needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if strings.ContainsAny(f, ",\"\r\n") {
		return true
	}
	first, _ := utf8.DecodeRuneInString(f)
	last, _ := utf8.DecodeLastRuneInString(f)
	return unicode.IsSpace(first) || unicode.IsSpace(last)
}
