package load

import (
	"errors"
	"hash/crc64"
	"io/fs"

	"github.com/minhbach/minhbach/internal/catalog"
	"github.com/minhbach/minhbach/internal/model"
)

// CatalogFile is where a site keeps the programme's catalogue.
const CatalogFile = "data/catalog.toml"

// explicitCatalog is a task's catalog field in its plan's front matter.
type explicitCatalog struct {
	ids []string
	at  model.Pos
}

// readCatalog links every task to the catalogue items it carries out: the
// ones its plan's front matter names (catalog = ["…"]), or else the ones
// whose keywords its title contains.
func (l *loader) readCatalog(site *model.Site) {
	src, err := fs.ReadFile(l.data, CatalogFile)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		l.diags.Errorf(CatalogFile, 0, 0, "cannot read file: %v", err)
		return
	}
	items := catalog.Parse(CatalogFile, src, l.diags)
	byID := map[string]*model.CatalogItem{}
	for _, it := range items {
		byID[it.ID] = it
	}
	m := catalog.NewMatcher(items)
	memo := l.cache.catalogMemo(crc64.Checksum(src, sumTable))
	for _, t := range site.Tasks() {
		if ex, ok := l.explicitCatalog[t]; ok {
			t.CatalogSet = true
			for _, id := range ex.ids {
				it := byID[id]
				if it == nil {
					l.diags.Errorf(ex.at.File, ex.at.Line, ex.at.Col, "task %s: catalog = %q names no item of %s: use an id listed there, or [] for none", t.ID, id, CatalogFile)
					continue
				}
				t.Catalog = append(t.Catalog, it)
			}
		} else {
			t.Catalog = memo.match(m, items, t)
		}
		for _, it := range t.Catalog {
			it.Tasks = append(it.Tasks, t)
		}
	}
	memo.done()
	site.Catalog = items
}
