package site

import (
	"bytes"
	"testing"

	"github.com/minhbach/minhbach/internal/config"
	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/render"
)

// A build drops each plan's syntax tree as it is read and parses the text
// again when the plan's page is drawn (render/text.go). Every plan page of
// the bundled site, in both languages, must come out as it does from the
// tree the loader built: same anchors, citation links and Phụ lục downloads.
// A one-off build also sets each text aside once the site is read, reads
// the file again for the page, and lets go of it once the page is drawn.
func TestDroppedPlanTextDrawsTheSamePages(t *testing.T) {
	const root = "../.."
	cfg, err := config.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	draw := func(drop bool) map[string]string {
		parser := content.NewParser()
		site, diags := load.LoadWith(root, parser, siteFS(root), load.Options{DropPlanText: drop, SetAsidePlanText: drop})
		if err := diags.Err(); err != nil {
			t.Fatal(err)
		}
		if aside := site.Plans[0].Body.Source == nil; aside != drop {
			t.Fatalf("SetAsidePlanText %v: %s's text set aside is %v", drop, site.Plans[0].Pos.File, aside)
		}
		rs, _, err := newRenderers(root, cfg, parser, resolveAsOf(asOf, cfg), drop)
		if err != nil {
			t.Fatal(err)
		}
		rs[0].LinkCitations(site)
		render.LinkAppendixDownloads(site)
		lists := make([][]render.Page, len(rs))
		for i, r := range rs {
			lists[i] = r.Pages(site)
		}
		out := map[string]string{}
		for i, p := range lists[0] {
			if p.Template != "plan" {
				continue
			}
			if drop != (site.Plans[0].Body.Root == nil) && len(out) == 0 {
				t.Fatalf("DropPlanText %v left the tree as %v", drop, site.Plans[0].Body.Root)
			}
			if p.Prepare != nil {
				if err := p.Prepare(); err != nil {
					t.Fatal(err)
				}
			}
			for l, r := range rs {
				var b bytes.Buffer
				if err := r.Render(&b, lists[l][i]); err != nil {
					t.Fatal(err)
				}
				out[r.Prefix()+p.URL] = b.String()
			}
			if p.Release != nil {
				p.Release()
			}
		}
		for _, p := range site.Plans {
			if kept := p.Body.Source != nil; kept == drop {
				t.Fatalf("dropping %v: %s's text kept is %v once its page is drawn", drop, p.Pos.File, kept)
			}
		}
		return out
	}
	kept, dropped := draw(false), draw(true)
	if len(kept) < 8 {
		t.Fatalf("only %d plan pages", len(kept))
	}
	for url, want := range kept {
		if got := dropped[url]; got != want {
			t.Errorf("%s differs when the plan's text is read again (%d bytes, want %d)", url, len(got), len(want))
		}
	}
}
