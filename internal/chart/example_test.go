package chart_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/vntime"
)

func ExampleTimeline() {
	tl := chart.Timeline{
		ID:    "kh-06",
		Title: "Tiến độ Kế hoạch 06/KH-UBND",
		Desc:  "Các nhiệm vụ theo quý, trạng thái tại ngày 30/9/2024.",
		AsOf:  vntime.Date{Year: 2024, Month: time.September, Day: 30},
		Text: chart.TimelineText{
			Quarters:   [4]string{"Quý I", "Quý II", "Quý III", "Quý IV"},
			AsOf:       "Ngày đối chiếu 30/9/2024",
			Legend:     map[chart.Status]string{chart.Done: "Hoàn thành", chart.PastDue: "Quá hạn"},
			MarkLegend: map[chart.Mark]string{chart.Span: "Thường xuyên"},
		},
		Groups: []chart.Group{{Name: "I. Hoàn thiện thể chế", Rows: []chart.Row{
			{Label: "1.1", Title: "Rà soát văn bản", Mark: chart.Bar,
				Start: vntime.Date{Year: 2022, Month: time.January, Day: 1},
				End:   vntime.Date{Year: 2022, Month: time.March, Day: 31}, Status: chart.Done},
			{Label: "1.2", Title: "Tuyên truyền", Mark: chart.Span, Note: "Thường xuyên", Status: chart.PastDue},
		}}},
	}
	svg := tl.SVG()
	fmt.Println(strings.HasPrefix(svg, "<svg "), strings.HasSuffix(svg, "</svg>"))
	// Output: true true
}

func ExampleBars() {
	b := chart.Bars{
		ID:     "huyen-a",
		Title:  "Nhiệm vụ theo quý đến hạn",
		Desc:   "Số nhiệm vụ đến hạn mỗi quý, theo trạng thái.",
		YLabel: "Số nhiệm vụ",
		Series: []chart.Series{{Status: chart.Done, Label: "Hoàn thành"}, {Status: chart.PastDue, Label: "Quá hạn"}},
		Columns: []chart.Column{
			{Label: "I/2022", Values: []int{3, 1}},
			{Label: "II/2022", Values: []int{2, 4}},
			{Label: "Không có ngày", Values: []int{0, 2}},
		},
	}
	fmt.Println(strings.Count(b.SVG(), "<title>")) // one tooltip per column
	// Output: 3
}
