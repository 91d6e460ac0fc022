package render

import (
	"sort"

	"github.com/minhbach/minhbach/internal/citation"
	"github.com/minhbach/minhbach/internal/model"
)

// DocumentsURL is the index of cited documents.
const DocumentsURL = "/van-ban/"

// DocumentURL is "/van-ban/<id>/".
func DocumentURL(d *model.Document) string { return DocumentsURL + d.ID + "/" }

// LinkCitations turns each document number in the plans' text into a link
// to the document's page. It changes the parsed text, so it runs once per
// build, before any page is rendered. The links are relative to the plan's
// page, so that the Vietnamese and the English plan page, which render the
// same text, each link to the document page of their own language. A plan
// whose text the loader dropped is linked when its page parses it again.
func (r *Renderer) LinkCitations(site *model.Site) {
	documents := documentsByID(site)
	for _, p := range site.Plans {
		linkCitations(p, documents)
	}
}

func documentsByID(site *model.Site) map[string]*model.Document {
	known := make(map[string]*model.Document, len(site.Documents))
	for _, d := range site.Documents {
		known[d.ID] = d
	}
	return known
}

func linkCitations(p *model.Plan, documents map[string]*model.Document) {
	if p.Body == nil || p.Body.Root == nil {
		return
	}
	from := PlanURL(p)
	citation.Link(p.Body.Root, p.Body.Source, func(c citation.Citation) string {
		if d := documents[c.ID]; d != nil {
			return relativeURL(from, DocumentURL(d))
		}
		return "" // the plan's own number
	})
}

func (r *Renderer) documentPages(site *model.Site, home Crumb, keys pageKeys) []Page {
	if len(site.Documents) == 0 {
		return nil
	}
	s := r.strings
	docs := append([]*model.Document(nil), site.Documents...)
	sort.SliceStable(docs, func(i, j int) bool { return len(docs[i].Plans) > len(docs[j].Plans) })
	pages := []Page{{URL: DocumentsURL, Template: "documents", Title: s.MustT("documents"), Description: s.MustT("documents_lead"), Crumbs: []Crumb{home}, Data: docs, Key: keys.at(DocumentsURL, keys.shared)}}
	index := Crumb{s.MustT("documents"), DocumentsURL}
	for _, d := range site.Documents {
		title := DocumentTitle(d)
		pages = append(pages, Page{URL: DocumentURL(d), Template: "document", Title: title,
			Description: s.MustF("document_description", title, len(d.Plans)), Crumbs: []Crumb{home, index}, Data: d, Key: keys.document(d)})
	}
	return pages
}

// DocumentTitle names a document by its kind and number: "Quyết định
// 06/QĐ-TTg", or the number alone when the text does not say its kind.
func DocumentTitle(d *model.Document) string {
	if d.Kind == "" {
		return d.Number
	}
	return d.Kind + " " + d.Number
}
