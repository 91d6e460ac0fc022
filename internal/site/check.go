package site

import (
	"fmt"
	"io"

	"github.com/minhbach/minhbach/internal/check"
	"github.com/minhbach/minhbach/internal/config"
	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/render"
)

// Check validates everything a build would, and runs the editorial checks,
// without writing anything: content, layouts and strings, every page
// rendered and dropped. Problems with the content come back as
// diagnostics; a problem with the site's own setup (config.toml, layouts)
// is the error.
func Check(source string, asOf model.Date) (*diag.List, error) {
	cfg, err := config.Load(source)
	if err != nil {
		return nil, err
	}
	asOf = resolveAsOf(asOf, cfg)
	parser := content.NewParser()
	s, diags := load.Load(source, parser, siteFS(source))
	if s == nil {
		return diags, nil
	}
	check.Site(s, diags)
	if diags.HasErrors() {
		return diags, nil // pages of a site with errors would only repeat them
	}
	renderers, _, err := newRenderers(source, cfg, parser, asOf, false)
	if err != nil {
		return diags, err
	}
	renderers[0].LinkCitations(s)
	render.LinkAppendixDownloads(s)
	for _, r := range renderers {
		seen := map[string]bool{}
		for _, p := range render.Flatten(r.Pages(s)) {
			if seen[p.URL] {
				return diags, fmt.Errorf("two pages would be written to %s: rename one of the files or folders that produce it", p.URL)
			}
			seen[p.URL] = true
			if err := r.Render(io.Discard, p); err != nil {
				return diags, err
			}
		}
	}
	return diags, nil
}

// Review loads the content for an editor's review of how the build reads
// it, such as which tasks the catalogue's keywords link to which items.
func Review(source string) (*model.Site, *diag.List) {
	return load.Load(source, content.NewParser(), siteFS(source))
}
