package opendata

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/vntime"
)

func TestDueRecord(t *testing.T) {
	d := func(y, m, day int) vntime.Date { v, _ := vntime.NewDate(y, monthOf(m), day); return v }
	tests := []struct {
		name string
		in   vntime.Deadline
		want string
	}{
		{"window", vntime.Deadline{Kind: vntime.Window, Text: "Quý I/2022", Start: d(2022, 1, 1), End: d(2022, 3, 31)},
			`{"text":"Quý I/2022","kind":"window","start":"2022-01-01","end":"2022-03-31","milestones":[],"every":null,"day":null}`},
		{"by", vntime.Deadline{Kind: vntime.By, Text: "trước ngày 30/9/2024", End: d(2024, 9, 30)},
			`{"text":"trước ngày 30/9/2024","kind":"by","start":null,"end":"2024-09-30","milestones":[],"every":null,"day":null}`},
		{"milestones", vntime.Deadline{Kind: vntime.Milestones, Text: "…", Start: d(2022, 6, 1), End: d(2023, 6, 1),
			Milestones: []vntime.Milestone{{Date: d(2022, 6, 1), Place: "ở thành phố"}, {Date: d(2023, 6, 1), Place: "ở phường, xã"}}},
			`{"text":"…","kind":"milestones","start":"2022-06-01","end":"2023-06-01","milestones":[{"date":"2022-06-01","place":"ở thành phố"},{"date":"2023-06-01","place":"ở phường, xã"}],"every":null,"day":null}`},
		{"recurring", vntime.Deadline{Kind: vntime.Recurring, Text: "trước ngày 15 hàng tháng", Every: vntime.Monthly, Day: 15},
			`{"text":"trước ngày 15 hàng tháng","kind":"recurring","start":null,"end":null,"milestones":[],"every":"month","day":15}`},
		{"conditional", vntime.Deadline{Kind: vntime.Conditional, Text: "khi Sở triển khai"},
			`{"text":"khi Sở triển khai","kind":"conditional","start":null,"end":null,"milestones":[],"every":null,"day":null}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.Marshal(dueRecord(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func monthOf(m int) time.Month { return time.Month(m) }
