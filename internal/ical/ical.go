// Package ical writes iCalendar files (RFC 5545) of task deadlines, so that
// citizens and officials can subscribe to a plan's dates in the calendar
// application they already use.
//
// Every event is an all-day event: a plan's deadline "30/9/2024" is a civil
// date in Vietnam with no time of day, so it is written as a floating DATE
// value that every client shows on that day whatever its own zone.
//
// The output is deterministic: the same Calendar gives the same bytes, so a
// rebuilt site does not churn its .ics files.
package ical

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/vntime"
)

// DefaultProdID is the PRODID written when Calendar.ProdID is empty.
const DefaultProdID = "-//minhbach//Đề án 06//VI"

// TimeZone is the zone plan dates are in, written as X-WR-TIMEZONE so that
// clients which honour it place the all-day events on Vietnam's calendar.
const TimeZone = "Asia/Ho_Chi_Minh"

// maxLineOctets is the longest a content line may be, excluding its CRLF
// (RFC 5545 §3.1).
const maxLineOctets = 75

// Event is one all-day event: a deadline or a milestone.
type Event struct {
	// UID identifies the event across builds, so that a subscribed client
	// updates the event rather than duplicating it, e.g.
	// "dia-phuong/da-nang/ke-hoach-46/nv-2-1/due@portal.example".
	UID         string
	Date        vntime.Date // the day of the event
	Summary     string
	Description string // may contain newlines
	// URL is written only when it is an absolute URI with a host: a bare
	// site path means nothing inside a calendar application.
	URL        string
	Location   string
	Categories []string
}

// Calendar is a VCALENDAR object holding events.
type Calendar struct {
	ProdID string // PRODID; DefaultProdID when empty
	Name   string // X-WR-CALNAME, the name clients show; omitted when empty
	// Stamp is the DTSTAMP of every event. Callers pass a deterministic
	// time (the data's own date, not the build time) so that builds are
	// byte-identical.
	Stamp  time.Time
	Events []Event
}

// Encode returns the calendar as iCalendar bytes: UTF-8, CRLF line ends,
// content lines folded at 75 octets, events in the order given.
//
// A calendar that cannot be written correctly (a zero Stamp, an event
// without a UID or a valid date, two events with one UID) is a programming
// error in the caller: Encode returns an error instead of a broken file.
func (c *Calendar) Encode() ([]byte, error) {
	var b bytes.Buffer
	if err := c.EncodeTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// EncodeTo appends what Encode returns to b, whose storage a caller that
// writes many calendars reuses. Nothing is written when the calendar is
// invalid.
func (c *Calendar) EncodeTo(b *bytes.Buffer) error {
	if err := c.validate(); err != nil {
		return err
	}
	w := lineWriter{buf: b}
	c.writeHeader(&w)
	stamp := c.Stamp.UTC().Format("20060102T150405Z")
	for i := range c.Events {
		writeEvent(&w, &c.Events[i], stamp)
	}
	w.line("END:VCALENDAR")
	return nil
}

// WriteTo writes the encoded calendar to w. Nothing is written when the
// calendar is invalid, so a caller never leaves half a file behind.
func (c *Calendar) WriteTo(w io.Writer) (int64, error) {
	b, err := c.Encode()
	if err != nil {
		return 0, err
	}
	n, err := w.Write(b)
	return int64(n), err
}

// validate reports the first reason the calendar cannot be encoded.
func (c *Calendar) validate() error {
	if c.Stamp.IsZero() {
		return errors.New("ical: calendar has no Stamp (DTSTAMP is required)")
	}
	if y := c.Stamp.UTC().Year(); y < 1 || y > 9999 {
		return fmt.Errorf("ical: Stamp year %d out of range", y)
	}
	seen := make(map[string]int, len(c.Events))
	for i := range c.Events {
		e := &c.Events[i]
		if err := e.validate(); err != nil {
			return fmt.Errorf("ical: event %d: %w", i, err)
		}
		// Compare UIDs as written: two that differ only in stripped
		// control characters would still collide in a client.
		uid := escapeText(e.UID)
		if j, dup := seen[uid]; dup {
			return fmt.Errorf("ical: events %d and %d share UID %q", j, i, e.UID)
		}
		seen[uid] = i
	}
	return nil
}

// validate reports why the event cannot be encoded, if it cannot.
func (e *Event) validate() error {
	if strings.TrimSpace(e.UID) == "" {
		return errors.New("empty UID")
	}
	if e.Date.IsZero() {
		return fmt.Errorf("UID %q: zero date", e.UID)
	}
	if !writable(e.Date) {
		return fmt.Errorf("UID %q: invalid date %04d-%02d-%02d", e.UID, e.Date.Year, int(e.Date.Month), e.Date.Day)
	}
	return nil
}

// writable reports whether d exists and both it and the next day (DTEND)
// fit the four-digit year of a DATE value.
func writable(d vntime.Date) bool {
	_, ok := vntime.NewDate(d.Year, d.Month, d.Day)
	return ok && d.Year >= 1 && d.AddDays(1).Year <= 9999
}

// writeHeader writes the calendar's own properties.
func (c *Calendar) writeHeader(w *lineWriter) {
	prodID := c.ProdID
	if prodID == "" {
		prodID = DefaultProdID
	}
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:" + escapeText(prodID))
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	if c.Name != "" {
		w.line("X-WR-CALNAME:" + escapeText(c.Name))
	}
	w.line("X-WR-TIMEZONE:" + TimeZone)
}

// writeEvent writes one VEVENT. DTEND is the day after DTSTART because an
// all-day event's end is exclusive (RFC 5545 §3.6.1).
func writeEvent(w *lineWriter, e *Event, stamp string) {
	w.line("BEGIN:VEVENT")
	w.line("UID:" + escapeText(e.UID))
	w.line("DTSTAMP:" + stamp)
	w.line("DTSTART;VALUE=DATE:" + formatDate(e.Date))
	w.line("DTEND;VALUE=DATE:" + formatDate(e.Date.AddDays(1)))
	w.line("SUMMARY:" + escapeText(e.Summary))
	if e.Description != "" {
		w.line("DESCRIPTION:" + escapeText(e.Description))
	}
	if e.Location != "" {
		w.line("LOCATION:" + escapeText(e.Location))
	}
	if u, ok := absoluteURL(e.URL); ok {
		w.line("URL:" + u)
	}
	if cats := escapeList(e.Categories); cats != "" {
		w.line("CATEGORIES:" + cats)
	}
	// A deadline does not make anyone busy; keep it out of free/busy.
	w.line("TRANSP:TRANSPARENT")
	w.line("END:VEVENT")
}

// formatDate writes a DATE value, 20240930.
func formatDate(d vntime.Date) string {
	return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)
}

// absoluteURL returns raw as a URI value when it is absolute with a host.
// The result is re-serialised by net/url, which percent-encodes spaces and
// non-ASCII path bytes that a URI value may not hold.
func absoluteURL(raw string) (string, bool) {
	if raw == "" {
		return "", false
	}
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return "", false
	}
	s := u.String()
	if !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsSpace) {
		return "", false
	}
	return s, true
}

// escapeList joins a multi-valued TEXT property such as CATEGORIES: each
// value escaped on its own, then comma-separated. Empty values are dropped
// since ",," would read as an empty category.
func escapeList(values []string) string {
	parts := make([]string, 0, len(values))
	for _, v := range values {
		if e := escapeText(v); e != "" {
			parts = append(parts, e)
		}
	}
	return strings.Join(parts, ",")
}

// escapeText escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon
// and comma get a backslash; a line break (LF, CRLF or CR) becomes \n.
// Other control characters cannot appear in TEXT and are dropped, except
// HTAB which TEXT allows. Invalid UTF-8 becomes U+FFFD, since the file is
// UTF-8 and folding must work on whole characters.
func escapeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r):
			// dropped
		default:
			b.WriteRune(r) // RuneError writes U+FFFD
		}
	}
	return b.String()
}

// lineWriter accumulates content lines, folding each and ending it in CRLF.
type lineWriter struct {
	buf *bytes.Buffer
}

// line writes one content line, folded.
func (w *lineWriter) line(s string) {
	writeFolded(w.buf, s)
	w.buf.WriteString("\r\n")
}

// fold splits a content line into lines of at most 75 octets joined by
// CRLF and a space (RFC 5545 §3.1). The space counts towards the next
// line's 75 octets. Splits fall only between characters, never inside a
// UTF-8 sequence, because many clients decode each physical line on its own.
func fold(s string) string {
	var b bytes.Buffer
	writeFolded(&b, s)
	return b.String()
}

// writeFolded writes s folded as fold says.
func writeFolded(b *bytes.Buffer, s string) {
	limit := maxLineOctets
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		if cut == 0 { // not UTF-8 at all; any split beats an endless loop
			cut = limit
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = maxLineOctets - 1 // the leading space takes one octet
	}
	b.WriteString(s)
}
