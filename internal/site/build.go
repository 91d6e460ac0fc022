// Package site runs the build: load → model → render → assets → write. The
// output goes to a temporary folder that replaces the previous output only
// when everything succeeded.
package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/minhbach/minhbach/internal/assets"
	"github.com/minhbach/minhbach/internal/config"
	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/render"
	"github.com/minhbach/minhbach/internal/search"
)

// Options say what to build and where.
type Options struct {
	Source  string     // the site folder: content/, layouts/, static/, config.toml
	Out     string     // the output folder, replaced as a whole
	AsOf    model.Date // overrides config as_of; zero means config, else today in Vietnam
	BaseURL string     // overrides config base_url when set
}

// Result reports what a build did.
type Result struct {
	Pages     int
	Files     int
	Unchanged int // files an update in place found as they were and left alone
	Kept      int // files of those a rebuild did not even draw, their content being as it was
	Warnings  []diag.Diagnostic
	AsOf      model.Date
}

// Vietnam has kept UTC+7 without daylight saving since 1975; a fixed zone
// needs no time zone database on the build machine.
var vietnam = time.FixedZone("ICT", 7*60*60)

// Today returns today's date in Vietnam.
func Today() model.Date { return model.DateOf(time.Now().In(vietnam)) }

// Build builds the site. On any error the previous output stays as it was.
func Build(opts Options) (*Result, error) {
	res, _, err := build(opts, nil, nil, nil, nil)
	return res, err
}

// Builder builds one site again and again, as serve does: after its first
// build it updates the output in place, writing only the files whose bytes
// changed and deleting those no longer built. An error in loading the
// content leaves the output as it was; one while writing (a full disk) may
// leave it part updated until the next build.
type Builder struct {
	opts    Options
	last    *writer     // the writer of the last build that succeeded
	cache   *load.Cache // what each content file gave, for the next load
	drawers drawers     // the renderers, for the next build of the same frame
	index   *search.Indexer
}

// drawers are the renderers of a build, and the files made with them (the
// stylesheet and the script), kept for the next build whose frameSum is
// the same: they are made from the frame alone, and parsing the layouts
// and bundling the assets was a tenth of a rebuild.
type drawers struct {
	frame     uint64
	renderers []*render.Renderer
	files     []assets.Asset
}

// NewBuilder returns a Builder of the site opts describe.
func NewBuilder(opts Options) *Builder {
	return &Builder{opts: opts, cache: load.NewCache(), index: search.NewIndexer()}
}

// Build builds the site, updating the previous output in place when this
// Builder wrote it and it is still there.
func (b *Builder) Build() (*Result, error) {
	var prev *writer
	if b.last != nil {
		if _, err := os.Stat(b.opts.Out); err == nil {
			prev = b.last
		}
	}
	res, w, err := build(b.opts, prev, b.cache, &b.drawers, b.index)
	switch {
	case err == nil:
		b.last = w
	case w != nil && w.prev != nil:
		// A build that failed while updating in place may have written
		// some files: the next one starts afresh rather than trust sums
		// that no longer say what is on disk.
		b.last = nil
	}
	return res, err
}

// build builds the site into a new output folder, or over the output prev
// wrote when prev is not nil. A cache, when a rebuild will follow, keeps
// what each content file gave, and the writer its pages' keys; index, when
// not nil, what the search index read. The output is touched only once
// the content has loaded without errors.
func build(opts Options, prev *writer, cache *load.Cache, kept *drawers, index *search.Indexer) (*Result, *writer, error) {
	open := func(frame uint64) (*writer, error) {
		if prev != nil {
			return newUpdater(opts.Out, prev, frame), nil
		}
		w, err := newWriter(opts.Out)
		if err == nil && cache != nil {
			w.remember(frame)
		}
		return w, err
	}
	return pipeline(opts, cache, kept, index, open)
}

// pipeline runs load → render → write, reading through cache (nil for
// none), drawing with the kept renderers when their frame is this build's
// (nil keeps none), and writing through the writer open returns for the
// build's frameSum.
func pipeline(opts Options, cache *load.Cache, kept *drawers, index *search.Indexer, open func(frame uint64) (*writer, error)) (*Result, *writer, error) {
	cfg, err := config.Load(opts.Source)
	if err != nil {
		return nil, nil, err
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
	}
	asOf := resolveAsOf(opts.AsOf, cfg)
	parser := content.NewParser()
	// The plans' syntax trees are dropped as read and read again page by
	// page (render/text.go): a national site would not fit in memory.
	// A one-off build also sets their texts aside, and reads each file
	// again when it draws the plan's page; serve's cache keeps them.
	site, diags := load.LoadWith(opts.Source, parser, siteFS(opts.Source), load.Options{DropPlanText: true, SetAsidePlanText: cache == nil, Cache: cache})
	res := &Result{AsOf: asOf}
	for _, d := range diags.Items() {
		if d.Severity == diag.Warning {
			res.Warnings = append(res.Warnings, d)
		}
	}
	if err := diags.Err(); err != nil {
		return res, nil, err
	}
	var frame uint64
	if cache != nil { // a rebuild follows, which compares frames
		if frame, err = frameSum(opts.Source, asOf, cfg.BaseURL); err != nil {
			return res, nil, fmt.Errorf("reading layouts, strings and data: %w", err)
		}
	}
	var renderers []*render.Renderer
	var files []assets.Asset
	if kept != nil && kept.renderers != nil && kept.frame == frame {
		renderers, files = kept.renderers, kept.files
	} else {
		// A one-off build lets go of each plan's text once its page is
		// drawn; serve's builder keeps them, for its cache reuses the
		// parsed plans.
		if renderers, files, err = newRenderers(opts.Source, cfg, parser, asOf, cache == nil); err != nil {
			return res, nil, err
		}
		if kept != nil && cache != nil {
			*kept = drawers{frame, renderers, files}
		}
	}
	w, err := open(frame)
	if err != nil {
		return res, w, err
	}
	defer w.discard()
	for _, f := range files {
		if err := w.write(f.Path, f.Contents); err != nil {
			return res, w, err
		}
	}
	vi := renderers[0]
	vi.LinkCitations(site)
	render.LinkAppendixDownloads(site)
	// Each language makes its page list on its own core, from facts worked
	// out once: on a rebuild, which draws few pages, the lists are a large
	// part of the wait.
	facts := vi.Facts(site)
	lists := make([][]render.Page, len(renderers))
	listing := make([]func() error, len(renderers))
	for i, r := range renderers {
		listing[i] = func() error { lists[i] = r.PagesOf(site, facts); return nil }
	}
	_ = runAll(listing)
	var urls []string
	steps := []func() error{
		func() error {
			var err error
			urls, err = renderPages(renderers, w, lists)
			// The page lists, with every page's title and crumbs, are a
			// large part of the live heap of a large site: the data files
			// and the search index that follow do not need them.
			clear(lists)
			return err
		},
		func() error { return writeData(vi, w, site, asOf) },
		func() error { return writeSearch(w, vi.WholeKey(search.Manifest), site, index) },
	}
	run := inTurn
	if w.prev != nil {
		// A rebuild draws few pages, which leaves the cores free for the
		// data files and the search index meanwhile. A first build takes
		// them in turn, so that the data's records and the index are not
		// held while the pages are drawn.
		run = runTogether
	}
	if err := run(steps); err != nil {
		return res, w, err
	}
	res.Pages = len(urls)
	if err := copyStatic(w, opts.Source); err != nil {
		return res, w, err
	}
	if err := writeHeaders(w, files); err != nil {
		return res, w, err
	}
	// After static/, so that a site's own robots.txt wins.
	disc := discoveryOptions{BaseURL: cfg.BaseURL, SiteTitle: cfg.Title, AsOf: asOf, Strings: vi.Strings()}
	if cache != nil { // a rebuild follows, which may keep the feeds and the sitemap
		disc.FeedKey, disc.KeySitemap = vi.FeedKey, true
	}
	warnings, err := writeDiscovery(w, site, urls, disc)
	res.Warnings = append(res.Warnings, warnings...)
	if err != nil {
		return res, w, err
	}
	slices.Sort(w.large) // written on every core, in no set order
	for _, name := range w.large {
		var l diag.List
		l.Warnf(name, 0, 0, "this generated file is over %d MB, more than a CDN may serve as one file: please report it with the size of the site", MaxFileSize>>20)
		res.Warnings = append(res.Warnings, l.Items()...)
	}
	if err := w.commit(); err != nil {
		return res, w, err
	}
	res.Files, res.Unchanged, res.Kept = len(w.files), w.unchanged, w.kept
	return res, w, nil
}

// resolveAsOf picks the date statuses are computed for: the one asked for,
// else config as_of, else today in Vietnam.
func resolveAsOf(asked model.Date, cfg config.Config) model.Date {
	switch {
	case !asked.IsZero():
		return asked
	case !cfg.AsOf.IsZero():
		return model.DateOf(cfg.AsOf)
	}
	return Today()
}

// languages are the site's interface languages, the first at the root and
// each other under its prefix. Plan text stays as written in both.
var languages = []struct{ code, prefix string }{{"vi", ""}, {"en", "/en"}}

// newRenderers reads the site's layouts, strings, stylesheet and script
// (its own over the defaults) into one renderer per language, and returns
// the stylesheet and script to write.
func newRenderers(source string, cfg config.Config, parser *content.Parser, asOf model.Date, dropTexts bool) ([]*render.Renderer, []assets.Asset, error) {
	fsys := siteFS(source)
	assetDir := filepath.Join(source, "layouts", "assets")
	css, err := assets.CSS(fsys, assetDir)
	if err != nil {
		return nil, nil, err
	}
	js, err := assets.JS(fsys, "search.js", assetDir)
	if err != nil {
		return nil, nil, err
	}
	var out []*render.Renderer
	for i, lang := range languages {
		strs, err := render.LoadStrings(fsys, lang.code)
		if err != nil {
			return nil, nil, err
		}
		other := languages[(i+1)%len(languages)].prefix
		r, err := render.New(fsys, strs, parser, render.Options{
			SiteTitle: cfg.Title, BaseURL: cfg.BaseURL, AsOf: asOf, CSS: css.Path, Script: js.Path, UnsafeHTML: cfg.UnsafeHTML,
			Prefix: lang.prefix, Other: other, DropTexts: dropTexts, KeepRows: !dropTexts, ReadText: readText(source),
		})
		if err != nil {
			return nil, nil, err
		}
		out = append(out, r)
	}
	return out, []assets.Asset{css, js}, nil
}

// readText reads a content file by its path in the site at source.
func readText(source string) func(path string) ([]byte, error) {
	return func(path string) ([]byte, error) { return os.ReadFile(filepath.Join(source, filepath.FromSlash(path))) }
}

// renderPages renders and writes pages on every core, each page in every
// language by one worker (lists[i] are renderers[i]'s pages, in the same
// order), with its subpages; each page's bytes are dropped as soon as they
// are written, and what only the page needed once it is drawn in every
// language. It returns the site path of every page written or kept.
func renderPages(renderers []*render.Renderer, w *writer, lists [][]render.Page) ([]string, error) {
	for i := range lists {
		if len(lists[i]) != len(lists[0]) {
			return nil, fmt.Errorf("the %s pages are not the %s pages: %d and %d", renderers[i].Prefix(), renderers[0].Prefix(), len(lists[i]), len(lists[0]))
		}
	}
	paths := make([][]string, len(lists[0])) // by job, so that the order is the lists'
	jobs := make(chan int)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var html bytes.Buffer
			for i := range jobs {
				group := make([]render.Page, len(lists))
				for l := range lists {
					group[l] = lists[l][i]
				}
				var err error
				paths[i], err = renderGroup(renderers, w, group, &html)
				if err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for i := range lists[0] {
		select {
		case err := <-errs:
			close(jobs)
			wg.Wait()
			return nil, err
		case jobs <- i:
		}
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return nil, err
	default:
	}
	var all []string
	for _, p := range paths {
		all = append(all, p...)
	}
	return all, nil
}

// renderGroup draws one page (group holds it in every language) and then
// its subpages, and returns their site paths. The page's Release runs
// last, once nothing drawn from its content is left to draw.
func renderGroup(renderers []*render.Renderer, w *writer, group []render.Page, html *bytes.Buffer) ([]string, error) {
	paths, err := renderOne(renderers, w, group, nil, html)
	if err != nil || group[0].Subpages == nil {
		release(group[0])
		return paths, err
	}
	defer release(group[0])
	keys := make([]uint64, len(group))
	for l, p := range group {
		keys[l] = p.Key
	}
	if kept, ok := w.keptSubpages(group[0].URL, keys); ok {
		for _, k := range kept {
			if err := w.keep(k); err != nil {
				return paths, err
			}
			paths = append(paths, k.url)
		}
		return paths, nil
	}
	own := len(paths)
	defer func() { w.rememberGroup(group[0].URL, keys, paths[own:]) }()
	subs := make([][]render.Page, len(group))
	for l, p := range group {
		subs[l] = p.Subpages()
		if len(subs[l]) != len(subs[0]) {
			return paths, fmt.Errorf("%s: the %s subpages are not the %s subpages: %d and %d", group[0].URL, renderers[l].Prefix(), renderers[0].Prefix(), len(subs[l]), len(subs[0]))
		}
	}
	page := make([]render.Page, len(group))
	for j := range subs[0] {
		for l := range subs {
			page[l] = subs[l][j]
		}
		if paths, err = renderOne(renderers, w, page, paths, html); err != nil {
			return paths, err
		}
	}
	return paths, nil
}

// release frees what only p needed, when it says what that is.
func release(p render.Page) {
	if p.Release != nil {
		p.Release()
	}
}

// renderOne draws one page in every language (page[l] for renderers[l])
// and writes it, or keeps it as the previous build wrote it when its
// content is as it was. It appends the paths written to paths.
func renderOne(renderers []*render.Renderer, w *writer, page []render.Page, paths []string, html *bytes.Buffer) ([]string, error) {
	if keep, ok := keepAll(renderers, w, page); ok {
		for _, k := range keep {
			if err := w.keep(k); err != nil {
				return paths, err
			}
			paths = append(paths, k.url)
		}
		return paths, nil
	}
	if prepare := page[0].Prepare; prepare != nil {
		if err := prepare(); err != nil {
			return paths, err
		}
	}
	for l, r := range renderers {
		p := page[l]
		html.Reset()
		if err := r.Render(html, p); err != nil {
			return paths, err
		}
		path := r.Prefix() + p.URL
		if err := w.writePage(path, html.Bytes(), p.Key); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// keepAll reports whether a page may be kept in every language, and what
// to keep.
func keepAll(renderers []*render.Renderer, w *writer, page []render.Page) ([]kept, bool) {
	keep := make([]kept, len(renderers))
	for l, r := range renderers {
		k, ok := w.canKeep(r.Prefix()+page[l].URL, page[l].Key)
		if !ok {
			return nil, false
		}
		keep[l] = k
	}
	return keep, true
}

// copyStatic copies static/ into the output as it is.
func copyStatic(w *writer, source string) error {
	root := filepath.Join(source, "static")
	if _, err := os.Stat(root); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return w.write("/"+filepath.ToSlash(rel), data)
	})
}
