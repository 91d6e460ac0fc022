package gen

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/render"
	"github.com/minhbach/minhbach/internal/site"
	"github.com/minhbach/minhbach/internal/vntime"
)

// hashes returns the SHA-256 of every file under dir, by path.
func hashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = fmt.Sprintf("%x", sha256.Sum256(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func write(t *testing.T, opts Options) (string, Stats) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	st, err := Write(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	return dir, st
}

func TestSameSeedSameBytes(t *testing.T) {
	opts := Options{Localities: 120, TasksPerPlan: 7, Seed: 42}
	a, sa := write(t, opts)
	b, sb := write(t, opts)
	if sa != sb {
		t.Errorf("stats differ: %+v and %+v", sa, sb)
	}
	ha, hb := hashes(t, a), hashes(t, b)
	if len(ha) != sa.Files {
		t.Errorf("%d files on disk, stats say %d", len(ha), sa.Files)
	}
	for p, h := range ha {
		if hb[p] != h {
			t.Errorf("%s differs between two runs with the same seed", p)
		}
	}
	for p := range hb {
		if _, ok := ha[p]; !ok {
			t.Errorf("%s is only in the second run", p)
		}
	}
	opts.Seed = 43
	c, _ := write(t, opts)
	hc, same := hashes(t, c), 0
	for p, h := range hc {
		if ha[p] == h {
			same++
		}
	}
	if same > 0 && same == len(hc) && len(hc) == len(ha) {
		t.Errorf("seed 43 wrote the same %d files as seed 42", same)
	}
	if hc["config.toml"] == ha["config.toml"] {
		t.Error("config.toml does not record the seed")
	}
}

func TestStatsAddUp(t *testing.T) {
	for _, opts := range []Options{
		{Localities: 1, TasksPerPlan: 1, Seed: 1},
		{Localities: 34, TasksPerPlan: 3, Seed: 1},
		{Localities: 200, TasksPerPlan: 2, Seed: 9},
	} {
		dir, st := write(t, opts)
		provinces := min(opts.Localities, maxProvinces)
		if st.Localities != opts.Localities || st.Plans != opts.Localities+provinces || st.Tasks != st.Plans*opts.TasksPerPlan {
			t.Errorf("%+v: stats %+v", opts, st)
		}
		if want := 1 + st.Localities + st.Plans + st.Updates; st.Files != want {
			t.Errorf("%+v: %d files, want %d", opts, st.Files, want)
		}
		var size int64
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				info, _ := d.Info()
				size += info.Size()
			}
			return err
		})
		if size != st.Bytes {
			t.Errorf("%+v: %d bytes on disk, stats say %d", opts, size, st.Bytes)
		}
	}
}

func TestWriteRefuses(t *testing.T) {
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		dir  string
		opts Options
		want string
	}{
		{full, Options{Localities: 1, TasksPerPlan: 1}, "is not empty"},
		{"", Options{Localities: 1, TasksPerPlan: 1}, "no output folder"},
		{t.TempDir(), Options{Localities: 0, TasksPerPlan: 1}, "localities = 0"},
		{t.TempDir(), Options{Localities: 1, TasksPerPlan: MaxTasksPerPlan + 1}, "tasks per plan"},
	}
	for _, tt := range tests {
		if _, err := Write(tt.dir, tt.opts); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Write(%q, %+v) = %v, want an error saying %q", tt.dir, tt.opts, err, tt.want)
		}
	}
}

// Every deadline form reads as the kind it stands for, never as unknown,
// in every year a corpus uses.
func TestDeadlineFormsParse(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, f := range deadlineForms {
		for i := range 400 {
			y := 2022 + i%4
			text := f.make(r, y, i%3)
			d, err := vntime.Parse(text)
			if err != nil || string(d.Kind) != f.kind {
				t.Errorf("%q: kind %s (error %v), want %s", text, d.Kind, err, f.kind)
			}
		}
	}
}

// cleanCorpora are small corpora that together use every style of plan:
// many localities with few tasks (districts and communes), and few with
// more tasks (groups, subgroups, Phụ lục).
var cleanCorpora = []Options{
	{Localities: 110, TasksPerPlan: 3, Seed: 1},
	{Localities: 36, TasksPerPlan: 9, Seed: 2},
}

// A generated corpus passes `minhbach check --strict`: no error and no
// warning, so every agency is recognised, every deadline read and every
// update names a task that exists.
func TestCorpusPassesCheck(t *testing.T) {
	for _, opts := range cleanCorpora {
		dir, st := write(t, opts)
		diags, err := site.Check(dir, model.Date{})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diags.Items() {
			t.Errorf("%+v: %s", opts, d.Error())
		}
		s, _ := site.Review(dir)
		if s == nil {
			t.Fatalf("%+v: the corpus does not load", opts)
		}
		checkShape(t, opts, st, s)
	}
}

// checkShape checks that the build reads the corpus as the generator
// wrote it, and that the corpus has what the site's pages show.
func checkShape(t *testing.T, opts Options, st Stats, s *model.Site) {
	t.Helper()
	tasks := s.Tasks()
	updates, reports := len(s.Updates), 0
	for _, task := range tasks {
		reports += len(task.Reports)
	}
	if len(s.Localities) != st.Localities || len(s.Plans) != st.Plans || len(tasks) != st.Tasks || updates != st.Updates {
		t.Errorf("%+v: the build reads %d localities, %d plans, %d tasks, %d updates; gen wrote %+v",
			opts, len(s.Localities), len(s.Plans), len(tasks), updates, st)
	}
	if reports == 0 {
		t.Errorf("%+v: no update reports on a task", opts)
	}
	kinds := map[vntime.Kind]int{}
	var groups, bodies, appendices, fromAppendix, phases int
	for _, task := range tasks {
		kinds[task.Deadline.Kind]++
		for _, m := range append(task.Lead, task.Support...) {
			if m.Group {
				groups++
			}
			if m.Agency != nil && m.Agency.Kind == nil {
				bodies++
			}
		}
	}
	for _, p := range s.Plans {
		appendices += len(p.Appendices)
		phases += len(p.Phases)
		if p.TasksFrom != "" {
			fromAppendix++
		}
	}
	for _, k := range []vntime.Kind{vntime.Window, vntime.By, vntime.From, vntime.Milestones, vntime.Ongoing, vntime.Recurring, vntime.Conditional} {
		if kinds[k] == 0 {
			t.Errorf("%+v: no deadline of kind %s", opts, k)
		}
	}
	if groups == 0 || bodies == 0 || appendices == 0 || fromAppendix == 0 || phases == 0 {
		t.Errorf("%+v: groups %d, bodies of a locality's own %d, Phụ lục %d, plans with tasks_from %d, phases %d: want some of each",
			opts, groups, bodies, appendices, fromAppendix, phases)
	}
}

// The comparison pages fill: tasks carry out most items of the catalogue.
func TestCorpusFillsTheCatalogue(t *testing.T) {
	dir, _ := write(t, Options{Localities: 60, TasksPerPlan: 30, Seed: 3})
	s, _ := site.Review(dir)
	var empty []string
	for _, it := range s.Catalog {
		if len(it.Tasks) == 0 {
			empty = append(empty, it.ID)
		}
	}
	if len(s.Catalog) == 0 || len(empty) > len(s.Catalog)/10 {
		t.Errorf("%d of %d catalogue items have no task: %v", len(empty), len(s.Catalog), empty)
	}
}

// A build of a corpus writes a page for every locality, plan, task and
// update the generator says it wrote.
func TestCorpusBuilds(t *testing.T) {
	opts := Options{Localities: 110, TasksPerPlan: 3, Seed: 5}
	dir, st := write(t, opts)
	out := filepath.Join(t.TempDir(), "public")
	res, err := site.Build(site.Options{Source: dir, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Warnings {
		t.Errorf("build warning: %s", w.Error())
	}
	var localities, plans, tasks, updates int
	root := filepath.Join(dir, filepath.FromSlash(contentDir))
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		page := filepath.Join(out, "dia-phuong", strings.TrimSuffix(rel, ".md"))
		switch name := d.Name(); {
		case name == "_index.md":
			localities += exists(t, filepath.Join(filepath.Dir(page), "index.html"))
		case strings.HasPrefix(name, "ke-hoach-"):
			plans += exists(t, filepath.Join(page, "index.html"))
			tasks += taskPages(t, page)
		case strings.HasPrefix(name, "cap-nhat-"):
			updates += exists(t, filepath.Join(page, "index.html"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if localities != st.Localities || plans != st.Plans || tasks != st.Tasks || updates != st.Updates {
		t.Errorf("pages: %d localities, %d plans, %d tasks, %d updates; gen wrote %+v", localities, plans, tasks, updates, st)
	}
}

func exists(t *testing.T, path string) int {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("no page %s", path)
		return 0
	}
	return 1
}

// taskPages counts the task pages of a plan: its subfolders with a page.
func taskPages(t *testing.T, plan string) int {
	t.Helper()
	entries, err := os.ReadDir(plan)
	if err != nil {
		t.Error(err)
		return 0
	}
	n := 0
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(plan, e.Name(), "index.html")); e.IsDir() && err == nil {
			n++
		}
	}
	return n
}

// The tree nests as the brief says: 34 provinces at most, districts only
// where a province has them, unique folder names among siblings.
func TestTree(t *testing.T) {
	provinces := buildTree(3334, 1)
	if len(provinces) != maxProvinces {
		t.Fatalf("%d provinces, want %d", len(provinces), maxProvinces)
	}
	count, paths := 0, map[string]bool{}
	var walk func(l *locality, depth int)
	walk = func(l *locality, depth int) {
		count++
		if paths[l.path] {
			t.Errorf("two localities at %s", l.path)
		}
		paths[l.path] = true
		if want := []string{"tinh", "huyen", "xa"}[min(depth, 2)]; l.level != want && !(depth == 1 && l.level == "xa" && l.direct) {
			t.Errorf("%s: level %s at depth %d", l.path, l.level, depth)
		}
		for _, c := range l.children {
			walk(c, depth+1)
		}
	}
	direct, districts := 0, 0
	for _, p := range provinces {
		walk(p, 0)
		if p.districts {
			districts++
		} else {
			direct++
		}
	}
	if count != 3334 || direct == 0 || districts == 0 {
		t.Errorf("%d localities; %d provinces with communes right under them, %d with districts", count, direct, districts)
	}
	var names []string
	for p := range paths {
		names = append(names, p)
	}
	sort.Strings(names)
	if strings.Contains(strings.Join(names, " "), "han-chot") {
		t.Error("a locality takes the reserved name han-chot")
	}
}

func BenchmarkWrite10k(b *testing.B) {
	for b.Loop() {
		dir := b.TempDir()
		if _, err := Write(filepath.Join(dir, "s"), Options{Localities: 334, TasksPerPlan: 30, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// A corpus past render.ListLimit and render.WholeFileTasks builds pages and
// files of bounded size: the site's due page counts tasks by province
// instead of listing them, its calendar lists what the page lists, and the
// site-wide task files are gzipped, with one file per province besides.
func TestLargeCorpusIsBounded(t *testing.T) {
	opts := Options{Localities: 34, TasksPerPlan: 80, Seed: 3}
	dir, st := write(t, opts)
	if st.Tasks <= render.WholeFileTasks {
		t.Fatalf("the corpus has %d tasks, not more than %d", st.Tasks, render.WholeFileTasks)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Source: dir, Out: out}); err != nil {
		t.Fatal(err)
	}
	due := readFile(t, filepath.Join(out, "han-chot", "index.html"))
	if rows := strings.Count(due, `<table class="due stack">`); rows != 0 {
		t.Errorf("the site's due page lists tasks in %d tables; it should count them by province", rows)
	}
	if n := regexp.MustCompile(`href="/dia-phuong/[a-z0-9-]+/han-chot/"`).FindAllStringIndex(due, -1); len(n) != 34 {
		t.Errorf("the site's due page links %d provinces' due pages, want 34", len(n))
	}
	if ics := readFile(t, filepath.Join(out, "du-lieu", "han-chot.ics")); strings.Contains(ics, "BEGIN:VEVENT") {
		t.Error("the site's calendar has events its due page does not list")
	}
	for _, name := range []string{"nhiem-vu.json", "nhiem-vu.csv", "co-quan.json", "so-sanh.csv"} {
		if _, err := os.Stat(filepath.Join(out, "du-lieu", name)); err == nil {
			t.Errorf("du-lieu/%s is written as it is past %d tasks", name, render.WholeFileTasks)
		}
		gz := filepath.Join(out, "du-lieu", name+".gz")
		f, err := os.Open(gz)
		if err != nil {
			t.Error(err)
			continue
		}
		zr, err := gzip.NewReader(f)
		if err == nil {
			_, err = io.Copy(io.Discard, zr)
		}
		f.Close()
		if err != nil {
			t.Errorf("%s: %v", gz, err)
		}
	}
	provinces, err := os.ReadDir(filepath.Join(out, "du-lieu", "tinh"))
	if err != nil || len(provinces) != 34 {
		t.Errorf("%d province folders under du-lieu/tinh (%v), want 34", len(provinces), err)
	}
	var total int
	for _, p := range provinces {
		var tasks []json.RawMessage
		if err := json.Unmarshal([]byte(readFile(t, filepath.Join(out, "du-lieu", "tinh", p.Name(), "nhiem-vu.json"))), &tasks); err != nil {
			t.Fatal(err)
		}
		total += len(tasks)
	}
	if total != st.Tasks {
		t.Errorf("the province files hold %d tasks, the corpus %d", total, st.Tasks)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Serve's rebuild after an edit of a generated corpus, which keeps the
// pages whose content is as it was, gives the bytes of a build from
// scratch: one plan's text, one reported state and one task's lead edited.
func TestRebuildEqualsFullBuild(t *testing.T) {
	dir, _ := write(t, Options{Localities: 40, TasksPerPlan: 4, Seed: 9})
	out := filepath.Join(t.TempDir(), "public")
	b := site.NewBuilder(site.Options{Source: dir, Out: out})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	var plans, updates []string
	err := filepath.WalkDir(filepath.Join(dir, filepath.FromSlash(contentDir)), func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case strings.HasPrefix(d.Name(), "ke-hoach-"):
			plans = append(plans, p)
		case strings.HasPrefix(d.Name(), "cap-nhat-"):
			updates = append(updates, p)
		}
		return nil
	})
	if err != nil || len(plans) < 2 || len(updates) == 0 {
		t.Fatalf("%d plans and %d updates: %v", len(plans), len(updates), err)
	}
	edit := func(path, old, new string) { t.Helper(); editFile(t, path, old, new) }
	edit(plans[0], "", "\nĐoạn văn thêm vào khi xem trước.\n")
	// Another agency leads the first task of the second plan, too.
	src, err := os.ReadFile(plans[1])
	if err != nil {
		t.Fatal(err)
	}
	lead := regexp.MustCompile(`chủ trì[^:\n]*: `).FindString(string(src))
	if lead == "" {
		t.Fatalf("%s names no lead", plans[1])
	}
	edit(plans[1], lead, lead+"Văn phòng Ủy ban nhân dân, ")
	// The last update is of a plan far from the two edited.
	update := updates[len(updates)-1]
	src, err = os.ReadFile(update)
	if err != nil {
		t.Fatal(err)
	}
	state := regexp.MustCompile(`state = "[^"]*"`).FindString(string(src))
	if state == "" {
		t.Fatalf("%s reports no state", update)
	}
	other := `state = "` + model.Paused + `"`
	if state == other {
		other = `state = "` + model.Completed + `"`
	}
	edit(update, state, other)
	res, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	if res.Kept == 0 {
		t.Error("the rebuild drew every page again")
	}
	equalsFullBuild(t, dir, out)
}

// Past render.WholeFileTasks the site-wide files are gzipped in parts,
// and a rebuild compresses again only the parts whose tasks changed (see
// gzparts): after a heading of one plan and a deliverable of another are
// edited, its files are still a full build's.
func TestRebuildOfGzippedPartsEqualsFullBuild(t *testing.T) {
	dir, st := write(t, Options{Localities: 34, TasksPerPlan: 80, Seed: 3})
	if st.Tasks <= render.WholeFileTasks {
		t.Fatalf("the corpus has %d tasks, not more than %d", st.Tasks, render.WholeFileTasks)
	}
	out := filepath.Join(t.TempDir(), "public")
	b := site.NewBuilder(site.Options{Source: dir, Out: out})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	var plans []string
	err := filepath.WalkDir(filepath.Join(dir, filepath.FromSlash(contentDir)), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), "ke-hoach-") {
			plans = append(plans, p)
		}
		return err
	})
	if err != nil || len(plans) < 20 {
		t.Fatalf("%d plans: %v", len(plans), err)
	}
	editFile(t, plans[3], "\n#### ", "\n#### Sửa ")
	// The last plan with a deliverable, far from the first edit.
	edited := false
	for i := len(plans) - 1; i > 3 && !edited; i-- {
		if strings.Contains(readFile(t, plans[i]), "\n- Sản phẩm: ") {
			editFile(t, plans[i], "\n- Sản phẩm: ", "\n- Sản phẩm: Báo cáo và ")
			edited = true
		}
	}
	if !edited {
		t.Fatal("no plan names a deliverable")
	}
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	equalsFullBuild(t, dir, out)
}

// editFile replaces the first old in the file at path with new, or
// appends new when old is "".
func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	if old == "" {
		text += new
	} else if text = strings.Replace(text, old, new, 1); text == string(src) {
		t.Fatalf("%s has no %q", path, old)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// equalsFullBuild checks that out holds the files a build of dir from
// scratch writes, byte for byte, and no other.
func equalsFullBuild(t *testing.T, dir, out string) {
	t.Helper()
	full := filepath.Join(t.TempDir(), "full")
	if _, err := site.Build(site.Options{Source: dir, Out: full}); err != nil {
		t.Fatal(err)
	}
	want, got := hashes(t, full), hashes(t, out)
	for name, sum := range want {
		if got[name] != sum {
			t.Errorf("%s differs from a full build", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is left over", name)
		}
	}
}

// BenchmarkRebuild10k is serve's rebuild after one plan of the 10,000-task
// corpus gains a paragraph, the edit make bench times through serve; with
// -cpuprofile it shows where such a rebuild goes.
func BenchmarkRebuild10k(b *testing.B) {
	benchmarkRebuild(b, func(src []byte, i int) []byte {
		return fmt.Appendf(bytes.Clone(src), "\nĐoạn văn thêm vào lần %d.\n", i)
	})
}

// BenchmarkRebuildTask10k is serve's rebuild after one task's title is
// edited: the search index, the site-wide data files and the pages that
// list the task change with it.
func BenchmarkRebuildTask10k(b *testing.B) {
	benchmarkRebuild(b, func(src []byte, i int) []byte {
		loc := taskHeading.FindIndex(src)
		if loc == nil {
			return src
		}
		return slices.Concat(src[:loc[1]], fmt.Appendf(nil, "sửa lần %d, ", i), src[loc[1]:])
	})
}

// taskHeading is a task's heading up to its title, in the generator's
// styles: "#### 2.1. ", "##### 5.1.1. ", "##### (1) ".
var taskHeading = regexp.MustCompile(`(?m)^#{4,5} (\(\d+\)|\d+(\.\d+)+\.) `)

// benchmarkRebuild times rebuilds of the 10,000-task corpus after edit
// rewrites its first plan, the i-th time, and reports the CPU time of
// each on every core (cpu-ms/op), steadier than the wall time on a
// shared machine.
func benchmarkRebuild(b *testing.B, edit func(src []byte, i int) []byte) {
	dir := filepath.Join(b.TempDir(), "s")
	if _, err := Write(dir, Options{Localities: 334, TasksPerPlan: 30, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	var plan string
	err := filepath.WalkDir(filepath.Join(dir, filepath.FromSlash(contentDir)), func(p string, d fs.DirEntry, err error) error {
		if err == nil && plan == "" && strings.HasPrefix(d.Name(), "ke-hoach-") {
			plan = p
		}
		return err
	})
	if err != nil || plan == "" {
		b.Fatalf("no plan: %v", err)
	}
	src, err := os.ReadFile(plan)
	if err != nil {
		b.Fatal(err)
	}
	builder := site.NewBuilder(site.Options{Source: dir, Out: filepath.Join(b.TempDir(), "public")})
	if _, err := builder.Build(); err != nil {
		b.Fatal(err)
	}
	cpu0, cpuOK := cpuTime()
	i := 0
	for b.Loop() {
		i++
		b.StopTimer()
		edited := edit(src, i)
		if bytes.Equal(edited, src) {
			b.Fatal("the edit changed nothing")
		}
		if err := os.WriteFile(plan, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := builder.Build(); err != nil {
			b.Fatal(err)
		}
	}
	if cpu1, ok := cpuTime(); ok && cpuOK {
		b.ReportMetric(float64((cpu1-cpu0).Microseconds())/1000/float64(i), "cpu-ms/op")
	}
}
