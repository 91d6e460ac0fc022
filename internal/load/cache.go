package load

import (
	"os"
	"path"
	"path/filepath"
	"time"

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
	files      map[string]cachedFile     // by path under content/dia-phuong
	localities map[string]cachedLocality // by folder under content/dia-phuong
	mentions   *mentionMemo
	catalog    *catalogMemo
	citations  *citationMemo
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{files: map[string]cachedFile{}} }

type cachedFile struct {
	sum             uint64
	stamp           stamp // zero when the file was too new to trust its stamp
	diags           *diag.List
	plans           []*model.Plan
	updates         []*model.Update
	explicitCatalog map[*model.Task]explicitCatalog
}

// cachedLocality is what reading a locality folder's _index.md gave, for
// a file whose stamp is as it was: the Locality as read, before linking
// gave it plans, a parent and children, from which a rebuild makes the
// folder's Locality afresh, and the messages reading it gave. Reading and
// decoding every folder's file was a quarter of serve's load after one
// edit of the 10k corpus.
type cachedLocality struct {
	stamp stamp
	diags *diag.List
	loc   model.Locality
	names *localNames // nil when the file names no agency or alias
}

// reuseLocality takes what reading the folder rel's _index.md gave last
// time, when its stamp st is as it was.
func (l *loader) reuseLocality(rel string, st stamp) bool {
	if st == (stamp{}) || l.cache == nil {
		return false
	}
	c, ok := l.cache.localities[rel]
	if !ok || c.stamp != st {
		return false
	}
	l.diags.Merge(c.diags)
	loc := c.loc
	l.localities[rel] = &loc
	if c.names != nil {
		l.localNames[rel] = *c.names
	}
	l.locality = &c
	return true
}

// keepLocalities replaces the cache's localities with those this load
// read or reused; workers read dirs, one each.
func (c *Cache) keepLocalities(dirs []string, workers []*loader) {
	if c == nil {
		return
	}
	next := make(map[string]cachedLocality, len(dirs))
	for i, w := range workers {
		if w.locality != nil {
			next[dirs[i]] = *w.locality
		}
	}
	c.localities = next
}

// A stamp is a file's size and modification time. A rebuild in serve
// takes a file whose stamp is as it was from the Cache without reading
// it: the watcher that started the rebuild tells edits apart by stamps
// too, and reading and hashing every file was a tenth of a rebuild. A
// stamp within stampSlack of the load is not trusted, as a file written
// twice in the same tick of a coarse clock keeps its time; such a file
// is read and hashed on the next load, and its stamp kept then.
type stamp struct {
	size, mod int64
}

const stampSlack = 2 * time.Second

// statFile returns the stamp of the content file name, or the zero stamp
// when it cannot be had or trusted, or nothing is cached.
func (l *loader) statFile(name string) stamp {
	if l.cache == nil {
		return stamp{}
	}
	fi, err := os.Stat(filepath.Join(l.dir, filepath.FromSlash(name)))
	if err != nil || !fi.Mode().IsRegular() || !fi.ModTime().Before(l.started.Add(-stampSlack)) {
		return stamp{}
	}
	return stamp{fi.Size(), fi.ModTime().UnixNano()}
}

// reuseStamped is reuse for a file whose stamp is as it was, unread.
func (l *loader) reuseStamped(rel string, st stamp) bool {
	if st == (stamp{}) || l.cache == nil {
		return false
	}
	c, ok := l.cache.files[rel]
	return ok && c.stamp == st && l.reuse(rel, c.sum, st)
}

// reuse takes what reading rel gave last time, when its bytes are as they
// were and its locality folder was read; st is its stamp now.
func (l *loader) reuse(rel string, sum uint64, st stamp) bool {
	if l.cache == nil {
		return false
	}
	c, ok := l.cache.files[rel]
	loc := l.localities[path.Dir(rel)]
	if !ok || c.sum != sum || loc == nil {
		return false
	}
	c.reset(loc)
	l.sum, l.stamp, l.wasRead = sum, st, true
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
			next[files[i]] = cachedFile{sum: w.sum, stamp: w.stamp, diags: w.diags, plans: w.plans, updates: w.updates, explicitCatalog: w.explicitCatalog}
		}
	}
	c.files = next
}
