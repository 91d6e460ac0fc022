package chart

import (
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/vntime"
)

// maxQuarters bounds the axis (40 years), so that a mistyped year in a
// document ("20224") gives a clipped chart instead of a huge file.
const maxQuarters = 160

// quarterStart returns the first day of d's quarter.
func quarterStart(d vntime.Date) vntime.Date {
	return vntime.Date{Year: d.Year, Month: time.Month((d.Quarter()-1)*3 + 1), Day: 1}
}

// quarterEnd returns the last day of d's quarter.
func quarterEnd(d vntime.Date) vntime.Date {
	return vntime.LastOfMonth(d.Year, time.Month(d.Quarter()*3))
}

// daysBetween returns the number of days from a to b.
func daysBetween(a, b vntime.Date) int {
	return int(b.Time().Sub(a.Time()) / (24 * time.Hour))
}

// quarterAxis maps dates to x. Every quarter gets a column of the same
// width, whatever its number of days, so that the quarter grid a plan's
// deadlines are written in ("trong quý II năm 2023") lines up exactly; a
// date sits inside its quarter's column in proportion to its day.
type quarterAxis struct {
	x0, qw float64     // left edge and width of a quarter column
	first  vntime.Date // first day of the first quarter
	nq     int         // number of quarters
}

// quarterIndex returns the column of d's quarter; it may be outside 0..nq-1.
func (a quarterAxis) quarterIndex(d vntime.Date) int {
	return (d.Year-a.first.Year)*4 + d.Quarter() - a.first.Quarter()
}

// x returns the x of the start of day d.
func (a quarterAxis) x(d vntime.Date) float64 {
	qs := quarterStart(d)
	n := daysBetween(qs, quarterEnd(d)) + 1
	frac := float64(daysBetween(qs, d)) / float64(n)
	return a.x0 + (float64(a.quarterIndex(d))+frac)*a.qw
}

// xEnd returns the x of the end of day d.
func (a quarterAxis) xEnd(d vntime.Date) float64 { return a.x(d.AddDays(1)) }

// right returns the x of the end of the axis.
func (a quarterAxis) right() float64 { return a.x0 + float64(a.nq)*a.qw }

// last returns the last day on the axis.
func (a quarterAxis) last() vntime.Date {
	return a.quarterAt(a.nq - 1).end
}

// contains reports whether d is on the axis.
func (a quarterAxis) contains(d vntime.Date) bool {
	return !d.Before(a.first) && !d.After(a.last())
}

// quarter is one column of the axis.
type quarter struct {
	year, q    int
	start, end vntime.Date
}

// quarterAt returns the i-th column.
func (a quarterAxis) quarterAt(i int) quarter {
	n := a.first.Year*4 + a.first.Quarter() - 1 + i
	y, q := n/4, n%4+1
	start := vntime.Date{Year: y, Month: time.Month((q-1)*3 + 1), Day: 1}
	return quarter{year: y, q: q, start: start, end: quarterEnd(start)}
}

// newQuarterAxis returns the axis of whole quarters from lo's to hi's.
func newQuarterAxis(x0, qw float64, lo, hi vntime.Date) quarterAxis {
	a := quarterAxis{x0: x0, qw: qw, first: quarterStart(lo)}
	a.nq = a.quarterIndex(hi) + 1
	a.nq = min(max(a.nq, 1), maxQuarters)
	return a
}

// quarterNames returns the quarter labels to draw in columns qw wide: the
// caller's names when they all fit, else their last word ("Quý III" →
// "III"), else Roman numerals. One form for the whole axis, so the columns
// read alike.
func quarterNames(given [4]string, qw float64) [4]string {
	roman := [4]string{"I", "II", "III", "IV"}
	full, short := given, given
	for i := range given {
		if strings.TrimSpace(given[i]) == "" {
			full[i], short[i] = roman[i], roman[i]
			continue
		}
		f := strings.Fields(given[i])
		short[i] = f[len(f)-1]
	}
	room := qw - 6
	for _, set := range [][4]string{full, short} {
		fits := true
		for _, s := range set {
			fits = fits && textWidth(s, fontSize, false) <= room
		}
		if fits {
			return set
		}
	}
	return roman
}
