// Package load reads a content tree into the model: it parses every file,
// recognises the structure of each plan, links updates to the tasks they
// report on, and checks everything an editor can get wrong.
package load

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/minhbach/minhbach/internal/agency"
	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/recognize"
	"github.com/minhbach/minhbach/internal/vnfold"
	"github.com/minhbach/minhbach/internal/vntime"
)

// LocalitiesDir is the folder under content/ that holds the locality tree.
const LocalitiesDir = "dia-phuong"

// Load reads dir/content, and the registries of data/ from data (the
// site's own files over the generator's defaults; nil reads them from dir).
// Errors and warnings are returned in the list; the site is nil only when
// the content folder cannot be read at all.
func Load(dir string, parser *content.Parser, data fs.FS) (*model.Site, *diag.List) {
	return LoadWith(dir, parser, data, Options{})
}

// Options change how Load reads a site.
type Options struct {
	// DropPlanText drops each plan's parsed text (Body.Root) once its tasks
	// are read, keeping the text itself (Body.Source), so that a site of
	// any size holds no plan's syntax tree; the build's renderer reads a
	// plan's text again when it draws the plan's page.
	DropPlanText bool
	// SetAsidePlanText, with DropPlanText, also lets go of each plan's text
	// once the site is read, keeping a hash of it
	// (content.Markdown.SetAside): a one-off build reads the file again
	// when it draws the plan's page. Not with Cache, which keeps the texts.
	SetAsidePlanText bool
	// Cache, when set, keeps what each plan and update file gave from one
	// load to the next, so that a rebuild parses only the files whose bytes
	// changed (see cache.go). It is used only with DropPlanText: a syntax
	// tree kept would carry the last build's links.
	Cache *Cache
}

// LoadWith is Load with options.
func LoadWith(dir string, parser *content.Parser, data fs.FS, opts Options) (*model.Site, *diag.List) {
	if data == nil {
		data = os.DirFS(dir)
	}
	l := &loader{dir: dir, parser: parser, opts: opts, diags: &diag.List{}, localities: map[string]*model.Locality{}, data: data, localNames: map[string]localNames{}, explicitCatalog: map[*model.Task]explicitCatalog{}}
	if opts.DropPlanText {
		l.cache, l.started = opts.Cache, time.Now()
	}
	root := filepath.Join(dir, "content", LocalitiesDir)
	if _, err := os.Stat(root); err != nil {
		l.diags.Errorf("content/"+LocalitiesDir, 0, 0, "no locality folder: create content/%s/<tinh>/_index.md (see docs/content-format.md)", LocalitiesDir)
		return nil, l.diags
	}
	l.walk(root)
	site := l.link()
	return site, l.diags
}

type loader struct {
	dir             string
	opts            Options
	parser          *content.Parser
	diags           *diag.List
	localities      map[string]*model.Locality
	data            fs.FS
	localNames      map[string]localNames
	explicitCatalog map[*model.Task]explicitCatalog
	plans           []*model.Plan
	updates         []*model.Update

	cache   *Cache    // nil when not caching
	started time.Time // when the load began, to tell which stamps to trust
	sum     uint64    // a worker's file: the hash of its bytes, when read
	stamp   stamp     // a worker's file: its size and time when read, if trusted
	wasRead bool      // a worker's file was read, and what it gave may be cached

	locality *cachedLocality // a locality worker's folder, as read, for the cache; nil when not to be kept
}

// walk reads every folder and Markdown file under root in lexical order,
// which makes the result the same on every machine.
func (l *loader) walk(root string) {
	var dirs, files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." {
				dirs = append(dirs, rel)
			}
			return nil
		}
		if strings.HasSuffix(p, ".md") && d.Name() != "_index.md" {
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		l.diags.Errorf("content/"+LocalitiesDir, 0, 0, "reading content: %v", err)
	}
	l.readLocalities(dirs)
	l.readPages(files)
}

// onEveryCore calls do(i) for every i below n, on every core.
func onEveryCore(n int, do func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				do(i)
			}
		}()
	}
	wg.Wait()
}

// readLocalities reads the locality folders on every core, each into a
// loader of its own, and then adds them to the site in folder order, so
// that the outcome is the same as reading them one by one.
func (l *loader) readLocalities(dirs []string) {
	workers := make([]*loader, len(dirs))
	onEveryCore(len(dirs), func(i int) {
		w := &loader{dir: l.dir, opts: l.opts, parser: l.parser, diags: &diag.List{},
			localities: map[string]*model.Locality{}, localNames: map[string]localNames{}, cache: l.cache, started: l.started}
		w.readLocality(dirs[i])
		workers[i] = w
	})
	l.cache.keepLocalities(dirs, workers)
	for _, w := range workers {
		l.diags.Merge(w.diags)
		maps.Copy(l.localities, w.localities)
		maps.Copy(l.localNames, w.localNames)
	}
}

// readPages reads the plans and updates on every core: each file is parsed
// and recognised on its own by a worker with its own diagnostics, then the
// results join the site in file order, so that the outcome (and the order
// of messages) is the same as reading them one by one.
func (l *loader) readPages(files []string) {
	workers := make([]*loader, len(files))
	onEveryCore(len(files), func(i int) {
		w := l.worker()
		w.readPage(files[i])
		workers[i] = w
	})
	l.cache.keep(files, workers)
	for _, w := range workers {
		l.diags.Merge(w.diags)
		for _, p := range w.plans {
			p.Locality.Plans = append(p.Locality.Plans, p)
			l.plans = append(l.plans, p)
		}
		for _, u := range w.updates {
			u.Locality.Updates = append(u.Locality.Updates, u)
			l.updates = append(l.updates, u)
		}
		for t, c := range w.explicitCatalog {
			l.explicitCatalog[t] = c
		}
	}
}

// worker is a loader for one file: it shares the locality folders, which
// are only read while pages are, and collects everything else on its own.
func (l *loader) worker() *loader {
	return &loader{dir: l.dir, opts: l.opts, parser: l.parser, diags: &diag.List{}, localities: l.localities, data: l.data,
		localNames: l.localNames, explicitCatalog: map[*model.Task]explicitCatalog{}, cache: l.cache, started: l.started}
}

func (l *loader) display(rel string) string {
	return path.Join("content", LocalitiesDir, rel)
}

// read reads and splits a content file, and returns a hash of its bytes.
func (l *loader) read(rel string) (*content.File, uint64, bool) {
	name := l.display(rel)
	src, ok := l.readFile(name)
	if !ok {
		return nil, 0, false
	}
	f, ok := l.split(name, src)
	return f, fileSum(name, src), ok
}

// readFile reads the content file name.
func (l *loader) readFile(name string) ([]byte, bool) {
	src, err := os.ReadFile(filepath.Join(l.dir, filepath.FromSlash(name)))
	if err != nil {
		l.diags.Errorf(name, 0, 0, "cannot read file: %v", err)
		return nil, false
	}
	return src, true
}

// split separates a content file's front matter and body.
func (l *loader) split(name string, src []byte) (*content.File, bool) {
	f, err := content.Split(name, src)
	if err != nil {
		var d diag.Diagnostic
		if errors.As(err, &d) {
			l.diags.Add(d)
		} else {
			l.diags.Errorf(name, 0, 0, "%v", err)
		}
		return nil, false
	}
	return f, true
}

type localityFront struct {
	Name       string `toml:"name"`
	Level      string `toml:"level"`
	Code       string `toml:"code"`
	MergedInto string `toml:"merged_into"`
	Note       string `toml:"note"`
	// The locality's own agencies and the names its documents use.
	Agency []agency.Body  `toml:"agency"`
	Alias  []agency.Alias `toml:"alias"`
}

// localNames are the [[agency]] and [[alias]] tables of a locality's
// _index.md, with their lines, for the agency registry.
type localNames struct {
	file                  string
	bodies                []agency.Body
	aliases               []agency.Alias
	bodyLines, aliasLines []int
}

var levels = map[string]model.Level{"tinh": model.Province, "huyen": model.District, "xa": model.Commune}

func (l *loader) readLocality(rel string) {
	name := l.display(path.Join(rel, "_index.md"))
	st := l.statFile(name) // zero when not caching, or when the file is missing or too new
	if st == (stamp{}) {
		if _, err := os.Stat(filepath.Join(l.dir, filepath.FromSlash(name))); err != nil {
			l.diags.Errorf(l.display(rel), 0, 0,
				"locality folder has no _index.md: create %s with name = \"…\" and level = \"tinh\", \"huyen\" or \"xa\"", name)
			return
		}
	}
	if l.reuseLocality(rel, st) {
		return
	}
	if slug := path.Base(rel); slug != vnfold.Slug(slug) {
		l.diags.Errorf(l.display(rel), 0, 0, "folder name %q is not a URL slug: rename it %q (lowercase, no diacritics, words joined by -)", slug, vnfold.Slug(slug))
	}
	f, sum, ok := l.read(path.Join(rel, "_index.md"))
	if !ok {
		return
	}
	var fm localityFront
	if !f.Decode(&fm, l.diags) {
		return
	}
	loc := &model.Locality{Path: rel, Name: fm.Name, Code: fm.Code, MergedInto: fm.MergedInto, Note: fm.Note,
		Sum: sum, Pos: model.Pos{File: f.Path, Line: 1, Col: 1}}
	if strings.TrimSpace(fm.Name) == "" {
		l.diags.Errorf(f.Path, f.FrontLine, 1, `locality has no name: add name = "Thành phố Đà Nẵng" (the official name with its level word)`)
	}
	level, ok := levels[fm.Level]
	if !ok {
		l.diags.Errorf(f.Path, f.FieldLine("level"), 1, `level = %q is not a level: write level = "tinh", "huyen" or "xa"`, fm.Level)
	}
	loc.Level = level
	if len(strings.TrimSpace(string(f.Body))) > 0 {
		loc.Intro = l.parser.Parse(f)
	}
	l.localities[rel] = loc
	var kept *localNames
	if len(fm.Agency)+len(fm.Alias) > 0 {
		names := localNames{file: f.Path, bodies: fm.Agency, aliases: fm.Alias}
		for i := range fm.Agency {
			names.bodyLines = append(names.bodyLines, f.TableLine("agency", i))
		}
		for i := range fm.Alias {
			names.aliasLines = append(names.aliasLines, f.TableLine("alias", i))
		}
		l.localNames[rel] = names
		kept = &names
	}
	if st != (stamp{}) {
		l.locality = &cachedLocality{stamp: st, diags: l.diags, loc: *loc, names: kept}
	}
}

type kindFront struct {
	Kind string `toml:"kind"`
}

func (l *loader) readPage(rel string) {
	name := l.display(rel)
	st := l.statFile(name)
	if l.reuseStamped(rel, st) {
		return
	}
	src, ok := l.readFile(name)
	if !ok {
		return
	}
	sum := fileSum(name, src)
	if l.reuse(rel, sum, st) {
		return
	}
	f, ok := l.split(name, src)
	if !ok {
		return
	}
	loc := l.localities[path.Dir(rel)]
	if loc == nil {
		if path.Dir(rel) == "." {
			l.diags.Errorf(f.Path, 1, 1, "plans and updates live in a locality folder: move this file to content/%s/<locality>/", LocalitiesDir)
		}
		return // the folder's own error says what is missing
	}
	// What follows depends on the file alone, given its locality.
	l.sum, l.stamp, l.wasRead = sum, st, true
	var k kindFront
	// Read the kind alone first (other keys ignored); the strict decoding follows.
	if _, err := toml.Decode(f.Front, &k); err != nil {
		f.Decode(&k, l.diags) // reports the syntax error at its line
		return
	}
	slug := strings.TrimSuffix(path.Base(rel), ".md")
	if slug != vnfold.Slug(slug) {
		l.diags.Errorf(f.Path, 0, 0, "file name %q is not a URL slug: rename it %q.md", slug, vnfold.Slug(slug))
	}
	switch k.Kind {
	case "plan":
		l.readPlan(f, loc, slug, sum)
	case "update":
		l.readUpdate(f, loc, slug, sum)
	case "":
		l.diags.Errorf(f.Path, f.FrontLine, 1, `front matter has no kind: add kind = "plan" for a Kế hoạch or kind = "update" for a report or news item`)
	default:
		l.diags.Errorf(f.Path, f.FieldLine("kind"), 1, `kind = %q is unknown: write kind = "plan" or kind = "update"`, k.Kind)
	}
}

// taskFields are fields that front matter adds to or overrides in a task.
type taskFields struct {
	Title   string    `toml:"title"`
	Lead    string    `toml:"lead"`
	Support string    `toml:"support"`
	Due     string    `toml:"due"`
	Product string    `toml:"product"`
	Targets []string  `toml:"targets"`
	Catalog *[]string `toml:"catalog"` // catalogue item ids; [] says none, whatever the title
}

type planFront struct {
	Kind        string                `toml:"kind"`
	Title       string                `toml:"title"`
	Number      string                `toml:"number"`
	Issued      time.Time             `toml:"issued"`
	Issuer      string                `toml:"issuer"`
	Signer      string                `toml:"signer"`
	SignerTitle string                `toml:"signer_title"`
	Implements  []string              `toml:"implements"`
	Source      string                `toml:"source"`
	TasksFrom   string                `toml:"tasks_from"`
	Tasks       map[string]taskFields `toml:"tasks"`
}

func (l *loader) readPlan(f *content.File, loc *model.Locality, slug string, sum uint64) {
	var fm planFront
	if !f.Decode(&fm, l.diags) {
		return
	}
	p := &model.Plan{
		Locality: loc, Slug: slug, Title: fm.Title, Number: strings.TrimSpace(fm.Number),
		Issued: model.DateOf(fm.Issued), Issuer: fm.Issuer, Signer: fm.Signer, SignerTitle: fm.SignerTitle,
		Implements: fm.Implements, Source: l.source(f, fm.Source), TasksFrom: fm.TasksFrom,
		Sum: sum, Pos: model.Pos{File: f.Path, Line: 1, Col: 1},
	}
	if fm.Issued.IsZero() {
		p.Issued = model.Date{}
	}
	// Each message is a whole sentence, so that it can be translated.
	if strings.TrimSpace(fm.Title) == "" {
		l.diags.Errorf(f.Path, f.FieldLine("title"), 1, `plan has no title: add title = "Kế hoạch triển khai Đề án 06 trên địa bàn …"`)
	}
	if strings.TrimSpace(fm.Number) == "" {
		l.diags.Errorf(f.Path, f.FieldLine("number"), 1, `plan has no number: add number = "46/KH-UBND"`)
	}
	if strings.TrimSpace(fm.Issuer) == "" {
		l.diags.Errorf(f.Path, f.FieldLine("issuer"), 1, `plan has no issuer: add issuer = "Ủy ban nhân dân thành phố Đà Nẵng"`)
	}
	if p.Issued.IsZero() {
		l.diags.Errorf(f.Path, f.FrontLine, 1, "plan has no issue date: add issued = 2022-03-10 (the date in the header, written year-month-day, without quotes)")
	}
	p.Body = l.parser.Parse(f)
	res := recognize.Plan(p.Body, l.diags)
	p.Appendices, p.Phases, p.Tasks = res.Appendices, res.Phases, res.Tasks
	if fm.TasksFrom != "" {
		l.tasksFromAppendix(p, f)
	}
	if len(fm.Tasks) > 0 {
		l.applyOverrides(p, f, fm.Tasks)
	}
	for _, t := range p.Tasks {
		t.Plan = p
		l.readDeadline(t)
	}
	if l.opts.DropPlanText {
		p.Body.Root = nil
	}
	l.plans = append(l.plans, p)
}

// readDeadline parses a task's deadline text. A date that does not exist is
// an error; text the parser cannot read is a warning, and the task is shown
// with its text only, never with a guessed date.
func (l *loader) readDeadline(t *model.Task) {
	at := t.DuePos
	if at.Line == 0 {
		at = t.Pos
	}
	d, err := vntime.Parse(t.Due)
	t.Deadline = d
	switch {
	case err != nil:
		l.diags.Errorf(at.File, at.Line, at.Col, "task %s: deadline %q: %v", t.ID, t.Due, err)
	case d.Kind == vntime.Unknown:
		l.diags.Warnf(at.File, at.Line, at.Col,
			"task %s: cannot read the deadline %q, so it is shown as written with no date: write it as e.g. \"Trong quý II năm 2024\", \"Tháng 6/2024\", \"trước ngày 30/9/2024\", \"Từ ngày 01/7/2024\" or \"Thường xuyên\" (docs/content-format.md lists every form)", t.ID, t.Due)
	}
}

func (l *loader) tasksFromAppendix(p *model.Plan, f *content.File) {
	var names []string
	for _, a := range p.Appendices {
		names = append(names, fmt.Sprintf("%q", a.Name))
		if !vnfold.Equal(a.Name, p.TasksFrom) {
			continue
		}
		if len(p.Tasks) > 0 {
			t := p.Tasks[0]
			l.diags.Errorf(t.Pos.File, t.Pos.Line, t.Pos.Col,
				"this plan takes its tasks from %s (tasks_from), so this task heading would be ignored: remove tasks_from, or write the task as prose", a.Name)
		}
		p.Tasks = recognize.TasksFromAppendix(a, l.diags)
		return
	}
	if len(names) == 0 {
		l.diags.Errorf(f.Path, f.FieldLine("tasks_from"), 1, "tasks_from = %q names no appendix: the plan has no Phụ lục tables", p.TasksFrom)
		return
	}
	l.diags.Errorf(f.Path, f.FieldLine("tasks_from"), 1, "tasks_from = %q names no appendix: the plan has %s", p.TasksFrom, strings.Join(names, ", "))
}

func (l *loader) applyOverrides(p *model.Plan, f *content.File, overrides map[string]taskFields) {
	byID := map[string]*model.Task{}
	for _, t := range p.Tasks {
		byID[t.ID] = t
	}
	ids := make([]string, 0, len(overrides))
	for id := range overrides {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t, ok := byID[id]
		if !ok {
			l.diags.Errorf(f.Path, f.FrontLine, 1, "[tasks.%q] names no task of this plan: use a task id shown on the plan page", id)
			continue
		}
		o := overrides[id]
		set := func(dst *string, v string) {
			if v != "" {
				*dst = v
			}
		}
		set(&t.Title, o.Title)
		if o.Lead != "" {
			t.LeadText = o.Lead
			t.LeadPos = model.Pos{File: f.Path, Line: f.TableKeyLine([]string{"tasks", id}, "lead"), Col: 1}
		}
		set(&t.SupportText, o.Support)
		if o.Due != "" {
			t.Due = o.Due
			t.DuePos = model.Pos{File: f.Path, Line: f.TableKeyLine([]string{"tasks", id}, "due"), Col: 1}
		}
		set(&t.Product, o.Product)
		if len(o.Targets) > 0 {
			t.Targets = o.Targets
		}
		if o.Catalog != nil {
			l.explicitCatalog[t] = explicitCatalog{ids: *o.Catalog, at: model.Pos{File: f.Path, Line: f.TableKeyLine([]string{"tasks", id}, "catalog"), Col: 1}}
		}
		recognize.SplitAgencies(t)
	}
}

type statusFront struct {
	Plan  string `toml:"plan"`
	Task  string `toml:"task"`
	State string `toml:"state"`
	Note  string `toml:"note"`
}

type updateFront struct {
	Kind   string        `toml:"kind"`
	Title  string        `toml:"title"`
	Date   time.Time     `toml:"date"`
	Number string        `toml:"number"`
	Issuer string        `toml:"issuer"`
	Source string        `toml:"source"`
	Status []statusFront `toml:"status"`
}

// source returns a document's source address when it is a web address
// (http or https, with a host), since pages link to it; anything else, a
// "javascript:" address included, is an error and is not shown.
func (l *loader) source(f *content.File, source string) string {
	source = strings.TrimSpace(source)
	if source == "" {
		return ""
	}
	u, err := url.Parse(source)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		l.diags.Errorf(f.Path, f.FieldLine("source"), 1, `source = %q is not a web address: write the address the document is published at, starting with https://, or remove source`, source)
		return ""
	}
	return source
}

func (l *loader) readUpdate(f *content.File, loc *model.Locality, slug string, sum uint64) {
	var fm updateFront
	if !f.Decode(&fm, l.diags) {
		return
	}
	u := &model.Update{Locality: loc, Slug: slug, Sum: sum, Title: fm.Title, Date: model.DateOf(fm.Date), Number: fm.Number,
		Issuer: fm.Issuer, Source: l.source(f, fm.Source), Pos: model.Pos{File: f.Path, Line: 1, Col: 1}}
	if strings.TrimSpace(fm.Title) == "" {
		l.diags.Errorf(f.Path, f.FieldLine("title"), 1, `update has no title: add title = "…" (the headline or the document's subject)`)
	}
	if fm.Date.IsZero() {
		u.Date = model.Date{}
		l.diags.Errorf(f.Path, f.FrontLine, 1, "update has no date: add date = 2024-09-23 (year-month-day, without quotes)")
	}
	for i, s := range fm.Status {
		u.Status = append(u.Status, model.StatusEntry{Plan: s.Plan, Task: s.Task, State: s.State, Note: s.Note,
			Pos: model.Pos{File: f.Path, Line: f.TableLine("status", i), Col: 1}})
	}
	u.Body = l.parser.Parse(f)
	l.updates = append(l.updates, u)
}

// link builds the locality tree, orders everything, and checks that status
// entries name real tasks.
func (l *loader) link() *model.Site {
	site := &model.Site{}
	paths := make([]string, 0, len(l.localities))
	for p := range l.localities {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		loc := l.localities[p]
		if parent, ok := l.localities[path.Dir(p)]; ok {
			loc.Parent = parent
			parent.Children = append(parent.Children, loc)
		}
		sort.SliceStable(loc.Plans, func(i, j int) bool { return planLess(loc.Plans[i], loc.Plans[j]) })
		sort.SliceStable(loc.Updates, func(i, j int) bool { return updateLess(loc.Updates[i], loc.Updates[j]) })
		site.Localities = append(site.Localities, loc)
		site.Plans = append(site.Plans, loc.Plans...)
	}
	site.Updates = append(site.Updates, l.updates...)
	sort.SliceStable(site.Updates, func(i, j int) bool { return updateLess(site.Updates[i], site.Updates[j]) })
	l.checkPlanNumbers(site)
	l.checkStatus(site)
	l.linkOnTwoCores(site)
	for _, t := range site.Tasks() {
		slices.Reverse(t.Reports) // updates were visited newest first
	}
	site.Sum = siteSum(site)
	if l.opts.DropPlanText && l.opts.SetAsidePlanText && l.cache == nil {
		for _, p := range site.Plans {
			if p.Body != nil {
				p.Body.SetAside()
			}
		}
	}
	return site
}

// linkOnTwoCores links the tasks to their agencies on one core, and the
// plans to the documents they cite and the tasks to catalogue items on
// another: each fills fields of its own, and a rebuild in serve waits for
// all three. Their messages come in the order of one after the other.
func (l *loader) linkOnTwoCores(site *model.Site) {
	other := *l
	other.diags = &diag.List{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		other.readDocuments(site)
		other.readCatalog(site)
	}()
	l.readAgencies(site)
	<-done
	l.diags.Merge(other.diags)
}

func planLess(a, b *model.Plan) bool {
	if a.Issued != b.Issued {
		return a.Issued.ISO() < b.Issued.ISO()
	}
	return a.Slug < b.Slug
}

func updateLess(a, b *model.Update) bool {
	if a.Date != b.Date {
		return a.Date.ISO() > b.Date.ISO()
	}
	return a.Locality.Path+"/"+a.Slug < b.Locality.Path+"/"+b.Slug
}

// checkPlanNumbers rejects two plans of one locality with the same number:
// updates name plans by number, so it must say which plan is meant.
func (l *loader) checkPlanNumbers(site *model.Site) {
	for _, loc := range site.Localities {
		seen := map[string]*model.Plan{}
		for _, p := range loc.Plans {
			if prev, dup := seen[p.Number]; dup && p.Number != "" {
				l.diags.Errorf(p.Pos.File, 1, 1, "number %q is also the number of %s: each plan of a locality has its own number", p.Number, prev.Pos.File)
			}
			seen[p.Number] = p
		}
	}
}

// checkStatus checks that every status entry names a plan visible from the
// update's locality (its own or an ancestor's or descendant's), a task of
// that plan, and a known state.
func (l *loader) checkStatus(site *model.Site) {
	byNumber := map[string][]*model.Plan{}
	for _, p := range site.Plans {
		byNumber[p.Number] = append(byNumber[p.Number], p)
	}
	for _, u := range site.Updates {
		for _, s := range u.Status {
			plan := pickPlan(byNumber[s.Plan], u.Locality)
			if plan == nil {
				l.diags.Errorf(s.Pos.File, s.Pos.Line, 1, "[[status]] plan = %q names no plan of %s: write the number exactly as the plan's front matter has it", s.Plan, u.Locality.Name)
				continue
			}
			var task *model.Task
			for _, t := range plan.Tasks {
				if t.ID == s.Task {
					task = t
					break
				}
			}
			state, known := canonicalState(s.State)
			if task != nil && known {
				task.Reports = append(task.Reports, model.Report{Update: u, State: state, Note: s.Note})
			}
			if task == nil {
				l.diags.Errorf(s.Pos.File, s.Pos.Line, 1, "[[status]] task = %q is not a task of %s: use a task id shown on the plan page", s.Task, s.Plan)
			}
			if !known {
				l.diags.Errorf(s.Pos.File, s.Pos.Line, 1, "[[status]] state = %q is unknown: write one of %q", s.State, model.States())
			}
		}
	}
}

// canonicalState returns the state as the site spells it, however the
// editor typed it ("Hoan thanh" → "hoàn thành").
func canonicalState(s string) (string, bool) {
	for _, st := range model.States() {
		if vnfold.Equal(strings.TrimSpace(s), st) {
			return st, true
		}
	}
	return "", false
}

func pickPlan(plans []*model.Plan, loc *model.Locality) *model.Plan {
	for _, p := range plans {
		for a := p.Locality; a != nil; a = a.Parent {
			if a == loc {
				return p
			}
		}
		for a := loc; a != nil; a = a.Parent {
			if a == p.Locality {
				return p
			}
		}
	}
	return nil
}
