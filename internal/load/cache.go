package load

import (
	"path"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
)

// Cache keeps what reading each plan and update file gave, so that serve's
// rebuild parses only the files whose bytes changed: parsing and task
// recognition are most of a load. One Cache serves one site, one load at
// a time.
//
// The plans, tasks and updates it keeps are the ones the last load handed
// out, which linking then filled in (reports, agencies, catalogue items,
// citations). reset empties exactly those fields before they are linked
// again; a field that linking fills must be added there, or a rebuild
// would show the last build's value (TestCacheGivesWhatALoadGives).
type Cache struct {
	files     map[string]cachedFile // by path under content/dia-phuong
	mentions  *mentionMemo
	catalog   *catalogMemo
	citations *citationMemo
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{files: map[string]cachedFile{}} }

type cachedFile struct {
	sum             uint64
	diags           *diag.List
	plans           []*model.Plan
	updates         []*model.Update
	explicitCatalog map[*model.Task]explicitCatalog
}

// reuse takes what reading rel gave last time, when its bytes are as they
// were and its locality folder was read.
func (l *loader) reuse(rel string, sum uint64) bool {
	if l.cache == nil {
		return false
	}
	c, ok := l.cache.files[rel]
	loc := l.localities[path.Dir(rel)]
	if !ok || c.sum != sum || loc == nil {
		return false
	}
	c.reset(loc)
	l.sum, l.wasRead = sum, true
	l.diags.Merge(c.diags)
	l.plans, l.updates, l.explicitCatalog = c.plans, c.updates, c.explicitCatalog
	return true
}

// reset undoes what linking did to the file's plans and updates, and puts
// them in this load's locality.
func (c cachedFile) reset(loc *model.Locality) {
	for _, p := range c.plans {
		p.Locality, p.Cites = loc, nil
		if p.Body != nil {
			p.Body.Root = nil // a page drawn and not released, after an error
		}
		for _, t := range p.Tasks {
			t.Reports, t.Lead, t.Support, t.Catalog, t.CatalogSet = nil, nil, nil, nil, false
		}
	}
	for _, u := range c.updates {
		u.Locality = loc
	}
}

// keep replaces the cache's files with those this load read; a nil Cache
// keeps nothing.
func (c *Cache) keep(files []string, workers []*loader) {
	if c == nil {
		return
	}
	next := make(map[string]cachedFile, len(files))
	for i, w := range workers {
		if w.wasRead {
			next[files[i]] = cachedFile{sum: w.sum, diags: w.diags, plans: w.plans, updates: w.updates, explicitCatalog: w.explicitCatalog}
		}
	}
	c.files = next
}
