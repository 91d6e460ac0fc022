package site

import (
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/render"
	"github.com/minhbach/minhbach/internal/search"
)

// writeBundledSearch writes the search index of the repository's own
// content into a fresh folder, and returns a fetcher over it.
func writeBundledSearch(t *testing.T) search.Fetcher {
	t.Helper()
	site, diags := load.Load("../..", content.NewParser(), siteFS("../.."))
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	w, err := newWriter(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.discard()
	if err := writeSearch(w, 0, site, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.commit(); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(search.Dir, "/")))
	return func(p string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, filepath.FromSlash(p))) }
}

func TestSearchFindsBundledContent(t *testing.T) {
	fetch := writeBundledSearch(t)
	tests := []struct {
		q         string
		kind      search.Kind
		urlPrefix string // a hit of this kind has a URL starting so …
		title     string // … and a title containing this
	}{
		// Typed without diacritics, the Huế task on birth registration.
		{"dang ky khai sinh", search.Task, "/dia-phuong/thua-thien-hue/hue/ke-hoach-2274-kh-ubnd-2022/", "đăng ký khai sinh"},
		{"Đăng ký khai sinh", search.Task, "/dia-phuong/thua-thien-hue/hue/", "đăng ký khai sinh"},
		{"46/KH-UBND", search.Plan, "/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/", "Kế hoạch"},
		{"cong an da nang", search.Agency, "/co-quan/cong-an/da-nang/", "Công an"},
		{"lac hong", search.Locality, "/dia-phuong/hung-yen/van-lam/lac-hong/", "Lạc Hồng"},
		{"vneid", search.Task, "/dia-phuong/", "VNeID"},
	}
	for _, tt := range tests {
		res, err := search.Query(fetch, tt.q)
		if err != nil {
			t.Fatalf("%q: %v", tt.q, err)
		}
		found := false
		for _, g := range res.Groups {
			for _, h := range g.Hits {
				if g.Kind == tt.kind && strings.HasPrefix(h.Doc.URL, tt.urlPrefix) && strings.Contains(strings.ToLower(h.Doc.Title), strings.ToLower(tt.title)) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%q: no %s under %s titled …%s…; found %d: %+v", tt.q, tt.kind, tt.urlPrefix, tt.title, res.Total, res.Groups)
		}
	}
}

// Every hit leads to a page of the site, and a task hit carries what the
// page shows: its id, the plan and the locality.
func TestSearchHitsArePages(t *testing.T) {
	fetch := writeBundledSearch(t)
	out := buildBundled(t)
	for _, q := range []string{"dang ky khai sinh", "cong an", "d", "thanh pho", "ke hoach"} {
		res, err := search.Query(fetch, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range res.Groups {
			for _, h := range g.Hits {
				if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(h.Doc.URL, "/")), "index.html")); err != nil {
					t.Errorf("%q: hit %s leads to no page", q, h.Doc.URL)
				}
				if g.Kind == search.Task && (h.Doc.Label == "" || !strings.Contains(h.Doc.Context, "/KH-UBND · ")) {
					t.Errorf("%q: task record %+v", q, h.Doc)
				}
			}
		}
		t.Logf("%q: %d results, %d bytes", q, res.Total, res.Fetched)
	}
}

// The search page works without JavaScript and in both languages: a
// labelled search box that submits to itself, the ways to browse instead,
// and every string the script shows, from the language's own file.
func TestSearchPageTemplate(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		strs, err := render.LoadStrings(siteFS("../.."), lang)
		if err != nil {
			t.Fatal(err)
		}
		prefix := map[string]string{"vi": "", "en": "/en"}[lang]
		tmpl, err := template.New("search").Funcs(template.FuncMap{
			"t":    strs.T,
			"url":  func(p string) string { return prefix + p },
			"file": func(p string) string { return p },
		}).ParseFS(siteFS("../.."), "layouts/search.html")
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		data := struct{ Data any }{Data: struct{ Script, Index string }{"/assets/search.0123456789.js", search.Manifest}}
		if err := tmpl.ExecuteTemplate(&b, "main", data); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		html := b.String()
		for _, want := range []string{
			`<form id="tim-kiem-form" class="search-form" role="search" action="` + prefix + `/tim-kiem/" method="get">`,
			`<label for="tim-kiem-q">`, `<input id="tim-kiem-q" type="search" name="q"`,
			`role="status" aria-live="polite"`, `data-index="/tim-kiem/chi-muc/index.json"`, `data-base="` + prefix + `/"`,
			`<noscript>`, `href="` + prefix + `/dia-phuong/"`, `href="` + prefix + `/co-quan/"`, `href="` + prefix + `/so-sanh/"`,
			`href="` + prefix + `/han-chot/"`, `href="` + prefix + `/du-lieu/"`,
			`<script src="/assets/search.0123456789.js" defer></script>`,
			`{n}`, `{q}`, `{words}`,
		} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: the page lacks %s", lang, want)
			}
		}
		for _, data := range []string{"task", "group-task", "group-plan", "group-agency", "group-locality", "loading", "count", "count-one", "none", "more", "skipped", "error"} {
			if !regexp.MustCompile(`data-` + data + `="[^"]+"`).MatchString(html) {
				t.Errorf("%s: no text for the script in data-%s", lang, data)
			}
		}
		if regexp.MustCompile(`<script>|style=| on[a-z]+=`).MatchString(html) {
			t.Errorf("%s: inline script, style or handler breaks the Content-Security-Policy", lang)
		}
	}
}
