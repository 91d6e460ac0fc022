package feed_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/feed"
	"github.com/minhbach/minhbach/internal/feed/feedtest"
)

var ict = time.FixedZone("ICT", 7*60*60)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, ict) }

// sample is a valid feed of two entries.
func sample() feed.Feed {
	return feed.Feed{
		ID: "https://example.org/feed.xml", Title: "Minh bạch Đề án 06 — kế hoạch và cập nhật",
		Subtitle: "Mới nhất trước", Updated: day(2024, 9, 23),
		Author: feed.Person{Name: "Minh bạch Đề án 06", URI: "https://example.org/"},
		Self:   "https://example.org/feed.xml", Alternate: "https://example.org/", Lang: "vi", Generator: "minhbach",
		Entries: []feed.Entry{
			{
				ID: "https://example.org/dia-phuong/da-nang/cap-nhat-2024-09-23-5289/", Title: "Đà Nẵng yêu cầu quyết tâm",
				Updated: day(2024, 9, 23), Link: "https://example.org/dia-phuong/da-nang/cap-nhat-2024-09-23-5289/",
				Related: "https://danang.gov.vn/tin/5289", Author: feed.Person{Name: "Ủy ban nhân dân thành phố Đà Nẵng"},
				Categories: []feed.Category{{Term: "da-nang", Scheme: "https://example.org/dia-phuong/", Label: "Thành phố Đà Nẵng"}},
				Summary:    "Văn bản 5289/UBND-CATP ngày 23/9/2024 của Thành phố Đà Nẵng.",
			},
			{
				ID: "https://example.org/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/", Title: "Kế hoạch 46/KH-UBND của Thành phố Đà Nẵng",
				Updated: day(2022, 3, 10), Link: "https://example.org/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/",
			},
		},
	}
}

func TestFeedIsValidAtom(t *testing.T) {
	f := sample()
	data, err := f.Encode()
	if err != nil {
		t.Fatal(err)
	}
	a, err := feedtest.CheckAtom(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if a.Lang != "vi" {
		t.Errorf("xml:lang = %q, want vi", a.Lang)
	}
	if a.Updated != "2024-09-23T00:00:00+07:00" {
		t.Errorf("updated = %q, want the date at midnight in Vietnam", a.Updated)
	}
	if a.Link("self") != f.Self || a.Link("alternate") != f.Alternate {
		t.Errorf("links = %+v", a.Links)
	}
	if len(a.Entries) != 2 {
		t.Fatalf("%d entries, want 2", len(a.Entries))
	}
	e := a.Entries[0]
	if e.ID != f.Entries[0].ID || e.Title != f.Entries[0].Title || e.Summary != f.Entries[0].Summary ||
		e.Link("related") != f.Entries[0].Related || len(e.Authors) != 1 || e.Authors[0].Name != f.Entries[0].Author.Name {
		t.Errorf("entry 0 read back as %+v", e)
	}
	if len(e.Categories) != 1 || e.Categories[0] != (feedtest.Category{Term: "da-nang", Scheme: "https://example.org/dia-phuong/", Label: "Thành phố Đà Nẵng"}) {
		t.Errorf("categories = %+v", e.Categories)
	}
	if len(a.Entries[1].Authors) != 0 || len(a.Entries[1].Categories) != 0 || a.Entries[1].Link("related") != "" {
		t.Errorf("entry 1 has optional elements it was not given: %+v", a.Entries[1])
	}
}

// TestFeedEscapesEditorsText: titles, summaries, names and labels come from
// editors and may hold markup, ampersands and quotes; they must come back
// as written and never as elements.
func TestFeedEscapesEditorsText(t *testing.T) {
	nasty := `<script>alert("x")</script> Sở Tư pháp & Công an 'quận' ]]> ` + "\x01"
	f := sample()
	f.Title = nasty
	f.Author.Name = nasty
	e := &f.Entries[0]
	e.Title, e.Summary, e.Author.Name = nasty, nasty, nasty
	e.Categories[0].Label = nasty
	e.Link = `https://example.org/a?b=1&c="2"`
	data, err := f.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("<script")) || bytes.Contains(data, []byte("& ")) {
		t.Fatalf("markup or a bare & got through:\n%s", data)
	}
	a, err := feedtest.CheckAtom(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	// A control character cannot be held by XML: it becomes U+FFFD.
	want := strings.Replace(nasty, "\x01", "\uFFFD", 1)
	got := a.Entries[0]
	for name, v := range map[string]string{"feed title": a.Title, "feed author": a.Authors[0].Name, "title": got.Title,
		"summary": got.Summary, "author": got.Authors[0].Name, "label": got.Categories[0].Label} {
		if v != want {
			t.Errorf("%s read back as %q, want %q", name, v, want)
		}
	}
	if got.Link("alternate") != e.Link {
		t.Errorf("link read back as %q", got.Link("alternate"))
	}
}

func TestFeedIsDeterministic(t *testing.T) {
	f, g := sample(), sample()
	a, err := f.Encode()
	if err != nil {
		t.Fatal(err)
	}
	b, err := g.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the same feed encodes to different bytes")
	}
}

func TestFeedRefusesWhatReadersReject(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(*feed.Feed)
		want  string
	}{
		{"no id", func(f *feed.Feed) { f.ID = "" }, "feed id"},
		{"relative id", func(f *feed.Feed) { f.ID = "/feed.xml" }, "feed id"},
		{"no title", func(f *feed.Feed) { f.Title = " " }, "title"},
		{"no updated", func(f *feed.Feed) { f.Updated = time.Time{} }, "updated"},
		{"no author", func(f *feed.Feed) { f.Author = feed.Person{} }, "author"},
		{"relative self", func(f *feed.Feed) { f.Self = "/feed.xml" }, "self link"},
		{"no self", func(f *feed.Feed) { f.Self = "" }, "self link"},
		{"relative alternate", func(f *feed.Feed) { f.Alternate = "/" }, "alternate"},
		{"entry without id", func(f *feed.Feed) { f.Entries[1].ID = "" }, "entry 1"},
		{"entry without title", func(f *feed.Feed) { f.Entries[1].Title = "" }, "no title"},
		{"entry without updated", func(f *feed.Feed) { f.Entries[1].Updated = time.Time{} }, "no updated"},
		{"entry with a relative link", func(f *feed.Feed) { f.Entries[1].Link = "/dia-phuong/" }, "link"},
		{"entry without link", func(f *feed.Feed) { f.Entries[1].Link = "" }, "link"},
		{"relative related link", func(f *feed.Feed) { f.Entries[0].Related = "tin/5289" }, "related"},
		{"category without term", func(f *feed.Feed) { f.Entries[0].Categories[0].Term = "" }, "term"},
		{"two entries, one id", func(f *feed.Feed) { f.Entries[1].ID = f.Entries[0].ID }, "share the id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := sample()
			tt.spoil(&f)
			data, err := f.Encode()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Encode() = %v, want an error about %q", err, tt.want)
			}
			if data != nil {
				t.Error("Encode returned bytes with its error")
			}
		})
	}
}

// TestCheckAtomCatchesBrokenFeeds makes sure the checker the build's tests
// rely on can fail.
func TestCheckAtomCatchesBrokenFeeds(t *testing.T) {
	good, err := func() ([]byte, error) { f := sample(); return f.Encode() }()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, from, to string }{
		{"wrong namespace", feed.AtomNS, "http://purl.org/atom/ns#"},
		{"no self link", `rel="self"`, `rel="via"`},
		{"relative entry link", `href="https://example.org/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/"`, `href="/x/"`},
		{"date that is not RFC 3339", "<updated>2022-03-10T00:00:00+07:00</updated>", "<updated>10/3/2022</updated>"},
		{"duplicate id", "<id>https://example.org/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/</id>", "<id>https://example.org/dia-phuong/da-nang/cap-nhat-2024-09-23-5289/</id>"},
		{"unescaped ampersand", "Minh bạch Đề án 06 —", "Minh bạch & Đề án 06 —"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := strings.Replace(string(good), tt.from, tt.to, 1)
			if bad == string(good) {
				t.Fatalf("%q is not in the feed", tt.from)
			}
			if _, err := feedtest.CheckAtom([]byte(bad)); err == nil {
				t.Errorf("CheckAtom accepted a feed with a %s", tt.name)
			}
		})
	}
}

func TestParseBase(t *testing.T) {
	tests := []struct {
		raw, root, page string // page: URL("/dia-phuong/da-nang/"); "" when raw must be refused
	}{
		{"https://example.org/", "https://example.org/", "https://example.org/dia-phuong/da-nang/"},
		{"https://example.org", "https://example.org/", "https://example.org/dia-phuong/da-nang/"},
		{"HTTPS://Example.ORG/portal", "https://example.org/portal/", "https://example.org/portal/dia-phuong/da-nang/"},
		{"http://127.0.0.1:1313/", "http://127.0.0.1:1313/", "http://127.0.0.1:1313/dia-phuong/da-nang/"},
		{"/", "", ""},
		{"", "", ""},
		{"/portal/", "", ""},
		{"example.org", "", ""},
		{"//example.org/", "", ""},
		{"ftp://example.org/", "", ""},
		{"https://example.org/?lang=vi", "", ""},
		{"https://example.org/#top", "", ""},
		{"https://user@example.org/", "", ""},
		{"https://", "", ""},
	}
	for _, tt := range tests {
		b, err := feed.ParseBase(tt.raw)
		if tt.root == "" {
			if err == nil {
				t.Errorf("ParseBase(%q) = %s, want an error", tt.raw, b)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseBase(%q): %v", tt.raw, err)
			continue
		}
		if b.String() != tt.root || b.URL("/dia-phuong/da-nang/") != tt.page {
			t.Errorf("ParseBase(%q) = %s, page %s; want %s, %s", tt.raw, b, b.URL("/dia-phuong/da-nang/"), tt.root, tt.page)
		}
		if !b.Contains(tt.page) || b.Contains("https://other.example/") {
			t.Errorf("ParseBase(%q).Contains is wrong", tt.raw)
		}
	}
}

func TestBaseEscapesPaths(t *testing.T) {
	b, err := feed.ParseBase("https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := b.URL("/tìm kiếm/"), "https://example.org/t%C3%ACm%20ki%E1%BA%BFm/"; got != want {
		t.Errorf("URL = %s, want %s", got, want)
	}
}

func TestRobots(t *testing.T) {
	with := string(feed.Robots("https://example.org/sitemap.xml"))
	if !strings.Contains(with, "User-agent: *\nAllow: /\n") || !strings.HasSuffix(with, "\nSitemap: https://example.org/sitemap.xml\n") {
		t.Errorf("robots.txt with a sitemap:\n%s", with)
	}
	for _, s := range []string{"", "/sitemap.xml"} {
		if without := string(feed.Robots(s)); strings.Contains(without, "Sitemap") || !strings.Contains(without, "Allow: /") {
			t.Errorf("robots.txt for %q:\n%s", s, without)
		}
	}
}
