package site

import (
	"strings"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/render"
	"github.com/minhbach/minhbach/internal/search"
)

// searchDocs lists what a citizen can find on /tim-kiem/: every task, plan,
// agency and locality, with the locality each belongs to. URLs are site
// paths without the language: the script adds the page's base, so that one
// index serves both languages.
func searchDocs(site *model.Site) []search.Doc {
	var docs []search.Doc
	for _, p := range site.Plans {
		for _, t := range p.Tasks {
			docs = append(docs, search.Doc{Kind: search.Task, Label: t.ID, Title: t.Title,
				Context: p.Number + " · " + p.Locality.Name, URL: render.TaskURL(t)})
		}
		docs = append(docs, search.Doc{Kind: search.Plan, Label: p.Number, Title: p.Title,
			Context: p.Locality.Name, URL: render.PlanURL(p)})
	}
	for _, a := range site.Agencies {
		d := search.Doc{Kind: search.Agency, Title: a.Name, URL: render.AgencyURL(a)}
		if a.Locality != nil {
			d.Context = a.Locality.Name
		}
		docs = append(docs, d)
	}
	for _, l := range site.Localities {
		docs = append(docs, search.Doc{Kind: search.Locality, Title: l.Name, Context: parentNames(l), URL: render.LocalityURL(l)})
	}
	return docs
}

// parentNames writes a locality's parents as an address does, nearest
// first: "Huyện Văn Lâm, Tỉnh Hưng Yên".
func parentNames(l *model.Locality) string {
	var names []string
	for p := l.Parent; p != nil; p = p.Parent {
		names = append(names, p.Name)
	}
	return strings.Join(names, ", ")
}

// writeSearch writes the search index under search.Dir, drawn from the
// content that key hashes: a rebuild that finds the same key keeps the
// index the previous build wrote without building it again. index, when
// not nil, remembers what this build read for the next.
func writeSearch(w *writer, key uint64, site *model.Site, index *search.Indexer) error {
	if kept, err := w.keepGroup(search.Dir, key); kept || err != nil {
		return err
	}
	build := search.Build
	if index != nil {
		build = index.Build
	}
	files, err := build(searchDocs(site))
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := w.writePage(search.Dir+f.Path, f.Data, key); err != nil {
			return err
		}
	}
	return nil
}
