package render

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/gen"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
)

// Folding the layouts' constant actions must not change a byte: every page
// of the bundled site, in both languages, drawn with and without it.
func TestFoldingKeepsEveryPage(t *testing.T) {
	compareDrawings(t, "../..", drawing{fold: true}, drawing{})
}

// tmplexec must draw every page as html/template does, and draw them all
// itself: those of the bundled site, and of a generated one, whose lists,
// states and deadlines are of every kind.
func TestTmplexecDrawsEveryPageAsHTMLTemplate(t *testing.T) {
	generated := filepath.Join(t.TempDir(), "site")
	if _, err := gen.Write(generated, gen.Options{Localities: 40, TasksPerPlan: 8, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{"../..", generated} {
		checkTmplexec(t, compareDrawings(t, root, drawing{fold: true, fast: true}, drawing{fold: true}))
	}
}

func checkTmplexec(t *testing.T, drawn []drawnSite) {
	t.Helper()
	for _, d := range drawn {
		r := d.renderer
		for _, name := range pageTemplates {
			if r.fast[name] == nil {
				t.Errorf("tmplexec refused layout %q: %v", name, r.slow[name])
			}
		}
		if n := r.drawnFast.Load(); n != int64(d.pages) {
			t.Errorf("tmplexec drew %d of %d pages", n, d.pages)
		}
		if fast, slow := r.rowsFast.Load(), r.rowsSlow.Load(); fast == 0 || slow != 0 {
			t.Errorf("tmplexec drew %d rows of due-tables, html/template %d", fast, slow)
		}
	}
}

// compareDrawings draws every page of the site in root, in both languages,
// as a and as b, with the bundled layouts, and fails where they differ. It
// returns what drew as a.
func compareDrawings(t *testing.T, root string, a, b drawing) []drawnSite {
	t.Helper()
	var drawn []drawnSite
	parser := content.NewParser()
	site, diags := load.Load(root, parser, nil)
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS("../..")
	asOf := model.Date{Year: 2024, Month: 9, Day: 30}
	for _, lang := range []struct{ code, prefix, other string }{{"vi", "", "/en"}, {"en", "/en", ""}} {
		strs, err := LoadStrings(fsys, lang.code)
		if err != nil {
			t.Fatal(err)
		}
		opts := Options{SiteTitle: "Cổng thử & <kiểm tra>", BaseURL: "https://example.org/cong/", AsOf: asOf,
			CSS: "/assets/site.0123456789.css", Script: "/assets/search.0123456789.js", Prefix: lang.prefix, Other: lang.other}
		folded, err := newRenderer(fsys, strs, parser, opts, a)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := newRenderer(fsys, strs, parser, opts, b)
		if err != nil {
			t.Fatal(err)
		}
		folded.LinkCitations(site)
		LinkAppendixDownloads(site)
		pages, plainPages := Flatten(folded.Pages(site)), Flatten(plain.Pages(site))
		if len(pages) < 100 {
			t.Fatalf("%s: only %d pages", lang.code, len(pages))
		}
		for i, p := range pages {
			var a, b bytes.Buffer
			if err := folded.Render(&a, p); err != nil {
				t.Fatal(err)
			}
			if err := plain.Render(&b, plainPages[i]); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("%s%s differs:\n%s", lang.prefix, p.URL, firstDifference(a.String(), b.String()))
			}
		}
		drawn = append(drawn, drawnSite{folded, len(pages)})
		site = reload(t, root, parser) // citations and downloads are linked once per tree
	}
	return drawn
}

// drawnSite is a renderer and the number of pages it drew.
type drawnSite struct {
	renderer *Renderer
	pages    int
}

func reload(t *testing.T, root string, parser *content.Parser) *model.Site {
	site, diags := load.Load(root, parser, nil)
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	return site
}

// firstDifference shows where two pages part.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-80, 0)
	return "a: …" + a[from:min(i+80, len(a))] + "\nb: …" + b[from:min(i+80, len(b))]
}

// The functions called on every row of a list have fast calls; a change of
// their types would quietly send them back through reflection.
func TestFastCallsCoverTheRowFunctions(t *testing.T) {
	fast := fastCalls((&Renderer{}).funcs())
	for _, name := range []string{"date", "reading", "taskURL", "planURL", "localityURL", "updateURL", "agencyURL", "documentURL"} {
		if fast[name] == nil {
			t.Errorf("%s has no fast call", name)
		}
	}
}

// No page shows markup as text: a Vietnamese name put into an interface
// string on an English page keeps its <span lang="vi">, and nothing is
// escaped twice.
func TestNoMarkupShownAsText(t *testing.T) {
	const root = "../.."
	parser := content.NewParser()
	fsys := os.DirFS(root)
	for _, lang := range []struct{ code, prefix, other string }{{"vi", "", "/en"}, {"en", "/en", ""}} {
		site := reload(t, root, parser)
		strs, err := LoadStrings(fsys, lang.code)
		if err != nil {
			t.Fatal(err)
		}
		r, err := New(fsys, strs, parser, Options{SiteTitle: "Cổng", BaseURL: "/", AsOf: model.Date{Year: 2024, Month: 9, Day: 30},
			CSS: "/site.css", Script: "/search.js", Prefix: lang.prefix, Other: lang.other})
		if err != nil {
			t.Fatal(err)
		}
		r.LinkCitations(site)
		LinkAppendixDownloads(site)
		kinds := 0
		for _, p := range Flatten(r.Pages(site)) {
			if p.Prepare != nil {
				if err := p.Prepare(); err != nil {
					t.Fatal(err)
				}
			}
			var b bytes.Buffer
			if err := r.Render(&b, p); err != nil {
				t.Fatal(err)
			}
			for _, bad := range []string{"&lt;span", "&amp;amp;", "&amp;lt;", "&amp;#"} {
				if i := bytes.Index(b.Bytes(), []byte(bad)); i >= 0 {
					t.Errorf("%s%s shows %q: …%s…", lang.prefix, p.URL, bad, b.Bytes()[max(i-60, 0):min(i+60, b.Len())])
				}
			}
			if p.Template == "kind" || p.Template == "agency" {
				kinds++
			}
		}
		if kinds == 0 {
			t.Fatalf("%s: no agency or kind pages", lang.code)
		}
	}
}
