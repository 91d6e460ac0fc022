package search

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// The fixtures are indexes of the small corpus, cut small so that their
// queries cross shards, read posting files, use prefixes' own postings,
// check records, skip words and cut groups, with what Go finds for each
// query. layouts/assets/search.test.mjs runs the script's engine over the
// same files and must find the same. Rewrite them with
// go test ./internal/search -run TestFixtures -update.
var fixtures = map[string]func() options{
	"small": func() options { return tiny },
	"tight": func() options {
		o := tiny
		o.maxWords, o.postings, o.budget, o.groupCap = 4, 1250, 2300, 3
		return o
	},
}

var fixtureQueries = []string{
	"dang ky khai sinh", "đăng ký khai sinh", "ĐĂNG KÝ KHAI SINH", "đăng ký khai s", "khai si", "sinh khai đăng",
	"khai sinh vneid", "khai sinh xyz", "hoà giải", "hòa giải", "hoa giai", "hóa", "hoà", "hoa", "hoạ", "dao tao",
	"cong an", "công an", "46/KH-UBND", "hoa phuoc da nang", "vneid", "VNEID", "", " …/ ", "d", "đ", "c", "th",
	"ke hoach 06", "thanh pho", "co so du lieu", "công an thành phố đà nẵng",
	"triển khai đăng ký khai sinh trực tuyến cho trẻ em tại thành phố đà nẵng",
	"cong an cong an", "Hue\u0302\u0301", "phong tu phap hue",
	"vneid ứ", "tuyến trự", "liên thông đăng ký thườ", "giải hoà", "khai đă",
}

// fixtureResult is a Result as search.test.mjs compares it.
type fixtureResult struct {
	Q       string         `json:"q"`
	Total   int            `json:"total"`
	Skipped []string       `json:"skipped"`
	Fetched int            `json:"fetched"`
	Groups  []fixtureGroup `json:"groups"`
}

type fixtureGroup struct {
	Kind  string       `json:"kind"`
	Total int          `json:"total"`
	Hits  []fixtureHit `json:"hits"`
}

type fixtureHit struct {
	N     int        `json:"n"`
	Exact bool       `json:"exact"`
	Whole bool       `json:"whole"`
	Doc   fixtureDoc `json:"doc"`
}

type fixtureDoc struct {
	Kind    string `json:"kind"`
	Label   string `json:"label"`
	Title   string `json:"title"`
	Context string `json:"context"`
	URL     string `json:"url"`
}

func toFixture(q string, r *Result) fixtureResult {
	out := fixtureResult{Q: q, Total: r.Total, Skipped: append([]string{}, r.Skipped...), Fetched: r.Fetched, Groups: []fixtureGroup{}}
	for _, g := range r.Groups {
		fg := fixtureGroup{Kind: g.Kind.String(), Total: g.Total, Hits: []fixtureHit{}}
		for _, h := range g.Hits {
			d := h.Doc
			fg.Hits = append(fg.Hits, fixtureHit{N: h.N, Exact: h.Exact, Whole: h.Whole,
				Doc: fixtureDoc{Kind: d.Kind.String(), Label: d.Label, Title: d.Title, Context: d.Context, URL: d.URL}})
		}
		out.Groups = append(out.Groups, fg)
	}
	return out
}

func TestFixtures(t *testing.T) {
	for name, o := range fixtures {
		files := mustBuild(t, corpus(), o())
		var results []fixtureResult
		for _, q := range fixtureQueries {
			results = append(results, toFixture(q, mustQuery(t, files, q)))
		}
		var b bytes.Buffer
		b.WriteString("[\n")
		for i, r := range results {
			line, err := marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			b.Write(line)
			if i < len(results)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString("]\n")
		want := map[string][]byte{"queries.json": b.Bytes()}
		for _, f := range files {
			want[f.Path] = f.Data
		}
		dir := filepath.Join("testdata", "fixture", name)
		if *update {
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
			for p, data := range want {
				file := filepath.Join(dir, filepath.FromSlash(p))
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		compareTree(t, dir, want)
	}
}

// compareTree checks that dir holds exactly the files of want.
func compareTree(t *testing.T, dir string, want map[string][]byte) {
	t.Helper()
	var got []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		got = append(got, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v: run go test ./internal/search -run TestFixtures -update", dir, err)
	}
	for _, p := range got {
		data, ok := want[p]
		if !ok {
			t.Errorf("%s/%s: not in the index any more: run go test ./internal/search -run TestFixtures -update", dir, p)
			continue
		}
		if on, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p))); !bytes.Equal(on, data) {
			t.Errorf("%s/%s differs from what the code writes: run go test ./internal/search -run TestFixtures -update, and check the diff", dir, p)
		}
	}
	for p := range want {
		if !slices.Contains(got, p) {
			t.Errorf("%s/%s missing: run go test ./internal/search -run TestFixtures -update", dir, p)
		}
	}
}

// The tight fixture does skip words and cut groups, so that the script's
// engine is checked on those paths too.
func TestFixturesExercisePaths(t *testing.T) {
	files := mustBuild(t, corpus(), fixtures["tight"]())
	var skippedLong, skippedCommon, cut bool
	for _, q := range fixtureQueries {
		r := mustQuery(t, files, q)
		toks, _ := parseQuery(q, -1)
		if len(r.Skipped) > 0 && len(toks) > fixtures["tight"]().maxWords {
			skippedLong = true
		}
		if len(r.Skipped) > 0 && len(toks) <= fixtures["tight"]().maxWords {
			skippedCommon = true
		}
		for _, g := range r.Groups {
			if len(g.Hits) < min(g.Total, fixtures["tight"]().groupCap) {
				cut = true
			}
		}
		if r.Fetched >= fixtures["tight"]().budget {
			t.Errorf("%q fetched %d bytes, budget %d", q, r.Fetched, fixtures["tight"]().budget)
		}
	}
	if !skippedLong || !skippedCommon || !cut {
		t.Errorf("tight fixture: skipped past the word limit %v, skipped common words %v, cut a group %v; want all", skippedLong, skippedCommon, cut)
	}
}
