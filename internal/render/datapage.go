package render

import (
	"strings"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/opendata"
)

// DataPage is what /du-lieu/ shows beyond the site: every data file with
// its size and fields, and the per-plan files by province.
type DataPage struct {
	Files      []DataFile // the site-wide files
	PlanFiles  []DataFile // the files each plan and each Phụ lục has; URL is a pattern
	Roots      []DataRoot // the per-plan files, counted by province
	Plans      int
	Appendices int
}

// DataFile describes one data file. Title, Desc and Unit are keys of the
// interface strings, and so is each field's meaning.
type DataFile struct {
	Anchor  string // the file's section on the page
	Name    string // "nhiem-vu.json"
	URL     string // site path; for PlanFiles one plan's or table's file, as an example; "" when there is none
	Format  string // "JSON", "CSV", "JSON Schema", "iCalendar"
	Type    string // media type, for the link's type attribute
	Title   string
	Desc    string
	Records int // how many records it holds; -1 when records do not apply
	Unit    string
	Fields  []DataField
	SameAs  string // the anchor of the file whose fields it shares
	Example bool   // the file is one of many alike: one per plan or per table
	Gzip    bool   // the file is gzipped (see WholeFileTasks)
	// Part and Parts number the parts of a gzipped file written in more
	// than one (see DumpPartTasks); zero otherwise.
	Part, Parts int
}

// DataField is a field of a JSON file or a column of a CSV file.
type DataField struct {
	Name string // "due.start", "lead[].text", "due_start"
	Type string // "string|null", "object[]"
	Key  string // the interface string that says what it means
}

// DataRoot counts a province's plans and Phụ lục tables (its own and those
// of the localities under it), whose files its plans' pages link.
type DataRoot struct {
	Locality   *model.Locality
	Plans      int
	Tasks      int
	Appendices int
	JSON, CSV  string // the site paths of its tasks' files
}

// Media types of the data files.
const (
	typeJSON = "application/json"
	typeCSV  = "text/csv"
	typeICS  = "text/calendar"
	typeGzip = "application/gzip"
)

// DataPageOf describes the site's data files for the /du-lieu/ page.
func DataPageOf(site *model.Site) DataPage {
	tasks, compare := 0, 0
	for _, p := range site.Plans {
		tasks += len(p.Tasks)
	}
	for _, it := range site.Catalog {
		compare += len(it.Tasks)
	}
	taskFields := jsonFields(opendata.Task{})
	file := func(url, format, typ, id string, records int, unit string, fields []DataField) DataFile {
		name := url[strings.LastIndexByte(url, '/')+1:]
		return DataFile{Anchor: anchorOf(name), Name: name, URL: url, Format: format, Type: typ,
			Title: "data_" + id, Desc: "data_" + id + "_desc", Records: records, Unit: unit, Fields: fields}
	}
	files := []DataFile{
		file(TasksJSONURL, "JSON", typeJSON, "tasks_json", tasks, "stat_tasks", taskFields),
		file(TasksCSVURL, "CSV", typeCSV, "tasks_csv", tasks, "stat_tasks", csvFields(opendata.TaskColumns, taskFields)),
		file(TaskSchemaURL, "JSON Schema", typeJSON, "task_schema", -1, "", nil),
		file(PlansJSONURL, "JSON", typeJSON, "plans_json", len(site.Plans), "stat_plans", jsonFields(opendata.PlanRecord{})),
		file(LocalitiesJSONURL, "JSON", typeJSON, "localities_json", len(site.Localities), "stat_localities", jsonFields(opendata.LocalityRecord{})),
		file(AgenciesJSONURL, "JSON", typeJSON, "agencies_json", len(site.Agencies), "stat_agencies", jsonFields(opendata.AgencyRecord{})),
		file(CompareCSVURL, "CSV", typeCSV, "compare_csv", compare, "data_unit_rows", csvFields(opendata.CompareColumns, taskFields)),
		file(CalendarURL(nil), "iCalendar", typeICS, "ics", -1, "", nil),
	}
	if !Whole(tasks) {
		var big []DataFile
		for _, f := range files {
			switch {
			case f.URL == TasksJSONURL || f.URL == TasksCSVURL:
				big = append(big, dumpParts(f, tasks)...)
			case IsLarge(f.URL):
				big = append(big, gzipped(f))
			default:
				big = append(big, f)
			}
		}
		files = big
	}
	v := DataPage{Files: files}
	appendixFields := jsonFields(opendata.AppendixTable{})
	planURL, appendixURL := exampleURLs(site)
	planJSON := file(planURL("json"), "JSON", typeJSON, "plan_json", len(site.Plans), "stat_plans", nil)
	planJSON.SameAs = anchorOf("nhiem-vu.json")
	planCSV := file(planURL("csv"), "CSV", typeCSV, "plan_csv", len(site.Plans), "stat_plans", nil)
	planCSV.SameAs = anchorOf("nhiem-vu.csv")
	for _, r := range site.Roots() {
		root := DataRoot{Locality: r, JSON: ProvinceTasksURL(r, "json"), CSV: ProvinceTasksURL(r, "csv")}
		for _, p := range r.AllPlans() {
			root.Plans++
			root.Tasks += len(p.Tasks)
			root.Appendices += len(p.Appendices)
		}
		v.Plans += root.Plans
		v.Appendices += root.Appendices
		v.Roots = append(v.Roots, root)
	}
	v.PlanFiles = []DataFile{planJSON, planCSV,
		file(appendixURL("json"), "JSON", typeJSON, "appendix_json", v.Appendices, "data_unit_tables", appendixFields),
		file(appendixURL("csv"), "CSV", typeCSV, "appendix_csv", v.Appendices, "data_unit_tables", csvFields(opendata.AppendixColumns, appendixFields)),
	}
	// A pattern's name is not one file's: name the sections by what they hold.
	for i, anchor := range []string{"tep-theo-ke-hoach-json", "tep-theo-ke-hoach-csv", "tep-phu-luc-json", "tep-phu-luc-csv"} {
		v.PlanFiles[i].Anchor, v.PlanFiles[i].Example = anchor, true
	}
	return v
}

// gzipped describes the gzipped twin of a site-wide file.
func gzipped(f DataFile) DataFile {
	f.URL = GzipName(f.URL)
	f.Name = GzipName(f.Name)
	f.Anchor = anchorOf(f.Name)
	f.Format += " (gzip)"
	f.Type = typeGzip
	f.Gzip = true
	return f
}

// dumpParts describes the gzipped parts of a site-wide task file.
func dumpParts(f DataFile, tasks int) []DataFile {
	n := DumpParts(tasks)
	out := make([]DataFile, 0, n)
	for i := 1; i <= n; i++ {
		part := gzipped(f)
		part.URL = DumpPartURL(f.URL, i, n)
		part.Name = part.URL[strings.LastIndexByte(part.URL, '/')+1:]
		part.Anchor = anchorOf(part.Name)
		if n > 1 {
			part.Part, part.Parts = i, n
			part.Records = min(DumpPartTasks, tasks-(i-1)*DumpPartTasks)
		}
		out = append(out, part)
	}
	return out
}

// exampleURLs give the files of the site's first plan and of its first
// Phụ lục table, to show what the per-plan files look like; "" when the
// site has none.
func exampleURLs(site *model.Site) (plan, appendix func(ext string) string) {
	plan = func(string) string { return "" }
	appendix = plan
	if len(site.Plans) > 0 {
		p := site.Plans[0]
		plan = func(ext string) string { return PlanDataURL(p, ext) }
	}
	for _, p := range site.Plans {
		if len(p.Appendices) > 0 {
			appendix = func(ext string) string { return AppendixDataURL(p, p.Appendices[0], ext) }
			break
		}
	}
	return plan, appendix
}

// anchorOf is the id of a file's section: "tep-nhiem-vu-json".
func anchorOf(name string) string { return "tep-" + strings.ReplaceAll(name, ".", "-") }

// jsonFields describes the fields of a record type; each field's meaning
// is the string "df_<record type>_<field>", so a field added to a record
// without a description fails the build.
func jsonFields(record any) []DataField {
	var out []DataField
	for _, f := range opendata.Fields(record) {
		out = append(out, DataField{Name: f.Path, Type: f.Type, Key: meaningKey(f.Means)})
	}
	return out
}

// csvFields describes CSV columns. A column that carries a JSON field has
// that field's meaning and type; in CSV null is an empty cell, and a list
// is one item per line.
func csvFields(cols []opendata.Column, fields []DataField) []DataField {
	types := map[string]string{}
	for _, f := range fields {
		types[f.Key] = strings.TrimSuffix(f.Type, "|null")
	}
	var out []DataField
	for _, c := range cols {
		key := meaningKey(c.Means)
		typ, ok := types[key]
		if !ok {
			typ = csvOwnType(c.Means)
		}
		out = append(out, DataField{Name: c.Name, Type: typ, Key: key})
	}
	return out
}

// csvOwnType is the type of a column that only the CSV files have: the
// task files' agency and milestone columns are lists, the rest text.
func csvOwnType(means string) string {
	if strings.HasPrefix(means, "taskcsv.") {
		return "string[]"
	}
	return "string"
}

func meaningKey(means string) string { return "df_" + strings.ReplaceAll(means, ".", "_") }
