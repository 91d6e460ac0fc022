package site

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/feed"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/render"
)

// Discovery files: the Atom feeds that tell followers what changed, the
// sitemap that lists every page for search engines, and robots.txt that
// points crawlers to the sitemap. docs/feeds.md describes them.

// maxFeedEntries bounds every feed: a feed says what changed lately, and a
// reader polling a portal of ten thousand plans should not download them
// all each time. The pages and the sitemap hold the rest.
const maxFeedEntries = 100

// discoveryOptions are what the discovery files need besides the content.
type discoveryOptions struct {
	BaseURL   string          // config base_url, or --base-url; must be absolute for feeds and the sitemap
	SiteTitle string          // the portal's name: the feeds' author
	AsOf      model.Date      // documents dated after it are not in the feeds or lastmods
	Strings   *render.Strings // Vietnamese interface strings: the feeds are in Vietnamese
	// FeedKey is the key of the feed of a locality (nil: the site's), by
	// which a rebuild keeps it (render.Renderer.FeedKey); nil keeps none.
	FeedKey func(l *model.Locality) uint64
	// KeySitemap keys the sitemap by what it lists, so that a rebuild may
	// keep it.
	KeySitemap bool
}

// feedStrings are the interface strings the feeds use.
var feedStrings = []string{
	"feed_title", "feed_title_of", "feed_subtitle", "feed_plan_title", "feed_plan_summary",
	"feed_update_summary", "feed_update_summary_unnumbered", "feed_update_statuses", "feed_update_no_status",
	"feed_state_count", "date_short",
	"month_1", "month_2", "month_3", "month_4", "month_5", "month_6",
	"month_7", "month_8", "month_9", "month_10", "month_11", "month_12",
}

// writeDiscovery writes /robots.txt, and with an absolute base URL also
// /feed.xml, /dia-phuong/<path>/feed.xml for every locality and
// /sitemap.xml (an index and /sitemap-N.xml when the pages are too many for
// one file). pages are the site paths of every HTML page of every language;
// 404 pages are left out of the sitemap. Without an absolute base URL there
// is no address to write into these files, so only robots.txt is written
// and a warning says what to put in config.toml.
//
// A robots.txt already written (a site's own, from static/) is kept: call
// writeDiscovery after copying static/ so that an operator can replace it.
func writeDiscovery(w *writer, site *model.Site, pages []string, o discoveryOptions) ([]diag.Diagnostic, error) {
	base, err := feed.ParseBase(o.BaseURL)
	if err != nil {
		var l diag.List
		l.Warnf("config.toml", 0, 0, `base_url %q is not an absolute address, so the build wrote no feed.xml and no sitemap.xml: write base_url = "https://…/" (the address the site is served from) or build with --base-url https://…/`, o.BaseURL)
		return l.Items(), writeRobots(w, "")
	}
	if err := o.Strings.Require(feedStrings); err != nil {
		return nil, err
	}
	d := newDiscoverer(site, base, o)
	if err := d.writeFeeds(w); err != nil {
		return nil, err
	}
	if err := writeSitemaps(w, base, site, pages, o); err != nil {
		return nil, err
	}
	return nil, writeRobots(w, base.URL("/"+feed.IndexName))
}

// writeRobots writes /robots.txt unless the site has its own.
func writeRobots(w *writer, sitemap string) error {
	if w.has(render.OutputFile("/robots.txt")) {
		return nil
	}
	return w.write("/robots.txt", feed.Robots(sitemap))
}

// writeSitemaps writes the sitemap of pages, split as the protocol
// requires, or keeps the previous build's when it listed the same pages
// with the same dates (sitemapKey).
func writeSitemaps(w *writer, base feed.Base, site *model.Site, pages []string, o discoveryOptions) error {
	var key uint64
	if o.KeySitemap {
		key = sitemapKey(w.seed, site, pages)
	}
	// The index and its parts are all named sitemap*.xml (feed.PartName).
	if kept, err := w.keepGroup("/sitemap", key); kept || err != nil {
		return err
	}
	files, err := feed.Sitemaps(base, sitemapURLs(site, pages, base, o.AsOf), feed.ProtocolLimits)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := w.writePage("/"+f.Name, f.Data, key); err != nil {
			return err
		}
	}
	return nil
}

// sitemapKey hashes what a sitemap lists: the pages, and the dates their
// lastmods are read from (see lastMods: the updates', the plans' and
// those of each task's reports, in order), without making the addresses
// and dates, which cost as much as the rest of a rebuild's discovery. A
// task's title edited changes none of them.
func sitemapKey(seed maphash.Seed, site *model.Site, pages []string) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	for _, p := range pages {
		h.WriteString(p)
		h.WriteByte(0)
	}
	var n [8]byte
	date := func(d model.Date) {
		binary.LittleEndian.PutUint64(n[:], uint64(d.Year)<<16|uint64(d.Month)<<8|uint64(d.Day))
		h.Write(n[:])
	}
	for _, u := range site.Updates {
		date(u.Date)
	}
	for _, p := range site.Plans {
		date(p.Issued)
		for _, t := range p.Tasks {
			for _, r := range t.Reports {
				date(r.Update.Date)
			}
			date(model.Date{})
		}
	}
	return max(h.Sum64(), 1)
}

// discoverer builds the feeds. Each plan's and update's entry is made once
// and shared by the site's feed and the feeds of its locality's chain, so
// that one document has one id and one text everywhere.
type discoverer struct {
	site    *model.Site
	base    feed.Base
	o       discoveryOptions
	author  feed.Person
	plans   map[*model.Plan]dated
	updates map[*model.Update]dated
}

// dated is a feed entry with what orders it: date, then page path.
type dated struct {
	date  model.Date
	path  string
	entry feed.Entry
}

func newDiscoverer(site *model.Site, base feed.Base, o discoveryOptions) *discoverer {
	name := strings.TrimSpace(o.SiteTitle)
	if name == "" {
		name = base.Host()
	}
	return &discoverer{site: site, base: base, o: o, author: feed.Person{Name: name, URI: base.String()},
		plans: map[*model.Plan]dated{}, updates: map[*model.Update]dated{}}
}

// writeFeeds writes the site's feed and every locality's, or keeps those
// whose key is as it was: a rebuild in serve redraws the feeds of the
// edited plan's localities, not all of them.
func (d *discoverer) writeFeeds(w *writer) error {
	if err := d.writeFeed(w, nil, d.site.Plans, d.site.Updates); err != nil {
		return err
	}
	for _, l := range d.site.Localities {
		if err := d.writeFeed(w, l, l.AllPlans(), allUpdates(l)); err != nil {
			return err
		}
	}
	return nil
}

// planItem is the entry announcing p, made once for all the feeds that
// hold it; ok is false for a plan not issued by the as-of date: the site
// is as of that date, and a feed must not announce what its pages do not
// yet count.
func (d *discoverer) planItem(p *model.Plan) (it dated, ok bool, err error) {
	if it, ok := d.plans[p]; ok {
		return it, it.path != "", nil
	}
	if !p.Issued.IsZero() && !p.Issued.After(d.o.AsOf) {
		var e feed.Entry
		if e, err = d.planEntry(p); err != nil {
			return dated{}, false, fmt.Errorf("%s: %w", p.Pos.File, err)
		}
		it = dated{p.Issued, render.PlanURL(p), e}
	}
	d.plans[p] = it
	return it, it.path != "", nil
}

// updateItem is planItem for an update, dated by the document.
func (d *discoverer) updateItem(u *model.Update) (it dated, ok bool, err error) {
	if it, ok := d.updates[u]; ok {
		return it, it.path != "", nil
	}
	if !u.Date.IsZero() && !u.Date.After(d.o.AsOf) {
		var e feed.Entry
		if e, err = d.updateEntry(u); err != nil {
			return dated{}, false, fmt.Errorf("%s: %w", u.Pos.File, err)
		}
		it = dated{u.Date, render.UpdateURL(u), e}
	}
	d.updates[u] = it
	return it, it.path != "", nil
}

// writeFeed writes the feed of l (the site's when l is nil) holding plans
// and updates, newest first.
func (d *discoverer) writeFeed(w *writer, l *model.Locality, plans []*model.Plan, updates []*model.Update) error {
	url := render.FeedURL(l)
	var key uint64
	if d.o.FeedKey != nil {
		key = d.o.FeedKey(l)
	}
	return writeKeyed(w, url, key, func(b *bytes.Buffer) error {
		data, err := d.encodeFeed(l, plans, updates)
		b.Write(data)
		return err
	})
}

func (d *discoverer) encodeFeed(l *model.Locality, plans []*model.Plan, updates []*model.Update) ([]byte, error) {
	var items []dated
	for _, p := range plans {
		it, ok, err := d.planItem(p)
		if err != nil {
			return nil, err
		}
		if ok {
			items = append(items, it)
		}
	}
	for _, u := range updates {
		it, ok, err := d.updateItem(u)
		if err != nil {
			return nil, err
		}
		if ok {
			items = append(items, it)
		}
	}
	slices.SortFunc(items, func(a, b dated) int {
		return cmp.Or(b.date.Compare(a.date), strings.Compare(a.path, b.path))
	})
	items = items[:min(len(items), maxFeedEntries)]
	f, err := d.feed(l)
	if err != nil {
		return nil, err
	}
	f.Updated = midnight(d.o.AsOf) // an empty feed changed last when the data did
	if len(items) > 0 {
		f.Updated = midnight(items[0].date)
	}
	for _, it := range items {
		f.Entries = append(f.Entries, it.entry)
	}
	return f.Encode()
}

// feed returns the head of l's feed, or of the site's when l is nil.
func (d *discoverer) feed(l *model.Locality) (feed.Feed, error) {
	s := d.o.Strings
	self, page := d.base.URL(render.FeedURL(l)), d.base.String()
	title, err := s.T("feed_title", d.author.Name)
	if l != nil {
		page = d.base.URL(render.LocalityURL(l))
		title, err = s.T("feed_title_of", l.Name)
	}
	if err != nil {
		return feed.Feed{}, err
	}
	subtitle, err := s.T("feed_subtitle")
	return feed.Feed{ID: self, Self: self, Alternate: page, Title: title, Subtitle: subtitle,
		Author: d.author, Lang: "vi", Generator: "minhbach"}, err
}

// planEntry is the entry announcing a plan, dated the day it was issued.
// Its id is its page's address, which comes from the file's name: a
// corrected title leaves it alone.
func (d *discoverer) planEntry(p *model.Plan) (feed.Entry, error) {
	s := d.o.Strings
	title, err := s.T("feed_plan_title", p.Number, p.Locality.Name)
	if err != nil {
		return feed.Entry{}, err
	}
	summary, err := s.T("feed_plan_summary", strings.TrimRight(strings.TrimSpace(p.Title), ".;: "), d.date(p.Issued), len(p.Tasks))
	e := d.entry(render.PlanURL(p), title, p.Issued, p.Issuer, p.Source, p.Locality)
	e.Summary = summary
	return e, err
}

// updateEntry is the entry announcing an update, dated by the document.
func (d *discoverer) updateEntry(u *model.Update) (feed.Entry, error) {
	s := d.o.Strings
	var head string
	var err error
	if u.Number != "" {
		head, err = s.T("feed_update_summary", u.Number, d.date(u.Date), u.Locality.Name)
	} else {
		head, err = s.T("feed_update_summary_unnumbered", d.date(u.Date), u.Locality.Name)
	}
	if err != nil {
		return feed.Entry{}, err
	}
	tail, err := d.statusSummary(u.Status)
	e := d.entry(render.UpdateURL(u), u.Title, u.Date, u.Issuer, u.Source, u.Locality)
	e.Summary = head + " " + tail
	return e, err
}

// statusSummary says how many tasks an update reports on, and in which
// states, in the order the site lists states.
func (d *discoverer) statusSummary(entries []model.StatusEntry) (string, error) {
	s := d.o.Strings
	if len(entries) == 0 {
		return s.T("feed_update_no_status")
	}
	count := map[string]int{}
	for _, e := range entries {
		count[e.State]++
	}
	states := model.States()
	for st := range count {
		if !slices.Contains(states, st) {
			states = append(states, st)
		}
	}
	slices.Sort(states[len(model.States()):])
	var parts []string
	for _, st := range states {
		if count[st] > 0 {
			part, err := s.T("feed_state_count", st, count[st])
			if err != nil {
				return "", err
			}
			parts = append(parts, part)
		}
	}
	return s.T("feed_update_statuses", len(entries), strings.Join(parts, "; "))
}

// entry fills what plan and update entries share. The id is the page's
// absolute address: stable as long as the file and base_url keep their
// names, and the same in every feed the entry appears in.
func (d *discoverer) entry(page, title string, date model.Date, issuer, source string, l *model.Locality) feed.Entry {
	link := d.base.URL(page)
	author := strings.TrimSpace(issuer)
	if author == "" {
		author = l.Name
	}
	e := feed.Entry{ID: link, Link: link, Title: title, Updated: midnight(date), Author: feed.Person{Name: author}}
	if feed.IsAbsolute(source) {
		e.Related = source // where the document itself is published
	}
	scheme := d.base.URL("/dia-phuong/")
	for _, a := range l.Chain() {
		e.Categories = append(e.Categories, feed.Category{Term: a.Path, Scheme: scheme, Label: a.Name})
	}
	return e
}

// date formats a date as the site prints it.
func (d *discoverer) date(v model.Date) string {
	s := d.o.Strings
	month, _ := s.T(fmt.Sprintf("month_%d", v.Month)) // required above
	out, _ := s.T("date_short", v.Day, int(v.Month), v.Year, month)
	return out
}

// allUpdates returns the updates of l and of all its descendants.
func allUpdates(l *model.Locality) []*model.Update {
	out := append([]*model.Update(nil), l.Updates...)
	for _, c := range l.Children {
		out = append(out, allUpdates(c)...)
	}
	return out
}

// midnight is the start of a document's date in Vietnam, where it was
// signed: Atom dates need a time of day and a zone.
func midnight(d model.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, vietnam)
}

// sitemapURLs lists every page but the 404 pages, sorted and once each,
// with the date its documents last changed where that is known.
func sitemapURLs(site *model.Site, pages []string, base feed.Base, asOf model.Date) []feed.URL {
	mods := lastMods(site, asOf)
	sorted := slices.Clone(pages)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	urls := make([]feed.URL, 0, len(sorted))
	for _, p := range sorted {
		if path.Base(p) == "404.html" {
			continue
		}
		u := feed.URL{Loc: base.URL(p)}
		if m, ok := mods[withoutLang(p)]; ok {
			u.LastMod = midnight(m)
		}
		urls = append(urls, u)
	}
	return urls
}

// withoutLang returns the page's path in the site's first language: a page
// of another language has the same content, so the same lastmod.
func withoutLang(p string) string {
	for _, lang := range languages {
		if rest, ok := strings.CutPrefix(p, lang.prefix); ok && lang.prefix != "" && strings.HasPrefix(rest, "/") {
			return rest
		}
	}
	return p
}

// lastMods dates the pages whose content comes from dated documents: an
// update's page by its date; a task's by its plan's issue date or the
// latest update reporting on it; a plan's by the latest of its tasks'; a
// locality's by the latest of its own and its descendants' plans and
// updates. Only dates on or before asOf count: the site is as of that day.
// Other pages (lists, agencies, the home page) have no date anyone knows.
func lastMods(site *model.Site, asOf model.Date) map[string]model.Date {
	mods := map[string]model.Date{}
	byLocality := map[*model.Locality]model.Date{}
	known := func(d model.Date) bool { return !d.IsZero() && !d.After(asOf) }
	later := func(a, b model.Date) model.Date { // a is zero or known
		if known(b) && (a.IsZero() || b.After(a)) {
			return b
		}
		return a
	}
	for _, u := range site.Updates {
		if known(u.Date) {
			mods[render.UpdateURL(u)] = u.Date
			byLocality[u.Locality] = later(byLocality[u.Locality], u.Date)
		}
	}
	for _, p := range site.Plans {
		planDate := later(model.Date{}, p.Issued)
		for _, t := range p.Tasks {
			d := later(model.Date{}, p.Issued)
			for _, r := range t.Reports {
				d = later(d, r.Update.Date)
			}
			if known(d) {
				mods[render.TaskURL(t)] = d
			}
			planDate = later(planDate, d)
		}
		if known(planDate) {
			mods[render.PlanURL(p)] = planDate
			byLocality[p.Locality] = later(byLocality[p.Locality], planDate)
		}
	}
	// Localities come parents first: walking back rolls children up.
	for i := len(site.Localities) - 1; i >= 0; i-- {
		l := site.Localities[i]
		d := byLocality[l]
		if l.Parent != nil {
			byLocality[l.Parent] = later(byLocality[l.Parent], d)
		}
		if known(d) {
			mods[render.LocalityURL(l)] = d
		}
	}
	return mods
}
