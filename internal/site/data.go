package site

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"sync"

	"github.com/minhbach/minhbach/internal/gzparts"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/opendata"
	"github.com/minhbach/minhbach/internal/render"
	"github.com/minhbach/minhbach/internal/status"
)

// writeData writes the open data files under /du-lieu/ (and each
// locality's calendar), once for the site whatever its languages: they
// hold the documents' words, not the interface's. Each file makes the
// records of its own tasks (see recorder).
func writeData(r *render.Renderer, w *writer, site *model.Site, asOf model.Date) error {
	tasks := site.Tasks()
	rec := recorder{r: r, asOf: asOf}
	whole := render.Whole(len(tasks))
	steps := append(dumpSteps(w, rec, tasks, whole),
		func() error {
			return writeFile(w, render.TaskSchemaURL, func(b *bytes.Buffer) error { _, err := b.Write(opendata.TaskSchema()); return err })
		},
		func() error { return writeProvinceTasks(w, rec, site) },
		func() error { return writePlanData(w, rec, site) },
		func() error { return writeLocalities(r, w, site) },
		func() error { return writeAgencies(r, w, site, asOf, whole) },
		func() error { return writeCompare(r, w, site, asOf, whole) },
		func() error { return writeCalendars(r, w, site) },
	)
	return runAll(steps)
}

// recorder makes tasks' records where each data file needs them, rather
// than once for the whole site: a national portal's records are ~90 MB,
// which no file needs at once. A record is made four times (the site-wide
// parts in JSON and CSV, the province's file, the plan's), a small cost
// beside encoding and compressing it.
type recorder struct {
	r    *render.Renderer
	asOf model.Date
}

// record makes one task's record.
func (rc recorder) record(t *model.Task) opendata.Task {
	st := status.Of(t, rc.asOf)
	source := ""
	if st.Report != nil {
		source = rc.r.AbsURL(render.UpdateURL(st.Report.Update))
	}
	return opendata.TaskRecord(t, rc.r.AbsURL(render.TaskURL(t)), st, source)
}

// records makes the records of tasks, in their order.
func (rc recorder) records(tasks []*model.Task) []opendata.Task {
	out := make([]opendata.Task, len(tasks))
	for i, t := range tasks {
		out[i] = rc.record(t)
	}
	return out
}

// writeJSON writes the records of tasks to out as opendata.TasksJSON
// does, one at a time, as the part of the file that opens it (first),
// ends it (last), or both.
func (rc recorder) writeJSON(out io.Writer, tasks []*model.Task, first, last bool) error {
	jw := opendata.NewJSONLinesPart(out, first, last)
	for _, t := range tasks {
		if err := jw.Write(rc.record(t)); err != nil {
			return err
		}
	}
	return jw.Close()
}

// writeCSV writes the records of tasks to out as opendata.TasksCSV does,
// one at a time, with the header when the part is the file's first.
func (rc recorder) writeCSV(out io.Writer, tasks []*model.Task, first bool) error {
	cw := opendata.NewCSVPart(out, opendata.Names(opendata.TaskColumns), first)
	for _, t := range tasks {
		if err := cw.Write(opendata.TaskRow(rc.record(t))); err != nil {
			return err
		}
	}
	return cw.Close()
}

// writeFile encodes one data file and writes it, naming the file in any
// error.
func writeFile(w *writer, url string, encode func(*bytes.Buffer) error) error {
	return writeKeyed(w, url, 0, encode)
}

// writeKeyed is writeFile for a file drawn from the content that key
// hashes (see render.Page.Key): a rebuild that finds the same key keeps
// the file without encoding it again. encode writes into a buffer the
// writer lends: a national portal has 20,000 data files, whose buffers,
// each grown anew, were a sixth of all the build allocated.
func writeKeyed(w *writer, url string, key uint64, encode func(*bytes.Buffer) error) error {
	if k, ok := w.canKeep(url, key); ok {
		return w.keep(k)
	}
	b := w.buffer()
	defer w.recycle(b)
	err := encode(b)
	if err == nil {
		err = w.writePage(url, b.Bytes(), key)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", url, err)
	}
	return nil
}

// bytesOf adapts an encoder that returns its bytes to writeKeyed.
func bytesOf(encode func() ([]byte, error)) func(*bytes.Buffer) error {
	return func(b *bytes.Buffer) error {
		data, err := encode()
		b.Write(data)
		return err
	}
}

// writeLarge writes one of the site-wide files that a big site has only
// gzipped (see render.WholeFileTasks), drawn from the content that key
// hashes (render.Renderer.DataKey) and written in parts (see gzparts):
// each part's encoder writes into the gzip stream directly, so that the
// plain file, ten times the size, is never held in memory.
func writeLarge(w *writer, url string, whole bool, key uint64, parts []gzparts.Part) error {
	if whole {
		return writeKeyed(w, url, key, func(b *bytes.Buffer) error {
			for _, p := range parts {
				if err := p.Encode(b); err != nil {
					return err
				}
			}
			return nil
		})
	}
	return writeGzipped(w, render.GzipName(url), key, parts)
}

// writeGzipped writes parts gzipped, one member each, as the file at url
// drawn from the content that key hashes. A rebuild that finds the same
// key keeps the file without encoding or compressing it again; one that
// finds another compresses again only the parts whose keys changed. The
// site-wide files were half of what serve's rebuild cost after one
// task's edit.
func writeGzipped(w *writer, url string, key uint64, parts []gzparts.Part) error {
	if k, ok := w.canKeep(url, key); ok {
		w.members.Carry(parts)
		return w.keep(k)
	}
	var b bytes.Buffer
	err := w.members.Write(&b, parts)
	if err == nil {
		err = w.writePage(url, b.Bytes(), key)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", url, err)
	}
	return nil
}

// tasksPerPart, refsPerPart and rowsPerPart are how many tasks, agencies'
// task references or comparison rows a part of a site-wide gzipped file
// holds on average: parts of 150 to 600 KB before compression. Each part
// starts compressing afresh, so smaller parts cost more bytes (1.3–2.9% at
// these sizes on the 10k corpus, 32% for parts of 8 agencies), and larger
// ones cost more to compress again after an edit.
const (
	tasksPerPart = 480
	refsPerPart  = 1500
	rowsPerPart  = 1024
)

// endsPart reports whether a part ends after the element of this id,
// which holds weight records: with a chance of weight in per, so that
// parts hold about per records whether their elements are small or large
// (a province's police leads hundreds of tasks, a commune's office a few).
// Parts are cut where ids say, not after a count, so that a part's bounds
// stay where they were when a plan before it gains a task.
func endsPart(id string, weight, per int) bool {
	return int(crc32.ChecksumIEEE([]byte(id))%uint32(per)) < weight
}

// cutParts cuts n elements into parts, ending one after element i when
// cut(i) (asked for every i but the last). key(lo, hi) hashes what
// elements lo to hi-1 are drawn from, and encode writes them as the part
// that opens the file (first), ends it (last), or both; no elements make
// one empty part, which is both.
func cutParts(w *writer, url string, n int, cut func(i int) bool, key func(lo, hi int) uint64,
	encode func(out io.Writer, lo, hi int, first, last bool) error) []gzparts.Part {
	var parts []gzparts.Part
	add := func(lo, hi int) {
		first, last := lo == 0, hi == n
		parts = append(parts, gzparts.Part{Key: w.partKey(url, key(lo, hi), first, last),
			Encode: func(out io.Writer) error { return encode(out, lo, hi, first, last) }})
	}
	lo := 0
	for i := range n {
		if i == n-1 || cut(i) {
			add(lo, i+1)
			lo = i + 1
		}
	}
	if n == 0 {
		add(0, 0)
	}
	return parts
}

// taskParts cuts tasks, in plan order, into parts of whole plans.
func taskParts(w *writer, url string, rec recorder, tasks []*model.Task, csv bool) []gzparts.Part {
	cut := func(i int) bool {
		p := tasks[i].Plan
		return p != tasks[i+1].Plan && endsPart(render.PlanURL(p), len(p.Tasks), tasksPerPart)
	}
	key := func(lo, hi int) uint64 { return rec.r.DataKey(url, tasks[lo:hi]) }
	encode := func(out io.Writer, lo, hi int, first, last bool) error {
		if csv {
			return rec.writeCSV(out, tasks[lo:hi], first)
		}
		return rec.writeJSON(out, tasks[lo:hi], first, last)
	}
	return cutParts(w, url, len(tasks), cut, key, encode)
}

// dumpSteps are the steps that write the site-wide task files, one step
// per file so that they are compressed on every core: as they are when
// the site is small, else gzipped in parts of render.DumpPartTasks tasks.
// tasks are the site's, in plan order.
func dumpSteps(w *writer, rec recorder, tasks []*model.Task, whole bool) []func() error {
	if whole {
		return []func() error{
			func() error {
				url := render.TasksJSONURL
				return writeLarge(w, url, true, rec.r.DataKey(url, tasks), taskParts(w, url, rec, tasks, false))
			},
			func() error {
				url := render.TasksCSVURL
				return writeLarge(w, url, true, rec.r.DataKey(url, tasks), taskParts(w, url, rec, tasks, true))
			},
		}
	}
	var steps []func() error
	n := render.DumpParts(len(tasks))
	for i := 1; i <= n; i++ {
		part := tasks[(i-1)*render.DumpPartTasks : min(i*render.DumpPartTasks, len(tasks))]
		steps = append(steps,
			func() error {
				url := render.DumpPartURL(render.TasksJSONURL, i, n)
				return writeGzipped(w, url, rec.r.DataKey(url, part), taskParts(w, url, rec, part, false))
			},
			func() error {
				url := render.DumpPartURL(render.TasksCSVURL, i, n)
				return writeGzipped(w, url, rec.r.DataKey(url, part), taskParts(w, url, rec, part, true))
			})
	}
	return steps
}

// writeProvinceTasks writes the tasks of each top-level locality and the
// localities under it as JSON and CSV.
func writeProvinceTasks(w *writer, rec recorder, site *model.Site) error {
	for _, root := range site.Roots() {
		records := sync.OnceValue(func() []opendata.Task {
			var own []*model.Task
			for _, p := range root.AllPlans() {
				own = append(own, p.Tasks...)
			}
			return rec.records(own)
		})
		key := rec.r.LocalityKey(root)
		if err := writeKeyed(w, render.ProvinceTasksURL(root, "json"), key, func(b *bytes.Buffer) error { return opendata.WriteTasksJSON(b, records()) }); err != nil {
			return err
		}
		if err := writeKeyed(w, render.ProvinceTasksURL(root, "csv"), key, func(b *bytes.Buffer) error { return opendata.WriteTasksCSV(b, records()) }); err != nil {
			return err
		}
	}
	return nil
}

// writePlanData writes each plan's tasks as CSV and JSON, each of its Phụ
// lục tables as CSV and JSON, and ke-hoach.json listing the plans and
// those files.
func writePlanData(w *writer, rec recorder, site *model.Site) error {
	r := rec.r
	plans := make([]opendata.PlanRecord, 0, len(site.Plans))
	for _, p := range site.Plans {
		records := sync.OnceValue(func() []opendata.Task { return rec.records(p.Tasks) })
		links := opendata.Links{Page: r.AbsURL(render.PlanURL(p)),
			CSV: r.AbsURL(render.PlanDataURL(p, "csv")), JSON: r.AbsURL(render.PlanDataURL(p, "json"))}
		key := r.PlanKey(p)
		if err := writeKeyed(w, render.PlanDataURL(p, "json"), key, func(b *bytes.Buffer) error { return opendata.WriteTasksJSON(b, records()) }); err != nil {
			return err
		}
		if err := writeKeyed(w, render.PlanDataURL(p, "csv"), key, func(b *bytes.Buffer) error { return opendata.WriteTasksCSV(b, records()) }); err != nil {
			return err
		}
		appendices, err := writeAppendices(r, w, p, links.Page)
		if err != nil {
			return err
		}
		plans = append(plans, opendata.NewPlanRecord(p, links, appendices))
	}
	return writeFile(w, render.PlansJSONURL, bytesOf(func() ([]byte, error) { return opendata.PlansJSON(plans) }))
}

// writeAppendices writes each Phụ lục of p as JSON and CSV and returns
// their addresses, in order.
func writeAppendices(r *render.Renderer, w *writer, p *model.Plan, planURL string) ([]opendata.Links, error) {
	var out []opendata.Links
	tasks := opendata.TaskAnchors(p)
	key := r.PlanKey(p)
	for _, a := range p.Appendices {
		table := opendata.NewAppendixTable(p, a, planURL, tasks)
		if err := writeKeyed(w, render.AppendixDataURL(p, a, "json"), key, bytesOf(func() ([]byte, error) { return opendata.AppendixJSON(table) })); err != nil {
			return nil, err
		}
		if err := writeKeyed(w, render.AppendixDataURL(p, a, "csv"), key, bytesOf(func() ([]byte, error) { return opendata.AppendixCSV(table), nil })); err != nil {
			return nil, err
		}
		out = append(out, opendata.Links{Page: table.URL,
			CSV: r.AbsURL(render.AppendixDataURL(p, a, "csv")), JSON: r.AbsURL(render.AppendixDataURL(p, a, "json"))})
	}
	return out, nil
}

// writeLocalities writes /du-lieu/dia-phuong.json.
func writeLocalities(r *render.Renderer, w *writer, site *model.Site) error {
	records := make([]opendata.LocalityRecord, 0, len(site.Localities))
	for _, l := range site.Localities {
		records = append(records, opendata.NewLocalityRecord(l, r.AbsURL(render.LocalityURL(l)), r.AbsURL(render.CalendarURL(l))))
	}
	return writeFile(w, render.LocalitiesJSONURL, bytesOf(func() ([]byte, error) { return opendata.LocalitiesJSON(records) }))
}

// writeAgencies writes /du-lieu/co-quan.json, an agency's record at a
// time: on a national portal it lists every task by its agencies.
func writeAgencies(r *render.Renderer, w *writer, site *model.Site, asOf model.Date, whole bool) error {
	url := render.AgenciesJSONURL
	agencies := site.Agencies
	taskURL := func(t *model.Task) string { return r.AbsURL(render.TaskURL(t)) }
	cut := func(i int) bool {
		a := agencies[i]
		return endsPart(a.ID, 1+len(a.Led)+len(a.Supported), refsPerPart)
	}
	// A record refers to tasks by where they are, and counts their
	// statuses: a task's title or text is not in it.
	key := func(lo, hi int) uint64 {
		var keys []uint64
		for _, a := range agencies[lo:hi] {
			var kind, locality string
			if a.Kind != nil {
				kind = a.Kind.ID
			}
			if a.Locality != nil {
				locality = a.Locality.Path
			}
			keys = append(keys, w.stringKey(a.ID), w.stringKey(a.Name), w.stringKey(kind), w.stringKey(locality))
			for _, tasks := range [][]*model.Task{a.Led, a.Supported} {
				for _, t := range tasks {
					keys = append(keys, r.TaskRefKey(t))
				}
				keys = append(keys, 0)
			}
		}
		return w.sumKeys(keys)
	}
	encode := func(out io.Writer, lo, hi int, first, last bool) error {
		jw := opendata.NewJSONLinesPart(out, first, last)
		for _, a := range agencies[lo:hi] {
			pastDue, done := 0, 0
			for _, t := range a.Led {
				st := status.Of(t, asOf)
				if st.Timing == status.PastDue {
					pastDue++
				}
				if st.Done() {
					done++
				}
			}
			if err := jw.Write(opendata.NewAgencyRecord(a, r.AbsURL(render.AgencyURL(a)), taskURL, pastDue, done, asOf)); err != nil {
				return err
			}
		}
		return jw.Close()
	}
	parts := cutParts(w, url, len(agencies), cut, key, encode)
	return writeLarge(w, url, whole, partsKey(w, parts), parts)
}

// partsKey is the key of a file made of parts: the keys of its parts.
func partsKey(w *writer, parts []gzparts.Part) uint64 {
	keys := make([]uint64, len(parts))
	for i, p := range parts {
		keys[i] = p.Key
	}
	return max(w.sumKeys(keys), 1)
}

// writeCompare writes /du-lieu/so-sanh.csv: every task linked to a
// catalogue item, item by item, in the catalogue's order, a row at a time.
// An item has a row in most plans, so parts are cut between the rows of
// two plans (of one item or two), about every rowsPerPart rows.
func writeCompare(r *render.Renderer, w *writer, site *model.Site, asOf model.Date, whole bool) error {
	url := render.CompareCSVURL
	type row struct {
		item *model.CatalogItem
		task *model.Task
	}
	var rows []row
	for _, it := range site.Catalog {
		for _, t := range it.Tasks {
			rows = append(rows, row{it, t})
		}
	}
	cut := func(i int) bool {
		a, b := rows[i], rows[i+1]
		return (a.item != b.item || a.task.Plan != b.task.Plan) &&
			endsPart(a.item.ID+render.PlanURL(a.task.Plan), 1, rowsPerPart)
	}
	key := func(lo, hi int) uint64 {
		keys := make([]uint64, 0, 2*(hi-lo))
		for _, row := range rows[lo:hi] {
			keys = append(keys, w.stringKey(row.item.ID), r.ListedTaskKey(row.task))
		}
		return w.sumKeys(keys)
	}
	encode := func(out io.Writer, lo, hi int, first, last bool) error {
		cw := opendata.NewCSVPart(out, opendata.Names(opendata.CompareColumns), first)
		for _, row := range rows[lo:hi] {
			t := row.task
			if err := cw.Write(opendata.CompareRow(row.item, t, status.Of(t, asOf), r.AbsURL(render.TaskURL(t)))); err != nil {
				return err
			}
		}
		return cw.Close()
	}
	parts := cutParts(w, url, len(rows), cut, key, encode)
	return writeLarge(w, url, whole, r.DataKey(url, site.Tasks()), parts)
}

// writeCalendars writes the site's .ics file and one per locality, each
// holding the tasks its due page lists.
func writeCalendars(r *render.Renderer, w *writer, site *model.Site) error {
	// The site's calendar shows what lists show of every plan.
	err := writeKeyed(w, render.CalendarURL(nil), r.WholeKey(render.CalendarURL(nil)), func(b *bytes.Buffer) error {
		plans, _ := render.ListedPlans(site, nil)
		return r.Calendar(b, nil, plans)
	})
	if err != nil {
		return err
	}
	for _, l := range site.Localities {
		err := writeKeyed(w, render.CalendarURL(l), r.LocalityKey(l), func(b *bytes.Buffer) error {
			plans, _ := render.ListedPlans(site, l)
			return r.Calendar(b, l, plans)
		})
		if err != nil {
			return err
		}
	}
	return nil
}
