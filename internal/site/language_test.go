package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every Vietnamese page has an English twin under /en/, each linking to the
// other, with the interface in its own language and the plans' text marked
// as Vietnamese.
func TestEnglishTwinOfEveryPage(t *testing.T) {
	out := buildBundled(t)
	n := 0
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "en/") {
			return nil
		}
		n++
		en, err := os.ReadFile(filepath.Join(out, "en", rel))
		if err != nil {
			t.Errorf("%s has no English twin: %v", rel, err)
			return nil
		}
		vi := read(t, path)
		url := "/" + strings.TrimSuffix(strings.TrimSuffix(rel, "index.html"), "404.html")
		if strings.HasSuffix(rel, "404.html") {
			url += "404.html"
		}
		checks := []struct {
			page, name, want string
		}{
			{vi, "vi lang", `<html lang="vi">`},
			{string(en), "en lang", `<html lang="en">`},
			{vi, "switch to en", `href="/en` + url + `" hreflang="en" lang="en"`},
			{string(en), "switch to vi", `href="` + url + `" hreflang="vi" lang="vi"`},
			{string(en), "English footer", "Figures as of 30 September 2024"},
		}
		for _, c := range checks {
			if !strings.Contains(c.page, c.want) {
				t.Errorf("%s (%s): no %q", rel, c.name, c.want)
			}
		}
		for _, vietnamese := range []string{"Trang chủ", "Số liệu tính đến", "Chưa có báo cáo", "Chuyển đến nội dung chính"} {
			if strings.Contains(string(en), vietnamese) {
				t.Errorf("en/%s shows the interface string %q", rel, vietnamese)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("only %d Vietnamese pages", n)
	}
	task := read(t, filepath.Join(out, "en/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/5-1-1/index.html"))
	for _, want := range []string{`<h1><span lang="vi">`, `<span lang="vi">Trong tháng 04 năm 2022.</span>`, "Lead agency", "No report yet", `href="/en/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/"`} {
		if !strings.Contains(task, want) {
			t.Errorf("English task page: no %q", want)
		}
	}
	plan := read(t, filepath.Join(out, "en/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/index.html"))
	for _, want := range []string{`<div class="prose" lang="vi">`, "10 March 2022", `href="../../../van-ban/`} {
		if !strings.Contains(plan, want) {
			t.Errorf("English plan page: no %q", want)
		}
	}
	// Each Phụ lục table in the plan's text is followed by its downloads,
	// in the page's language, linking the one shared file.
	for _, tt := range []struct{ dir, words string }{{"", "Tải bảng (CSV)"}, {"en/", "Download table (CSV)"}} {
		hue := read(t, filepath.Join(out, tt.dir+"dia-phuong/thua-thien-hue/hue/ke-hoach-2274-kh-ubnd-2022/index.html"))
		for _, slug := range []string{"phu-luc-i", "phu-luc-ii"} {
			want := `</table><p class="meta downloads"><a href="/du-lieu/ke-hoach/thua-thien-hue/hue/ke-hoach-2274-kh-ubnd-2022/` + slug + `.csv" type="text/csv" download>` + tt.words
			if !strings.Contains(strings.ReplaceAll(hue, "</table>\n", "</table>"), want) {
				t.Errorf("%sHuế plan: %s table is not followed by its download links", tt.dir, slug)
			}
		}
	}
	// Data files are shared: the English data page links the same files.
	if data := read(t, filepath.Join(out, "en/du-lieu/index.html")); !strings.Contains(data, `href="/du-lieu/nhiem-vu.json"`) {
		t.Error("the English data page does not link /du-lieu/nhiem-vu.json")
	}
}

// A string the English interface lacks fails the build, naming the file and
// the key to add, rather than showing the key to readers.
func TestMissingEnglishStringFailsBuild(t *testing.T) {
	src := writeTree(t, map[string]string{
		"content/dia-phuong/thu/_index.md":     locality,
		"content/dia-phuong/thu/ke-hoach-1.md": goodPlan,
		"i18n/en.toml":                         "lang = \"en\"\nnav_home = \"Home\"\n",
	})
	out := filepath.Join(t.TempDir(), "public")
	_, err := Build(Options{Source: src, Out: out, AsOf: asOf})
	if err == nil || !strings.Contains(err.Error(), "i18n/en.toml has no string") {
		t.Fatalf("Build = %v, want an error naming the missing English string", err)
	}
	if _, statErr := os.Stat(out); statErr == nil {
		t.Error("a failed build wrote output")
	}
}
