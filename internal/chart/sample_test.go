package chart

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/vntime"
)

func date(y int, m time.Month, d int) vntime.Date { return vntime.Date{Year: y, Month: m, Day: d} }

// vnText is the Vietnamese text a page would pass in.
func vnText() TimelineText {
	return TimelineText{
		Quarters: [4]string{"Quý I", "Quý II", "Quý III", "Quý IV"},
		AsOf:     "Ngày đối chiếu 30/9/2024",
		Legend: map[Status]string{
			Done:       "Hoàn thành",
			DoneLate:   "Hoàn thành chậm",
			PastDue:    "Quá hạn",
			DueSoon:    "Sắp đến hạn",
			Active:     "Đang thực hiện",
			Paused:     "Tạm dừng",
			NotStarted: "Chưa bắt đầu",
			NoReport:   "Chưa có báo cáo",
		},
		MarkLegend: map[Mark]string{
			By:        "Hạn chót",
			OpenEnded: "Từ ngày … trở đi",
			Points:    "Mốc",
			Span:      "Thường xuyên",
			Repeating: "Định kỳ",
			NoDate:    "Không có thời hạn",
		},
	}
}

// sampleTimeline is a small plan using every status and mark.
func sampleTimeline() *Timeline {
	return &Timeline{
		ID:    "kh-06",
		Title: "Tiến độ Kế hoạch 06/KH-UBND",
		Desc:  "Các nhiệm vụ của kế hoạch theo quý, từ 2022 đến 2025, với trạng thái tại ngày 30/9/2024.",
		AsOf:  date(2024, 9, 30),
		Text:  vnText(),
		Groups: []Group{
			{Name: "I. Hoàn thiện thể chế, chính sách", Rows: []Row{
				{Label: "1.1", Title: "Rà soát văn bản quy phạm pháp luật", Mark: Bar, Start: date(2022, 1, 1), End: date(2022, 3, 31), Status: Done},
				{Label: "1.2", Title: "Ban hành quy chế phối hợp", Mark: Bar, End: date(2022, 6, 30), Status: DoneLate},
				{Label: "1.3", Title: "Áp dụng quy trình mới", Mark: OpenEnded, Start: date(2024, 7, 1), Status: Active},
			}},
			{Name: "II. Phát triển các tiện ích phục vụ giải quyết thủ tục hành chính và cung cấp dịch vụ công trực tuyến", Rows: []Row{
				{Label: "2.1", Title: "Tích hợp 25 dịch vụ công thiết yếu", Mark: Bar, Start: date(2023, 4, 1), End: date(2023, 12, 31), Status: PastDue},
				{Label: "2.2", Title: "Triển khai theo lộ trình", Mark: Points, Points: []vntime.Date{date(2023, 3, 31), date(2023, 9, 30), date(2024, 12, 31)}, Status: Active},
				{Label: "2.3", Title: "Tuyên truyền", Mark: Span, Note: "Thường xuyên", Status: Active},
				{Label: "2.4", Title: "Báo cáo tiến độ", Mark: Repeating, Every: vntime.Monthly, Note: "Trước ngày 15 hàng tháng", Status: DueSoon},
				{Label: "2.5", Title: "Kết nối hệ thống", Mark: NoDate, Note: "Khi Bộ Công an triển khai hệ thống định danh và xác thực điện tử trên toàn quốc", Status: NoReport},
			}},
			{Name: "III. Phục vụ chuyển đổi số <quốc gia> & \"công dân số\"", Rows: []Row{
				{Label: "3.1", Title: "Cấp chữ ký số", Mark: Bar, Start: date(2024, 7, 1), End: date(2024, 10, 15), Status: DueSoon},
				{Label: "3.2", Title: "Xây dựng kho dữ liệu", Mark: Bar, Start: date(2023, 1, 1), End: date(2024, 12, 31), Status: Paused},
				{Label: "3.3", Title: "Mở rộng <thí điểm> & \"nhân rộng\"", Mark: Bar, Start: date(2025, 1, 1), End: date(2025, 6, 30), Status: NotStarted},
				{Label: "3.4.10", Title: "Kiểm tra", Mark: Repeating, Every: vntime.Quarterly, Note: "Hằng quý", Status: NoReport},
			}},
		},
	}
}

// sampleBars is a locality's tasks by due quarter.
func sampleBars() *Bars {
	b := &Bars{
		ID:     "huyen-a",
		Title:  "Nhiệm vụ của huyện A theo quý đến hạn",
		Desc:   "Số nhiệm vụ đến hạn mỗi quý, chia theo trạng thái.",
		YLabel: "Số nhiệm vụ",
		Series: []Series{
			{Done, "Hoàn thành"}, {DoneLate, "Hoàn thành chậm"}, {Active, "Đang thực hiện"},
			{DueSoon, "Sắp đến hạn"}, {PastDue, "Quá hạn"}, {NoReport, "Chưa có báo cáo"},
		},
	}
	for i := range 11 {
		y, q := 2022+i/4, i%4+1
		b.Columns = append(b.Columns, Column{
			Label:  []string{"I", "II", "III", "IV"}[q-1] + "/" + strconv.Itoa(y),
			Values: []int{(i * 7) % 9, i % 3, (i * 5) % 4, i / 9, (i * 3) % 5, i % 2},
		})
	}
	b.Columns = append(b.Columns, Column{Label: "Không có ngày", Values: []int{0, 0, 4, 0, 0, 6}})
	return b
}

// TestWriteSamples writes the sample charts as an HTML page into the
// directory $CHART_SAMPLES, to look at in a browser.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("CHART_SAMPLES")
	if dir == "" {
		t.Skip("set CHART_SAMPLES to a directory to write the sample charts")
	}
	tl, bars := sampleTimeline().SVG(), sampleBars().SVG()
	page := "<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>" +
		"<body style='margin:8px;font-family:sans-serif'>" +
		"<div style='overflow-x:auto'>" + tl + "</div><hr>" +
		"<div style='overflow-x:auto'>" + bars + "</div></body>"
	big := bigTimeline(40).SVG()
	for name, text := range map[string]string{"chart-sample.html": page, "timeline.svg": tl, "bars.svg": bars, "big.svg": big} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
