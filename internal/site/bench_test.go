package site

import (
	"bytes"
	"testing"

	"github.com/minhbach/minhbach/internal/config"
	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/render"
)

// benchPages loads the bundled site and lists its Vietnamese pages of one
// layout, with the renderer that draws them.
func benchPages(b *testing.B, layout string) (*render.Renderer, []render.Page) {
	b.Helper()
	cfg, err := config.Load(benchRoot)
	if err != nil {
		b.Fatal(err)
	}
	parser := content.NewParser()
	site, diags := load.Load(benchRoot, parser, siteFS(benchRoot))
	if err := diags.Err(); err != nil {
		b.Fatal(err)
	}
	rs, _, err := newRenderers(benchRoot, cfg, parser, resolveAsOf(asOf, cfg), false)
	if err != nil {
		b.Fatal(err)
	}
	r := rs[0]
	r.LinkCitations(site)
	render.LinkAppendixDownloads(site)
	var pages []render.Page
	for _, p := range render.Flatten(r.Pages(site)) {
		if p.Template == layout {
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		b.Fatalf("no %s pages", layout)
	}
	return r, pages
}

// BenchmarkRender draws the bundled site's pages of each common layout;
// ns/op is per page.
func BenchmarkRender(b *testing.B) {
	for _, layout := range []string{"task", "plan", "agency", "due", "locality"} {
		b.Run(layout, func(b *testing.B) {
			r, pages := benchPages(b, layout)
			var html bytes.Buffer
			i := 0
			for b.Loop() {
				html.Reset()
				if err := r.Render(&html, pages[i%len(pages)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// benchRoot is the repository: its bundled content is the benchmark's.
const benchRoot = "../.."
