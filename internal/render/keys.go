package render

import (
	"encoding/binary"
	"hash"
	"hash/fnv"

	"github.com/minhbach/minhbach/internal/model"
)

// pageKeys work out Page.Key: a hash of the content a page is drawn from.
// A plan's task pages read the plan, the updates that report on it, the
// localities, the agency registry and the cited documents; a locality's,
// an agency's, a catalogue item's or a document's page reads the plans
// below, of or citing it; an update's page reads the update. Whatever is
// shared by every page (localities, documents, the size of the data
// dumps) goes into each key, so that an edit there draws every page again.
type pageKeys struct {
	shared uint64
	plans  map[*model.Plan]uint64
}

type keyHash struct{ hash.Hash64 }

func newKeyHash() keyHash { return keyHash{fnv.New64a()} }

func (h keyHash) uint(v uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	_, _ = h.Write(b[:])
}

func (h keyHash) string(s string) {
	h.uint(uint64(len(s)))
	_, _ = h.Write([]byte(s))
}

func (r *Renderer) newPageKeys(site *model.Site) pageKeys {
	h := newKeyHash()
	h.uint(site.Sum)
	for _, d := range site.Documents {
		h.string(d.ID)
		h.string(d.Number)
		h.string(d.Kind)
		h.uint(uint64(len(d.Plans)))
	}
	for _, name := range []string{TasksJSONURL, TasksCSVURL} {
		u, _ := r.dataURL(name)
		h.string(u)
	}
	k := pageKeys{shared: h.Sum64(), plans: make(map[*model.Plan]uint64, len(site.Plans))}
	for _, p := range site.Plans {
		h.Reset()
		h.uint(k.shared)
		h.uint(p.Sum)
		for _, t := range p.Tasks {
			for _, rep := range t.Reports {
				h.uint(rep.Update.Sum)
			}
			h.uint(0) // the next task's reports
		}
		k.plans[p] = h.Sum64()
	}
	return k
}

// plan is the key of a plan's page and of its tasks' pages.
func (k pageKeys) plan(p *model.Plan) uint64 { return k.plans[p] }

// locality is the key of a locality's page or of its deadline page (kind
// tells them apart): they read every plan below it and its own updates.
func (k pageKeys) locality(kind string, l *model.Locality) uint64 {
	h := newKeyHash()
	h.uint(k.shared)
	h.string(kind)
	h.string(l.Path)
	k.addPlans(h, l)
	for _, u := range l.Updates {
		h.uint(u.Sum)
	}
	return h.Sum64()
}

func (k pageKeys) addPlans(h keyHash, l *model.Locality) {
	for _, p := range l.Plans {
		h.uint(k.plans[p])
	}
	for _, c := range l.Children {
		k.addPlans(h, c)
	}
}

// tasks is the key of a page about some tasks (an agency's, a catalogue
// item's): it reads them and their plans.
func (k pageKeys) tasks(kind, id string, lists ...[]*model.Task) uint64 {
	h := newKeyHash()
	h.uint(k.shared)
	h.string(kind)
	h.string(id)
	for _, tasks := range lists {
		for _, t := range tasks {
			h.uint(k.plans[t.Plan])
			h.string(t.ID)
		}
		h.uint(0)
	}
	return h.Sum64()
}

// agency is the key of an agency's page: the tasks it leads and supports.
func (k pageKeys) agency(a *model.Agency) uint64 {
	return k.tasks("agency", a.ID, a.Led, a.Supported)
}

// kind is the key of the page of a kind of agency: its agencies' tasks.
func (k pageKeys) kind(kind *model.AgencyKind) uint64 {
	h := newKeyHash()
	h.uint(k.shared)
	h.string(kind.ID)
	for _, a := range kind.Agencies {
		h.uint(k.agency(a))
	}
	return h.Sum64()
}

// document is the key of a document's page: the plans that cite it.
func (k pageKeys) document(d *model.Document) uint64 {
	h := newKeyHash()
	h.uint(k.shared)
	h.string("document")
	h.string(d.ID)
	for _, p := range d.Plans {
		h.uint(k.plans[p])
	}
	return h.Sum64()
}

// update is the key of an update's page, which reads the update alone.
func (k pageKeys) update(u *model.Update) uint64 {
	h := newKeyHash()
	h.uint(k.shared)
	h.string("update")
	h.uint(u.Sum)
	return h.Sum64()
}

// PlanKey is the key of the pages drawn from p (see Page.Key), for the
// data files drawn from it alone. Pages must have been called.
func (r *Renderer) PlanKey(p *model.Plan) uint64 { return r.keys.plan(p) }

// LocalityKey is the key of what is drawn from the plans and updates of l
// and the localities under it, for its data files. Pages must have been
// called.
func (r *Renderer) LocalityKey(l *model.Locality) uint64 { return r.keys.locality("data", l) }
