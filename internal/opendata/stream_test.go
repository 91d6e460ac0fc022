package opendata

import (
	"bytes"
	"strconv"
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
