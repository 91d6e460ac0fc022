package site

import (
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	minhbach "github.com/minhbach/minhbach"
	"github.com/minhbach/minhbach/internal/gzparts"
)

// Pages a rebuild keeps without drawing them are exactly the pages a build
// from scratch would draw: each edit below changes what some page reads
// from another file (a report, a citation count, an agency's tasks, a
// locality's name, the settings), and the output must still equal a full
// build's.
func TestRebuildKeepsOnlyUnchangedPages(t *testing.T) {
	const (
		province = "content/dia-phuong/thu/_index.md"
		one      = "content/dia-phuong/thu/mot/ke-hoach-1.md"
		two      = "content/dia-phuong/thu/hai/ke-hoach-2.md"
		report   = "content/dia-phuong/thu/mot/bao-cao.md"
		news     = "content/dia-phuong/thu/hai/tin.md"
		newsItem = "+++\nkind = \"update\"\ntitle = \"Hội nghị triển khai\"\ndate = 2022-03-01\n+++\nTin không báo cáo nhiệm vụ nào.\n"
	)
	plan := func(number, extra string) string {
		return "+++\nkind = \"plan\"\ntitle = \"Kế hoạch thử\"\nnumber = \"" + number + "\"\nissued = 2022-01-01\nissuer = \"Ủy ban nhân dân xã\"\n+++\n" +
			"Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ." + extra + "\n\n" +
			"#### 1. Việc một: dịch vụ công thiết yếu\n\n- Cơ quan chủ trì: Công an xã.\n- Thời gian thực hiện: Quý I/2022.\n\n" +
			"#### 2. Việc hai: cắt giảm giấy tờ\n\n- Cơ quan chủ trì: Ủy ban nhân dân xã.\n- Cơ quan phối hợp: Công an xã.\n- Thời gian thực hiện: Quý IV/2024.\n"
	}
	status := func(state string) string {
		return "+++\nkind = \"update\"\ntitle = \"Báo cáo\"\ndate = 2022-06-30\n\n[[status]]\nplan = \"1/KH-UBND\"\ntask = \"1\"\nstate = \"" + state + "\"\n+++\n"
	}
	added := plan("2/KH-UBND", "") + "\n#### 3. Việc ba\n\n- Cơ quan chủ trì: Công an xã.\n- Thời gian thực hiện: Quý I/2023.\n"
	redatedReport := strings.Replace(status("hoàn thành"), "date = 2022-06-30", "date = 2022-07-15", 1)
	// Each edit of the second plan changes one thing more.
	retitled := strings.Replace(plan("2/KH-UBND", " Đoạn mới."), "Việc hai", "Việc hai, sửa lại", 1)
	redated := strings.Replace(retitled, "Quý IV/2024", "Quý II/2024", 1)
	renamed := strings.Replace(redated, `title = "Kế hoạch thử"`, `title = "Kế hoạch thử, sửa lại"`, 1)
	relead := strings.Replace(renamed, "chủ trì: Công an xã", "chủ trì: Ủy ban nhân dân xã", 1)
	// The deliverable and the measures show only on the task's own page and
	// in the data files, whose keys must change with them.
	product := strings.Replace(relead, "- Thời gian thực hiện: Quý I/2022.", "- Thời gian thực hiện: Quý I/2022.\n- Sản phẩm: Báo cáo kết quả.", 1)
	reproduct := strings.Replace(product, "Báo cáo kết quả.", "Cơ sở dữ liệu đã làm sạch.", 1)
	targets := strings.Replace(reproduct, "Cơ sở dữ liệu đã làm sạch.", "Cơ sở dữ liệu đã làm sạch.\n- Chỉ tiêu thực hiện: 100% hồ sơ.", 1)
	retargets := strings.Replace(targets, "100% hồ sơ", "95% hồ sơ", 1)
	// A task's description shows on its own page and its plan's alone.
	described := strings.Replace(retargets, "#### 2. Việc hai, sửa lại: cắt giảm giấy tờ\n\n", "#### 2. Việc hai, sửa lại: cắt giảm giấy tờ\n\nRà soát từng hồ sơ.\n\n", 1)
	redescribed := strings.Replace(described, "từng hồ sơ", "mọi hồ sơ", 1)
	// An absolute base_url, so that the feeds and the sitemap are written.
	const config = "base_url = \"https://thu.example/\"\n"
	src := writeTree(t, map[string]string{
		"config.toml":                          config,
		province:                               "+++\nname = \"Tỉnh Thử\"\nlevel = \"tinh\"\n+++\n",
		"content/dia-phuong/thu/mot/_index.md": "+++\nname = \"Xã Một\"\nlevel = \"xa\"\n+++\n",
		"content/dia-phuong/thu/hai/_index.md": "+++\nname = \"Xã Hai\"\nlevel = \"xa\"\n+++\n",
		one:                                    plan("1/KH-UBND", ""),
		two:                                    plan("2/KH-UBND", ""),
		report:                                 status("đang thực hiện"),
		news:                                   newsItem,
	})
	out := filepath.Join(t.TempDir(), "public")
	b := NewBuilder(Options{Source: src, Out: out, AsOf: asOf})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	// Both tasks carry out catalogue items, so that the comparison pages
	// show them and their keys are tried by the edits too.
	compare, err := os.ReadFile(filepath.Join(out, "so-sanh", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(compare), `<ul class="promises">`); n != 4 {
		t.Errorf("the comparison page shows tasks in %d cells, want 4 (two items in each of two plans)", n)
	}
	edits := []struct {
		name string
		file string
		text string
		keep bool // whether some pages must be kept
	}{
		{"nothing edited", one, plan("1/KH-UBND", ""), true},
		{"one plan's text", two, plan("2/KH-UBND", " Đoạn mới."), true},
		{"a reported state", report, status("hoàn thành"), true},
		{"an update's title", report, strings.Replace(status("hoàn thành"), `title = "Báo cáo"`, `title = "Báo cáo quý II"`, 1), true},
		{"a report's date", report, redatedReport, true},
		{"a report of another task", report, strings.Replace(redatedReport, `task = "1"`, `task = "2"`, 1), true},
		{"a news item's title", news, strings.Replace(newsItem, "Hội nghị", "Hội nghị sơ kết", 1), true},
		{"a task's title", two, retitled, true},
		{"a deadline", two, redated, true},
		{"a plan's title", two, renamed, true},
		{"a task's lead", two, relead, true},
		{"an agency no other task names", two, strings.Replace(relead, "- Cơ quan phối hợp: Công an xã.", "- Cơ quan phối hợp: Công an xã, Văn phòng HĐND và UBND xã.", 1), true},
		{"a task's supporter", two, strings.Replace(relead, "- Thời gian thực hiện: Quý I/2022.", "- Cơ quan phối hợp: Công an xã.\n- Thời gian thực hiện: Quý I/2022.", 1), true},
		{"a task's deliverable added", two, product, true},
		{"a task's deliverable", two, reproduct, true},
		{"a task's measures added", two, targets, true},
		{"a task's measures", two, retargets, true},
		{"a task's description added", two, described, true},
		{"a task's description", two, redescribed, true},
		{"a plan's number", two, plan("1/KH-UBND", ""), true},
		{"the number back", two, plan("2/KH-UBND", ""), true},
		{"a task no longer in the catalogue", two, strings.Replace(plan("2/KH-UBND", ""), "Việc hai: cắt giảm giấy tờ", "Việc hai", 1), true},
		{"a task added", two, added, true},
		{"a plan's issuer", two, strings.Replace(added, `issuer = "Ủy ban nhân dân xã"`, `issuer = "Ủy ban nhân dân xã Hai"`, 1), true},
		{"a plan's source", two, strings.Replace(strings.Replace(added, `issuer = "Ủy ban nhân dân xã"`, `issuer = "Ủy ban nhân dân xã Hai"`, 1),
			"issued = 2022-01-01\n", "issued = 2022-01-01\nsource = \"https://thu.example/van-ban/2.pdf\"\n", 1), true},
		{"a document no longer cited", two, strings.Replace(plan("2/KH-UBND", ""), "Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ", "tình hình thực tế", 1), false},
		{"another document cited", two, plan("2/KH-UBND", " Căn cứ Nghị định số 59/2022/NĐ-CP."), false},
		{"a locality's name", "content/dia-phuong/thu/hai/_index.md", "+++\nname = \"Xã Hai Mới\"\nlevel = \"xa\"\n+++\n", false},
		{"the site's title", "config.toml", config + "title = \"Cổng thử\"\n", false},
		{"a string", "i18n/vi.toml", "", false},
		{"a layout", "layouts/task.html", "", false},
		{"the stylesheet", "layouts/assets/site.css", "", false},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			text := e.text
			switch e.file {
			case "i18n/vi.toml":
				text = strings.Replace(defaultFile(t, e.file), "Trang chủ", "Trang đầu", 1)
			case "layouts/task.html":
				text = strings.Replace(defaultFile(t, e.file), `<p class="eyebrow">`, `<p class="eyebrow nhiem-vu">`, 1)
			case "layouts/assets/site.css":
				text = defaultFile(t, e.file) + "\n.nhiem-vu { font-weight: bold; }\n"
			}
			if err := os.MkdirAll(filepath.Dir(filepath.Join(src, e.file)), 0o755); err != nil {
				t.Fatal(err)
			}
			writeSource(t, filepath.Join(src, e.file), text)
			res, err := b.Build()
			if err != nil {
				t.Fatal(err)
			}
			if e.keep && res.Kept == 0 {
				t.Errorf("no page kept after editing %s", e.file)
			}
			// The sitemap lists addresses and dates alone, which a locality's
			// name or a citation does not change: it alone may stay.
			if !e.keep && res.Kept > 1 {
				t.Errorf("%d files kept after editing %s, which every page reads", res.Kept, e.file)
			}
			sameAsFullBuild(t, src, out)
		})
	}
}

// defaultFile is one of the generator's default files, for a site to
// override with an edited copy.
func defaultFile(t *testing.T, name string) string {
	t.Helper()
	data, err := fs.ReadFile(minhbach.Defaults, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// A rebuild keeps a gzipped file whose key is as it was without encoding
// or compressing it again, and writes it anew when the key changed.
func TestRebuildKeepsGzippedFileWithSameKey(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first, err := newWriter(out)
	if err != nil {
		t.Fatal(err)
	}
	first.remember(0)
	encoded := 0
	text := func(key uint64, s string) []gzparts.Part {
		return []gzparts.Part{{Key: key, Encode: func(w io.Writer) error { encoded++; _, err := io.WriteString(w, s); return err }}}
	}
	const url = "/du-lieu/nhiem-vu.json.gz"
	if err := writeGzipped(first, url, 1, text(1, `[{"id":"1"}]`)); err != nil {
		t.Fatal(err)
	}
	if err := first.commit(); err != nil {
		t.Fatal(err)
	}
	prev := first
	for _, tt := range []struct {
		key         uint64
		plain, want string
		kept        int
	}{
		{1, `[{"id":"1"}]`, `[{"id":"1"}]`, 1},
		{2, `[{"id":"2"}]`, `[{"id":"2"}]`, 0},
		{2, `[{"id":"3"}]`, `[{"id":"2"}]`, 1}, // same key: not encoded, the file kept
	} {
		w := newUpdater(out, prev, prev.frame)
		encoded = 0
		if err := writeGzipped(w, url, tt.key, text(tt.key, tt.plain)); err != nil {
			t.Fatal(err)
		}
		if err := w.commit(); err != nil {
			t.Fatal(err)
		}
		if w.kept != tt.kept || encoded != 1-tt.kept {
			t.Errorf("key %d: %d files kept and %d encoded, want %d kept", tt.key, w.kept, encoded, tt.kept)
		}
		f, err := os.Open(filepath.Join(out, "du-lieu", "nhiem-vu.json.gz"))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr)
		f.Close()
		if err != nil || string(got) != tt.want {
			t.Errorf("the file holds %q (%v), want %q", got, err, tt.want)
		}
		prev = w
	}
}

// keepGroup keeps the files under a prefix only when the previous build
// wrote every one of them with the key asked for.
func TestKeepGroup(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first, err := newWriter(out)
	if err != nil {
		t.Fatal(err)
	}
	first.remember(0)
	for url, key := range map[string]uint64{"/chi-muc/a.json": 5, "/chi-muc/x/b.json": 5, "/khac/c.json": 9, "/tron/d.json": 5, "/tron/e.json": 6} {
		if err := first.writePage(url, []byte(url), key); err != nil {
			t.Fatal(err)
		}
	}
	if err := first.commit(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		url  string
		key  uint64
		kept int
	}{
		{"/chi-muc/", 5, 2},
		{"/chi-muc/", 6, 0},
		{"/tron/", 5, 0}, // written with two keys
		{"/trong/", 5, 0},
		{"/chi", 5, 2}, // a prefix, not only a folder
		{"/chi-muc/x", 5, 1},
		{"/chi-muc/", 0, 0},
	} {
		w := newUpdater(out, first, first.frame)
		ok, err := w.keepGroup(tt.url, tt.key)
		if err != nil {
			t.Fatal(err)
		}
		if ok != (tt.kept > 0) || w.kept != tt.kept {
			t.Errorf("keepGroup(%s, %d) = %v with %d kept, want %d", tt.url, tt.key, ok, w.kept, tt.kept)
		}
		w.discard()
	}
}
