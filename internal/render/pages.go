package render

import (
	"slices"
	"strings"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/search"
)

// Page is one page of the site: where it goes, which layout draws it, and
// the data the layout needs.
type Page struct {
	URL         string
	Template    string
	Title       string
	Description string
	Crumbs      []Crumb
	Data        any
	// Lazy, when set, makes Data just before the page is drawn, on the
	// worker that draws it: a site's pages then hold their lists only while
	// they are being written, and the lists are made on every core.
	Lazy     func() any
	Locality *model.Locality // the locality the page is about, whose feed it links
	// Prepare, when set, is called once before the page is drawn in any
	// language, on the worker that draws it: a plan's page parses its text
	// again when the loader dropped it (see text.go).
	Prepare func() error
	// Release, when set, frees what only this page needed, once it is
	// drawn in every language: a plan's parsed text is most of the memory
	// a site holds.
	Release func()
	// Key, when not zero, is a hash of all the content the page is drawn
	// from (see keys.go): a rebuild with the same layouts, strings and
	// settings that finds the same Key may keep the page it drew before.
	// A page with none is always drawn.
	Key uint64
	// Subpages, when set, makes the pages drawn right after this one, from
	// the same content: a plan's task pages. The worker that draws the plan
	// makes them and lets go of them once written, so that a national site
	// never holds its 100,000 task pages' titles and crumbs at once.
	Subpages func() []Page
}

// Flatten lists pages with their subpages, in the order a build draws
// them: for checks and tests, which want every page at once.
func Flatten(pages []Page) []Page {
	out := make([]Page, 0, len(pages))
	for _, p := range pages {
		out = append(out, p)
		if p.Subpages != nil {
			out = append(out, p.Subpages()...)
		}
	}
	return out
}

// Crumb is one step of a breadcrumb trail.
type Crumb struct {
	Name string
	URL  string
}

// SearchURL is the search page; every page's header form submits to it.
const SearchURL = "/tim-kiem/"

// SearchView is the data of the search page: the script that queries the
// index, and the index's manifest.
type SearchView struct {
	Script, Index string
}

// TaskView is the data of a task page.
type TaskView struct {
	Task       *model.Task
	Prev, Next *model.Task
}

// Facts are what the page lists of every language are made from, worked
// out once for all of them: the counts, the agencies' rows and the pages'
// keys. Made for each language, they were a tenth of the CPU of a rebuild
// after one task's edit. Facts are only read once made.
type Facts struct {
	index    *siteIndex
	keys     pageKeys
	agencies map[*model.Agency]AgencyRow
	byLed    []AgencyRow // every agency's row, by tasks led
}

// Facts works out the facts of site as of r's date, the keys on one core
// and the rest on another.
func (r *Renderer) Facts(site *model.Site) *Facts {
	f := &Facts{index: newSiteIndex(site, r.opts.AsOf)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f.agencies = r.agencyRows(site)
		f.byLed = make([]AgencyRow, 0, len(f.agencies))
		for _, a := range site.Agencies {
			f.byLed = append(f.byLed, f.agencies[a])
		}
		f.byLed = sortedRows(f.byLed, false)
	}()
	f.keys = r.newPageKeys(site, f.index)
	<-done
	return f
}

// Pages lists every HTML page of the site, in a fixed order.
func (r *Renderer) Pages(site *model.Site) []Page { return r.PagesOf(site, r.Facts(site)) }

// PagesOf lists every HTML page of the site, made from its facts (which
// any of the site's renderers may have worked out), in a fixed order.
func (r *Renderer) PagesOf(site *model.Site, facts *Facts) []Page {
	r.index, r.keys = facts.index, facts.keys
	if r.rows != nil {
		r.rows.retain(facts.keys.tasks)
	}
	s := r.strings
	home := Crumb{s.MustT("nav_home"), "/"}
	locs := Crumb{s.MustT("nav_localities"), "/dia-phuong/"}
	agencies, byLed := facts.agencies, facts.byLed
	documents := documentsByID(site)
	keys := facts.keys
	pages := []Page{
		{URL: "/", Template: "home", Description: s.MustT("home_lead"), Data: r.homeView(site, byLed)},
		{URL: "/dia-phuong/", Template: "localities", Title: s.MustT("localities"), Crumbs: []Crumb{home}, Data: site, Key: keys.localities(site, facts.index)},
		{URL: "/du-lieu/", Template: "data", Title: s.MustT("data"), Description: s.MustT("data_lead"), Crumbs: []Crumb{home}, Data: site, Key: keys.dataPage(site)},
		{URL: "/404.html", Template: "404", Title: s.MustT("not_found"), Data: site, Key: keys.at("/404.html", keys.shared)},
		{URL: SearchURL, Template: "search", Title: s.MustT("search_title"), Description: s.MustT("search_lead"), Crumbs: []Crumb{home},
			Data: SearchView{Script: r.opts.Script, Index: search.Manifest}},
		r.duePage(site, nil, []Crumb{home}),
	}
	for i := range pages {
		if pages[i].Key == 0 {
			pages[i].Key = keys.whole(pages[i].URL)
		}
	}
	pages = append(pages, r.agencyPages(site, agencies, byLed, home, keys)...)
	pages = append(pages, r.documentPages(site, home, keys)...)
	pages = append(pages, r.comparePages(site, home, keys)...)
	for _, l := range site.Localities {
		chain := localityCrumbs(l.Parent, home, locs)
		pages = append(pages, Page{URL: LocalityURL(l), Template: "locality", Title: l.Name,
			Description: l.Name + ": " + s.MustT("plans") + ", " + s.MustT("plan_tasks"), Crumbs: chain, Data: l, Locality: l, Key: keys.locality("locality", l)})
		due := r.duePage(site, l, localityCrumbs(l, home, locs))
		due.Key = keys.locality("due", l)
		pages = append(pages, due)
		for _, p := range l.Plans {
			pchain := localityCrumbs(l, home, locs)
			key := keys.plan(p)
			pages = append(pages, Page{URL: PlanURL(p), Template: "plan", Title: p.Number + " — " + l.Name,
				Description: summary(p.Title), Crumbs: pchain, Data: p, Prepare: r.prepareText(p, documents), Release: r.releaseBody(p), Key: key,
				Subpages: func() []Page { return r.taskPages(p, pchain) }})
		}
		for _, u := range l.Updates {
			pages = append(pages, Page{URL: UpdateURL(u), Template: "update", Title: u.Title,
				Description: summary(u.Title), Crumbs: localityCrumbs(l, home, locs), Data: u, Key: keys.update(u)})
		}
	}
	for i := range pages {
		if pages[i].Description == "" {
			pages[i].Description = s.MustT("home_lead")
		}
	}
	return pages
}

// taskPages are the pages of p's tasks, whose crumbs lead through the
// plan's.
func (r *Renderer) taskPages(p *model.Plan, planCrumbs []Crumb) []Page {
	chain := append(slices.Clip(planCrumbs), Crumb{p.Number, PlanURL(p)})
	title, lead := r.strings.MustT("task"), r.strings.MustT("home_lead")
	pages := make([]Page, 0, len(p.Tasks))
	for i, t := range p.Tasks {
		v := TaskView{Task: t}
		if i > 0 {
			v.Prev = p.Tasks[i-1]
		}
		if i+1 < len(p.Tasks) {
			v.Next = p.Tasks[i+1]
		}
		description := summary(t.Title)
		if description == "" {
			description = lead
		}
		pages = append(pages, Page{URL: TaskURL(t), Template: "task",
			Title: title + " " + t.ID + " — " + p.Number, Description: description, Crumbs: chain, Data: v, Key: r.keys.task(t)})
	}
	return pages
}

func (r *Renderer) duePage(site *model.Site, l *model.Locality, crumbs []Crumb) Page {
	s := r.strings
	view := func() any {
		plans, counted := ListedPlans(site, l)
		v := dueView(plans, r.opts.AsOf)
		v.Locality, v.Calendar = l, CalendarURL(l)
		if counted != nil {
			v.Children = r.index.children(counted)
		}
		return v
	}
	title := s.MustT("due_page")
	if l != nil {
		title = s.MustF("due_page_of", l.Name)
	}
	return Page{URL: DueURL(l), Template: "due", Title: title, Description: title, Crumbs: crumbs, Lazy: view}
}

func localityCrumbs(l *model.Locality, home, locs Crumb) []Crumb {
	out := []Crumb{home, locs}
	if l == nil {
		return out
	}
	for _, a := range l.Chain() {
		out = append(out, Crumb{a.Name, LocalityURL(a)})
	}
	return out
}

// summary cuts s to about 160 characters at a word boundary, for
// <meta name="description">.
func summary(s string) string { return cut(s, 160) }

// cut shortens s to about limit characters at a word boundary. Every
// task page's description is cut, so it allocates only the result.
func cut(s string, limit int) string {
	n := 0
	for i := range s {
		if n == limit {
			head := s[:i]
			end := strings.LastIndexByte(head, ' ')
			if end < 0 {
				end = len(head)
			}
			return strings.TrimRight(head[:end], ",;: ") + "…"
		}
		n++
	}
	return s
}
