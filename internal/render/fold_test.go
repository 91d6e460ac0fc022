package render

import (
	"bytes"
	"os"
	"testing"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
)

// Folding the layouts' constant actions must not change a byte: every page
// of the bundled site, in both languages, drawn with and without it.
func TestFoldingKeepsEveryPage(t *testing.T) {
	const root = "../.."
	parser := content.NewParser()
	site, diags := load.Load(root, parser, nil)
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(root)
	asOf := model.Date{Year: 2024, Month: 9, Day: 30}
	for _, lang := range []struct{ code, prefix, other string }{{"vi", "", "/en"}, {"en", "/en", ""}} {
		strs, err := LoadStrings(fsys, lang.code)
		if err != nil {
			t.Fatal(err)
		}
		opts := Options{SiteTitle: "Cổng thử & <kiểm tra>", BaseURL: "https://example.org/cong/", AsOf: asOf,
			CSS: "/assets/site.0123456789.css", Script: "/assets/search.0123456789.js", Prefix: lang.prefix, Other: lang.other}
		folded, err := newRenderer(fsys, strs, parser, opts, true)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := newRenderer(fsys, strs, parser, opts, false)
		if err != nil {
			t.Fatal(err)
		}
		folded.LinkCitations(site)
		LinkAppendixDownloads(site)
		pages, plainPages := folded.Pages(site), plain.Pages(site)
		if len(pages) < 300 {
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
				t.Errorf("%s%s differs when folded:\n%s", lang.prefix, p.URL, firstDifference(a.String(), b.String()))
			}
		}
		site = reload(t, root, parser) // citations and downloads are linked once per tree
	}
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
	return "folded: …" + a[from:min(i+80, len(a))] + "\nplain:  …" + b[from:min(i+80, len(b))]
}
