package gen

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// deadlineForm is one way plans write a deadline, in every spelling the
// bundled plans use (docs/content-format.md lists them): kind names what
// internal/vntime reads it as, so that a test can hold each form to it.
type deadlineForm struct {
	kind   string
	weight int
	// make writes a deadline for a plan of year y whose tasks run until
	// year y+span (span ≥ 0).
	make func(r *rand.Rand, y, span int) string
}

var deadlineForms = []deadlineForm{
	{"window", 14, month},
	{"window", 16, quarter},
	{"window", 10, year},
	{"window", 4, partOfYear},
	{"window", 6, monthRange},
	{"window", 3, phase},
	{"from", 4, from},
	{"by", 8, byDay},
	{"by", 6, byPeriod},
	{"milestones", 3, milestones},
	{"ongoing", 12, ongoing},
	{"recurring", 4, recurring},
	{"conditional", 4, conditional},
	{"none", 1, func(*rand.Rand, int, int) string { return "" }},
}

func month(r *rand.Rand, y, span int) string {
	m, yy := 1+r.IntN(12), y+r.IntN(span+1)
	return fmt.Sprintf(pick(r, []string{"Trong tháng %02d năm %d.", "Tháng %d/%d", "Trong tháng %d năm %d", "tháng %d/%d."}), m, yy)
}

func quarter(r *rand.Rand, y, span int) string {
	q, yy := romans[r.IntN(4)], y+r.IntN(span+1)
	return fmt.Sprintf(pick(r, []string{"Trong quý %s năm %d.", "Quý %s/%d", "Trong Quý %s/%d.", "Quý %s năm %d"}), q, yy)
}

func year(r *rand.Rand, y, span int) string {
	return fmt.Sprintf(pick(r, []string{"Trong năm %d.", "Năm %d", "Trong năm %d"}), y+r.IntN(span+1))
}

func partOfYear(r *rand.Rand, y, span int) string {
	return fmt.Sprintf(pick(r, []string{"6 tháng đầu năm %d", "6 tháng cuối năm %d", "Cuối năm %d.", "đầu năm %d"}), y+r.IntN(span+1))
}

func monthRange(r *rand.Rand, y, span int) string {
	yy := y + r.IntN(span+1)
	a := 1 + r.IntN(11)
	b := a + 1 + r.IntN(12-a)
	if chance(r, 70) {
		return fmt.Sprintf("Từ tháng %d đến tháng %d/%d", a, b, yy)
	}
	d1, d2 := 1+r.IntN(daysIn(yy, a)), 1+r.IntN(daysIn(yy, b))
	return fmt.Sprintf("Từ ngày %02d/%d/%d đến ngày %02d/%d/%d", d1, a, yy, d2, b, yy)
}

func phase(r *rand.Rand, y, span int) string {
	return fmt.Sprintf(pick(r, []string{"Giai đoạn %d - %d", "Giai đoạn %d-%d"}), y, y+1+r.IntN(span+2))
}

func from(r *rand.Rand, y, span int) string {
	yy, m := y+r.IntN(span+1), 1+r.IntN(12)
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf("Từ ngày %02d/%d/%d.", 1+r.IntN(daysIn(yy, m)), m, yy)
	case 1:
		return fmt.Sprintf("Kể từ ngày %d/%d/%d", 1+r.IntN(daysIn(yy, m)), m, yy)
	}
	return fmt.Sprintf("Từ tháng %d/%d", m, yy)
}

func byDay(r *rand.Rand, y, span int) string {
	yy, m := y+r.IntN(span+1), 1+r.IntN(12)
	d := 1 + r.IntN(daysIn(yy, m))
	switch r.IntN(5) {
	case 0:
		return fmt.Sprintf("trước ngày %d-%d-%d", d, m, yy)
	case 1:
		return fmt.Sprintf("Trước ngày %02d/%02d/%d.", d, m, yy)
	case 2:
		return fmt.Sprintf("chậm nhất ngày %d/%d/%d", d, m, yy)
	case 3:
		return fmt.Sprintf("Hoàn thành trước ngày %d/%d/%d", d, m, yy)
	}
	return fmt.Sprintf("ngày %d tháng %d năm %d", d, m, yy)
}

func byPeriod(r *rand.Rand, y, span int) string {
	yy := y + r.IntN(span+1)
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("Hoàn thành trong quý %s/%d", romans[r.IntN(4)], yy)
	case 1:
		return fmt.Sprintf("hoàn thành trong tháng %02d/%d", 1+r.IntN(12), yy)
	case 2:
		return fmt.Sprintf("trước tháng %d/%d", 2+r.IntN(11), yy)
	}
	return fmt.Sprintf("chậm nhất quý %s/%d", romans[r.IntN(4)], yy)
}

// milestones writes dated steps, each with its place, as Đà Nẵng's 2.6 and
// Huế's one-stop shops do; the dates go forward six months at a time.
func milestones(r *rand.Rand, y, span int) string {
	m := 1 + r.IntN(6)
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf("Tại bộ phận một cửa ở cấp tỉnh từ ngày 01/%d/%d; ở cấp huyện từ ngày 01/%d/%d; ở cấp xã từ ngày 01/%d/%d.", m, y, m+6, y, m, y+1)
	case 1:
		d := daysIn(y, m+6)
		return fmt.Sprintf("Cấp tỉnh: trước ngày %d/%d/%d; cấp huyện: trước ngày %d/%d/%d", daysIn(y, m), m, y, d, m+6, y)
	}
	return fmt.Sprintf("Tại Bộ phận một cửa của xã từ ngày %02d/%d/%d.", 1+r.IntN(28), m, y+r.IntN(span+1))
}

func ongoing(r *rand.Rand, _, _ int) string {
	return pick(r, []string{"Thường xuyên.", "Thực hiện thường xuyên.", "Thường xuyên", "Thường xuyên, liên tục.", "Liên tục"})
}

func recurring(r *rand.Rand, _, _ int) string {
	switch r.IntN(6) {
	case 0:
		return fmt.Sprintf("trước ngày %d hàng tháng", 5+r.IntN(21))
	case 1:
		return fmt.Sprintf("Định kỳ trước ngày %d hằng tháng.", 5+r.IntN(21))
	}
	return pick(r, []string{"Định kỳ hàng quý", "Hằng năm", "6 tháng một lần", "Định kỳ hằng năm."})
}

func conditional(r *rand.Rand, y, _ int) string {
	return pick(r, []string{
		"Theo lộ trình, hướng dẫn của Bộ Công an.",
		"Sau khi có hướng dẫn của Bộ Công an",
		"Khi Sở Giao thông vận tải triển khai",
		"Theo chỉ đạo của Ủy ban nhân dân cấp trên",
		"Ngay sau khi Kế hoạch được ban hành",
		fmt.Sprintf("Theo lộ trình Kế hoạch số 62/KH-UBND ngày 28/6/%d.", y),
	})
}

// deadline draws a deadline text for a plan of year y.
func deadline(r *rand.Rand, y, span int) string {
	total := 0
	for _, f := range deadlineForms {
		total += f.weight
	}
	n := r.IntN(total)
	for _, f := range deadlineForms {
		if n < f.weight {
			return f.make(r, y, span)
		}
		n -= f.weight
	}
	panic("unreachable")
}

// daysIn returns the number of days of a month.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
