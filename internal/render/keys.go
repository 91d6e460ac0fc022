package render

import (
	"math/bits"

	"github.com/minhbach/minhbach/internal/model"
)

// pageKeys work out Page.Key: a hash of the content a page is drawn from.
// A plan's page reads the plan, the updates that report on it, the
// localities, the agency registry and the cited documents; a task's page
// reads what lists show of its plan and the task's own texts; a locality's,
// an agency's, a catalogue item's or a document's page reads the plans
// below, of or citing it; an update's page reads the update. Whatever is
// shared by every page (localities, documents, the size of the data
// dumps) goes into each key, so that an edit there draws every page again.
//
// Pages that list tasks from many plans (a locality's, an agency's, a
// catalogue item's, a kind's, a document's, and the calendars) show only
// part of each plan: its number, title and dates and its tasks' ids,
// titles, deadlines, agencies, catalogue items and reports. They are keyed
// by that part (listed), so that an edit of a plan's prose draws only the
// plan's own pages again; those that list tasks, not plans, by that part
// of each task they list (tasks), so that an edit of one task's title
// draws only the pages that list it. A field such a page comes to show
// must be added to listedKey.
//
// The pages drawn from the whole site (home, the indexes of localities and
// documents) show the same of every plan, and the updates: they are keyed
// by all of that (whole). The comparison and the agencies' indexes, which
// show less, have keys of their own.
type pageKeys struct {
	shared uint64
	plans  map[*model.Plan]uint64 // all of each plan
	listed map[*model.Plan]uint64 // what lists of tasks show of each plan
	tasks  map[*model.Task]uint64 // what lists of tasks show of each task
	refs   map[*model.Task]uint64 // what a reference to each task says (see TaskRefKey)
	data   map[*model.Plan]uint64 // what the task records hold of each plan
	site   uint64                 // what lists show of every plan, and every update
	feed   uint64                 // what the site's feed says of every plan, and every update
	// comparison is the comparison page's key (see compare), made once
	// for every language.
	comparison uint64
}

// keyHash hashes what a page is drawn from, eight bytes a step: a rebuild
// hashes the texts of every plan, 8 MB on the 10k corpus. Each step is a
// round of xxHash64 (add, rotate, multiply by an odd number), which maps
// the sum before it one to one: two inputs that differ in one word never
// hash alike. Keys live as long as one serve; they need not match any
// other program's hash.
type keyHash struct{ sum uint64 }

const (
	keyPrime1 = 11400714785074694791
	keyPrime2 = 14029467366897019727
	keySeed   = 2870177450012600261
)

func newKeyHash() *keyHash { return &keyHash{keySeed} }

func (h *keyHash) Reset() { h.sum = keySeed }

func (h *keyHash) Sum64() uint64 { return h.sum }

func (h *keyHash) uint(v uint64) {
	h.sum = bits.RotateLeft64(h.sum+v*keyPrime2, 31) * keyPrime1
}

// string hashes s's length, then its bytes eight at a time, the last
// word padded with zeros (the length tells it apart).
func (h *keyHash) string(s string) {
	h.uint(uint64(len(s)))
	for ; len(s) >= 8; s = s[8:] {
		h.uint(uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56)
	}
	if len(s) > 0 {
		var tail uint64
		for i := len(s) - 1; i >= 0; i-- {
			tail = tail<<8 | uint64(s[i])
		}
		h.uint(tail)
	}
}

func (r *Renderer) newPageKeys(site *model.Site, index *siteIndex) pageKeys {
	h := newKeyHash()
	h.uint(site.Sum)
	for _, d := range site.Documents {
		h.string(d.ID)
		h.string(d.Number)
		h.string(d.Kind)
		h.uint(uint64(len(d.Plans)))
	}
	for _, name := range []string{TasksJSONURL, TasksCSVURL} {
		u, _ := dataURLOf(name, index)
		h.string(u)
	}
	k := pageKeys{shared: h.Sum64(), plans: make(map[*model.Plan]uint64, len(site.Plans)),
		listed: make(map[*model.Plan]uint64, len(site.Plans)), data: make(map[*model.Plan]uint64, len(site.Plans)),
		tasks: make(map[*model.Task]uint64, taskCount(site)), refs: make(map[*model.Task]uint64, taskCount(site))}
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
		k.listed[p] = listedKey(k.shared, p, k.tasks)
		addRefKeys(k.shared, p, k.refs)
		k.data[p] = dataKey(h, k.listed[p], p)
	}
	h.Reset()
	h.uint(k.shared)
	for _, p := range site.Plans {
		h.uint(k.listed[p])
	}
	for _, u := range site.Updates {
		h.uint(u.Sum)
	}
	k.site = h.Sum64()
	h.Reset()
	for _, p := range site.Plans {
		addFeedPlan(h, p)
	}
	for _, u := range site.Updates {
		h.uint(u.Sum)
	}
	k.feed = h.Sum64()
	k.comparison = k.compare(site.Catalog)
	return k
}

func taskCount(site *model.Site) int {
	n := 0
	for _, p := range site.Plans {
		n += len(p.Tasks)
	}
	return n
}

// listedKey hashes what the pages listing tasks from many plans show of
// p, and stores in tasks what they show of each of its tasks: its plan's
// part and its own. A task's deadline and agencies are read from its
// texts, the shared registry and its locality, so the texts stand for
// them.
func listedKey(shared uint64, p *model.Plan, tasks map[*model.Task]uint64) uint64 {
	plan := keyHash{keySeed}
	plan.uint(shared)
	for _, s := range []string{p.Slug, p.Number, p.Title, p.Issuer, p.Issued.ISO()} {
		plan.string(s)
	}
	plan.uint(uint64(len(p.Appendices)))
	h := plan
	for _, t := range p.Tasks {
		task := keyHash{keySeed}
		task.uint(plan.sum)
		addListedTask(&task, t)
		tasks[t] = task.sum
		h.uint(task.sum)
	}
	return h.Sum64()
}

// addRefKeys stores in refs what a reference to each task of p says:
// where it is (its locality, its plan's number and address, its id and
// address) and its status (its deadline's text and its reports), not its
// title or agencies.
func addRefKeys(shared uint64, p *model.Plan, refs map[*model.Task]uint64) {
	plan := keyHash{keySeed}
	plan.uint(shared)
	for _, s := range []string{p.Locality.Path, p.Slug, p.Number} {
		plan.string(s)
	}
	for _, t := range p.Tasks {
		h := plan
		for _, s := range []string{t.ID, t.Slug, t.Due} {
			h.string(s)
		}
		for _, rep := range t.Reports {
			h.uint(rep.Update.Sum)
		}
		refs[t] = h.Sum64()
	}
}

// addListedTask hashes what lists show of a task.
func addListedTask(h *keyHash, t *model.Task) {
	for _, s := range []string{t.ID, t.Slug, t.Anchor, t.Title, t.Due, t.LeadText, t.SupportText} {
		h.string(s)
	}
	for _, s := range t.Sections {
		h.string(s)
	}
	h.uint(0)
	for _, it := range t.Catalog {
		h.string(it.ID)
	}
	h.uint(0)
	for _, rep := range t.Reports {
		h.uint(rep.Update.Sum)
	}
	h.uint(0)
}

// dataKey hashes what the task records (opendata.TaskRecord) hold of p:
// what lists show (listed, its key), and each task's deliverable and
// measures. The records' agencies, dates and statuses are read from the
// texts and reports that listed covers.
func dataKey(h *keyHash, listed uint64, p *model.Plan) uint64 {
	h.Reset()
	h.uint(listed)
	for _, t := range p.Tasks {
		h.string(t.Product)
		for _, s := range t.Targets {
			h.string(s)
		}
		h.uint(0)
	}
	return h.Sum64()
}

// compare is the key of the comparison page. Its cells show, for each
// catalogue item and locality, the tasks' ids, deadlines and statuses, not
// their titles or agencies: an edit of a title leaves it as it was.
func (k pageKeys) compare(catalog []*model.CatalogItem) uint64 {
	h := newKeyHash()
	h.uint(k.shared)
	h.string(CompareURL)
	for _, it := range catalog {
		h.string(it.ID)
		for _, t := range it.Tasks {
			for _, s := range []string{t.Plan.Locality.Path, t.Plan.Slug, t.ID, t.Slug, t.Anchor, t.Due} {
				h.string(s)
			}
			for _, rep := range t.Reports {
				h.uint(rep.Update.Sum)
			}
			h.uint(0)
		}
		h.uint(0)
	}
	return h.Sum64()
}

// dataPage is the key of the open data page (DataPageOf): the counts it
// gives (plans, tasks and Phụ lục by province; localities, agencies,
// comparison rows) and the files and plan it takes as examples, not what
// the tasks say.
func (k pageKeys) dataPage(site *model.Site) uint64 {
	h := newKeyHash()
	h.uint(k.shared)
	h.string("data")
	h.uint(uint64(len(site.Localities)))
	h.uint(uint64(len(site.Agencies)))
	for _, it := range site.Catalog {
		h.uint(uint64(len(it.Tasks)))
	}
	for _, p := range site.Plans {
		addPlanCard(h, p)
	}
	if len(site.Plans) > 0 {
		h.string(site.Plans[0].Issuer)
	}
	for _, p := range site.Plans {
		if len(p.Appendices) > 0 {
			h.string(p.Appendices[0].Slug)
			break
		}
	}
	return h.Sum64()
}

// agencies is the key of the indexes of agencies (see at): the kinds, and
// each agency's row (its name, locality and counts, which the chart
// draws), not what its tasks say: an edit of a title leaves them as they
// were. rows are every agency's, in the order of the table by tasks led;
// the other order is made from them.
func (k pageKeys) agencies(rows []AgencyRow, kinds []*model.AgencyKind) uint64 {
	h := newKeyHash()
	h.uint(k.shared)
	for _, kind := range kinds {
		h.string(kind.ID)
		h.string(kind.Name)
		h.uint(uint64(len(kind.Agencies)))
	}
	h.uint(0)
	for _, row := range rows {
		a := row.Agency
		h.string(a.ID)
		h.string(a.Name)
		if a.Locality != nil {
			h.string(a.Locality.Path)
			h.string(a.Locality.Name)
		} else {
			h.uint(0)
		}
		for _, n := range []int{row.Led, row.Supported, row.PastDue, row.Done} {
			h.uint(uint64(n))
		}
		for _, st := range styles() {
			h.uint(uint64(row.Styles[st]))
		}
	}
	return h.Sum64()
}

// localities is the key of the index of localities: their tree, which
// shared holds, and how many plans and tasks each has.
func (k pageKeys) localities(site *model.Site, index *siteIndex) uint64 {
	h := newKeyHash()
	h.uint(k.shared)
	h.string("localities")
	for _, l := range site.Localities {
		t := index.tally[l]
		h.uint(uint64(t.Plans))
		h.uint(uint64(t.Tasks))
	}
	return h.Sum64()
}

// at is the key of the page at url drawn from the content key hashes,
// when several pages are.
func (k pageKeys) at(url string, key uint64) uint64 {
	h := newKeyHash()
	h.uint(key)
	h.string(url)
	return h.Sum64()
}

// whole is the key of a page drawn from the whole site, at url.
func (k pageKeys) whole(url string) uint64 {
	h := newKeyHash()
	h.uint(k.site)
	h.string(url)
	return h.Sum64()
}

// plan is the key of a plan's page.
func (k pageKeys) plan(p *model.Plan) uint64 { return k.plans[p] }

// task is the key of a task's page. The page shows what lists show of its
// plan (its neighbours' ids, its own title, deadline, agencies and
// reports) and its own description, deliverable and measures, but no other
// prose of the plan: an edit of one task's text draws that task's page
// alone, not every task's of the plan.
func (k pageKeys) task(t *model.Task) uint64 {
	h := newKeyHash()
	h.uint(k.listed[t.Plan])
	h.string("task")
	h.string(t.ID)
	for _, s := range t.Description {
		h.string(s)
	}
	h.uint(0)
	h.string(t.Product)
	for _, s := range t.Targets {
		h.string(s)
	}
	return h.Sum64()
}

// locality is the key of a locality's page or of its deadline page (kind
// tells them apart): they list every plan below it, and its own updates.
func (k pageKeys) locality(kind string, l *model.Locality) uint64 {
	return k.subtree(kind, l, k.listed)
}

// subtree hashes l's own updates and, by plans, every plan below it.
func (k pageKeys) subtree(kind string, l *model.Locality, plans map[*model.Plan]uint64) uint64 {
	h := newKeyHash()
	h.uint(k.shared)
	h.string(kind)
	h.string(l.Path)
	addPlans(h, l, plans)
	for _, u := range l.Updates {
		h.uint(u.Sum)
	}
	return h.Sum64()
}

func addPlans(h *keyHash, l *model.Locality, plans map[*model.Plan]uint64) {
	for _, p := range l.Plans {
		h.uint(plans[p])
	}
	for _, c := range l.Children {
		addPlans(h, c, plans)
	}
}

// taskList is the key of a page about some tasks (an agency's, a
// catalogue item's): it reads what lists show of each, and nothing of
// their plans' other tasks, so that one task's edit draws again only the
// pages that list it.
func (k pageKeys) taskList(kind, id string, lists ...[]*model.Task) uint64 {
	h := newKeyHash()
	h.uint(k.shared)
	h.string(kind)
	h.string(id)
	for _, tasks := range lists {
		for _, t := range tasks {
			h.uint(k.tasks[t])
		}
		h.uint(0)
	}
	return h.Sum64()
}

// agency is the key of an agency's page: the tasks it leads and supports.
func (k pageKeys) agency(a *model.Agency) uint64 {
	return k.taskList("agency", a.ID, a.Led, a.Supported)
}

// item is the key of what is drawn from a catalogue item's tasks: its
// comparison page, its rows in the site-wide comparison file.
func (k pageKeys) item(it *model.CatalogItem) uint64 {
	return k.taskList("compare-item", it.ID, it.Tasks)
}

// kind is the key of the page of a kind of agency: the tasks its agencies
// lead, and how many they support. It lists no supported task, so an edit
// of one draws again the page of its lead's kind alone.
func (k pageKeys) kind(kind *model.AgencyKind) uint64 {
	h := newKeyHash()
	h.uint(k.shared)
	h.string(kind.ID)
	for _, a := range kind.Agencies {
		h.uint(k.taskList("kind", a.ID, a.Led))
		h.uint(uint64(len(a.Supported)))
	}
	return h.Sum64()
}

// document is the key of a document's page: what its list of the plans
// that cite it shows of each (see addPlanCard), not their tasks.
func (k pageKeys) document(d *model.Document) uint64 {
	h := newKeyHash()
	h.uint(k.shared)
	h.string("document")
	h.string(d.ID)
	for _, p := range d.Plans {
		addPlanCard(h, p)
	}
	return h.Sum64()
}

// addPlanCard hashes what a list of plans (the plan-list layout) shows of
// p: its locality, address, number, title and issue date, and how many
// tasks and Phụ lục tables it has.
func addPlanCard(h *keyHash, p *model.Plan) {
	for _, s := range []string{p.Locality.Path, p.Slug, p.Number, p.Title, p.Issued.ISO()} {
		h.string(s)
	}
	h.uint(uint64(len(p.Tasks)))
	h.uint(uint64(len(p.Appendices)))
}

// update is the key of an update's page, which reads the update alone.
func (k pageKeys) update(u *model.Update) uint64 {
	h := newKeyHash()
	h.uint(k.shared)
	h.string("update")
	h.uint(u.Sum)
	return h.Sum64()
}

// FeedKey is the key of the Atom feed of l (of the site when l is nil):
// it announces the plans and updates below l, a plan by its card, issuer
// and source, not its tasks, an update from its file. Pages must have
// been called.
func (r *Renderer) FeedKey(l *model.Locality) uint64 {
	k := r.keys
	h := newKeyHash()
	h.uint(k.shared)
	h.string("feed")
	if l == nil {
		h.uint(k.feed)
		return h.Sum64()
	}
	h.string(l.Path)
	addFeedPlans(h, l)
	h.uint(0)
	addUpdates(h, l)
	return h.Sum64()
}

// addFeedPlans hashes what a feed says of the plans below l.
func addFeedPlans(h *keyHash, l *model.Locality) {
	for _, p := range l.Plans {
		addFeedPlan(h, p)
	}
	for _, c := range l.Children {
		addFeedPlans(h, c)
	}
}

// addFeedPlan hashes what a feed's entry says of p.
func addFeedPlan(h *keyHash, p *model.Plan) {
	addPlanCard(h, p)
	h.string(p.Issuer)
	h.string(p.Source)
}

func addUpdates(h *keyHash, l *model.Locality) {
	for _, u := range l.Updates {
		h.uint(u.Sum)
	}
	for _, c := range l.Children {
		addUpdates(h, c)
	}
}

// WholeKey is the key of a file at url drawn from what lists show of every
// plan, and from every update (as the home page is), such as the search
// index. Pages must have been called.
func (r *Renderer) WholeKey(url string) uint64 { return r.keys.whole(url) }

// PlanKey is the key of the pages drawn from p (see Page.Key), for the
// data files drawn from it alone. Pages must have been called.
func (r *Renderer) PlanKey(p *model.Plan) uint64 { return r.keys.plan(p) }

// DataKey is the key of the site-wide data file at url, drawn from the
// records of tasks (in plan order) and from the site's localities,
// agencies and catalogue: it changes with a task's record, not with a
// plan's prose. Pages must have been called.
func (r *Renderer) DataKey(url string, tasks []*model.Task) uint64 {
	h := newKeyHash()
	h.uint(r.keys.shared)
	h.string(url)
	var last *model.Plan
	for _, t := range tasks {
		if t.Plan != last {
			last = t.Plan
			h.uint(r.keys.data[last])
		}
	}
	return max(h.Sum64(), 1)
}

// ListedTaskKey is the key of what lists of tasks from many plans show
// of t: its plan's number and title, its own title, deadline, agencies,
// catalogue items and reports. Pages must have been called.
func (r *Renderer) ListedTaskKey(t *model.Task) uint64 { return r.keys.tasks[t] }

// TaskRefKey is the key of what a reference to t in the open data says
// (opendata.TaskRef) and of t's status: its locality, plan number, id,
// address, deadline and reports. Pages must have been called.
func (r *Renderer) TaskRefKey(t *model.Task) uint64 { return r.keys.refs[t] }

// LocalityKey is the key of what is drawn from all of the plans and updates
// of l and the localities under it, for its data files, which hold every
// field of a task. Pages must have been called.
func (r *Renderer) LocalityKey(l *model.Locality) uint64 {
	return r.keys.subtree("data", l, r.keys.plans)
}
