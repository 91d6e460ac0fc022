package opendata

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// The streaming writers give the same bytes as the functions that return
// the whole file, across their internal flushes.
func TestStreamingWritersMatch(t *testing.T) {
	var records []Task
	for i := range 1000 {
		records = append(records, Task{ID: strconv.Itoa(i), Title: "Nhiệm vụ " + strconv.Itoa(i) + " — dữ liệu dân cư, định danh và xác thực điện tử, \"trích dẫn\", dòng\nmới"})
	}
	for _, n := range []int{0, 1, 1000} {
		want, err := TasksJSON(records[:n])
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WriteTasksJSON(&got, records[:n]); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("JSON of %d records differs", n)
		}
		got.Reset()
		if err := WriteTasksCSV(&got, records[:n]); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), TasksCSV(records[:n])) {
			t.Errorf("CSV of %d records differs", n)
		}
	}
}

// The JSON writer gives the layout the files promise (an array, one record
// per line) for no, one and several records, whatever the buffer holds.
func TestJSONLinesWriter(t *testing.T) {
	type rec struct {
		N int    `json:"n"`
		S string `json:"s"`
	}
	long := strings.Repeat("dữ liệu <&> ", flushAt/10)
	cases := []struct {
		records []rec
		want    string
	}{
		{nil, "[\n]\n"},
		{[]rec{{1, "a"}}, "[\n{\"n\":1,\"s\":\"a\"}\n]\n"},
		{[]rec{{1, "a"}, {2, "<b>"}}, "[\n{\"n\":1,\"s\":\"a\"},\n{\"n\":2,\"s\":\"<b>\"}\n]\n"},
		{[]rec{{1, long}, {2, long}, {3, ""}}, "[\n{\"n\":1,\"s\":\"" + long + "\"},\n{\"n\":2,\"s\":\"" + long + "\"},\n{\"n\":3,\"s\":\"\"}\n]\n"},
	}
	for _, c := range cases {
		var out bytes.Buffer
		jw := NewJSONLinesWriter(&out)
		for _, r := range c.records {
			if err := jw.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := jw.Close(); err != nil {
			t.Fatal(err)
		}
		if out.String() != c.want {
			t.Errorf("%d records: got %.200q, want %.200q", len(c.records), out.String(), c.want)
		}
	}
}

// The CSV writer gives CSV's bytes across its flushes.
func TestCSVWriterMatchesCSV(t *testing.T) {
	header := []string{"a", "b"}
	var rows [][]string
	for i := range 10000 {
		rows = append(rows, []string{strconv.Itoa(i), "ô \"x\", y\nz"})
	}
	var out bytes.Buffer
	cw := NewCSVWriter(&out, header)
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := cw.Close(); err != nil {
		t.Fatal(err)
	}
	if out.Len() < 2*flushAt || !bytes.Equal(out.Bytes(), CSV(header, rows)) {
		t.Errorf("CSV writer: %d bytes differ from CSV's", out.Len())
	}
}

// Parts written one by one, each by its own writer, give the bytes of the
// whole file written at once, wherever the file is cut.
func TestPartsJoinToTheWholeFile(t *testing.T) {
	var records []Task
	for i := range 7 {
		records = append(records, Task{ID: strconv.Itoa(i), Title: "Nhiệm vụ " + strconv.Itoa(i)})
	}
	cuts := [][]int{{7}, {1, 7}, {3, 4, 7}, {1, 2, 3, 4, 5, 6, 7}}
	for _, cut := range cuts {
		var json, csv bytes.Buffer
		start := 0
		for i, end := range cut {
			first, last := i == 0, i == len(cut)-1
			jw := NewJSONLinesPart(&json, first, last)
			cw := NewCSVPart(&csv, Names(TaskColumns), first)
			for _, r := range records[start:end] {
				if err := jw.Write(r); err != nil {
					t.Fatal(err)
				}
				if err := cw.Write(TaskRow(r)); err != nil {
					t.Fatal(err)
				}
			}
			if err := jw.Close(); err != nil {
				t.Fatal(err)
			}
			if err := cw.Close(); err != nil {
				t.Fatal(err)
			}
			start = end
		}
		want, err := TasksJSON(records)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(json.Bytes(), want) {
			t.Errorf("JSON cut at %v:\n%s\nwant\n%s", cut, json.Bytes(), want)
		}
		if !bytes.Equal(csv.Bytes(), TasksCSV(records)) {
			t.Errorf("CSV cut at %v differs", cut)
		}
	}
}
