package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

var hrefRe = regexp.MustCompile(`href="([^"#]*)(#[^"]*)?"`)

// dataLinks returns the site paths of the data files a page links to.
func dataLinks(html string) []string {
	var out []string
	for _, m := range hrefRe.FindAllStringSubmatch(html, -1) {
		u := m[1]
		if strings.Contains(u, "://") || !strings.HasPrefix(u, "/") {
			continue
		}
		last := path.Base(u)
		if strings.HasSuffix(u, "/") || !strings.Contains(last, ".") || strings.HasSuffix(last, ".html") {
			continue
		}
		out = append(out, u)
	}
	return out
}

func exists(t *testing.T, out, sitePath string) bool {
	t.Helper()
	_, err := os.Stat(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(sitePath, "/"))))
	return err == nil
}

// Every data file the data page and the plan pages link exists, in both
// languages, and the data page links every file under /du-lieu/.
func TestDataLinksExist(t *testing.T) {
	out := buildBundled(t)
	pages := []string{"du-lieu/index.html", "en/du-lieu/index.html", "index.html", "dia-phuong/index.html",
		"co-quan/index.html", "so-sanh/index.html"}
	plans, _ := filepath.Glob(filepath.Join(out, "dia-phuong", "*", "ke-hoach-*", "index.html"))
	deeper, _ := filepath.Glob(filepath.Join(out, "dia-phuong", "*", "*", "ke-hoach-*", "index.html"))
	deepest, _ := filepath.Glob(filepath.Join(out, "dia-phuong", "*", "*", "*", "ke-hoach-*", "index.html"))
	plans = append(append(plans, deeper...), deepest...)
	if len(plans) != 4 {
		t.Fatalf("found %d plan pages, want 4", len(plans))
	}
	for _, p := range plans {
		rel, _ := filepath.Rel(out, p)
		pages = append(pages, filepath.ToSlash(rel), "en/"+filepath.ToSlash(rel))
	}
	linked := map[string]bool{}
	for _, p := range pages {
		links := dataLinks(read(t, filepath.Join(out, filepath.FromSlash(p))))
		if len(links) == 0 {
			t.Errorf("%s links no data file", p)
		}
		for _, l := range links {
			linked[l] = true
			if !exists(t, out, l) {
				t.Errorf("%s links %s, which the build did not write", p, l)
			}
		}
	}
	top, _ := filepath.Glob(filepath.Join(out, "du-lieu", "*.*"))
	for _, f := range top {
		if name := filepath.Base(f); name != "index.html" && !linked["/du-lieu/"+name] {
			t.Errorf("the data page does not link du-lieu/%s", name)
		}
	}
	// Each plan page links its own files; Huế's links each Phụ lục's.
	hue := read(t, filepath.Join(out, "dia-phuong", "thua-thien-hue", "hue", "ke-hoach-2274-kh-ubnd-2022", "index.html"))
	for _, want := range []string{
		"/du-lieu/ke-hoach/thua-thien-hue/hue/ke-hoach-2274-kh-ubnd-2022.csv",
		"/du-lieu/ke-hoach/thua-thien-hue/hue/ke-hoach-2274-kh-ubnd-2022.json",
		"/du-lieu/ke-hoach/thua-thien-hue/hue/ke-hoach-2274-kh-ubnd-2022/phu-luc-i.csv",
		"/du-lieu/ke-hoach/thua-thien-hue/hue/ke-hoach-2274-kh-ubnd-2022/phu-luc-ii.json",
	} {
		if !strings.Contains(hue, `href="`+want+`"`) {
			t.Errorf("Huế's plan page does not link %s", want)
		}
	}
	// Data files are written once, not per language.
	if matches, _ := filepath.Glob(filepath.Join(out, "en", "du-lieu", "*.json")); len(matches) > 0 {
		t.Errorf("data files under /en/: %v", matches)
	}
}

// ke-hoach.json lists every plan's files, and they exist; each plan's
// records, in plan order, are nhiem-vu.json's.
func TestPlanFiles(t *testing.T) {
	out := buildBundled(t)
	var all []json.RawMessage
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, "du-lieu", "nhiem-vu.json"))), &all); err != nil {
		t.Fatal(err)
	}
	var plans []struct {
		Number, CSV, JSON string
		Tasks             int
		Appendices        []struct{ Name, CSV, JSON string }
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, "du-lieu", "ke-hoach.json"))), &plans); err != nil {
		t.Fatal(err)
	}
	if len(plans) != 4 {
		t.Fatalf("ke-hoach.json has %d plans, want 4", len(plans))
	}
	var joined []json.RawMessage
	appendices := 0
	for _, p := range plans {
		var own []json.RawMessage
		if err := json.Unmarshal([]byte(read(t, filepath.Join(out, filepath.FromSlash(p.JSON)))), &own); err != nil {
			t.Fatalf("%s: %v", p.JSON, err)
		}
		if len(own) != p.Tasks {
			t.Errorf("%s has %d tasks, ke-hoach.json says %d", p.JSON, len(own), p.Tasks)
		}
		rows := readCSVFile(t, filepath.Join(out, filepath.FromSlash(p.CSV)))
		if len(rows)-1 != p.Tasks {
			t.Errorf("%s has %d rows, want %d", p.CSV, len(rows)-1, p.Tasks)
		}
		joined = append(joined, own...)
		for _, a := range p.Appendices {
			appendices++
			for _, f := range []string{a.CSV, a.JSON} {
				if !exists(t, out, f) {
					t.Errorf("%s %s: %s is missing", p.Number, a.Name, f)
				}
			}
		}
	}
	if appendices != 2 {
		t.Errorf("%d appendices, want Huế's 2", appendices)
	}
	if !reflect.DeepEqual(joined, all) {
		t.Error("the plans' JSON files together are not nhiem-vu.json")
	}
	tasks := readCSVFile(t, filepath.Join(out, "du-lieu", "nhiem-vu.csv"))
	if len(tasks)-1 != len(all) {
		t.Errorf("nhiem-vu.csv has %d records, nhiem-vu.json %d", len(tasks)-1, len(all))
	}
}

// Huế's Phụ lục II keeps its section rows I–VII, recognisable in the CSV
// and in the JSON, and its rows name the tasks read from them.
func TestAppendixFilesKeepSections(t *testing.T) {
	out := buildBundled(t)
	base := filepath.Join(out, "du-lieu", "ke-hoach", "thua-thien-hue", "hue", "ke-hoach-2274-kh-ubnd-2022", "phu-luc-ii")
	rows := readCSVFile(t, base+".csv")
	var sections []string
	tasks := 0
	for _, r := range rows[1:] {
		if r[0] == "section" {
			sections = append(sections, r[1])
		}
		if r[len(r)-2] != "" {
			tasks++
		}
	}
	if want := []string{"I", "II", "III", "IV", "V", "VI", "VII"}; !reflect.DeepEqual(sections, want) {
		t.Errorf("section rows %v, want %v", sections, want)
	}
	if tasks < 40 {
		t.Errorf("only %d rows name their task", tasks)
	}
	var table struct {
		Rows []struct {
			Type    string
			Section *string
		}
	}
	if err := json.Unmarshal([]byte(read(t, base+".json")), &table); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range table.Rows {
		if r.Type == "section" {
			n++
		}
	}
	if n != 7 || len(table.Rows) != len(rows)-1 {
		t.Errorf("the JSON has %d section rows of %d, the CSV %d rows", n, len(table.Rows), len(rows)-1)
	}
}

// Every JSON file under /du-lieu/ parses, and every CSV file reads as CSV
// with a byte order mark.
func TestDataFilesParse(t *testing.T) {
	out := buildBundled(t)
	files := 0
	err := filepath.WalkDir(filepath.Join(out, "du-lieu"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".json":
			var v any
			if err := json.Unmarshal([]byte(read(t, p)), &v); err != nil {
				t.Errorf("%s: %v", p, err)
			}
		case ".csv":
			readCSVFile(t, p)
		}
		files++
		return nil
	})
	if err != nil || files < 20 {
		t.Fatalf("read %d files: %v", files, err)
	}
}

func readCSVFile(t *testing.T, name string) [][]string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Fatalf("%s has no byte order mark", name)
	}
	rows, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}
