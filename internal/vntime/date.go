// Package vntime reads the time expressions Vietnamese plans use for
// deadlines ("Trong quý I năm 2022", "trước ngày 30/9/2024", "Thường
// xuyên") into dated results, and holds the calendar Date they are made of.
//
// Dates are civil dates in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year):
// a document's "30/9/2024" is that day in Vietnam, with no time of day.
package vntime

import (
	"fmt"
	"time"
)

// Date is a calendar date with no time of day or zone, as printed on a document.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar date of t in its own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// NewDate returns the date and whether it exists on the calendar.
func NewDate(year int, month time.Month, day int) (Date, bool) {
	d := Date{year, month, day}
	return d, month >= 1 && month <= 12 && day >= 1 && day <= DaysIn(year, month)
}

// DaysIn returns the number of days in the month.
func DaysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// FirstOfMonth and LastOfMonth return the month's first and last day.
func FirstOfMonth(year int, month time.Month) Date { return Date{year, month, 1} }

// LastOfMonth returns the month's last day.
func LastOfMonth(year int, month time.Month) Date { return Date{year, month, DaysIn(year, month)} }

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// Time returns midnight at the start of the date in UTC, for arithmetic.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays returns the date n days later (earlier when n is negative).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(int(d.Month) - int(e.Month))
	default:
		return sign(d.Day - e.Day)
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Quarter returns the date's quarter, 1 to 4.
func (d Date) Quarter() int { return (int(d.Month)-1)/3 + 1 }

// ISO formats the date as 2006-01-02.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Vietnamese formats the date the way Vietnamese documents do: 10/3/2022.
func (d Date) Vietnamese() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d/%d/%d", d.Day, d.Month, d.Year)
}

// MarshalText writes the ISO form, so that JSON holds "2022-03-10".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.ISO()), nil }
