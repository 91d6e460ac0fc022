package load

import (
	"sort"

	"github.com/minhbach/minhbach/internal/citation"
	"github.com/minhbach/minhbach/internal/model"
)

// citations are the documents p cites in its title, its implements list
// and its text, in that order.
func citations(p *model.Plan) []citation.Citation {
	out := citation.Find(p.Title)
	for _, text := range p.Implements {
		out = append(out, citation.Find(text)...)
	}
	if p.Body != nil {
		out = append(out, citation.Find(string(p.Body.Source))...)
	}
	return out
}

// readDocuments collects the documents each plan cites by number, in its
// title, its implements list and its text, leaving out the plan's own
// number, so that each document can list the plans that cite it.
func (l *loader) readDocuments(site *model.Site) {
	byID := map[string]*model.Document{}
	memo := l.cache.citationMemo()
	for _, p := range site.Plans {
		own := citation.IDOf(p.Number)
		for _, c := range memo.find(p) {
			if c.ID == own {
				continue
			}
			d := byID[c.ID]
			if d == nil {
				d = &model.Document{ID: c.ID, Number: c.Number, Kind: c.Kind}
				byID[c.ID] = d
			}
			if d.Kind == "" {
				d.Kind = c.Kind
			}
			if n := len(d.Plans); n == 0 || d.Plans[n-1] != p {
				d.Plans = append(d.Plans, p)
				p.Cites = append(p.Cites, d)
			}
		}
	}
	memo.done()
	for _, d := range byID {
		site.Documents = append(site.Documents, d)
	}
	sort.Slice(site.Documents, func(i, j int) bool { return site.Documents[i].ID < site.Documents[j].ID })
}
