package vntime

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/vnfold"
)

// day returns the date written in ISO form; the tests read easier so.
func day(iso string) Date {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		panic(err)
	}
	return DateOf(t)
}

func window(start, end string) Deadline {
	return Deadline{Kind: Window, Start: day(start), End: day(end)}
}

func by(end string) Deadline { return Deadline{Kind: By, End: day(end)} }

func from(start string) Deadline { return Deadline{Kind: From, Start: day(start)} }

func every(p Period, d int) Deadline { return Deadline{Kind: Recurring, Every: p, Day: d} }

// steps builds a Milestones deadline from place, ISO date pairs, in order.
func steps(pairs ...string) Deadline {
	d := Deadline{Kind: Milestones}
	for i := 0; i < len(pairs); i += 2 {
		d.Milestones = append(d.Milestones, Milestone{Place: pairs[i], Date: day(pairs[i+1])})
	}
	d.Start, d.End = d.Milestones[0].Date, d.Milestones[len(d.Milestones)-1].Date
	return d
}

var (
	ongoing     = Deadline{Kind: Ongoing}
	conditional = Deadline{Kind: Conditional}
	unknown     = Deadline{Kind: Unknown}
	none        = Deadline{Kind: None}
)

// parseTests holds every deadline text of the bundled content, then every
// form Parse reads, with variants of case, diacritics, spacing and marks.
var parseTests = []struct {
	in   string
	want Deadline
}{
	// The bundled content.
	{"Thực hiện thường xuyên.", ongoing},
	{"Thường xuyên", ongoing},
	{"Thường xuyên.", ongoing},
	{"Trong tháng 3 năm 2022.", window("2022-03-01", "2022-03-31")},
	{"Trong tháng 12 năm 2022.", window("2022-12-01", "2022-12-31")},
	{"Tháng 12/2022", window("2022-12-01", "2022-12-31")},
	{"Trong tháng 6 năm 2022.", window("2022-06-01", "2022-06-30")},
	{"Tháng 6/2023", window("2023-06-01", "2023-06-30")},
	{"Tháng 6/2022", window("2022-06-01", "2022-06-30")},
	{"Trong tháng 4/2022", window("2022-04-01", "2022-04-30")},
	{"Trong tháng 4 năm 2022.", window("2022-04-01", "2022-04-30")},
	{"Tháng 4/2022", window("2022-04-01", "2022-04-30")},
	{"tháng 4/2024.", window("2024-04-01", "2024-04-30")},
	{"Trong tháng 9 năm 2022.", window("2022-09-01", "2022-09-30")},
	{"Trong tháng 6 năm 2023.", window("2023-06-01", "2023-06-30")},
	{"Trong tháng 3 năm 2022 .", window("2022-03-01", "2022-03-31")},
	{"Trong tháng 12 năm 2023.", window("2023-12-01", "2023-12-31")},
	{"Trong tháng 04 năm 2022.", window("2022-04-01", "2022-04-30")},
	{"Trong tháng 03 năm 2022.", window("2022-03-01", "2022-03-31")},
	{"Trong tháng 02 năm 2022.", window("2022-02-01", "2022-02-28")},
	{"Tháng 9/2022", window("2022-09-01", "2022-09-30")},
	{"Tháng 12/2023", window("2023-12-01", "2023-12-31")},
	{"Tháng 11/2022", window("2022-11-01", "2022-11-30")},
	{"Tháng 01/2023", window("2023-01-01", "2023-01-31")},
	{"Trong năm 2022.", window("2022-01-01", "2022-12-31")},
	{"Năm 2022", window("2022-01-01", "2022-12-31")},
	{"Trong năm 2024.", window("2024-01-01", "2024-12-31")},
	{"Trong năm 2023.", window("2023-01-01", "2023-12-31")},
	{"Trong năm 2022", window("2022-01-01", "2022-12-31")},
	{"Năm 2024", window("2024-01-01", "2024-12-31")},
	{"Năm 2023", window("2023-01-01", "2023-12-31")},
	{"Quý I năm 2022", window("2022-01-01", "2022-03-31")},
	{"Trong quý II năm 2022.", window("2022-04-01", "2022-06-30")},
	{"Trong quý IV năm 2022.", window("2022-10-01", "2022-12-31")},
	{"Quý II/2024.", window("2024-04-01", "2024-06-30")},
	{"Trong quý III năm 2022.", window("2022-07-01", "2022-09-30")},
	{"Trong quý I năm 2023.", window("2023-01-01", "2023-03-31")},
	{"Trong quý I năm 2022.", window("2022-01-01", "2022-03-31")},
	{"Quý I/2024.", window("2024-01-01", "2024-03-31")},
	{"trong quý II năm 2022.", window("2022-04-01", "2022-06-30")},
	{"Trong quý IV năm 2023.", window("2023-10-01", "2023-12-31")},
	{"Trong quý III năm 2023.", window("2023-07-01", "2023-09-30")},
	{"Trong quý II năm 2023.", window("2023-04-01", "2023-06-30")},
	{"Trong Quý II/2022.", window("2022-04-01", "2022-06-30")},
	{"Quý I/2024", window("2024-01-01", "2024-03-31")},
	{"Quý I năm 2022.", window("2022-01-01", "2022-03-31")},
	{"Từ tháng 3 đến tháng 6/2022", window("2022-03-01", "2022-06-30")},
	{"Từ ngày 01/7/2024.", from("2024-07-01")},
	{
		"Tại bộ phận một cửa ở thành phố từ ngày 01/6/2022; ở quận, huyện từ ngày 01/12/2022; ở phường, xã từ ngày 01/6/2023.",
		steps("Tại bộ phận một cửa ở thành phố", "2022-06-01", "ở quận, huyện", "2022-12-01", "ở phường, xã", "2023-06-01"),
	},
	{
		"Trung tâm Hành chính công thành phố từ ngày 01 tháng 12 năm 2022; Bộ phận 1 cửa hiện đại các phường, xã từ ngày 01 tháng 6 năm 2023",
		steps("Trung tâm Hành chính công thành phố", "2022-12-01", "Bộ phận 1 cửa hiện đại các phường, xã", "2023-06-01"),
	},
	{"Tại Bộ phận một cửa của xã từ ngày 01/6/2023.", steps("Tại Bộ phận một cửa của xã", "2023-06-01")},
	{"Theo lộ trình, hướng dẫn của Bộ Tư pháp.", conditional},
	{"Theo lộ trình Kế hoạch số 62 của UBND thành phố.", conditional},
	{"", none},

	// None: nothing but spaces and marks.
	{"   ", none},
	{" - ", none},
	{"...", none},
	{"\u00a0;\t", none},

	// Window: a month.
	{"Trong tháng 02 năm 2024", window("2024-02-01", "2024-02-29")},
	{"tháng 6-2022", window("2022-06-01", "2022-06-30")},
	{"tháng 6.2022", window("2022-06-01", "2022-06-30")},
	{"TRONG THÁNG 3 NĂM 2022", window("2022-03-01", "2022-03-31")},
	{"trong thang 3 nam 2022", window("2022-03-01", "2022-03-31")},
	{"  Trong   tháng  3   năm   2022  ", window("2022-03-01", "2022-03-31")},
	{"Tháng 6 / 2022;", window("2022-06-01", "2022-06-30")},
	{"Thực hiện trong tháng 6/2022", window("2022-06-01", "2022-06-30")},
	{"Triển khai trong tháng 6/2022!", window("2022-06-01", "2022-06-30")},
	// Decomposed diacritics, as pasted from some word processors.
	{"Trong tha\u0301ng 6 na\u0306m 2022", window("2022-06-01", "2022-06-30")},

	// Window: a quarter.
	{"Quý II/2022", window("2022-04-01", "2022-06-30")},
	{"Quý IV/2024", window("2024-10-01", "2024-12-31")},
	{"quý 2 năm 2022", window("2022-04-01", "2022-06-30")},
	{"Quy I nam 2022", window("2022-01-01", "2022-03-31")},
	{"QUÝ III/2022", window("2022-07-01", "2022-09-30")},
	{"Quý iv-2023", window("2023-10-01", "2023-12-31")},
	{"Quí 4/2023", window("2023-10-01", "2023-12-31")},
	{"(Quý I/2024)", window("2024-01-01", "2024-03-31")},

	// Window: a year, half a year, its beginning and end.
	{"năm 2022", window("2022-01-01", "2022-12-31")},
	{"NAM 2022", window("2022-01-01", "2022-12-31")},
	{"6 tháng đầu năm 2022", window("2022-01-01", "2022-06-30")},
	{"6 tháng cuối năm 2022", window("2022-07-01", "2022-12-31")},
	{"Trong 6 tháng đầu năm 2023.", window("2023-01-01", "2023-06-30")},
	{"đầu năm 2022", window("2022-01-01", "2022-03-31")},
	{"cuối năm 2022", window("2022-10-01", "2022-12-31")},
	{"Cuối năm 2024.", window("2024-10-01", "2024-12-31")},

	// Window: a range.
	{"từ tháng 3/2022 đến tháng 6/2023", window("2022-03-01", "2023-06-30")},
	{"từ quý I đến quý III năm 2022", window("2022-01-01", "2022-09-30")},
	{"Từ ngày 01/3/2022 đến ngày 30/6/2022", window("2022-03-01", "2022-06-30")},
	{"Từ ngày 01/3 đến ngày 30/6/2022", window("2022-03-01", "2022-06-30")},
	{"tháng 3 - tháng 6/2022", window("2022-03-01", "2022-06-30")},
	{"tháng 3 – tháng 6/2022", window("2022-03-01", "2022-06-30")},
	{"Từ tháng 3 đến hết tháng 6/2022", window("2022-03-01", "2022-06-30")},
	{"tu thang 3 toi thang 6/2022", window("2022-03-01", "2022-06-30")},
	{"Từ tháng 6 đến tháng 6/2022", window("2022-06-01", "2022-06-30")},
	{"từ năm 2022 đến năm 2025", window("2022-01-01", "2025-12-31")},
	{"Từ đầu năm 2022 đến cuối năm 2023", window("2022-01-01", "2023-12-31")},
	{"01/3/2022 - 30/6/2022", window("2022-03-01", "2022-06-30")},

	// Window: a span of years.
	{"Giai đoạn 2023 - 2025", window("2023-01-01", "2025-12-31")},
	{"giai đoạn 2023-2025", window("2023-01-01", "2025-12-31")},
	{"Giai đoạn 2023 – 2025.", window("2023-01-01", "2025-12-31")},
	{"giai doan 2023 den 2025", window("2023-01-01", "2025-12-31")},
	{"Năm 2023 - 2025", window("2023-01-01", "2025-12-31")},
	{"2022 - 2025", window("2022-01-01", "2025-12-31")},
	{"Trong giai đoạn 2021-2025", window("2021-01-01", "2025-12-31")},
	{"Từ năm 2023 - 2025", window("2023-01-01", "2025-12-31")},

	// By a day.
	{"trước ngày 30-9-2024", by("2024-09-30")},
	{"trước ngày 30/9/2024", by("2024-09-30")},
	{"trước ngày 30.9.2024", by("2024-09-30")},
	{"Trước ngày 30/09/2024.", by("2024-09-30")},
	{"truoc ngay 30/9/2024", by("2024-09-30")},
	{"chậm nhất ngày 30/9/2024", by("2024-09-30")},
	{"Chậm nhất là ngày 30/9/2024", by("2024-09-30")},
	{"hạn chót ngày 30/9/2024", by("2024-09-30")},
	{"trước 30/9/2024", by("2024-09-30")},
	{"ngày 30/9/2024", by("2024-09-30")},
	{"30/9/2024", by("2024-09-30")},
	{"ngày 30 tháng 9 năm 2024", by("2024-09-30")},
	{"Hoàn thành trước ngày 30/9/2024", by("2024-09-30")},
	{"ngày 29/2/2024", by("2024-02-29")},

	// By the end of a period, or before it starts.
	{"hoàn thành trong tháng 02/2024", by("2024-02-29")},
	{"Hoàn thành trong quý II/2024", by("2024-06-30")},
	{"hoàn thành trong năm 2024", by("2024-12-31")},
	{"Hoàn thành năm 2024.", by("2024-12-31")},
	{"Hoàn thành từ tháng 3 đến tháng 6/2022", by("2022-06-30")},
	{"chậm nhất trong tháng 6/2024", by("2024-06-30")},
	{"chậm nhất tháng 6/2024", by("2024-06-30")},
	{"Hạn chót quý III/2024", by("2024-09-30")},
	{"trước tháng 6/2024", by("2024-05-31")},
	{"trước tháng 3/2024", by("2024-02-29")},
	{"trước quý III/2024", by("2024-06-30")},
	{"trước quý I/2024", by("2023-12-31")},
	{"trước năm 2025", by("2024-12-31")},

	// From.
	{"Từ ngày 01/7/2024", from("2024-07-01")},
	{"kể từ ngày 01/7/2024", from("2024-07-01")},
	{"bắt đầu từ ngày 1/7/2024", from("2024-07-01")},
	{"từ 01/7/2024", from("2024-07-01")},
	{"Từ tháng 7/2024", from("2024-07-01")},
	{"từ quý III/2024", from("2024-07-01")},
	{"từ năm 2025", from("2025-01-01")},
	{"Triển khai từ ngày 01-07-2024", from("2024-07-01")},
	{"TỪ NGÀY 01.7.2024", from("2024-07-01")},
	{"Từ ngày 01 tháng 7 năm 2024", from("2024-07-01")},

	// Milestones.
	{"Quý I/2022; Quý III/2022", steps("", "2022-03-31", "", "2022-09-30")},
	{"Quý III/2022; Quý I/2022;", steps("", "2022-03-31", "", "2022-09-30")},
	{"Sở Tư pháp trước ngày 30/9/2024", steps("Sở Tư pháp", "2024-09-30")},
	{"Cấp tỉnh: trước ngày 30/9/2024; cấp huyện: trước ngày 31/12/2024", steps("Cấp tỉnh", "2024-09-30", "cấp huyện", "2024-12-31")},
	{"Cấp xã kể từ ngày 01/6/2023", steps("Cấp xã", "2023-06-01")},
	{"ở xã từ ngày 01/6/2023; ở huyện từ ngày 01/12/2022", steps("ở huyện", "2022-12-01", "ở xã", "2023-06-01")},
	{"Tiếp nhận hồ sơ từ xa từ ngày 01/6/2023", steps("Tiếp nhận hồ sơ từ xa", "2023-06-01")},
	{"tai bo phan mot cua tu ngay 1-6-2023", steps("tai bo phan mot cua", "2023-06-01")},
	{"Từ ngày 01/6/2022; ở xã từ ngày 01/6/2023", steps("", "2022-06-01", "ở xã", "2023-06-01")},
	{"Cấp tỉnh – từ ngày 01/6/2022", steps("Cấp tỉnh", "2022-06-01")},

	// Ongoing.
	{"thuong xuyen", ongoing},
	{"THƯỜNG XUYÊN", ongoing},
	{"Liên tục", ongoing},
	{"Thường xuyên, liên tục", ongoing},
	{"Thường xuyên, liên tục.", ongoing},
	{"Thường xuyên và liên tục", ongoing},
	{"Triển khai thường xuyên", ongoing},

	// Recurring.
	{"trước ngày 15 hàng tháng", every(Monthly, 15)},
	{"Trước ngày 15 hằng tháng.", every(Monthly, 15)},
	{"ngày 25 hằng tháng", every(Monthly, 25)},
	{"Định kỳ trước ngày 5 hàng tháng", every(Monthly, 5)},
	{"Định kỳ hàng quý", every(Quarterly, 0)},
	{"hàng năm", every(Yearly, 0)},
	{"hằng năm", every(Yearly, 0)},
	{"Định kỳ hằng năm.", every(Yearly, 0)},
	{"dinh ky hang nam", every(Yearly, 0)},
	{"hàng tuần", every(Weekly, 0)},
	{"Hằng tháng", every(Monthly, 0)},
	{"Hằng ngày", every(Daily, 0)},
	{"hàng ngày", every(Daily, 0)},
	{"định kỳ 6 tháng", every(HalfYearly, 0)},
	{"Định kì 3 tháng", every(Quarterly, 0)},
	{"6 tháng một lần", every(HalfYearly, 0)},
	{"6 tháng 1 lần", every(HalfYearly, 0)},
	{"định kỳ 6 tháng/lần", every(HalfYearly, 0)},
	{"12 tháng một lần", every(Yearly, 0)},

	// Conditional, whatever numbers follow.
	{"khi Sở Giao thông vận tải triển khai", conditional},
	{"Sau khi có hướng dẫn của Bộ Công an", conditional},
	{"Ngay sau khi Kế hoạch được ban hành", conditional},
	{"theo ke hoach so 62/KH-UBND ngay 30/9/2024", conditional},
	{"Theo hướng dẫn của Bộ Tư pháp", conditional},
	{"Theo yêu cầu của UBND tỉnh", conditional},
	{"Theo chỉ đạo của Thủ tướng Chính phủ", conditional},
	{"Theo tiến độ của Bộ Công an", conditional},
	{"Căn cứ Kế hoạch số 46", conditional},
	{"Thực hiện khi có chỉ đạo", conditional},
	{"Khi có điều kiện; Quý I/2022", conditional},

	// Unknown: never guessed.
	{"Sớm nhất có thể", unknown},
	{"tháng sau", unknown},
	{"30/9", unknown},
	{"trước ngày 30/9", unknown},
	{"tháng 6", unknown},
	{"Quý I năm 2022 hoặc khi có điều kiện", unknown},
	{"Thực hiện", unknown},
	{"2022", unknown},
	{"Quý I/2022, Quý III/2022", unknown},
	{"Quý I/2022; khi có điều kiện", unknown},
	{"Thường xuyên; Quý I/2022", unknown},
	{"Tại xã từ tháng 6/2023", unknown},
	{"Thực hiện từ ngày 01/6/2022 tại xã", unknown},
	{"trước cuối năm 2022", unknown},
	{"trước giai đoạn 2023 - 2025", unknown},
	{"định kỳ 5 tháng", unknown},
	{"6 tháng", unknown},
	{"tháng 3 - 6/2022", unknown},
	{"30/9-2024", unknown},
	{"001/7/2024", unknown},
	{"Đến năm 2025", unknown},
	{"Quý I/2022 - 2023", unknown},
	{"ngày 15/12 hàng năm", unknown},
	{"tháng \u0301 6/2022", unknown},
	{"Quý I/2022\u037e Quý III/2022", unknown},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): unexpected error %v", tt.in, err)
			continue
		}
		want := tt.want
		want.Text = tt.in
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Parse(%q)\n got %s\nwant %s", tt.in, show(got), show(want))
		}
	}
}

// show prints a deadline compactly, dates in ISO form.
func show(d Deadline) string {
	var b strings.Builder
	b.WriteString(string(d.Kind))
	for _, f := range []struct {
		name string
		date Date
	}{{"start", d.Start}, {"end", d.End}} {
		if !f.date.IsZero() {
			b.WriteString(" " + f.name + "=" + f.date.ISO())
		}
	}
	for _, m := range d.Milestones {
		b.WriteString(" [" + m.Place + " " + m.Date.ISO() + "]")
	}
	if d.Every != "" {
		b.WriteString(" every=" + string(d.Every))
	}
	if d.Day != 0 {
		b.WriteString(" day=" + string(rune('0'+d.Day/10)) + string(rune('0'+d.Day%10)))
	}
	return b.String()
}

var errorTests = []struct {
	in   string
	text string   // the fragment the error quotes
	msg  []string // what the message must say
}{
	{"31/02/2022", "31/02/2022", []string{`"31/02/2022" is not a date: February 2022 has 28 days`}},
	{"trước ngày 31/02/2022", "31/02/2022", []string{"February 2022 has 28 days"}},
	{"29/2/2023", "29/2/2023", []string{"February 2023 has 28 days"}},
	{"ngày 31/4/2022", "31/4/2022", []string{"April 2022 has 30 days"}},
	{"ngày 31 tháng 4 năm 2022", "31 tháng 4 năm 2022", []string{"April 2022 has 30 days"}},
	{"0/5/2022", "0/5/2022", []string{"there is no day 0", "write a day from 1 to 31"}},
	{"30/13/2022", "30/13/2022", []string{"there is no month 13", "write a month from 1 to 12"}},
	{"Quý V/2022", "Quý V/2022", []string{"there is no quarter V: write quý I, II, III or IV"}},
	{"quý 5/2022", "quý 5/2022", []string{"there is no quarter 5", "write quý I, II, III or IV"}},
	{"Quý 0 năm 2022", "Quý 0 năm 2022", []string{"there is no quarter 0"}},
	{"tháng 13/2022", "tháng 13/2022", []string{"there is no month 13: write a month from 1 to 12"}},
	{"tháng 0/2022", "tháng 0/2022", []string{"there is no month 0", "write a month from 1 to 12"}},
	{"30/9/24", "30/9/24", []string{`"30/9/24": write the year with four digits, e.g. 30/9/2024`}},
	{"Tháng 6/24", "Tháng 6/24", []string{"write the year with four digits, e.g. Tháng 6/2024"}},
	{"Quý II/202", "Quý II/202", []string{"write the year with four digits"}},
	{"năm 2300", "năm 2300", []string{"there is no year 2300", "write a year from 1900 to 2199"}},
	{"Năm 1800", "Năm 1800", []string{"there is no year 1800", "1900 to 2199"}},
	{"trước ngày 30/9/2250", "30/9/2250", []string{"there is no year 2250"}},
	{"từ tháng 6 đến tháng 3/2022", "từ tháng 6 đến tháng 3/2022", []string{`the period starts after it ends ("từ tháng 6 đến tháng 3/2022"): write the earlier date first`}},
	{"Từ ngày 30/6/2022 đến ngày 01/3/2022", "Từ ngày 30/6/2022 đến ngày 01/3/2022", []string{"the period starts after it ends", "write the earlier date first"}},
	{"giai đoạn 2025 - 2023", "giai đoạn 2025 - 2023", []string{"the period starts after it ends"}},
	{"trước ngày 32 hàng tháng", "ngày 32 hàng tháng", []string{"there is no day 32 of a month: write a day from 1 to 31"}},
	{"ngày 0 hằng tháng", "ngày 0 hằng tháng", []string{"there is no day 0 of a month"}},
	{"Tại xã từ ngày 31/6/2023", "31/6/2023", []string{"June 2023 has 30 days"}},
	{"Quý I/2022; Quý V/2022", "Quý V/2022", []string{"there is no quarter V"}},
	{"khó đọc; Quý V/2022", "Quý V/2022", []string{"there is no quarter V"}},
	{"hoàn thành trong tháng 13/2024", "tháng 13/2024", []string{"there is no month 13"}},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range errorTests {
		got, err := Parse(tt.in)
		var perr *Error
		if !errors.As(err, &perr) {
			t.Errorf("Parse(%q): error %v, want an *Error", tt.in, err)
			continue
		}
		if perr.Text != tt.text {
			t.Errorf("Parse(%q): error text %q, want %q", tt.in, perr.Text, tt.text)
		}
		for _, m := range tt.msg {
			if !strings.Contains(perr.Error(), m) {
				t.Errorf("Parse(%q): error %q does not say %q", tt.in, perr.Error(), m)
			}
		}
		if want := (Deadline{Kind: Unknown, Text: tt.in}); !reflect.DeepEqual(got, want) {
			t.Errorf("Parse(%q) = %s with an error, want unknown with no dates", tt.in, show(got))
		}
	}
}

// Words with diacritics are folded together in one call; each must come out
// as folding it alone would, even next to words that fold to nothing.
func TestTokenizeFoldsEachWord(t *testing.T) {
	for _, text := range []string{
		"Trong quý I năm 2022",
		"TRƯỚC NGÀY 30/9/2024",
		"tha\u0301ng \u0301 6 na\u0306m \u0300\u0301 2022",
		"Đến hết Quý IV; ở xã; Ωmega từ",
	} {
		checkWords(t, text)
	}
}

// checkWords checks that each word token of text has the vocabulary entry
// of its own fold.
func checkWords(t *testing.T, text string) {
	t.Helper()
	for _, tok := range tokenize(text) {
		if tok.kind != wordToken {
			continue
		}
		w := text[tok.start:tok.end]
		want := lexeme{}
		if len(w) <= maxWrittenWordLen {
			want = vocabulary[vnfold.Fold(w)]
		}
		if got := (lexeme{tok.word, tok.val}); got != want {
			t.Fatalf("tokenize(%q): word %q read as %+v, want %+v", text, w, got, want)
		}
	}
}

// The ASCII fast path and the fold length limit assume short words.
func TestVocabularyWordsAreShort(t *testing.T) {
	for w := range vocabulary {
		if len(w) > maxWordLen || vnfold.Fold(w) != w {
			t.Errorf("vocabulary word %q: want at most %d folded bytes", w, maxWordLen)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, tt := range parseTests {
			_, _ = Parse(tt.in)
		}
	}
}
