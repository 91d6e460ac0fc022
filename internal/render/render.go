// Package render turns the model into HTML pages: it decides which pages a
// site has, their URLs, titles and breadcrumbs, and executes the layouts.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark/renderer"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/tmplexec"
)

// Options are the site-wide settings a page needs.
type Options struct {
	SiteTitle  string
	BaseURL    string // absolute ("https://…/") or a path ("/")
	AsOf       model.Date
	CSS        string // site path of the stylesheet
	Script     string // site path of the search script
	UnsafeHTML bool
	// Prefix is the path of the language's pages under the site: "" for
	// Vietnamese, "/en" for English. Data files are shared by both.
	Prefix string
	// Other is the prefix of the other language, for the language switch.
	Other string
	// DropTexts lets go of a plan's text, not only its tree, once its page
	// is drawn: for a build that will not draw it again.
	DropTexts bool
	// KeepRows keeps the rows of task lists from one build to the next
	// (see dueRow): for serve, whose renderer draws the site again.
	KeepRows bool
	// ReadText reads a content file by its path in the site, for a plan
	// whose text the loader set aside (content.Markdown.SetAside).
	ReadText func(path string) ([]byte, error)
}

// Renderer executes layouts. It is safe for concurrent use.
type Renderer struct {
	opts       Options
	basePath   string
	strings    *Strings
	templates  map[string]*template.Template
	fast       map[string]*tmplexec.Set // the same layouts, run by tmplexec
	slow       map[string]error         // why tmplexec refused a layout
	drawnFast  atomic.Int64             // pages tmplexec drew, for tests
	mdRenderer renderer.Renderer        // plan text, in this renderer's language
	parser     *content.Parser          // to read again a plan's text the loader dropped
	frame      sync.Map                 // chrome key → template.HTML, see chrome
	index      *siteIndex               // counts of the site being rendered, made by Pages
	keys       pageKeys                 // the keys of its content, made by Pages
	rowLayout  *template.Template       // a set holding "due-row" escaped on its own, see dueRow
	rowFast    *tmplexec.Set            // the same, run by tmplexec
	rows       *rowCache                // rows kept between builds; nil unless KeepRows
	rowsFast   atomic.Int64             // rows tmplexec drew, for tests
	rowsSlow   atomic.Int64             // rows html/template drew, for tests
}

// Templates every site has; each is layouts/<name>.html defining "main".
var pageTemplates = []string{"home", "localities", "locality", "plan", "task", "update", "data", "due", "404", "agencies", "agency", "kind", "documents", "document", "compare", "compare-item", "search"}

// New parses the layouts in fsys (layouts/base.html and one file per page
// type) with the interface strings of the site's language.
func New(fsys fs.FS, strs *Strings, md *content.Parser, opts Options) (*Renderer, error) {
	return newRenderer(fsys, strs, md, opts, drawing{fold: true, fast: true})
}

// drawing says how layouts are drawn; only tests turn these off, to
// compare every page drawn each way.
type drawing struct {
	fold bool // fold the layouts' constant actions (fold.go)
	fast bool // execute them with tmplexec, not html/template
}

// newRenderer is New, drawing as how says.
func newRenderer(fsys fs.FS, strs *Strings, md *content.Parser, opts Options, how drawing) (*Renderer, error) {
	if err := strs.Require(goStrings()); err != nil {
		return nil, err
	}
	r := &Renderer{opts: opts, basePath: basePath(opts.BaseURL), strings: strs, templates: map[string]*template.Template{},
		fast: map[string]*tmplexec.Set{}, slow: map[string]error{}, parser: md}
	r.mdRenderer = r.newMarkdownRenderer(opts.UnsafeHTML)
	funcs := r.funcs()
	fast := fastCalls(funcs)
	base, err := template.New("base").Funcs(funcs).ParseFS(fsys, "layouts/base.html")
	if err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	for _, name := range pageTemplates {
		t, err := base.Clone()
		if err == nil {
			_, err = t.ParseFS(fsys, "layouts/"+name+".html")
		}
		if err != nil {
			return nil, fmt.Errorf("layouts: %w", err)
		}
		if how.fold {
			err = r.foldConstants(t)
		} else {
			err = escape(t)
		}
		if err != nil {
			return nil, fmt.Errorf("layouts: %w", err)
		}
		r.templates[name] = t
		if how.fast {
			// A layout tmplexec cannot run is drawn by html/template.
			if fast, err := tmplexec.New(t, "base", funcs, fast); err == nil {
				r.fast[name] = fast
			} else {
				r.slow[name] = err
			}
		}
	}
	if err := r.prepareRows(funcs, fast, how); err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	if opts.KeepRows {
		r.rows = newRowCache()
	}
	return r, nil
}

// prepareRows escapes "due-row", which dueRow draws on its own, in the set
// of the due page's layout; a site's own base.html without it draws no row.
func (r *Renderer) prepareRows(funcs template.FuncMap, fast map[string]tmplexec.FastFunc, how drawing) error {
	t := r.templates["due"]
	row := t.Lookup("due-row")
	if row == nil {
		return nil
	}
	if err := escapeEntry(t, "due-row"); err != nil {
		return err
	}
	if how.fold {
		// Escaping "due-row" escaped what it calls, which no page of this
		// set calls: the agencies' names.
		for _, tmpl := range t.Templates() {
			if tmpl.Tree != nil {
				r.foldList(tmpl.Tree.Root)
			}
		}
	}
	r.rowLayout = t
	if how.fast {
		if s, err := tmplexec.New(t, "due-row", funcs, fast); err == nil {
			r.rowFast = s
		}
	}
	return nil
}

func basePath(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Path == "" {
		return "/"
	}
	if !strings.HasSuffix(u.Path, "/") {
		return u.Path + "/"
	}
	return u.Path
}

// Strings returns the interface strings.
func (r *Renderer) Strings() *Strings { return r.strings }

// AbsURL makes a site path absolute with the base URL, for data files that
// are read outside the site.
func (r *Renderer) AbsURL(path string) string { return joinBase(r.opts.BaseURL, path) }

// view is what a layout sees.
type view struct {
	Page
	SiteTitle string
	CSS       string
	AsOf      model.Date
	Canonical string // the page's address, absolute when the base URL is
	Twin      string // the same page in the other language
}

// Render writes the HTML of page p to w.
func (r *Renderer) Render(w io.Writer, p Page) error {
	t, ok := r.templates[p.Template]
	if !ok {
		return fmt.Errorf("no layout %q", p.Template)
	}
	if p.Lazy != nil {
		p.Data, p.Lazy = p.Lazy(), nil
	}
	v := view{Page: p, SiteTitle: r.opts.SiteTitle, CSS: joinBase(r.basePath, r.opts.CSS), AsOf: r.opts.AsOf,
		Canonical: joinBase(r.opts.BaseURL, r.opts.Prefix+p.URL), Twin: joinBase(r.opts.BaseURL, r.opts.Other+p.URL)}
	if fast := r.fast[p.Template]; fast != nil {
		buf := pagePool.Get().(*bytes.Buffer)
		defer pagePool.Put(buf)
		buf.Reset()
		if fast.Execute(buf, "base", v) == nil {
			r.drawnFast.Add(1)
			_, err := w.Write(buf.Bytes())
			return err
		}
		// html/template draws the page, or says what is wrong with it in
		// its own words.
	}
	if err := t.ExecuteTemplate(w, "base", v); err != nil {
		return fmt.Errorf("rendering %s: %w", p.URL, err)
	}
	return nil
}

// pagePool holds the buffers tmplexec draws pages into.
var pagePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// chrome executes a part of the page frame (the header's navigation, the
// footer) once per variant and reuses its HTML: drawn for every page, these
// would cost as much as the page's own content. A variant is the page's
// template and, for a top-level page such as "/han-chot/", its URL, which
// is all the frame may depend on besides the language.
func (r *Renderer) chrome(name string, v view) (template.HTML, error) {
	key := name + "\x00" + v.Template
	if strings.Count(v.URL, "/") <= 2 {
		key += "\x00" + v.URL
	}
	if html, ok := r.frame.Load(key); ok {
		return html.(template.HTML), nil
	}
	t, ok := r.templates[v.Template]
	if !ok {
		return "", fmt.Errorf("no layout %q", v.Template)
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, name, v); err != nil {
		return "", err
	}
	html := template.HTML(b.String())
	r.frame.Store(key, html)
	return html, nil
}

func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"t":              r.strings.T,
		"thtml":          r.strings.HTML,
		"chrome":         r.chrome,
		"dueRow":         r.dueRow,
		"listLimit":      func() int { return ListLimit },
		"wholeFileTasks": func() int { return WholeFileTasks },
		"tally":          func(l *model.Locality) Tally { return r.index.tally[l] },
		"url":            r.pageURL,
		"file":           func(p string) string { return joinBase(r.basePath, p) },
		"date":           r.Date,
		"longDate":       r.LongDate,
		"num":            r.Int,
		"vi":             r.vi,
		"viattr":         r.viattr,
		"absolute":       func(u string) bool { return strings.Contains(u, "://") },
		"state":          r.state,
		"join":           strings.Join,
		"sub":            func(a, b int) int { return a - b },
		"inc":            func(a int) int { return a + 1 },
		"slug":           func(path string) string { return strings.ReplaceAll(path, "/", "-") },
		"localityURL":    LocalityURL,
		"planURL":        PlanURL,
		"taskURL":        TaskURL,
		"updateURL":      UpdateURL,
		"markdown":       r.markdown,
		"dueURL":         DueURL,
		"status":         func(t *model.Task) status.Status { return status.Of(t, r.opts.AsOf) },
		"known":          func(t *model.Task) []model.Report { return status.Known(t, r.opts.AsOf) },
		"daysLeft":       func(s status.Status) int { return int(s.Due.Time().Sub(s.AsOf.Time()).Hours() / 24) },
		"reading":        r.reading,
		"dueOf":          func(l *model.Locality) DueView { return dueView(l.AllPlans(), r.opts.AsOf) },
		"dueOfPlans":     func(plans []*model.Plan) DueView { return dueView(plans, r.opts.AsOf) },
		"dueGroup":       func(id, label string, items []DueItem) dueGroup { return dueGroup{id, label, items} },
		"timeline":       r.timeline,
		"dueBars":        r.dueBars,
		"agencyURL":      AgencyURL,
		"agencyTable": func(rows []AgencyRow, byPast, sortable bool) agencyTable {
			return agencyTable{rows, byPast, sortable}
		},
		"kindURL":          KindURL,
		"feedURL":          FeedURL,
		"documentURL":      DocumentURL,
		"planDataURL":      PlanDataURL,
		"appendixDataURL":  AppendixDataURL,
		"dataURL":          r.dataURL,
		"dataPage":         DataPageOf,
		"catalogItemURL":   CatalogItemURL,
		"documentTitle":    DocumentTitle,
		"localityLeadBars": r.localityLeadBars,
		"sectionBars":      r.sectionBars,
		"lower":            strings.ToLower,
		"sum": func(ns []int) int {
			total := 0
			for _, n := range ns {
				total += n
			}
			return total
		},
		"taskCount": func(plans []*model.Plan) int {
			n := 0
			for _, p := range plans {
				n += len(p.Tasks)
			}
			return n
		},
		"sectionChanged": func(tasks []*model.Task, i int) bool {
			return i == 0 || strings.Join(tasks[i].Sections, "\x00") != strings.Join(tasks[i-1].Sections, "\x00")
		},
	}
}

// dataURL is DataURL for layouts: the gzipped twin of a large file when
// the site is too big for it as it is.
func (r *Renderer) dataURL(name string) (string, error) { return dataURLOf(name, r.index) }

// dataURLOf is the address of the data file name on a site of index's
// counts (nil before they are known).
func dataURLOf(name string, index *siteIndex) (string, error) {
	u, err := DataURL(name)
	if err == nil && IsLarge(u) && index != nil && !Whole(index.total.Tasks) {
		u = GzipName(u)
		if u == GzipName(TasksJSONURL) || u == GzipName(TasksCSVURL) {
			u = DumpPartURL(strings.TrimSuffix(u, ".gz"), 1, DumpParts(index.total.Tasks))
		}
	}
	return u, err
}

// FormatInt writes n with sep between thousands: "1.234" in Vietnamese,
// "1,234" in English.
func FormatInt(n int, sep string) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
