package recognize

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
)

// fuzzBodyLine is where the fuzzed bodies start in their file, as after a
// front matter of three lines.
const fuzzBodyLine = 5

// planChunks returns pieces of the bodies of the repository's plans: runs of
// lines that start at a heading, where tasks and Phụ lục tables are.
func planChunks(f *testing.F, lines int, want func(first string) bool) []string {
	f.Helper()
	var out []string
	root := filepath.Join("..", "..", "content", "dia-phuong")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasPrefix(d.Name(), "ke-hoach-") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		file, err := content.Split(p, src)
		if err != nil {
			return err
		}
		body := strings.Split(string(file.Body), "\n")
		taken := 0
		for i, l := range body {
			if !strings.HasPrefix(l, "#") || !want(l) || taken >= 4 {
				continue
			}
			taken++
			out = append(out, strings.Join(body[i:min(i+lines, len(body))], "\n")+"\n")
		}
		return nil
	})
	if err != nil || len(out) == 0 {
		f.Fatalf("reading the plan seeds: %v (%d chunks)", err, len(out))
	}
	return out
}

func parseBody(body string) (*content.Markdown, *Result, *diag.List) {
	f := &content.File{Path: "plan.md", Body: []byte(body), BodyLine: fuzzBodyLine}
	md := content.NewParser().Parse(f)
	var diags diag.List
	return md, Plan(md, &diags), &diags
}

// inBody reports whether a position is on a line of the body, at a column
// inside that line (or one past its end).
func inBody(body string, p model.Pos) bool {
	lines := strings.Split(body, "\n")
	i := p.Line - fuzzBodyLine
	if p.File != "plan.md" || i < 0 || i >= len(lines) || p.Col < 1 {
		return false
	}
	return p.Col <= utf8.RuneCountInString(lines[i])+1
}

// FuzzPlan recognises tasks, phases and Phụ lục tables in any Markdown.
// Besides never panicking: task ids, slugs and anchors are unique and not
// empty; every task, field, row and problem is placed inside the body; the
// ids of the headings and rows of a plan without errors are unique; every
// row of a Phụ lục has as many cells as its header, and a row whose cells
// the source writes differently is reported at its line.
func FuzzPlan(f *testing.F) {
	for _, c := range planChunks(f, 30, func(string) bool { return true }) {
		f.Add(c)
	}
	f.Add("#### 1. Một\n\n- Cơ quan chủ trì: A.\n\n#### 1. Hai\n\n- Cơ quan chủ trì: B.\n")
	f.Add("### 2. Nhóm\n\n- Chủ trì: A.\n\n#### a) Một\n\n- Thời hạn: Quý I/2022.\n\n#### đ) Hai\n\n- Phối hợp: B.\n")
	f.Add("## Phụ lục I\n\n| TT | Tên |\n|---|---|\n| 1 | A |\n\n## Phụ lục I. Khác\n\n| TT | Tên |\n|---|---|\n| 1 | B | C |\n")
	f.Add("##### Giai đoạn 2023 - 2025\n- Hoàn thành.\n\n## NV 1\n\n#### 1. Việc\n\n- Thời gian thực hiện:\n")
	f.Fuzz(func(t *testing.T, body string) {
		md, res, diags := parseBody(body)
		for _, d := range diags.Items() {
			if !inBody(body, model.Pos{File: d.File, Line: d.Line, Col: d.Col}) {
				t.Fatalf("%s is not inside the body %q", d.Error(), body)
			}
		}
		checkTasks(t, body, res.Tasks)
		for _, a := range res.Appendices {
			checkAppendix(t, body, a, diags)
		}
		if !diags.HasErrors() { // a plan with errors makes no page
			checkIDs(t, md, res)
		}
	})
}

func checkTasks(t *testing.T, body string, tasks []*model.Task) {
	t.Helper()
	ids, slugs := map[string]bool{}, map[string]bool{}
	for _, tk := range tasks {
		if tk.ID == "" || tk.Slug == "" || ids[tk.ID] || slugs[tk.Slug] {
			t.Fatalf("body %q: task id %q (slug %q) is empty or taken", body, tk.ID, tk.Slug)
		}
		ids[tk.ID], slugs[tk.Slug] = true, true
		if tk.Slug != TaskSlug(tk.ID) || strings.Trim(tk.Slug, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			t.Fatalf("body %q: task %q has the slug %q", body, tk.ID, tk.Slug)
		}
		if !inBody(body, tk.Pos) {
			t.Fatalf("body %q: task %q at %+v, outside the body", body, tk.ID, tk.Pos)
		}
		for _, p := range []model.Pos{tk.LeadPos, tk.SupportPos, tk.DuePos} {
			if p != (model.Pos{}) && !inBody(body, p) {
				t.Fatalf("body %q: a field of task %q at %+v, outside the body", body, tk.ID, p)
			}
		}
	}
}

func checkAppendix(t *testing.T, body string, a *model.Appendix, diags *diag.List) {
	t.Helper()
	if a.Name == "" || a.Slug == "" || !inBody(body, a.Pos) {
		t.Fatalf("body %q: appendix %+v has no name, no slug or no place in the body", body, a)
	}
	reported := map[int]bool{}
	for _, d := range diags.Items() {
		reported[d.Line] = true
	}
	anchors := map[string]bool{}
	for _, r := range a.Rows {
		if len(r.Cells) != len(a.Header) {
			t.Fatalf("body %q: %s has a row of %d cells under a header of %d", body, a.Name, len(r.Cells), len(a.Header))
		}
		if !inBody(body, model.Pos{File: "plan.md", Line: r.Line, Col: 1}) {
			t.Fatalf("body %q: %s has a row on line %d, outside the body", body, a.Name, r.Line)
		}
		if src := strings.Split(body, "\n")[r.Line-fuzzBodyLine]; countCells([]byte(src)) != len(a.Header) && !reported[r.Line] {
			t.Fatalf("body %q: %s: the row %q has %d cells under a header of %d and nothing says so", body, a.Name, src, countCells([]byte(src)), len(a.Header))
		}
		if len(r.Cells) == 0 || r.Section != IsRoman(r.Cells[0]) || (r.Section != (r.Anchor == "")) || anchors[r.Anchor] {
			t.Fatalf("body %q: %s: row %+v is a section row with an anchor, or a row whose anchor is taken", body, a.Name, r)
		}
		anchors[r.Anchor] = true
	}
}

// checkIDs collects the id of every node of the body, as the page will
// have them, and fails on a repeated one.
func checkIDs(t *testing.T, md *content.Markdown, res *Result) {
	t.Helper()
	seen := map[string]bool{}
	_ = ast.Walk(md.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if v, ok := n.AttributeString("id"); ok {
			id := string(v.([]byte))
			if seen[id] {
				t.Fatalf("body %q: two elements have the id %q", md.Source, id)
			}
			seen[id] = true
		}
		return ast.WalkContinue, nil
	})
	for _, tk := range res.Tasks {
		if tk.Anchor == "" {
			t.Fatalf("body %q: task %q has no anchor", md.Source, tk.ID)
		}
	}
}

// FuzzAppendix reads any table under a "Phụ lục" heading and takes tasks
// from it as tasks_from does. Besides never panicking: the table writes
// back as Markdown (cells escaped, line breaks as <br>) that reads to the
// same header and cells; tasks from it have unique ids, each placed on its
// row's line; and every row that is neither a section nor a task is
// reported at its line.
func FuzzAppendix(f *testing.F) {
	for _, c := range planChunks(f, 12, func(l string) bool { return strings.Contains(strings.ToLower(l), "phụ lục") }) {
		_, table, _ := strings.Cut(c, "\n|")
		f.Add("|" + table)
	}
	f.Add("| STT | Nội dung công việc | Đơn vị chủ trì | Thời gian |\n|---|---|---|---|\n| **I** | **A** | | |\n| 1 | B<br>C | D \\| E | Quý I/2022 |\n| 1 | F | | |\n|  | G | | |\n")
	f.Add("| TT | Tên | Cấp độ |\n|:-:|---|--:|\n| 1 | `a|b` | 4 | 5 |\n| 2 |\n")
	f.Fuzz(func(t *testing.T, table string) {
		body := "## Phụ lục II. Nhiệm vụ\n\n" + table
		_, res, _ := parseBody(body)
		if len(res.Appendices) == 0 {
			return
		}
		a := res.Appendices[0]
		if a.Name != "Phụ lục II" {
			t.Fatalf("table %q: the appendix is named %q", table, a.Name)
		}
		checkRoundTrip(t, table, a)
		var taskDiags diag.List
		tasks := TasksFromAppendix(a, &taskDiags)
		checkTasks(t, body, tasks)
		checkRowsRead(t, body, a, tasks, &taskDiags)
	})
}

// checkRoundTrip writes the appendix back as a table and reads it again.
func checkRoundTrip(t *testing.T, table string, a *model.Appendix) {
	t.Helper()
	if len(a.Header) == 0 {
		return
	}
	_, res, _ := parseBody("## Phụ lục II. Nhiệm vụ\n\n" + writeTable(a))
	if len(res.Appendices) == 0 {
		t.Fatalf("table %q: written back as\n%s\nit is no table", table, writeTable(a))
	}
	b := res.Appendices[0]
	var got, want [][]string
	for _, r := range a.Rows {
		want = append(want, r.Cells)
	}
	for _, r := range b.Rows {
		got = append(got, unescapeCells(r.Cells))
	}
	if !reflect.DeepEqual(unescapeCells(b.Header), a.Header) || !reflect.DeepEqual(got, want) {
		t.Fatalf("table %q reads as %q %q; written back as\n%s\nit reads as %q %q", table, a.Header, want, writeTable(a), b.Header, got)
	}
}

// writeTable writes an appendix's table as Markdown: every ASCII
// punctuation character escaped so that it stays text, line breaks as <br>.
func writeTable(a *model.Appendix) string {
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + escapeCell(c) + " |")
		}
		b.WriteString("\n")
	}
	row(a.Header)
	b.WriteString(strings.Repeat("|---", len(a.Header)) + "|\n")
	for _, r := range a.Rows {
		row(r.Cells)
	}
	return b.String()
}

// punctuation is what CommonMark lets a backslash escape.
const punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

func escapeCell(c string) string {
	var b strings.Builder
	for i, line := range strings.Split(c, "\n") {
		if i > 0 {
			b.WriteString("<br>")
		}
		for j := 0; j < len(line); j++ { // bytes: invalid UTF-8 stays as it was
			if strings.IndexByte(punctuation, line[j]) >= 0 {
				b.WriteByte('\\')
			}
			b.WriteByte(line[j])
		}
	}
	return b.String()
}

// unescapeCells drops the backslashes writeTable added: a cell's text is
// its source, escapes included, as content.Markdown.Text gives it.
func unescapeCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		var b strings.Builder
		for j := 0; j < len(c); j++ {
			if c[j] == '\\' && j+1 < len(c) && strings.IndexByte(punctuation, c[j+1]) >= 0 {
				j++
			}
			b.WriteByte(c[j])
		}
		out[i] = b.String()
	}
	return out
}

// checkRowsRead: with a task column, each row is a section row, a task on
// its line, or a problem on its line.
func checkRowsRead(t *testing.T, body string, a *model.Appendix, tasks []*model.Task, diags *diag.List) {
	t.Helper()
	if _, ok := columns(a.Header)["title"]; !ok {
		if len(tasks) > 0 || diags.Len() != 1 {
			t.Fatalf("body %q: no task column, yet %d tasks and %d problems", body, len(tasks), diags.Len())
		}
		return
	}
	byLine := map[int]bool{}
	for _, tk := range tasks {
		byLine[tk.Pos.Line] = true
	}
	for _, d := range diags.Items() {
		byLine[d.Line] = true
	}
	for _, r := range a.Rows {
		if !r.Section && !byLine[r.Line] {
			t.Fatalf("body %q: the row on line %d is neither a task nor reported", body, r.Line)
		}
	}
}
