package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/model"
)

// The URL of every data file is decided here and nowhere else. Data files
// are shared by the site's languages: their paths have no language prefix,
// and links to them go through the "file" template function.

// The site-wide data files under /du-lieu/.
const (
	TasksJSONURL      = "/du-lieu/nhiem-vu.json"
	TasksCSVURL       = "/du-lieu/nhiem-vu.csv"
	TaskSchemaURL     = "/du-lieu/nhiem-vu.schema.json"
	PlansJSONURL      = "/du-lieu/ke-hoach.json"
	LocalitiesJSONURL = "/du-lieu/dia-phuong.json"
	AgenciesJSONURL   = "/du-lieu/co-quan.json"
	CompareCSVURL     = "/du-lieu/so-sanh.csv"
)

// WholeFileTasks is the most tasks a site may have for the site-wide task,
// agency and comparison files to be written as they are. Past it they are
// written gzipped (the tasks of 100,000 plans make 180 MB of JSON, more
// than a CDN serves as one file), and the tasks are also in one JSON and
// one CSV file per province.
const WholeFileTasks = 5000

// Whole reports whether a site of n tasks has its site-wide files as they
// are rather than gzipped.
func Whole(tasks int) bool { return tasks <= WholeFileTasks }

// GzipName is the name of the gzipped twin of a site-wide file.
func GzipName(url string) string { return url + ".gz" }

// DumpPartTasks is the most tasks one gzipped part of the site-wide task
// files holds. At some 130 bytes a task gzipped, a part stays near 5 MB,
// well under what a CDN serves as one file (100,000 tasks make 13 MB).
const DumpPartTasks = 40_000

// DumpParts is how many parts the gzipped task files of a site of n tasks
// are written in.
func DumpParts(n int) int { return max(1, (n+DumpPartTasks-1)/DumpPartTasks) }

// DumpPartURL names part i (from 1) of the n parts of the gzipped twin of
// url: "/du-lieu/nhiem-vu.json.gz" when there is one part, else
// "/du-lieu/nhiem-vu-2.json.gz".
func DumpPartURL(url string, i, n int) string {
	if n == 1 {
		return GzipName(url)
	}
	dot := strings.LastIndexByte(url, '.')
	return GzipName(url[:dot] + "-" + strconv.Itoa(i) + url[dot:])
}

// ProvinceTasksURL is the file of the tasks of a top-level locality and
// all localities under it: "/du-lieu/tinh/da-nang/nhiem-vu.json".
func ProvinceTasksURL(root *model.Locality, ext string) string {
	return "/du-lieu/tinh/" + root.Path + "/nhiem-vu." + ext
}

// large are the site-wide files that are gzipped past WholeFileTasks.
var large = []string{TasksJSONURL, TasksCSVURL, AgenciesJSONURL, CompareCSVURL}

// IsLarge reports whether url is one of the files gzipped past
// WholeFileTasks.
func IsLarge(url string) bool {
	for _, u := range large {
		if u == url {
			return true
		}
	}
	return false
}

// planDataDir holds one CSV and one JSON file per plan, and a folder per
// plan for its Phụ lục tables, mirroring the plan's place under
// /dia-phuong/ so that the address says whose plan it is.
const planDataDir = "/du-lieu/ke-hoach/"

// DataURL returns the site path of a site-wide data file by its name
// ("so-sanh.csv"), for layouts; a name that is not one of them is an
// error, so that a misspelt link fails the build rather than leading
// nowhere.
func DataURL(name string) (string, error) {
	for _, u := range []string{TasksJSONURL, TasksCSVURL, TaskSchemaURL, PlansJSONURL, LocalitiesJSONURL,
		AgenciesJSONURL, CompareCSVURL, CalendarURL(nil)} {
		if u == "/du-lieu/"+name {
			return u, nil
		}
	}
	return "", fmt.Errorf("no data file %q under /du-lieu/", name)
}

// PlanDataURL is "/du-lieu/ke-hoach/<locality path>/<plan>.<ext>": the
// plan's tasks as "csv" or "json".
func PlanDataURL(p *model.Plan, ext string) string {
	return planDataDir + p.Locality.Path + "/" + p.Slug + "." + ext
}

// AppendixDataURL is "/du-lieu/ke-hoach/<locality path>/<plan>/<phụ
// lục>.<ext>": one Phụ lục table as "csv" or "json".
func AppendixDataURL(p *model.Plan, a *model.Appendix, ext string) string {
	return planDataDir + p.Locality.Path + "/" + p.Slug + "/" + a.Slug + "." + ext
}
