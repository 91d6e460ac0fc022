package opendata

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/model"
)

// sampleAppendix is a Phụ lục with a row before any section, two sections,
// a cell with a line break, and a short row.
func sampleAppendix() (*model.Plan, *model.Appendix) {
	a := &model.Appendix{Name: "Phụ lục II", Title: "CHI TIẾT NHIỆM VỤ", Slug: "phu-luc-ii", Notes: []string{"(Kèm theo Kế hoạch số 2274)"},
		Header: []string{"STT", "Nội dung", "Chủ trì", "Thời gian"},
		Rows: []model.Row{
			{Cells: []string{"", "Ghi chú đầu bảng", "", ""}, Anchor: "phu-luc-ii-hang-1"},
			{Cells: []string{"I", "CÔNG TÁC CHUẨN BỊ", "", ""}, Section: true},
			{Cells: []string{"1", "Thành lập Tổ công tác, \"06\"", "Công an\nPhòng Tư pháp", "Quý I/2022"}, Anchor: "phu-luc-ii-i-1"},
			{Cells: []string{"II", "TRIỂN KHAI", "", ""}, Section: true},
			{Cells: []string{"1", "=Rà soát"}, Anchor: "phu-luc-ii-ii-1"},
		}}
	p := &model.Plan{Locality: &model.Locality{Path: "thua-thien-hue/hue"}, Number: "2274/KH-UBND", Slug: "ke-hoach-2274",
		Appendices: []*model.Appendix{a}, Tasks: []*model.Task{{ID: "I.1", Anchor: "phu-luc-ii-i-1"}}}
	return p, a
}

func TestNewAppendixTable(t *testing.T) {
	p, a := sampleAppendix()
	table := NewAppendixTable(p, a, "/p/", TaskAnchors(p))
	type row struct {
		typ, section, task, url string
		cells                   int
	}
	want := []row{
		{"row", "", "", "/p/#phu-luc-ii-hang-1", 4},
		{"section", "I", "", "", 4},
		{"row", "I", "I.1", "/p/#phu-luc-ii-i-1", 4},
		{"section", "II", "", "", 4},
		{"row", "II", "", "/p/#phu-luc-ii-ii-1", 4}, // padded to the header's width
	}
	if len(table.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(table.Rows), len(want))
	}
	for i, w := range want {
		r := table.Rows[i]
		got := row{r.Type, str(r.Section), str(r.Task), str(r.URL), len(r.Cells)}
		if got != w {
			t.Errorf("row %d = %+v, want %+v", i, got, w)
		}
	}
	if table.URL != "/p/#phu-luc-ii" || table.Plan != "2274/KH-UBND" {
		t.Errorf("table at %q of %q", table.URL, table.Plan)
	}
}

// The CSV keeps section rows, marked in row_type and section, and the
// table's own columns as written.
func TestAppendixCSVKeepsSections(t *testing.T) {
	p, a := sampleAppendix()
	data := AppendixCSV(NewAppendixTable(p, a, "/p/", TaskAnchors(p)))
	recordEnds(t, data)
	got := readCSV(t, data)
	want := [][]string{
		{"row_type", "section", "STT", "Nội dung", "Chủ trì", "Thời gian", "task", "url"},
		{"row", "", "", "Ghi chú đầu bảng", "", "", "", "/p/#phu-luc-ii-hang-1"},
		{"section", "I", "I", "CÔNG TÁC CHUẨN BỊ", "", "", "", ""},
		{"row", "I", "1", "Thành lập Tổ công tác, \"06\"", "Công an\nPhòng Tư pháp", "Quý I/2022", "I.1", "/p/#phu-luc-ii-i-1"},
		{"section", "II", "II", "TRIỂN KHAI", "", "", "", ""},
		{"row", "II", "1", "=Rà soát", "", "", "", "/p/#phu-luc-ii-ii-1"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back\n%q\nwant\n%q", got, want)
	}
}

// The JSON is one object whose rows are one per line, and it decodes to
// the table it was made from.
func TestAppendixJSON(t *testing.T) {
	p, a := sampleAppendix()
	table := NewAppendixTable(p, a, "/p/", TaskAnchors(p))
	data, err := AppendixJSON(table)
	if err != nil {
		t.Fatal(err)
	}
	var back AppendixTable
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatalf("%v in\n%s", err, data)
	}
	if !reflect.DeepEqual(back, table) {
		t.Errorf("decoded\n%+v\nwant\n%+v", back, table)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != len(table.Rows)+2 || !strings.HasSuffix(lines[0], `"rows":[`) || lines[len(lines)-1] != "]}" {
		t.Errorf("not one row per line:\n%s", data)
	}
	if !bytes.Contains(data, []byte(`{"type":"section","section":"I","cells":["I","CÔNG TÁC CHUẨN BỊ","",""],"task":null,"url":null}`)) {
		t.Errorf("no section row I in\n%s", data)
	}
}

func TestAppendixJSONEmpty(t *testing.T) {
	data, err := AppendixJSON(AppendixTable{Notes: []string{}, Columns: []string{}, Rows: []AppendixRow{}})
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatalf("%v in %s", err, data)
	}
	if rows, ok := back["rows"].([]any); !ok || len(rows) != 0 {
		t.Errorf("rows = %#v, want []", back["rows"])
	}
}
