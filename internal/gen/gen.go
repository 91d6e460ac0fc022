// Package gen writes synthetic corpora: site folders of any size, in the
// canonical content format (docs/content-format.md), for benchmarking and
// testing the generator at the scale of a national portal (34 provinces,
// some 3,300 communes, 100,000 tasks and more).
//
// The corpus copies the shapes of the bundled plans: the numbering and
// field labels of Đà Nẵng's 46/KH-UBND, Hải Phòng's 31/KH-UBND and xã Lạc
// Hồng's 11/KH-UBND, Huế's tasks in Phụ lục II; every deadline form
// internal/vntime reads; agencies the registry (data/agencies.toml)
// recognises in the plan's locality; task titles in the plans' and the
// catalogue's words; updates that report on real task ids. It passes
// `minhbach check --strict` with no error and no warning.
//
// The same options always give the same bytes: every random choice comes
// from a PCG source seeded with the seed and the locality's position, and
// nothing depends on map order or the clock. The corpus is streamed: a
// locality's files are written before the next locality's are made, so
// memory stays small at any size.
package gen

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"strings"
	"time"
)

// Options say how large a corpus to write.
type Options struct {
	// Localities is the number of locality folders: up to 34 provinces,
	// the rest districts and communes shared among them.
	Localities int
	// TasksPerPlan is the number of tasks of every plan.
	TasksPerPlan int
	// Seed picks the corpus: the same seed gives the same bytes.
	Seed uint64
}

// Stats count what a corpus holds. Every locality has one plan and every
// province one more (an annual plan), so Plans is Localities plus the
// number of provinces and Tasks is Plans × TasksPerPlan.
type Stats struct {
	Localities, Plans, Tasks, Updates int
	Files                             int   // every file written, config.toml included
	Bytes                             int64 // their total size
}

// Limits of the options, so that a typo does not fill a disk.
const (
	MaxLocalities   = 200_000
	MaxTasksPerPlan = 5_000
)

// contentDir is where the localities go, as internal/load reads them.
const contentDir = "content/dia-phuong"

// Write writes a corpus into dir, which must not exist or be empty: gen
// never overwrites, and a corpus mixed with older files would not be the
// one the options name. On an error the files written so far stay.
func Write(dir string, opts Options) (Stats, error) {
	if opts.Localities < 1 || opts.Localities > MaxLocalities {
		return Stats{}, fmt.Errorf("localities = %d: give a number from 1 to %d", opts.Localities, MaxLocalities)
	}
	if opts.TasksPerPlan < 1 || opts.TasksPerPlan > MaxTasksPerPlan {
		return Stats{}, fmt.Errorf("tasks per plan = %d: give a number from 1 to %d", opts.TasksPerPlan, MaxTasksPerPlan)
	}
	if err := emptyDir(dir); err != nil {
		return Stats{}, err
	}
	g := &generator{opts: opts, disk: newDisk(dir)}
	err := g.add(&job{files: []file{{"config.toml", []byte(config(opts))}}})
	for _, prov := range buildTree(opts.Localities, opts.Seed) {
		if err != nil {
			break // the disk's first error is returned below
		}
		err = g.walk(prov)
	}
	return g.stats, g.disk.close()
}

// emptyDir makes dir, or checks that it is an empty folder.
func emptyDir(dir string) error {
	if dir == "" {
		return errors.New("no output folder: name one, e.g. /tmp/corpus")
	}
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("creating the output folder: %w", err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("reading the output folder: %w", err)
	case len(entries) > 0:
		return fmt.Errorf("%s is not empty: gen writes a whole site and never overwrites; remove the folder or choose another", dir)
	}
	return nil
}

// config is the site's config.toml. The as-of date is fixed so that builds
// of the corpus are reproducible too; it falls after the 2025
// reorganisation, so that the corpus has tasks past due, due soon and due
// later. The address is absolute, so that a build writes the feed and the
// sitemap as a real portal's does, and under the reserved .example domain,
// so that it can never be mistaken for a real one.
func config(opts Options) string {
	return fmt.Sprintf(`# A synthetic corpus written by
#   minhbach gen --localities %d --tasks-per-plan %d --seed %d
# Its localities, plans and updates are invented, in the shapes of the bundled
# plans, to test and benchmark minhbach. None of it is real.
title = "Minh bạch Đề án 06 — dữ liệu thử nghiệm"
base_url = "https://minhbach.example/"
as_of = 2025-09-30
unsafe_html = false
`, opts.Localities, opts.TasksPerPlan, opts.Seed)
}

type generator struct {
	opts  Options
	stats Stats
	disk  *disk
}

// add hands a locality's files to the disk writers, and counts them.
func (g *generator) add(j *job) error {
	for _, f := range j.files {
		g.stats.Files++
		g.stats.Bytes += int64(len(f.data))
	}
	return g.disk.add(j)
}

// walk writes a locality, then its children: parents first, so that a
// child's plan can cite its parent's.
func (g *generator) walk(l *locality) error {
	if err := g.locality(l); err != nil {
		return err
	}
	for _, c := range l.children {
		if err := g.walk(c); err != nil {
			return err
		}
	}
	return nil
}

// random is the locality's own random source: a locality's files depend
// on the seed and its place in the tree only.
func (g *generator) random(l *locality) *rand.Rand {
	return rand.New(rand.NewPCG(g.opts.Seed, uint64(l.seq+1)*0x9e3779b97f4a7c15))
}

// locality makes a locality's files, in order, and hands them to the disk.
func (g *generator) locality(l *locality) error {
	dir := contentDir + "/" + l.path
	j := &job{dir: dir, files: []file{{dir + "/_index.md", index(l)}}}
	g.stats.Localities++
	r := g.random(l)
	b := newBook(r, l)
	var plans []planInfo
	for _, spec := range planSpecs(r, l) {
		p := newPlanWriter(r, b, spec)
		j.files = append(j.files, file{dir + "/" + p.slug() + ".md", p.write(g.opts.TasksPerPlan)})
		l.numbers = append(l.numbers, spec.number)
		l.plans = append(l.plans, &planRef{number: spec.number, date: spec.issued.Format("02/01/2006")})
		plans = append(plans, planInfo{number: spec.number, issued: spec.issued, ids: p.ids})
		g.stats.Plans++
		g.stats.Tasks += len(p.ids)
	}
	for _, u := range planUpdates(r, l, plans) {
		j.files = append(j.files, file{dir + "/" + u.slug + ".md", writeUpdate(r, l, u, plans)})
		g.stats.Updates++
	}
	return g.add(j)
}

// index is a locality's _index.md, with the bodies of its own and the
// misprints its documents use for the agency registry.
func index(l *locality) []byte {
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "name = %s\nlevel = %q\ncode = %q\n", tomlString(l.name()), l.level, l.code)
	if l.mergedInto != "" {
		fmt.Fprintf(&b, "merged_into = %s\n", tomlString(l.mergedInto))
	}
	fmt.Fprintf(&b, "note = %s\n", tomlString(l.note))
	if l.youth != "" {
		fmt.Fprintf(&b, "\n[[agency]]\nid = %q\nname = %s\naliases = [%s]\n", l.youthID, tomlString(l.youth), tomlString(l.youthAlias))
		fmt.Fprintf(&b, "\n[[agency]]\nid = %q\nname = %s\naliases = [%s]\n", l.bankID, tomlString(l.bank), tomlString(l.bankAlias))
	}
	if l.misprint != "" {
		fmt.Fprintf(&b, "\n[[alias]]\ntext = %s\nagency = %q\nnote = %s\n", tomlString(l.misprint), "cong-an/"+l.path,
			tomlString("Viết tắt của “Công an xã” trong các văn bản của xã."))
	}
	if l.groupTypo != "" {
		fmt.Fprintf(&b, "\n[[alias]]\ntext = %s\ngroup = true\nnote = %s\n", tomlString(l.groupTypo),
			tomlString("Lỗi chính tả trong văn bản, thay cho “các ban, ngành, đoàn thể xã”."))
	}
	b.WriteString("+++\n")
	b.WriteString("Đơn vị hành chính giả lập, do `minhbach gen` sinh ra để thử nghiệm; tên, mã, kế hoạch và báo cáo đều không có thật.\n")
	return []byte(b.String())
}

// planSpecs decides a locality's plans. Every locality has one; a province
// has its plan of 2022 and an annual plan. Districts and their communes
// issued theirs in 2022, on the map before the 2025 reorganisation;
// communes right under a province issued theirs in 2025, after it.
func planSpecs(r *rand.Rand, l *locality) []planSpec {
	day := func(y int, m time.Month, d, spread int) time.Time {
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(spread+1))
	}
	var parent *planRef
	if l.parent != nil && len(l.parent.plans) > 0 {
		parent = l.parent.plans[0]
		if l.direct {
			parent = l.parent.plans[len(l.parent.plans)-1]
		}
	}
	styles := func(weights ...int) style { // weights of Đà Nẵng, Hải Phòng, Lạc Hồng, Huế
		n := r.IntN(weights[0] + weights[1] + weights[2] + weights[3])
		for s, w := range weights {
			if n < w {
				return style(s)
			}
			n -= w
		}
		return styleDaNang
	}
	var specs []planSpec
	switch {
	case l.level == "tinh":
		specs = []planSpec{
			{style: styles(50, 0, 20, 30), issued: day(2022, time.February, 1, 45), span: 2},
			{style: styleHaiPhong, issued: day(2023+r.IntN(3), time.January, 5, 70), annual: true},
		}
	case l.level == "huyen":
		specs = []planSpec{{style: styles(50, 0, 10, 40), issued: day(2022, time.March, 20, 40), span: 2, parent: parent}}
	case l.direct:
		specs = []planSpec{{style: styles(30, 20, 50, 0), issued: day(2025, time.July, 15, 60), span: 1, annual: true, parent: parent}}
	default:
		specs = []planSpec{{style: styles(30, 0, 60, 10), issued: day(2022, time.April, 15, 60), span: 1, parent: parent}}
	}
	var own []string
	for i := range specs {
		specs[i].number = planNumber(r, l, own)
		own = append(own, specs[i].number)
	}
	return specs
}

// planNumber draws a plan number ("46/KH-UBND") that no plan of the
// locality or of the localities above it has: an update names a plan by
// its number, and the build looks the number up along the chain.
func planNumber(r *rand.Rand, l *locality, own []string) string {
	lo, hi := 1, 150
	switch l.level {
	case "tinh":
		lo, hi = 20, 450
	case "huyen":
		lo, hi = 10, 300
	}
	for {
		suffix := "KH-UBND"
		if chance(r, 10) {
			suffix = "KH-BCĐ"
		}
		n := fmt.Sprintf("%d/%s", lo+r.IntN(hi-lo+1), suffix)
		if !used(n, l, own) {
			return n
		}
	}
}

func used(number string, l *locality, own []string) bool {
	for _, n := range own {
		if n == number {
			return true
		}
	}
	for a := l.parent; a != nil; a = a.parent {
		for _, n := range a.numbers {
			if n == number {
				return true
			}
		}
	}
	return false
}
