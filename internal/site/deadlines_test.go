package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/model"
)

// A plan with one task due in the first quarter of 2022, and an update of
// 1/2/2022 that reports it in progress.
func statusTree(t *testing.T) string {
	update := "+++\nkind = \"update\"\ntitle = \"Báo cáo tháng 1\"\ndate = 2022-02-01\n\n[[status]]\nplan = \"1/KH-UBND\"\ntask = \"1\"\nstate = \"Đang thực hiện\"\n+++\n"
	return writeTree(t, map[string]string{
		"content/dia-phuong/thu/_index.md":     locality,
		"content/dia-phuong/thu/ke-hoach-1.md": goodPlan,
		"content/dia-phuong/thu/bao-cao-1.md":  update,
	})
}

type taskRecord struct {
	ID  string `json:"id"`
	Due struct {
		Kind  string  `json:"kind"`
		Start *string `json:"start"`
		End   *string `json:"end"`
	} `json:"due"`
	Status struct {
		State  *string `json:"state"`
		Source *string `json:"source"`
		AsOf   string  `json:"as_of"`
		Timing *string `json:"timing"`
	} `json:"status"`
}

func readTasks(t *testing.T, out string) []taskRecord {
	t.Helper()
	var tasks []taskRecord
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, "du-lieu", "nhiem-vu.json"))), &tasks); err != nil {
		t.Fatal(err)
	}
	return tasks
}

func deref(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

// The as-of date decides which reports are known and whether the task is
// past due, on the task page, on the "what is due" page and in the data.
func TestAsOfDateDecidesStatus(t *testing.T) {
	src := statusTree(t)
	tests := []struct {
		asOf             model.Date
		state, timing    string
		page, duePageHas string
	}{
		{model.Date{Year: 2022, Month: 1, Day: 15}, "null", "null", "Chưa có báo cáo", "Quá hạn, chưa có báo cáo hoàn thành (0)"},
		{model.Date{Year: 2022, Month: 2, Day: 15}, "đang thực hiện", "null", "đang thực hiện", "Hạn sau đó (1)"},
		{model.Date{Year: 2022, Month: 3, Day: 15}, "đang thực hiện", "due_soon", "Sắp đến hạn", "Sắp đến hạn trong 30 ngày (1)"},
		{model.Date{Year: 2022, Month: 4, Day: 1}, "đang thực hiện", "past_due", "Quá hạn, chưa có báo cáo hoàn thành", "Quá hạn, chưa có báo cáo hoàn thành (1)"},
	}
	for _, tt := range tests {
		t.Run(tt.asOf.ISO(), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if _, err := Build(Options{Source: src, Out: out, AsOf: tt.asOf}); err != nil {
				t.Fatal(err)
			}
			tasks := readTasks(t, out)
			if len(tasks) != 1 {
				t.Fatalf("%d tasks", len(tasks))
			}
			st := tasks[0].Status
			if deref(st.State) != tt.state || deref(st.Timing) != tt.timing || st.AsOf != tt.asOf.ISO() {
				t.Errorf("status %s %s as of %s, want %s %s", deref(st.State), deref(st.Timing), st.AsOf, tt.state, tt.timing)
			}
			if (st.State != nil) != (st.Source != nil && strings.HasSuffix(*st.Source, "/dia-phuong/thu/bao-cao-1/")) {
				t.Errorf("source %s for state %s", deref(st.Source), deref(st.State))
			}
			if d := tasks[0].Due; d.Kind != "window" || deref(d.Start) != "2022-01-01" || deref(d.End) != "2022-03-31" {
				t.Errorf("due %+v, want the first quarter of 2022", d)
			}
			page := read(t, filepath.Join(out, "dia-phuong", "thu", "ke-hoach-1", "1", "index.html"))
			if !strings.Contains(page, tt.page) || !strings.Contains(page, "Số liệu tính đến ngày "+tt.asOf.Vietnamese()) {
				t.Errorf("task page lacks %q or the as-of date", tt.page)
			}
			for _, due := range []string{"han-chot/index.html", "dia-phuong/thu/han-chot/index.html"} {
				if html := read(t, filepath.Join(out, filepath.FromSlash(due))); !strings.Contains(html, tt.duePageHas) {
					t.Errorf("%s lacks %q", due, tt.duePageHas)
				}
			}
		})
	}
}

var svgPattern = regexp.MustCompile(`(?s)<svg.*?</svg>`)

// Every chart on every page is well-formed SVG with a title and a
// description, and has its numbers in a table beside it. Plan pages have
// a timeline and bars by section, locality pages bars by quarter and by
// lead agency, the home page its dashboard.
func TestChartsAreWellFormedAndDescribed(t *testing.T) {
	out := buildBundled(t)
	want := map[string]int{
		"index.html": 2,
		"dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/index.html": 2,
		"dia-phuong/da-nang/index.html":                          2,
		"dia-phuong/hung-yen/index.html":                         2,
		"co-quan/index.html":                                     1,
		"co-quan/cong-an/index.html":                             1,
		"co-quan/cong-an/da-nang/index.html":                     1,
	}
	seen := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		html := read(t, p)
		svgs := svgPattern.FindAllString(html, -1)
		if n, ok := want[filepath.ToSlash(rel)]; ok {
			seen++
			if len(svgs) != n {
				t.Errorf("%s has %d charts, want %d", rel, len(svgs), n)
			}
		}
		for _, svg := range svgs {
			checkSVG(t, rel, svg)
		}
		// The comparison's heat map has its table right below it, open.
		tables := strings.Count(html, `<details class="chart-data">`) + strings.Count(html, `<table class="compare">`)
		if tables != len(svgs) {
			t.Errorf("%s has %d charts and %d data tables", rel, len(svgs), tables)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d pages with charts", seen, len(want))
	}
}

func checkSVG(t *testing.T, page, svg string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	var names []string
	var root xml.StartElement
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("%s: chart is not well-formed XML: %v", page, err)
			return
		}
		if se, ok := tok.(xml.StartElement); ok {
			if len(names) == 0 {
				root = se
			}
			names = append(names, se.Name.Local)
		}
	}
	attrs := map[string]string{}
	for _, a := range root.Attr {
		attrs[a.Name.Local] = a.Value
	}
	if attrs["role"] != "img" || attrs["aria-labelledby"] == "" {
		t.Errorf("%s: chart root %v lacks role=img or aria-labelledby", page, attrs)
	}
	if len(names) < 3 || names[1] != "title" || names[2] != "desc" {
		t.Errorf("%s: chart does not start with title and desc: %v", page, names[:min(3, len(names))])
	}
}

// The calendars hold one all-day event per dated deadline and milestone,
// as RFC 5545 content lines.
func TestCalendars(t *testing.T) {
	out := buildBundled(t)
	ics := read(t, filepath.Join(out, "du-lieu", "han-chot.ics"))
	if !strings.HasPrefix(ics, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(ics, "END:VCALENDAR\r\n") {
		t.Fatal("not a calendar")
	}
	for i, line := range strings.Split(strings.TrimSuffix(ics, "\r\n"), "\r\n") {
		if len(line) > 75 || !utf8.ValidString(line) || strings.ContainsAny(line, "\r\n") {
			t.Fatalf("line %d is not a valid content line: %q", i+1, line)
		}
	}
	// 148 tasks: 116 windows and 1 from date have one event each, the 3
	// milestone deadlines 3 + 2 + 1; ongoing, conditional and unstated none.
	if n := strings.Count(ics, "BEGIN:VEVENT"); n != 116+1+6 {
		t.Errorf("%d events, want %d", n, 116+1+6)
	}
	if n := strings.Count(ics, "\r\nUID:"); n != 123 {
		t.Errorf("%d UIDs", n)
	}
	if !strings.Contains(ics, "DTSTART;VALUE=DATE:20220228\r\nDTEND;VALUE=DATE:20220301\r\n") {
		t.Error("no event on 28/2/2022, the end of Đà Nẵng's task 2.1 (Trong tháng 02 năm 2022)")
	}
	// Each locality has its own, holding its descendants' plans.
	local := read(t, filepath.Join(out, "dia-phuong", "hung-yen", "han-chot.ics"))
	lac := read(t, filepath.Join(out, "dia-phuong", "hung-yen", "van-lam", "lac-hong", "han-chot.ics"))
	if strings.Count(local, "BEGIN:VEVENT") == 0 || strings.Count(local, "BEGIN:VEVENT") != strings.Count(lac, "BEGIN:VEVENT") {
		t.Error("tỉnh Hưng Yên's calendar does not hold xã Lạc Hồng's deadlines")
	}
	// The same build gives the same calendar.
	again := buildBundled(t)
	a, _ := os.ReadFile(filepath.Join(again, "du-lieu", "han-chot.ics"))
	if !bytes.Equal(a, []byte(ics)) {
		t.Error("two builds gave different calendars")
	}
}

// A calendar program reads the calendars: ical.js, the parser of Mozilla
// Thunderbird's calendar, installed from package-lock.json by `npm ci`.
func TestCalendarsImportIntoACalendarProgram(t *testing.T) {
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	if _, err := os.Stat(filepath.Join(root, "node_modules", "ical.js")); err != nil {
		t.Fatal("ical.js is not installed: run `npm ci` in the repository (make test does)")
	}
	out := buildBundled(t)
	files := []string{filepath.Join(out, "du-lieu", "han-chot.ics")}
	locals, _ := filepath.Glob(filepath.Join(out, "dia-phuong", "*", "han-chot.ics"))
	files = append(files, locals...)
	cmd := exec.Command("node", append([]string{filepath.Join(root, "tools", "check-ics.mjs")}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("check-ics: %v\n%s%s", err, stdout, stderr.String())
	}
	type event struct{ UID, Start, Summary, Location string }
	var site struct{ Events []event }
	if err := json.Unmarshal(bytes.SplitN(stdout, []byte("\n"), 2)[0], &site); err != nil {
		t.Fatal(err)
	}
	if len(site.Events) != 123 {
		t.Errorf("ical.js read %d events, want 123", len(site.Events))
	}
	found := false
	for _, e := range site.Events {
		if e.Start == "2022-12-01" && e.Location == "ở quận, huyện" {
			found = true
		}
	}
	if !found {
		t.Error("ical.js did not read Đà Nẵng's milestone of 1/12/2022 in quận, huyện")
	}
	if n := bytes.Count(stdout, []byte("\n")); n != len(files) {
		t.Errorf("ical.js read %d of %d files", n, len(files))
	}
}
