package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/feed/feedtest"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/render"
)

const testBase = "https://example.org/"

// loadBundled loads the repository's own content into a fresh model.
func loadBundled(t *testing.T) *model.Site {
	t.Helper()
	site, diags := load.Load("../..", content.NewParser(), siteFS("../.."))
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	return site
}

// sitePages lists the HTML pages of site that the feeds and the sitemap
// point to, in both languages, with the 404 pages.
func sitePages(site *model.Site) []string {
	vi := []string{"/", "/dia-phuong/", "/han-chot/", "/404.html"}
	for _, l := range site.Localities {
		vi = append(vi, render.LocalityURL(l))
		for _, u := range l.Updates {
			vi = append(vi, render.UpdateURL(u))
		}
	}
	for _, p := range site.Plans {
		vi = append(vi, render.PlanURL(p))
		for _, t := range p.Tasks {
			vi = append(vi, render.TaskURL(t))
		}
	}
	out := slices.Clone(vi)
	for _, p := range vi {
		out = append(out, "/en"+p)
	}
	return out
}

// discover runs writeDiscovery into a fresh output folder and returns it.
func discover(t *testing.T, site *model.Site, pages []string, base string, asOf model.Date) (string, []diag.Diagnostic) {
	t.Helper()
	strs, err := render.LoadStrings(siteFS("../.."), "vi")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	w, err := newWriter(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.discard()
	warnings, err := writeDiscovery(w, site, pages, discoveryOptions{BaseURL: base, SiteTitle: "Minh bạch Đề án 06", AsOf: asOf, Strings: strs})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.commit(); err != nil {
		t.Fatal(err)
	}
	return out, warnings
}

// readFeed reads and checks the feed at a site path.
func readFeed(t *testing.T, out, url string) *feedtest.Atom {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(url, "/"))))
	if err != nil {
		t.Fatal(err)
	}
	a, err := feedtest.CheckAtom(data)
	if err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	return a
}

// readSitemap reads the sitemap as a crawler would, from /sitemap.xml
// through the index when there is one, and returns its URLs by loc.
func readSitemap(t *testing.T, out string) (map[string]string, int) {
	t.Helper()
	locs := map[string]string{}
	files := 0
	readSet := func(data []byte) {
		files++
		s, err := feedtest.CheckURLSet(data, testBase)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range s.URLs {
			if _, dup := locs[u.Loc]; dup {
				t.Errorf("%s is listed twice", u.Loc)
			}
			locs[u.Loc] = u.LastMod
		}
	}
	root := []byte(read(t, filepath.Join(out, "sitemap.xml")))
	if !feedtest.IsIndex(root) {
		readSet(root)
		return locs, files
	}
	idx, err := feedtest.CheckIndex(root, testBase)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range idx.Sitemaps {
		readSet([]byte(read(t, filepath.Join(out, strings.TrimPrefix(m.Loc, testBase)))))
	}
	return locs, files
}

func TestDiscoveryOfTheBundledContent(t *testing.T) {
	site := loadBundled(t)
	pages := sitePages(site)
	out, warnings := discover(t, site, pages, testBase, asOf)
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}

	// The site's feed: four plans and Đà Nẵng's update, newest first.
	a := readFeed(t, out, "/feed.xml")
	if a.Lang != "vi" || a.ID != testBase+"feed.xml" || a.Link("self") != testBase+"feed.xml" || a.Link("alternate") != testBase {
		t.Errorf("feed head: lang %q, id %q, links %+v", a.Lang, a.ID, a.Links)
	}
	if a.Updated != "2024-09-23T00:00:00+07:00" {
		t.Errorf("feed updated = %s, want the newest document's date", a.Updated)
	}
	if len(a.Entries) != 5 {
		t.Fatalf("the site's feed has %d entries, want 5", len(a.Entries))
	}
	wantFirst := []string{
		testBase + "dia-phuong/da-nang/cap-nhat-2024-09-23-5289/",
		testBase + "dia-phuong/hai-phong/ke-hoach-31-kh-ubnd-2024/",
	}
	for i, id := range wantFirst {
		if a.Entries[i].ID != id {
			t.Errorf("entry %d is %s, want %s", i, a.Entries[i].ID, id)
		}
	}
	isPage := map[string]bool{}
	for _, p := range pages {
		isPage[testBase+strings.TrimPrefix(p, "/")] = true
	}
	var prev time.Time
	for i, e := range a.Entries {
		at, _ := e.UpdatedTime()
		if i > 0 && at.After(prev) {
			t.Errorf("entry %d (%s) is newer than the one before it", i, e.ID)
		}
		prev = at
		if !isPage[e.Link("alternate")] || e.ID != e.Link("alternate") {
			t.Errorf("entry %s links to %s, which is not a page", e.ID, e.Link("alternate"))
		}
		if len(e.Authors) != 1 || e.Authors[0].Name == "" || len(e.Categories) == 0 || e.Summary == "" {
			t.Errorf("entry %s lacks an author, a category or a summary: %+v", e.ID, e)
		}
	}
	if e := a.Entries[0]; e.Title != "Đà Nẵng yêu cầu quyết tâm hoàn thành các mục tiêu Đề án 06/CP" ||
		e.Authors[0].Name != "Ủy ban nhân dân thành phố Đà Nẵng" ||
		e.Summary != "Văn bản 5289/UBND-CATP ngày 23/9/2024 của Thành phố Đà Nẵng. Không báo cáo tình trạng nhiệm vụ nào." ||
		e.Categories[0] != (feedtest.Category{Term: "da-nang", Scheme: testBase + "dia-phuong/", Label: "Thành phố Đà Nẵng"}) {
		t.Errorf("the update's entry: %+v", e)
	}
	if e := a.Entries[1]; e.Title != "Kế hoạch 31/KH-UBND của Thành phố Hải Phòng" || !strings.HasSuffix(e.Summary, "ban hành ngày 15/2/2024, 25 nhiệm vụ.") {
		t.Errorf("Hải Phòng's plan entry: %q, %q", e.Title, e.Summary)
	}

	// Every locality has a feed of its own documents and its descendants'.
	for _, l := range site.Localities {
		lf := readFeed(t, out, render.FeedURL(l))
		if lf.Link("alternate") != testBase+strings.TrimPrefix(render.LocalityURL(l), "/") || !strings.Contains(lf.Title, l.Name) {
			t.Errorf("%s: title %q, links %+v", render.FeedURL(l), lf.Title, lf.Links)
		}
		if want := len(l.AllPlans()) + len(allUpdates(l)); len(lf.Entries) != want {
			t.Errorf("%s has %d entries, want %d", render.FeedURL(l), len(lf.Entries), want)
		}
	}
	hy := readFeed(t, out, "/dia-phuong/hung-yen/feed.xml")
	if len(hy.Entries) != 1 || hy.Entries[0].ID != testBase+"dia-phuong/hung-yen/van-lam/lac-hong/ke-hoach-11-kh-ubnd-2022/" {
		t.Fatalf("Hưng Yên's feed does not carry Lạc Hồng's plan: %+v", hy.Entries)
	}
	var terms []string
	for _, c := range hy.Entries[0].Categories {
		terms = append(terms, c.Term)
	}
	if want := []string{"hung-yen", "hung-yen/van-lam", "hung-yen/van-lam/lac-hong"}; !slices.Equal(terms, want) {
		t.Errorf("Lạc Hồng's plan is filed under %v, want %v", terms, want)
	}
	dn := readFeed(t, out, "/dia-phuong/da-nang/feed.xml")
	if len(dn.Entries) != 2 || dn.Entries[0].ID != a.Entries[0].ID || dn.Updated != a.Updated {
		t.Errorf("Đà Nẵng's feed: updated %s, %+v", dn.Updated, dn.Entries)
	}

	// The sitemap lists every page but the 404 pages, with known dates.
	locs, _ := readSitemap(t, out)
	for _, p := range pages {
		_, listed := locs[testBase+strings.TrimPrefix(p, "/")]
		if is404 := strings.HasSuffix(p, "/404.html"); listed == is404 {
			t.Errorf("%s: listed %v", p, listed)
		}
	}
	if len(locs) != len(pages)-2 {
		t.Errorf("the sitemap lists %d URLs, want %d", len(locs), len(pages)-2)
	}
	for loc, want := range map[string]string{
		"":                       "",
		"dia-phuong/":            "",
		"dia-phuong/da-nang/":    "2024-09-23",
		"en/dia-phuong/da-nang/": "2024-09-23",
		"dia-phuong/da-nang/cap-nhat-2024-09-23-5289/":          "2024-09-23",
		"dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/":          "2022-03-10",
		"dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/5-1-1/":    "2022-03-10",
		"en/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/5-1-1/": "2022-03-10",
		"dia-phuong/hung-yen/":                                  "2022-04-10",
		"dia-phuong/hung-yen/van-lam/":                          "2022-04-10",
	} {
		if got, ok := locs[testBase+loc]; !ok || got != want {
			t.Errorf("/%s: lastmod %q (listed %v), want %q", loc, got, ok, want)
		}
	}

	robots := read(t, filepath.Join(out, "robots.txt"))
	if !strings.Contains(robots, "Allow: /") || !strings.Contains(robots, "\nSitemap: "+testBase+"sitemap.xml\n") {
		t.Errorf("robots.txt:\n%s", robots)
	}
}

// TestFeedsFollowStatusReports: an update's summary says how many tasks it
// reports on, and a task page's lastmod is its latest report's date.
func TestFeedsFollowStatusReports(t *testing.T) {
	site := loadBundled(t)
	u := site.Updates[0]
	plan := site.Plans[slices.IndexFunc(site.Plans, func(p *model.Plan) bool { return p.Number == "46/KH-UBND" })]
	task := plan.Tasks[0]
	for _, st := range []string{model.Completed, model.InProgress, model.Completed} {
		u.Status = append(u.Status, model.StatusEntry{Plan: plan.Number, Task: task.ID, State: st})
	}
	task.Reports = append(task.Reports, model.Report{Update: u, State: model.Completed})
	out, _ := discover(t, site, sitePages(site), testBase, asOf)
	e := readFeed(t, out, "/feed.xml").Entries[0]
	if !strings.HasSuffix(e.Summary, "Báo cáo tình trạng 3 nhiệm vụ (đang thực hiện: 1; hoàn thành: 2).") {
		t.Errorf("summary %q", e.Summary)
	}
	locs, _ := readSitemap(t, out)
	for _, p := range []string{render.TaskURL(task), render.PlanURL(plan)} {
		if got := locs[testBase+strings.TrimPrefix(p, "/")]; got != "2024-09-23" {
			t.Errorf("%s: lastmod %q, want the report's date", p, got)
		}
	}
	if got := locs[testBase+strings.TrimPrefix(render.TaskURL(plan.Tasks[1]), "/")]; got != "2022-03-10" {
		t.Errorf("a task without reports: lastmod %q, want the plan's issue date", got)
	}
}

// TestFeedsAreAsOfTheirDate: documents dated after the as-of date are not
// announced, and the feed's date is the newest document's, not the clock's.
func TestFeedsAreAsOfTheirDate(t *testing.T) {
	site := loadBundled(t)
	out, _ := discover(t, site, sitePages(site), testBase, model.Date{Year: 2023, Month: 1, Day: 1})
	a := readFeed(t, out, "/feed.xml")
	if len(a.Entries) != 3 || a.Updated != "2022-04-10T00:00:00+07:00" {
		t.Errorf("as of 1/1/2023: updated %s, %d entries, want the three plans of 2022", a.Updated, len(a.Entries))
	}
	hp := readFeed(t, out, "/dia-phuong/hai-phong/feed.xml")
	if len(hp.Entries) != 0 || hp.Updated != "2023-01-01T00:00:00+07:00" {
		t.Errorf("an empty feed: updated %s, %d entries; want the as-of date and none", hp.Updated, len(hp.Entries))
	}
	locs, _ := readSitemap(t, out)
	if got := locs[testBase+"dia-phuong/hai-phong/ke-hoach-31-kh-ubnd-2024/"]; got != "" {
		t.Errorf("a plan issued after the as-of date has lastmod %q", got)
	}
}

func TestFeedIdsSurviveRetitling(t *testing.T) {
	ids := func(site *model.Site) []string {
		out, _ := discover(t, site, sitePages(site), testBase, asOf)
		var out2 []string
		for _, e := range readFeed(t, out, "/feed.xml").Entries {
			out2 = append(out2, e.ID)
		}
		return out2
	}
	site := loadBundled(t)
	before := ids(site)
	site.Updates[0].Title = "Tiêu đề đã sửa"
	site.Plans[0].Title = "Kế hoạch đã sửa tên"
	site.Plans[0].Number = "47/KH-UBND"
	if after := ids(site); !slices.Equal(before, after) {
		t.Errorf("ids changed with the titles:\n%v\n%v", before, after)
	}
}

func TestFeedsEscapeEditorsText(t *testing.T) {
	site := loadBundled(t)
	nasty := `<script>alert("x")</script> & 'Sở' "Tư pháp"`
	u := site.Updates[0]
	u.Title, u.Issuer, u.Number = nasty, nasty, nasty
	u.Source = `https://danang.gov.vn/tin?id=5289&lang="vi"`
	u.Locality.Name = nasty
	out, _ := discover(t, site, sitePages(site), testBase, asOf)
	raw := read(t, filepath.Join(out, "feed.xml"))
	if strings.Contains(raw, "<script") || strings.Contains(raw, "& ") {
		t.Fatalf("markup or a bare & got into the feed:\n%s", raw)
	}
	e := readFeed(t, out, "/feed.xml").Entries[0]
	if e.Title != nasty || e.Authors[0].Name != nasty || e.Categories[0].Label != nasty || !strings.Contains(e.Summary, nasty) {
		t.Errorf("the text did not come back as written: %+v", e)
	}
	if e.Link("related") != u.Source {
		t.Errorf("related link %q, want %q", e.Link("related"), u.Source)
	}
	if f := readFeed(t, out, "/dia-phuong/da-nang/feed.xml"); !strings.Contains(f.Title, nasty) {
		t.Errorf("locality feed title %q", f.Title)
	}
}

func TestDiscoveryIsByteIdentical(t *testing.T) {
	site := loadBundled(t)
	pages := sitePages(site)
	a, _ := discover(t, site, pages, testBase, asOf)
	slices.Reverse(pages) // the order pages come in does not matter
	b, _ := discover(t, loadBundled(t), pages, testBase, asOf)
	files := 0
	err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		mine, _ := os.ReadFile(p)
		other, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(mine, other) {
			t.Errorf("%s differs between runs", rel)
		}
		files++
		return nil
	})
	if err != nil || files != 3+len(site.Localities) {
		t.Errorf("compared %d files (%v), want robots, sitemap, the site's feed and one per locality", files, err)
	}
}

func TestDiscoveryNeedsAnAbsoluteBase(t *testing.T) {
	for _, base := range []string{"/", "/portal/", "example.org", ""} {
		t.Run(base, func(t *testing.T) {
			site := loadBundled(t)
			out, warnings := discover(t, site, sitePages(site), base, asOf)
			if len(warnings) != 1 || warnings[0].Severity != diag.Warning || warnings[0].File != "config.toml" ||
				!strings.Contains(warnings[0].Msg, fmt.Sprintf("base_url %q is not an absolute address", base)) ||
				!strings.Contains(warnings[0].Msg, `write base_url = "https://…/"`) {
				t.Errorf("warnings = %v", warnings)
			}
			robots := read(t, filepath.Join(out, "robots.txt"))
			if strings.Contains(robots, "Sitemap") || !strings.Contains(robots, "User-agent: *") {
				t.Errorf("robots.txt:\n%s", robots)
			}
			for _, f := range []string{"feed.xml", "sitemap.xml", "dia-phuong/da-nang/feed.xml"} {
				if _, err := os.Stat(filepath.Join(out, f)); err == nil {
					t.Errorf("%s was written with no address to put in it", f)
				}
			}
		})
	}
}

func TestDiscoveryUnderABasePath(t *testing.T) {
	site := loadBundled(t)
	strs, err := render.LoadStrings(siteFS("../.."), "vi")
	if err != nil {
		t.Fatal(err)
	}
	w, err := newWriter(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.discard()
	const base = "https://example.org/portal/"
	if _, err := writeDiscovery(w, site, sitePages(site), discoveryOptions{BaseURL: base, SiteTitle: "T", AsOf: asOf, Strings: strs}); err != nil {
		t.Fatal(err)
	}
	if err := w.commit(); err != nil {
		t.Fatal(err)
	}
	a := readFeed(t, w.out, "/feed.xml")
	if a.ID != base+"feed.xml" || !strings.HasPrefix(a.Entries[0].ID, base+"dia-phuong/") {
		t.Errorf("ids %s, %s are not under %s", a.ID, a.Entries[0].ID, base)
	}
	s, err := feedtest.CheckURLSet([]byte(read(t, filepath.Join(w.out, "sitemap.xml"))), base)
	if err != nil || len(s.URLs) == 0 {
		t.Errorf("sitemap under %s: %v", base, err)
	}
	if !strings.Contains(read(t, filepath.Join(w.out, "robots.txt")), "Sitemap: "+base+"sitemap.xml") {
		t.Error("robots.txt does not name the sitemap under the base path")
	}
}

// TestLargeSitemapIsSplit: a portal of every commune has some 200,000
// pages; the protocol allows 50,000 URLs per file.
func TestLargeSitemapIsSplit(t *testing.T) {
	site := loadBundled(t)
	pages := sitePages(site)
	for i := len(pages); i < 120_001; i++ {
		pages = append(pages, fmt.Sprintf("/dia-phuong/tinh-%03d/xa-%06d/", i%63, i))
	}
	start := time.Now()
	out, _ := discover(t, site, pages, testBase, asOf)
	t.Logf("%d pages: discovery files written in %v", len(pages), time.Since(start))
	if !feedtest.IsIndex([]byte(read(t, filepath.Join(out, "sitemap.xml")))) {
		t.Fatal("120,001 pages in one sitemap; want an index")
	}
	locs, files := readSitemap(t, out)
	if files != 3 || len(locs) != len(pages)-2 {
		t.Errorf("%d sitemaps list %d URLs; want 3 listing %d", files, len(locs), len(pages)-2)
	}
	if got := locs[testBase+"dia-phuong/da-nang/"]; got != "2024-09-23" {
		t.Errorf("lastmod lost in the split: %q", got)
	}
}

func TestFeedsAreCapped(t *testing.T) {
	site := loadBundled(t)
	u := site.Updates[0]
	l := u.Locality
	for i := range maxFeedEntries + 20 {
		v := *u
		v.Slug = fmt.Sprintf("cap-nhat-%03d", i)
		v.Date = model.Date{Year: 2023, Month: time.Month(1 + i%12), Day: 1 + i%28}
		l.Updates = append(l.Updates, &v)
		site.Updates = append(site.Updates, &v)
	}
	out, _ := discover(t, site, sitePages(site), testBase, asOf)
	for _, url := range []string{"/feed.xml", render.FeedURL(l)} {
		a := readFeed(t, out, url)
		if len(a.Entries) != maxFeedEntries || a.Entries[0].ID != testBase+"dia-phuong/da-nang/cap-nhat-2024-09-23-5289/" {
			t.Errorf("%s: %d entries, first %s", url, len(a.Entries), a.Entries[0].ID)
		}
	}
}

func TestOwnRobotsIsKept(t *testing.T) {
	site := loadBundled(t)
	strs, err := render.LoadStrings(siteFS("../.."), "vi")
	if err != nil {
		t.Fatal(err)
	}
	w, err := newWriter(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.discard()
	own := "User-agent: *\nDisallow: /\n"
	if err := w.write("/robots.txt", []byte(own)); err != nil {
		t.Fatal(err)
	}
	if _, err := writeDiscovery(w, site, sitePages(site), discoveryOptions{BaseURL: testBase, SiteTitle: "T", AsOf: asOf, Strings: strs}); err != nil {
		t.Fatal(err)
	}
	if err := w.commit(); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(w.out, "robots.txt")); got != own {
		t.Errorf("robots.txt = %q, want the site's own", got)
	}
}
