package opendata

import (
	"reflect"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/vntime"
)

func ptr[T any](v T) *T { return &v }

// sampleTask is a record with every kind of value: lists, nulls, agencies
// with and without ids, milestones, a recurrence.
func sampleTask() Task {
	return Task{
		Locality: "thua-thien-hue/hue", LocalityName: "Thành phố Huế", Plan: "2274/KH-UBND", PlanTitle: "Kế hoạch",
		PlanIssued: "2022-04-07", ID: "VI.15", Title: `Triển khai "Công dân số", bước 1`,
		Sections: []string{"Phụ lục II", "VI. ỨNG DỤNG"},
		Lead:     []Agency{{Text: "Công an thành phố", ID: ptr("cong-an/hue"), Name: ptr("Công an thành phố Huế")}},
		Support: []Agency{
			{Text: "các phòng, ban", Group: true},
			{Text: "Phòng Tư pháp", ID: ptr("phong-tu-phap/hue"), Name: ptr("Phòng Tư pháp thành phố Huế")},
			{Text: "Sở X"},
		},
		Catalog:  []string{"vneid"},
		LeadText: "Công an thành phố", SupportText: "các phòng, ban; Phòng Tư pháp; Sở X",
		Due: Due{Text: "…", Kind: vntime.Milestones, Start: ptr("2022-06-01"), End: ptr("2023-06-01"),
			Milestones: []Milestone{{Date: "2022-06-01", Place: "ở thành phố"}, {Date: "2023-06-01"}}},
		Status:  Status{State: ptr("đang thực hiện"), Reported: ptr("2024-09-23"), Source: ptr("/u/"), AsOf: "2024-09-30", Timing: ptr("past_due")},
		Product: "", Targets: []string{"100% hồ sơ", "dòng\nhai"}, URL: "/t/",
	}
}

func TestTaskRow(t *testing.T) {
	row := TaskRow(sampleTask())
	if len(row) != len(TaskColumns) {
		t.Fatalf("a row has %d cells, the header %d", len(row), len(TaskColumns))
	}
	cell := map[string]string{}
	for i, c := range TaskColumns {
		cell[c.Name] = row[i]
	}
	want := map[string]string{
		"id":             "VI.15",
		"sections":       "Phụ lục II\nVI. ỨNG DỤNG",
		"lead":           "Công an thành phố",
		"lead_ids":       "cong-an/hue",
		"support":        "các phòng, ban\nPhòng Tư pháp\nSở X",
		"support_ids":    "\nphong-tu-phap/hue\n",
		"catalog":        "vneid",
		"due_kind":       "milestones",
		"due_start":      "2022-06-01",
		"due_milestones": "2022-06-01 ở thành phố\n2023-06-01",
		"due_every":      "",
		"due_day":        "",
		"state":          "đang thực hiện",
		"timing":         "past_due",
		"product":        "",
		"targets":        "100% hồ sơ\ndòng hai", // an item's own line break would split it in two
	}
	for col, w := range want {
		if cell[col] != w {
			t.Errorf("%s = %q, want %q", col, cell[col], w)
		}
	}
}

func TestTaskRowNulls(t *testing.T) {
	rec := Task{Sections: []string{}, Lead: []Agency{}, Support: []Agency{}, Catalog: []string{}, Targets: []string{},
		Due:    Due{Kind: vntime.Recurring, Milestones: []Milestone{}, Every: ptr("month"), Day: ptr(15)},
		Status: Status{AsOf: "2024-09-30"}}
	row := TaskRow(rec)
	for i, c := range TaskColumns {
		want := ""
		switch c.Name {
		case "due_kind":
			want = "recurring"
		case "due_every":
			want = "month"
		case "due_day":
			want = "15"
		case "as_of":
			want = "2024-09-30"
		}
		if row[i] != want {
			t.Errorf("%s = %q, want %q", c.Name, row[i], want)
		}
	}
}

// The CSV file reads back as the rows made from the records.
func TestTasksCSVRoundTrip(t *testing.T) {
	records := []Task{sampleTask(), sampleTask()}
	records[1].ID, records[1].Title = "VI.16", "=SUM(A1:A2), \"quoted\""
	data := TasksCSV(records)
	recordEnds(t, data)
	got := readCSV(t, data)
	if !reflect.DeepEqual(got[0], Names(TaskColumns)) {
		t.Errorf("header %q", got[0])
	}
	for i, r := range records {
		if !reflect.DeepEqual(got[i+1], TaskRow(r)) {
			t.Errorf("record %d read back as\n%q\nwant\n%q", i, got[i+1], TaskRow(r))
		}
	}
}

// Every column names a meaning, and the columns that carry a field of the
// JSON record name one that exists.
func TestColumnsMeanFields(t *testing.T) {
	fields := map[string]bool{}
	for _, rec := range []any{Task{}, AppendixTable{}} {
		for _, f := range Fields(rec) {
			fields[f.Means] = true
		}
	}
	own := map[string]bool{"taskcsv": true, "comparecsv": true, "appendixcsv": true}
	for _, cols := range [][]Column{TaskColumns, CompareColumns, AppendixColumns} {
		for _, c := range cols {
			owner, _, _ := strings.Cut(c.Means, ".")
			if !fields[c.Means] && !own[owner] {
				t.Errorf("column %s means %q, which no record field is", c.Name, c.Means)
			}
		}
	}
}
