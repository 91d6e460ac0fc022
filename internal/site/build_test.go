package site

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/model"
)

var asOf = model.Date{Year: 2024, Month: 9, Day: 30}

// buildBundled builds the repository's own content into a fresh folder.
func buildBundled(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Source: "../..", Out: out, AsOf: asOf}); err != nil {
		t.Fatal(err)
	}
	return out
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestBuildBundledContent(t *testing.T) {
	out := buildBundled(t)
	pages := []struct {
		file string
		has  []string
	}{
		{"index.html", []string{`<html lang="vi">`, "Số liệu tính đến ngày 30/9/2024", "46/KH-UBND", "Xã Lạc Hồng", `href="#noi-dung"`}},
		{"dia-phuong/hung-yen/index.html", []string{"<h1>Tỉnh Hưng Yên</h1>", "11/KH-UBND", "Huyện Văn Lâm"}},
		{"dia-phuong/hung-yen/van-lam/lac-hong/ke-hoach-11-kh-ubnd-2022/index.html", []string{"Giai đoạn 2023 - 2025", "Văn phòng HĐND và UBND xã"}},
		{"dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/index.html", []string{"<h1>Kế hoạch triển khai", `id="nv-5-1-1"`, "Lê Trung Chinh"}},
		{"dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/5-1-1/index.html", []string{"Công an thành phố", "Trong tháng 04 năm 2022.", "Chưa có báo cáo"}},
		{"dia-phuong/thua-thien-hue/hue/ke-hoach-2274-kh-ubnd-2022/index.html", []string{`id="phu-luc-i"`, `id="phu-luc-ii"`, `class="phu-luc"`, `tabindex="0"`, `id="phu-luc-ii-vi-15"`, `<tr class="muc">`}},
		{"dia-phuong/thua-thien-hue/hue/ke-hoach-2274-kh-ubnd-2022/vi-15/index.html", []string{"Phòng Giáo dục và Đào tạo", "#phu-luc-ii-vi-15"}},
		{"dia-phuong/hai-phong/ke-hoach-31-kh-ubnd-2024/2-dd-2/index.html", []string{"Nhiệm vụ 2.đ.2"}},
		{"dia-phuong/da-nang/cap-nhat-2024-09-23-5289/index.html", []string{"5289/UBND-CATP"}},
		{"404.html", []string{"Không tìm thấy trang"}},
		{"dia-phuong/index.html", []string{"Tỉnh Thừa Thiên Huế"}},
	}
	for _, p := range pages {
		html := read(t, filepath.Join(out, p.file))
		for _, want := range p.has {
			if !strings.Contains(html, want) {
				t.Errorf("%s does not contain %q", p.file, want)
			}
		}
		if n := strings.Count(html, "<h1"); n != 1 {
			t.Errorf("%s has %d h1 elements, want 1", p.file, n)
		}
		if strings.Contains(html, "<script") {
			t.Errorf("%s has a script; pages work without JavaScript", p.file)
		}
	}
	// One page per task.
	var tasks []map[string]any
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, "du-lieu", "nhiem-vu.json"))), &tasks); err != nil {
		t.Fatal(err)
	}
	if len(tasks) != 148 {
		t.Fatalf("nhiem-vu.json has %d tasks, want 148", len(tasks))
	}
	for _, task := range tasks {
		url := task["url"].(string)
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(url, "/")), "index.html")); err != nil {
			t.Errorf("no page for %s", url)
		}
		for _, key := range []string{"locality", "locality_name", "plan", "plan_title", "id", "title", "sections", "lead", "support", "due", "product", "targets", "url"} {
			if _, ok := task[key]; !ok {
				t.Errorf("task %v has no %q", task["id"], key)
			}
		}
	}
	// The stylesheet is fingerprinted and linked.
	css, _ := filepath.Glob(filepath.Join(out, "assets", "site.*.css"))
	if len(css) != 1 || !strings.Contains(read(t, filepath.Join(out, "index.html")), "/assets/"+filepath.Base(css[0])) {
		t.Errorf("stylesheet %v not linked", css)
	}
}

func TestBuildIsByteIdentical(t *testing.T) {
	a, b := buildBundled(t), buildBundled(t)
	files := 0
	err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		other, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil {
			t.Errorf("%s only in the first build", rel)
			return nil
		}
		if mine, _ := os.ReadFile(p); !bytes.Equal(mine, other) {
			t.Errorf("%s differs between builds", rel)
		}
		files++
		return nil
	})
	if err != nil || files < 150 {
		t.Fatalf("compared %d files: %v", files, err)
	}
}

// writeTree writes files (path → text) under a new site folder.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const locality = "+++\nname = \"Xã Thử\"\nlevel = \"xa\"\n+++\n"

const goodPlan = `+++
kind = "plan"
title = "Kế hoạch thử"
number = "1/KH-UBND"
issued = 2022-01-01
issuer = "Ủy ban nhân dân xã Thử"
+++
#### 1. Việc một

- Cơ quan chủ trì: Công an xã.
- Thời gian thực hiện: Quý I/2022.
`

func TestFailedBuildLeavesPreviousOutput(t *testing.T) {
	src := writeTree(t, map[string]string{
		"content/dia-phuong/thu/_index.md":     locality,
		"content/dia-phuong/thu/ke-hoach-1.md": goodPlan,
	})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Source: src, Out: out, AsOf: asOf}); err != nil {
		t.Fatal(err)
	}
	before := read(t, filepath.Join(out, "dia-phuong", "thu", "ke-hoach-1", "index.html"))
	broken := strings.Replace(goodPlan, `number = "1/KH-UBND"`, `number = 1/KH-UBND`, 1)
	if err := os.WriteFile(filepath.Join(src, "content", "dia-phuong", "thu", "ke-hoach-1.md"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{Source: src, Out: out, AsOf: asOf}); err == nil {
		t.Fatal("a broken plan built")
	}
	if after := read(t, filepath.Join(out, "dia-phuong", "thu", "ke-hoach-1", "index.html")); after != before {
		t.Error("the failed build changed the previous output")
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.building-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary output left behind: %v", leftovers)
	}
}

func TestBadInputErrors(t *testing.T) {
	plan := "content/dia-phuong/thu/ke-hoach-1.md"
	tests := []struct {
		name  string
		files map[string]string
		want  string // a regexp over the error text
	}{
		{"broken TOML", map[string]string{plan: strings.Replace(goodPlan, `title = "Kế hoạch thử"`, `title = "Kế hoạch thử`, 1)},
			`ke-hoach-1\.md:3:\d+: error: front matter: .*`},
		{"unknown kind", map[string]string{plan: strings.Replace(goodPlan, `kind = "plan"`, `kind = "ke-hoach"`, 1)},
			`ke-hoach-1\.md:2:1: error: kind = "ke-hoach" is unknown: write kind = "plan" or kind = "update"`},
		{"missing required field", map[string]string{plan: strings.Replace(goodPlan, "number = \"1/KH-UBND\"\n", "", 1)},
			`ke-hoach-1\.md:2:1: error: plan has no number: add number = "46/KH-UBND"`},
		{"task heading with no fields", map[string]string{plan: goodPlan + "\n#### 2. Việc hai\n\nKhông có trường.\n"},
			`ke-hoach-1\.md:13:6: error: task heading "2" has no fields`},
		{"ragged Phụ lục", map[string]string{plan: goodPlan + "\n## Phụ lục I\n\n| TT | Tên |\n|---|---|\n| 1 | A | thừa |\n"},
			`ke-hoach-1\.md:17:1: error: Phụ lục I: this row has 3 cells but the header has 2`},
		{"locality without level", map[string]string{"content/dia-phuong/thu/_index.md": "+++\nname = \"Xã Thử\"\n+++\n", plan: goodPlan},
			`_index\.md:\d+:1: error: level = "" is not a level`},
		{"deadline on a day that does not exist", map[string]string{plan: strings.Replace(goodPlan, "Quý I/2022.", "trước ngày 31/02/2022", 1)},
			`ke-hoach-1\.md:11:3: error: task 1: deadline "trước ngày 31/02/2022": .*February 2022 has 28 days`},
		{"quarter V", map[string]string{plan: strings.Replace(goodPlan, "Quý I/2022.", "Quý V/2022", 1)},
			`ke-hoach-1\.md:11:3: error: task 1: deadline "Quý V/2022": .*quarter V`},
		{"javascript: source", map[string]string{plan: strings.Replace(goodPlan, "issued = 2022-01-01\n", "issued = 2022-01-01\nsource = \"javascript:alert(1)\"\n", 1)},
			`ke-hoach-1\.md:6:1: error: source = "javascript:alert\(1\)" is not a web address: write the address the document is published at, starting with https://`},
		{"status naming an unknown task", map[string]string{plan: goodPlan, "content/dia-phuong/thu/cap-nhat.md": "+++\nkind = \"update\"\ntitle = \"Báo cáo\"\ndate = 2022-06-01\n\n[[status]]\nplan = \"1/KH-UBND\"\ntask = \"9\"\nstate = \"hoàn thành\"\n+++\n"},
			`cap-nhat\.md:6:1: error: \[\[status\]\] task = "9" is not a task of 1/KH-UBND`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"content/dia-phuong/thu/_index.md": locality}
			for k, v := range tt.files {
				files[k] = v
			}
			src := writeTree(t, files)
			_, err := Build(Options{Source: src, Out: filepath.Join(t.TempDir(), "public"), AsOf: asOf})
			if err == nil {
				t.Fatal("built without error")
			}
			if !regexp.MustCompile(tt.want).MatchString(err.Error()) {
				t.Errorf("error:\n%s\nwant match for %s", err, tt.want)
			}
		})
	}
}

// A deadline the parser cannot read builds, with a warning at its line, and
// the task shows its text with no date rather than a guess.
func TestUnreadableDeadlineWarns(t *testing.T) {
	src := writeTree(t, map[string]string{
		"content/dia-phuong/thu/_index.md":     locality,
		"content/dia-phuong/thu/ke-hoach-1.md": strings.Replace(goodPlan, "Quý I/2022.", "Sớm nhất có thể", 1),
	})
	out := filepath.Join(t.TempDir(), "public")
	res, err := Build(Options{Source: src, Out: out, AsOf: asOf, BaseURL: "https://example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 1 || !regexp.MustCompile(`ke-hoach-1\.md:11:3: warning: task 1: cannot read the deadline "Sớm nhất có thể"`).MatchString(res.Warnings[0].Error()) {
		t.Fatalf("warnings %v", res.Warnings)
	}
	page := read(t, filepath.Join(out, "dia-phuong", "thu", "ke-hoach-1", "1", "index.html"))
	if !strings.Contains(page, "Sớm nhất có thể") || !strings.Contains(page, "chưa đọc được thành ngày cụ thể") {
		t.Error("the task page does not show the text as written and that it was not read")
	}
}

func TestMarkdownCannotInjectScript(t *testing.T) {
	plan := goodPlan + "\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n"
	src := writeTree(t, map[string]string{"content/dia-phuong/thu/_index.md": locality, "content/dia-phuong/thu/ke-hoach-1.md": plan})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Source: src, Out: out, AsOf: asOf}); err != nil {
		t.Fatal(err)
	}
	html := read(t, filepath.Join(out, "dia-phuong", "thu", "ke-hoach-1", "index.html"))
	for _, bad := range []string{"<script", "javascript:", "onerror"} {
		if strings.Contains(html, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
}

func TestStatusReportsShowOnTaskPage(t *testing.T) {
	update := "+++\nkind = \"update\"\ntitle = \"Báo cáo quý II\"\ndate = 2022-06-30\nnumber = \"5/BC-UBND\"\n\n[[status]]\nplan = \"1/KH-UBND\"\ntask = \"1\"\nstate = \"hoàn thành\"\nnote = \"Đã ban hành quyết định.\"\n+++\n"
	src := writeTree(t, map[string]string{"content/dia-phuong/thu/_index.md": locality, "content/dia-phuong/thu/ke-hoach-1.md": goodPlan, "content/dia-phuong/thu/cap-nhat.md": update})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Source: src, Out: out, AsOf: asOf}); err != nil {
		t.Fatal(err)
	}
	html := read(t, filepath.Join(out, "dia-phuong", "thu", "ke-hoach-1", "1", "index.html"))
	for _, want := range []string{"hoàn thành", "Báo cáo quý II", "30/6/2022", "Đã ban hành quyết định.", "5/BC-UBND"} {
		if !strings.Contains(html, want) {
			t.Errorf("task page does not contain %q", want)
		}
	}
	if strings.Contains(html, "Chưa có báo cáo") {
		t.Error("task page says no report although an update reports on it")
	}
}

func TestSiteOverridesLayoutsAndStrings(t *testing.T) {
	src := writeTree(t, map[string]string{
		"content/dia-phuong/thu/_index.md":     locality,
		"content/dia-phuong/thu/ke-hoach-1.md": goodPlan,
		"layouts/home.html":                    `{{define "main"}}<h1>Cổng riêng của tỉnh</h1>{{end}}`,
		"layouts/assets/site.css":              "body { color: #123456; }\n",
	})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Source: src, Out: out, AsOf: asOf}); err != nil {
		t.Fatal(err)
	}
	if home := read(t, filepath.Join(out, "index.html")); !strings.Contains(home, "Cổng riêng của tỉnh") {
		t.Error("the site's own home layout was not used")
	}
	// Layouts the site does not override come from the defaults.
	if plan := read(t, filepath.Join(out, "dia-phuong", "thu", "ke-hoach-1", "index.html")); !strings.Contains(plan, "Toàn văn kế hoạch") {
		t.Error("the default plan layout was not used")
	}
	css, _ := filepath.Glob(filepath.Join(out, "assets", "site.*.css"))
	if len(css) != 1 || !strings.Contains(read(t, css[0]), "#123456") {
		t.Errorf("the site's own stylesheet was not bundled: %v", css)
	}
}
