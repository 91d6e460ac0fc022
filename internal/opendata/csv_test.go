package opendata

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"
)

const bom = "\xef\xbb\xbf"

// readCSV reads a file the way a program would: without its byte order
// mark, through encoding/csv, every record as wide as the header.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte(bom)) {
		t.Fatalf("no byte order mark: %q", data[:min(len(data), 20)])
	}
	got, err := csv.NewReader(bytes.NewReader(data[len(bom):])).ReadAll()
	if err != nil {
		t.Fatalf("%v in\n%s", err, data)
	}
	return got
}

// recordEnds checks that every record ends in CRLF: a line feed outside
// quotes must follow a carriage return. Line breaks inside a quoted cell
// are the cell's own.
func recordEnds(t *testing.T, data []byte) {
	t.Helper()
	quoted := false
	for i, c := range data {
		switch {
		case c == '"':
			quoted = !quoted
		case c == '\n' && !quoted && (i == 0 || data[i-1] != '\r'):
			t.Fatalf("a record ends in a bare line feed at byte %d: %q", i, data[max(0, i-20):i+1])
		case c == '\r' && !quoted && (i+1 == len(data) || data[i+1] != '\n'):
			t.Fatalf("a bare carriage return at byte %d", i)
		}
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Fatalf("the last record does not end in CRLF")
	}
}

// Every cell reads back as written, whatever it holds.
func TestCSVRoundTrip(t *testing.T) {
	cells := []struct{ name, cell string }{
		{"vietnamese", "Đăng ký khai sinh, thường trú: ạ ặ ẫ ổ ữ Đ"},
		{"decomposed", "Phu\u0300 lu\u0323c"},
		{"comma", "Công an thành phố, các sở"},
		{"quotes", `Chỉ tiêu "đúng, đủ, sạch, sống"`},
		{"only a quote", `"`},
		{"line feeds", "Công an thành phố\ncác sở, ban, ngành\n"},
		{"formula", "=HYPERLINK(\"http://example.com\")"},
		{"plus minus at", "+84 - @tên"},
		{"leading space", "  thụt lề"},
		{"trailing space", "cuối dòng "},
		{"tab", "a\tb"},
		{"semicolon", "a; b"},
		{"empty", ""},
		{"backslash dot", `\.`},
		{"pipe", "a | b"},
	}
	header := []string{"name", "cell", "after"}
	var rows [][]string
	for _, c := range cells {
		rows = append(rows, []string{c.name, c.cell, "x"})
	}
	data := CSV(header, rows)
	recordEnds(t, data)
	got := readCSV(t, data)
	if !reflect.DeepEqual(got[0], header) {
		t.Errorf("header read back as %q", got[0])
	}
	if len(got)-1 != len(rows) {
		t.Fatalf("read %d records, wrote %d", len(got)-1, len(rows))
	}
	for i, row := range rows {
		if !reflect.DeepEqual(got[i+1], row) {
			t.Errorf("%s: read back %q, wrote %q", row[0], got[i+1], row)
		}
	}
}

// A cell's own line breaks stay "\n": a reader splitting a list cell at
// "\n" gets its items with no stray "\r".
func TestCSVKeepsLineFeedsInCells(t *testing.T) {
	data := CSV([]string{"targets"}, [][]string{{"một\nhai"}})
	if want := bom + "targets\r\n\"một\nhai\"\r\n"; string(data) != want {
		t.Errorf("got %q, want %q", data, want)
	}
}

func TestNeedsQuotes(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", false}, {"a", false}, {"Công an", false}, {"=1+1", false},
		{"a,b", true}, {`a"b`, true}, {"a\nb", true}, {"a\rb", true}, {" a", true}, {"a ", true}, {"\u00a0a", true},
	}
	for _, tt := range tests {
		if got := needsQuotes(tt.in); got != tt.want {
			t.Errorf("needsQuotes(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCSVEmpty(t *testing.T) {
	got := readCSV(t, CSV([]string{"a", "b"}, nil))
	if !reflect.DeepEqual(got, [][]string{{"a", "b"}}) {
		t.Errorf("got %q", got)
	}
	if strings.Count(string(CSV([]string{"a"}, nil)), "\r\n") != 1 {
		t.Error("an empty file is its header line")
	}
}
