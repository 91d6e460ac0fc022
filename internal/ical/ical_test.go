package ical

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/vntime"
)

// stamp is the DTSTAMP the tests use: midnight of 1/12/2024 in Vietnam,
// which is 17:00 UTC the day before.
var stamp = time.Date(2024, 11, 30, 17, 0, 0, 0, time.UTC)

func date(y int, m time.Month, d int) vntime.Date { return vntime.Date{Year: y, Month: m, Day: d} }

// longSummary is a real-looking Vietnamese task name, long enough to fold
// several times and full of two- and three-octet characters.
const longSummary = "Hoàn thành việc kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia về dân cư " +
	"với các hệ thống thông tin của các sở, ban, ngành; triển khai các tiện ích của thẻ căn cước " +
	"gắn chíp điện tử và ứng dụng định danh điện tử VNeID trên địa bàn thành phố Đà Nẵng"

func sampleCalendar() *Calendar {
	return &Calendar{
		ProdID: DefaultProdID,
		Name:   "Kế hoạch 46/KH-UBND — Đà Nẵng",
		Stamp:  stamp,
		Events: []Event{
			{
				UID:         "dia-phuong/da-nang/ke-hoach-46/nv-2-1/due@portal.example",
				Date:        date(2024, time.September, 30),
				Summary:     longSummary,
				Description: "Cơ quan chủ trì: Công an thành phố\nPhối hợp: Sở Thông tin và Truyền thông; UBND các quận, huyện",
				URL:         "https://portal.example/dia-phuong/da-nang/ke-hoach-46/#nv-2-1",
				Location:    "Đà Nẵng",
				Categories:  []string{"Đề án 06", "Công an thành phố", "Nhóm 2, dịch vụ công"},
			},
			{
				UID:     "dia-phuong/da-nang/ke-hoach-46/nv-3-4/due@portal.example",
				Date:    date(2024, time.December, 31),
				Summary: "Báo cáo kết quả năm 2024",
			},
		},
	}
}

func mustEncode(t *testing.T, c *Calendar) []byte {
	t.Helper()
	b, err := c.Encode()
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return b
}

// --- a tiny reader, the inverse of the writer, used to check the output ---

// property is one unfolded content line split into its parts.
type property struct {
	Name, Params, Value string
}

// unfold undoes §3.1 folding: a CRLF followed by one space or tab vanishes.
func unfold(s string) string {
	s = strings.ReplaceAll(s, "\r\n ", "")
	return strings.ReplaceAll(s, "\r\n\t", "")
}

// parseLines unfolds the data and splits every content line into
// NAME;PARAMS:VALUE. Parameter values here never hold a colon, so the first
// colon after the name ends the parameters.
func parseLines(t *testing.T, data []byte) []property {
	t.Helper()
	text := unfold(string(data))
	if !strings.HasSuffix(text, "\r\n") {
		t.Fatalf("data does not end in CRLF")
	}
	var props []property
	for _, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		colon := strings.IndexByte(line, ':')
		if colon <= 0 {
			t.Fatalf("content line without NAME:VALUE: %q", line)
		}
		name, params, _ := strings.Cut(line[:colon], ";")
		props = append(props, property{name, params, line[colon+1:]})
	}
	return props
}

// unescapeText undoes §3.3.11 escaping.
func unescapeText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// splitList splits a multi-valued TEXT property at unescaped commas and
// unescapes each value.
func splitList(s string) []string {
	var values []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case ',':
			values = append(values, unescapeText(s[start:i]))
			start = i + 1
		}
	}
	return append(values, unescapeText(s[start:]))
}

func parseDate(t *testing.T, s string) vntime.Date {
	t.Helper()
	tm, err := time.Parse("20060102", s)
	if err != nil {
		t.Fatalf("bad DATE %q: %v", s, err)
	}
	return vntime.DateOf(tm)
}

// parseEvents reads the VEVENTs back into Events, checking on the way that
// each DTEND is the day after its DTSTART.
func parseEvents(t *testing.T, data []byte) []Event {
	t.Helper()
	var events []Event
	var e *Event
	var end vntime.Date
	for _, p := range parseLines(t, data) {
		switch {
		case p.Name == "BEGIN" && p.Value == "VEVENT":
			events = append(events, Event{})
			e = &events[len(events)-1]
		case p.Name == "END" && p.Value == "VEVENT":
			if want := e.Date.AddDays(1); end != want {
				t.Errorf("%s: DTEND %s, want %s", e.UID, end.ISO(), want.ISO())
			}
			e = nil
		case e == nil:
		case p.Name == "UID":
			e.UID = unescapeText(p.Value)
		case p.Name == "DTSTART":
			e.Date = parseDate(t, p.Value)
		case p.Name == "DTEND":
			end = parseDate(t, p.Value)
		case p.Name == "SUMMARY":
			e.Summary = unescapeText(p.Value)
		case p.Name == "DESCRIPTION":
			e.Description = unescapeText(p.Value)
		case p.Name == "URL":
			e.URL = p.Value
		case p.Name == "LOCATION":
			e.Location = unescapeText(p.Value)
		case p.Name == "CATEGORIES":
			e.Categories = splitList(p.Value)
		}
	}
	return events
}

// --- tests ---

func TestEncodeGolden(t *testing.T) {
	c := &Calendar{
		Name:  "Thử",
		Stamp: time.Date(2024, 12, 1, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600)),
		Events: []Event{{
			UID:         "a@x",
			Date:        date(2024, time.September, 30),
			Summary:     "Hạn; chót, 30/9",
			Description: "Dòng 1\r\nDòng 2",
			URL:         "/relative/path/",
			Location:    "Hà Nội",
			Categories:  []string{"A,B", "", "C"},
		}},
	}
	want := "BEGIN:VCALENDAR\r\n" +
		"VERSION:2.0\r\n" +
		"PRODID:-//minhbach//Đề án 06//VI\r\n" +
		"CALSCALE:GREGORIAN\r\n" +
		"METHOD:PUBLISH\r\n" +
		"X-WR-CALNAME:Thử\r\n" +
		"X-WR-TIMEZONE:Asia/Ho_Chi_Minh\r\n" +
		"BEGIN:VEVENT\r\n" +
		"UID:a@x\r\n" +
		"DTSTAMP:20241130T170000Z\r\n" +
		"DTSTART;VALUE=DATE:20240930\r\n" +
		"DTEND;VALUE=DATE:20241001\r\n" +
		"SUMMARY:Hạn\\; chót\\, 30/9\r\n" +
		"DESCRIPTION:Dòng 1\\nDòng 2\r\n" +
		"LOCATION:Hà Nội\r\n" +
		"CATEGORIES:A\\,B,C\r\n" +
		"TRANSP:TRANSPARENT\r\n" +
		"END:VEVENT\r\n" +
		"END:VCALENDAR\r\n"
	if got := string(mustEncode(t, c)); got != want {
		t.Errorf("Encode:\n got %q\nwant %q", got, want)
	}
}

func TestFold(t *testing.T) {
	ascii := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name string
		in   string
		want []int // octets of each physical line, the leading space included
	}{
		{"short", "SUMMARY:x", []int{9}},
		{"exactly 75", ascii(75), []int{75}},
		{"76", ascii(76), []int{75, 2}},
		{"75+74 fills two lines", ascii(75 + 74), []int{75, 75}},
		{"75+75", ascii(75 + 75), []int{75, 75, 2}},
		{"3-octet rune across the limit", ascii(74) + "ệ", []int{74, 4}},
		{"2-octet rune ending at the limit", ascii(73) + "đ" + "b", []int{75, 2}},
		{"4-octet rune across the limit", ascii(73) + "😀", []int{73, 5}},
		{"all 3-octet", strings.Repeat("ệ", 50), []int{75, 73, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fold(tt.in)
			lines := strings.Split(got, "\r\n")
			var lens []int
			for i, l := range lines {
				lens = append(lens, len(l))
				if !utf8.ValidString(l) {
					t.Errorf("line %d is not valid UTF-8: %q", i, l)
				}
				if i > 0 && !strings.HasPrefix(l, " ") {
					t.Errorf("continuation %d does not start with a space: %q", i, l)
				}
			}
			if !reflect.DeepEqual(lens, tt.want) {
				t.Errorf("line lengths %v, want %v", lens, tt.want)
			}
			if u := unfold(got); u != tt.in {
				t.Errorf("unfold(fold(s)) = %q, want %q", u, tt.in)
			}
		})
	}
}

func TestFoldLongVietnameseSummary(t *testing.T) {
	data := mustEncode(t, sampleCalendar())
	raw := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")

	// Find the physical lines of the SUMMARY content line.
	start := -1
	for i, l := range raw {
		if strings.HasPrefix(l, "SUMMARY:Hoàn thành") {
			start = i
			break
		}
	}
	if start < 0 {
		t.Fatal("no SUMMARY line")
	}
	end := start + 1
	for end < len(raw) && strings.HasPrefix(raw[end], " ") {
		end++
	}
	if end-start < 3 {
		t.Fatalf("summary folded into %d lines, want at least 3", end-start)
	}
	for i, l := range raw[start:end] {
		if len(l) > maxLineOctets {
			t.Errorf("line %d has %d octets: %q", i, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d is not valid UTF-8: %q", i, l)
		}
	}
	joined := raw[start]
	for _, l := range raw[start+1 : end] {
		joined += l[1:] // drop exactly the one folding space
	}
	if want := "SUMMARY:" + escapeText(longSummary); joined != want {
		t.Errorf("unfolded summary:\n got %q\nwant %q", joined, want)
	}
	if got := unescapeText(strings.TrimPrefix(joined, "SUMMARY:")); got != longSummary {
		t.Errorf("summary round trip:\n got %q\nwant %q", got, longSummary)
	}
}

func TestEveryLineShortAndCRLF(t *testing.T) {
	data := mustEncode(t, sampleCalendar())
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Error("output does not end in CRLF")
	}
	for i, b := range data {
		switch {
		case b == '\n' && (i == 0 || data[i-1] != '\r'):
			t.Fatalf("bare LF at offset %d", i)
		case b == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			t.Fatalf("bare CR at offset %d", i)
		}
	}
	for i, l := range strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n") {
		if len(l) > maxLineOctets {
			t.Errorf("line %d has %d octets", i, len(l))
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d is not valid UTF-8", i)
		}
	}
}

func TestRequiredProperties(t *testing.T) {
	c := sampleCalendar()
	props := parseLines(t, mustEncode(t, c))

	calendar := map[string]string{
		"VERSION":       "2.0",
		"PRODID":        `-//minhbach//Đề án 06//VI`,
		"CALSCALE":      "GREGORIAN",
		"METHOD":        "PUBLISH",
		"X-WR-CALNAME":  "Kế hoạch 46/KH-UBND — Đà Nẵng",
		"X-WR-TIMEZONE": "Asia/Ho_Chi_Minh",
	}
	eventProps := []string{"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "TRANSP"}

	if first, last := props[0], props[len(props)-1]; first != (property{"BEGIN", "", "VCALENDAR"}) || last != (property{"END", "", "VCALENDAR"}) {
		t.Errorf("calendar framed by %v … %v", first, last)
	}
	count := map[string]int{}
	var inEvent map[string]int
	events := 0
	for _, p := range props {
		switch {
		case p.Name == "BEGIN" && p.Value == "VEVENT":
			inEvent = map[string]int{}
		case p.Name == "END" && p.Value == "VEVENT":
			events++
			for _, name := range eventProps {
				if inEvent[name] != 1 {
					t.Errorf("event %d has %s %d times, want once", events, name, inEvent[name])
				}
			}
			inEvent = nil
		case inEvent != nil:
			inEvent[p.Name]++
			checkEventProperty(t, p)
		default:
			count[p.Name]++
			if want, ok := calendar[p.Name]; ok && p.Value != want {
				t.Errorf("%s = %q, want %q", p.Name, p.Value, want)
			}
		}
	}
	for name := range calendar {
		if count[name] != 1 {
			t.Errorf("calendar has %s %d times, want once", name, count[name])
		}
	}
	if events != len(c.Events) {
		t.Errorf("%d events, want %d", events, len(c.Events))
	}
}

// checkEventProperty checks the fixed forms of an event's properties.
func checkEventProperty(t *testing.T, p property) {
	t.Helper()
	switch p.Name {
	case "DTSTAMP":
		if p.Value != "20241130T170000Z" {
			t.Errorf("DTSTAMP = %q", p.Value)
		}
	case "DTSTART", "DTEND":
		if p.Params != "VALUE=DATE" || len(p.Value) != 8 {
			t.Errorf("%s;%s:%s is not an all-day DATE", p.Name, p.Params, p.Value)
		}
	case "TRANSP":
		if p.Value != "TRANSPARENT" {
			t.Errorf("TRANSP = %q", p.Value)
		}
	}
}

func TestDTEndIsNextDay(t *testing.T) {
	tests := []struct {
		name       string
		day        vntime.Date
		start, end string
	}{
		{"ordinary", date(2024, time.September, 10), "20240910", "20240911"},
		{"month end", date(2024, time.September, 30), "20240930", "20241001"},
		{"year end", date(2024, time.December, 31), "20241231", "20250101"},
		{"28 Feb, leap year", date(2024, time.February, 28), "20240228", "20240229"},
		{"29 Feb", date(2024, time.February, 29), "20240229", "20240301"},
		{"28 Feb, common year", date(2023, time.February, 28), "20230228", "20230301"},
		{"century, not leap", date(2100, time.February, 28), "21000228", "21000301"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Calendar{Stamp: stamp, Events: []Event{{UID: "u", Date: tt.day, Summary: "x"}}}
			var start, end string
			for _, p := range parseLines(t, mustEncode(t, c)) {
				switch p.Name {
				case "DTSTART":
					start = p.Value
				case "DTEND":
					end = p.Value
				}
			}
			if start != tt.start || end != tt.end {
				t.Errorf("DTSTART %s DTEND %s, want %s %s", start, end, tt.start, tt.end)
			}
		})
	}
}

func TestEscapeText(t *testing.T) {
	tests := []struct {
		in, want string
		// roundTrips is false when the input holds what TEXT cannot carry
		// (CR, control characters), which escaping normalises.
		roundTrips bool
	}{
		{"", "", true},
		{"Kế hoạch 46", "Kế hoạch 46", true},
		{`a\b`, `a\\b`, true},
		{"a;b", `a\;b`, true},
		{"a,b", `a\,b`, true},
		{"a\nb", `a\nb`, true},
		{`\n is not a newline`, `\\n is not a newline`, true},
		{`ends in \`, `ends in \\`, true},
		{"a:b \"q\"", "a:b \"q\"", true},
		{"tab\tkept", "tab\tkept", true},
		{`\;,` + "\n", `\\\;\,\n`, true},
		{"CRLF\r\nline", `CRLF\nline`, false},
		{"CR\rline", `CR\nline`, false},
		{"two\r\n\r\nbreaks", `two\n\nbreaks`, false},
		{"nul\x00bell\x07esc\x1bdel\x7f", "nulbellescdel", false},
		{"c1\u0085x", "c1x", false},
		{"bad\xffutf8", "bad\uFFFDutf8", false},
	}
	for _, tt := range tests {
		got := escapeText(tt.in)
		if got != tt.want {
			t.Errorf("escapeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if back := unescapeText(got); tt.roundTrips && back != tt.in {
			t.Errorf("unescapeText(escapeText(%q)) = %q", tt.in, back)
		}
	}
}

func TestEscapingInProperties(t *testing.T) {
	nasty := `C:\thư mục; a, b` + "\n" + `dòng 2 \n`
	c := &Calendar{Stamp: stamp, Events: []Event{{
		UID:         "u",
		Date:        date(2024, time.March, 1),
		Summary:     nasty,
		Description: nasty + "\n\nhết",
		Location:    nasty,
		Categories:  []string{nasty, `x\y`, "p;q", "r,s", "plain"},
	}}}
	data := mustEncode(t, c)
	props := parseLines(t, data)
	for _, p := range props {
		switch p.Name {
		case "SUMMARY", "DESCRIPTION", "LOCATION":
			if strings.ContainsAny(strings.NewReplacer(`\\`, "", `\;`, "", `\,`, "", `\n`, "").Replace(p.Value), "\\;,\n") {
				t.Errorf("%s has an unescaped special character: %q", p.Name, p.Value)
			}
		}
	}
	got := parseEvents(t, data)
	if !reflect.DeepEqual(got, c.Events) {
		t.Errorf("parsed events:\n got %#v\nwant %#v", got, c.Events)
	}
}

func TestEncodeErrors(t *testing.T) {
	ok := Event{UID: "u", Date: date(2024, time.September, 30)}
	with := func(f func(*Event)) Event { e := ok; f(&e); return e }
	tests := []struct {
		name   string
		cal    Calendar
		errHas string
	}{
		{"zero date", Calendar{Stamp: stamp, Events: []Event{with(func(e *Event) { e.Date = vntime.Date{} })}}, "zero date"},
		{"empty UID", Calendar{Stamp: stamp, Events: []Event{with(func(e *Event) { e.UID = "" })}}, "empty UID"},
		{"blank UID", Calendar{Stamp: stamp, Events: []Event{with(func(e *Event) { e.UID = " \t" })}}, "empty UID"},
		{"30 Feb", Calendar{Stamp: stamp, Events: []Event{with(func(e *Event) { e.Date = date(2024, time.February, 30) })}}, "invalid date"},
		{"month 13", Calendar{Stamp: stamp, Events: []Event{with(func(e *Event) { e.Date = date(2024, 13, 1) })}}, "invalid date"},
		{"DTEND past year 9999", Calendar{Stamp: stamp, Events: []Event{with(func(e *Event) { e.Date = date(9999, time.December, 31) })}}, "invalid date"},
		{"duplicate UID", Calendar{Stamp: stamp, Events: []Event{ok, ok}}, "share UID"},
		{"zero stamp", Calendar{Events: []Event{ok}}, "Stamp"},
		{"bad event after good ones", Calendar{Stamp: stamp, Events: []Event{ok, with(func(e *Event) { e.UID = "v"; e.Date = vntime.Date{} })}}, "event 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.cal.Encode()
			if err == nil || !strings.Contains(err.Error(), tt.errHas) {
				t.Fatalf("Encode error = %v, want one containing %q", err, tt.errHas)
			}
			if b != nil {
				t.Errorf("Encode returned %d bytes with its error", len(b))
			}
			var w bytes.Buffer
			if n, err := tt.cal.WriteTo(&w); err == nil || n != 0 || w.Len() != 0 {
				t.Errorf("WriteTo = %d, %v and wrote %d bytes; want an error and nothing written", n, err, w.Len())
			}
		})
	}
}

func TestRoundTrip(t *testing.T) {
	c := sampleCalendar()
	got := parseEvents(t, mustEncode(t, c))
	if !reflect.DeepEqual(got, c.Events) {
		t.Errorf("parsed events:\n got %#v\nwant %#v", got, c.Events)
	}
}

func TestEmptyCalendar(t *testing.T) {
	props := parseLines(t, mustEncode(t, &Calendar{Stamp: stamp}))
	for _, p := range props {
		if p.Name == "BEGIN" && p.Value == "VEVENT" {
			t.Fatal("empty calendar has an event")
		}
	}
	if n := len(props); n != 7 { // BEGIN, VERSION to METHOD, X-WR-TIMEZONE, END; no name
		t.Errorf("%d content lines, want 7", n)
	}
}

func TestURL(t *testing.T) {
	tests := []struct {
		in, want string // want "" means no URL property
	}{
		{"https://portal.example/dia-phuong/da-nang/#nv-2-1", "https://portal.example/dia-phuong/da-nang/#nv-2-1"},
		{"http://portal.example/a?b=c,d;e", "http://portal.example/a?b=c,d;e"},
		{"https://portal.example/có dấu/", "https://portal.example/c%C3%B3%20d%E1%BA%A5u/"},
		{"/dia-phuong/da-nang/", ""},
		{"dia-phuong/da-nang/", ""},
		{"//portal.example/x", ""},
		{"mailto:someone@portal.example", ""},
		{"https://portal.example/\x00", ""},
		{"", ""},
	}
	for _, tt := range tests {
		c := &Calendar{Stamp: stamp, Events: []Event{{UID: "u", Date: date(2024, time.May, 1), URL: tt.in}}}
		got := ""
		for _, p := range parseLines(t, mustEncode(t, c)) {
			if p.Name == "URL" {
				got = p.Value
			}
		}
		if got != tt.want {
			t.Errorf("URL for %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDeterministicAndOrdered(t *testing.T) {
	c := sampleCalendar()
	first := mustEncode(t, c)
	for range 5 {
		if again := mustEncode(t, sampleCalendar()); !bytes.Equal(first, again) {
			t.Fatal("two encodings of the same calendar differ")
		}
	}
	// Events stay in the caller's order, not date order.
	c.Events[0], c.Events[1] = c.Events[1], c.Events[0]
	got := parseEvents(t, mustEncode(t, c))
	if got[0].UID != c.Events[0].UID || got[1].UID != c.Events[1].UID {
		t.Errorf("events reordered: %s, %s", got[0].UID, got[1].UID)
	}
}

func TestStampIsUTC(t *testing.T) {
	hcm := time.FixedZone("ICT", 7*3600)
	c := &Calendar{Stamp: time.Date(2024, 12, 1, 0, 0, 0, 0, hcm), Events: []Event{{UID: "u", Date: date(2024, 1, 1)}}}
	if !bytes.Contains(mustEncode(t, c), []byte("\r\nDTSTAMP:20241130T170000Z\r\n")) {
		t.Error("DTSTAMP not converted to UTC")
	}
}

func TestWriteTo(t *testing.T) {
	c := sampleCalendar()
	var w bytes.Buffer
	n, err := c.WriteTo(&w)
	if err != nil {
		t.Fatal(err)
	}
	want := mustEncode(t, c)
	if n != int64(len(want)) || !bytes.Equal(w.Bytes(), want) {
		t.Errorf("WriteTo wrote %d bytes, differing from Encode's %d", n, len(want))
	}
	if _, err := c.WriteTo(failingWriter{}); !errors.Is(err, errWrite) {
		t.Errorf("WriteTo error = %v, want the writer's", err)
	}
}

var errWrite = errors.New("disk full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errWrite }

// FuzzTextLine checks escaping and folding together on any input: lines stay
// within 75 octets and valid UTF-8, and reading back gives the input as
// TEXT can carry it.
func FuzzTextLine(f *testing.F) {
	for _, s := range []string{longSummary, "a\\b;c,d\ne", strings.Repeat("ệ", 40), "\r\n\x00\xff", strings.Repeat(`\`, 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		line := "DESCRIPTION:" + escapeText(s)
		folded := fold(line)
		for i, l := range strings.Split(folded, "\r\n") {
			if len(l) > maxLineOctets || !utf8.ValidString(l) || (i > 0 && l[0] != ' ') {
				t.Fatalf("bad physical line %d: %q", i, l)
			}
		}
		if unfold(folded) != line {
			t.Fatal("unfold(fold(line)) != line")
		}
		if got, want := unescapeText(escapeText(s)), normalise(s); got != want {
			t.Fatalf("round trip of %q = %q, want %q", s, got, want)
		}
	})
}

// normalise is what TEXT can carry of s: line breaks as LF, no control
// characters but tab, valid UTF-8.
func normalise(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	for _, r := range s {
		if r == '\n' || r == '\t' || !(r < 0x20 || (r >= 0x7f && r <= 0x9f)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func ExampleCalendar_Encode() {
	c := &Calendar{
		Name:  "Đề án 06 — Đà Nẵng",
		Stamp: time.Date(2024, 11, 30, 17, 0, 0, 0, time.UTC),
		Events: []Event{{
			UID:     "da-nang/kh-46/nv-2-1/due@portal.example",
			Date:    vntime.Date{Year: 2024, Month: time.September, Day: 30},
			Summary: "Hạn: kết nối, chia sẻ dữ liệu dân cư",
			URL:     "https://portal.example/da-nang/kh-46/#nv-2-1",
		}},
	}
	b, err := c.Encode()
	if err != nil {
		panic(err)
	}
	fmt.Print(strings.ReplaceAll(string(b), "\r\n", "\n"))
	// Output:
	// BEGIN:VCALENDAR
	// VERSION:2.0
	// PRODID:-//minhbach//Đề án 06//VI
	// CALSCALE:GREGORIAN
	// METHOD:PUBLISH
	// X-WR-CALNAME:Đề án 06 — Đà Nẵng
	// X-WR-TIMEZONE:Asia/Ho_Chi_Minh
	// BEGIN:VEVENT
	// UID:da-nang/kh-46/nv-2-1/due@portal.example
	// DTSTAMP:20241130T170000Z
	// DTSTART;VALUE=DATE:20240930
	// DTEND;VALUE=DATE:20241001
	// SUMMARY:Hạn: kết nối\, chia sẻ dữ liệu dân cư
	// URL:https://portal.example/da-nang/kh-46/#nv-2-1
	// TRANSP:TRANSPARENT
	// END:VEVENT
	// END:VCALENDAR
}
