package feed_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/feed"
	"github.com/minhbach/minhbach/internal/feed/feedtest"
)

func mustBase(t testing.TB, raw string) feed.Base {
	t.Helper()
	b, err := feed.ParseBase(raw)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// synthetic returns n page URLs under base, every third with a date.
func synthetic(base feed.Base, n int) []feed.URL {
	urls := make([]feed.URL, n)
	for i := range urls {
		urls[i].Loc = base.URL(fmt.Sprintf("/dia-phuong/tinh-%d/xa-%d/", i/1000, i))
		if i%3 == 0 {
			urls[i].LastMod = day(2022, 1+i%12, 1+i%28)
		}
	}
	return urls
}

// readAll checks every file of a sitemap as a crawler would, starting from
// IndexName, and returns the locs and lastmods it lists in order.
func readAll(t *testing.T, base feed.Base, files []feed.File) (locs, mods []string) {
	t.Helper()
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Data
	}
	root, ok := byName[feed.IndexName]
	if !ok {
		t.Fatalf("no %s among %d files", feed.IndexName, len(files))
	}
	read := func(data []byte) {
		s, err := feedtest.CheckURLSet(data, base.String())
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range s.URLs {
			locs, mods = append(locs, u.Loc), append(mods, u.LastMod)
		}
	}
	if !feedtest.IsIndex(root) {
		if len(files) != 1 {
			t.Errorf("a single sitemap comes with %d other files", len(files)-1)
		}
		read(root)
		return locs, mods
	}
	idx, err := feedtest.CheckIndex(root, base.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(idx.Sitemaps) != len(files)-1 {
		t.Errorf("the index lists %d sitemaps of %d files", len(idx.Sitemaps), len(files)-1)
	}
	for _, m := range idx.Sitemaps {
		name := strings.TrimPrefix(m.Loc, base.String())
		data, ok := byName[name]
		if !ok {
			t.Fatalf("the index lists %s, which is not written", m.Loc)
		}
		if feedtest.IsIndex(data) {
			t.Fatalf("%s is an index inside an index", name)
		}
		read(data)
	}
	return locs, mods
}

func TestSitemapSplitsAtTheProtocolLimit(t *testing.T) {
	base := mustBase(t, "https://example.org/portal/")
	for _, n := range []int{0, 1, 50_000, 50_001, 120_001} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			urls := synthetic(base, n)
			files, err := feed.Sitemaps(base, urls, feed.ProtocolLimits)
			if err != nil {
				t.Fatal(err)
			}
			wantFiles := 1
			if n > 50_000 {
				wantFiles = 1 + (n+49_999)/50_000
			}
			if len(files) != wantFiles {
				t.Errorf("%d URLs gave %d files, want %d", n, len(files), wantFiles)
			}
			for _, f := range files {
				if len(f.Data) > feed.ProtocolLimits.Bytes {
					t.Errorf("%s has %d bytes", f.Name, len(f.Data))
				}
			}
			locs, mods := readAll(t, base, files)
			if len(locs) != n {
				t.Fatalf("the sitemap lists %d URLs, want %d", len(locs), n)
			}
			for i, u := range urls {
				wantMod := ""
				if !u.LastMod.IsZero() {
					wantMod = u.LastMod.Format(time.DateOnly)
				}
				if locs[i] != u.Loc || mods[i] != wantMod {
					t.Fatalf("URL %d is %s %q, want %s %q", i, locs[i], mods[i], u.Loc, wantMod)
				}
			}
		})
	}
}

func TestSitemapSplitsBySize(t *testing.T) {
	base := mustBase(t, "https://example.org/")
	urls := synthetic(base, 1000)
	lim := feed.Limits{URLs: 50_000, Bytes: 10_000}
	files, err := feed.Sitemaps(base, urls, lim)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 10 {
		t.Errorf("1000 URLs in files of 10 kB gave %d files", len(files))
	}
	for _, f := range files {
		if len(f.Data) > lim.Bytes {
			t.Errorf("%s has %d bytes, more than %d", f.Name, len(f.Data), lim.Bytes)
		}
	}
	if locs, _ := readAll(t, base, files); len(locs) != len(urls) {
		t.Errorf("read back %d URLs, want %d", len(locs), len(urls))
	}
}

func TestSitemapIndexDatesAreThePartsNewest(t *testing.T) {
	base := mustBase(t, "https://example.org/")
	urls := []feed.URL{
		{Loc: base.URL("/a/"), LastMod: day(2022, 3, 10)},
		{Loc: base.URL("/b/"), LastMod: day(2024, 9, 23)},
		{Loc: base.URL("/c/")},
		{Loc: base.URL("/d/")},
	}
	files, err := feed.Sitemaps(base, urls, feed.Limits{URLs: 2, Bytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	idx, err := feedtest.CheckIndex(files[0].Data, base.String())
	if err != nil {
		t.Fatal(err)
	}
	want := []feedtest.Loc{{Loc: "https://example.org/sitemap-1.xml", LastMod: "2024-09-23"}, {Loc: "https://example.org/sitemap-2.xml"}}
	if fmt.Sprint(idx.Sitemaps) != fmt.Sprint(want) {
		t.Errorf("index = %v, want %v", idx.Sitemaps, want)
	}
}

func TestSitemapIsDeterministicAndEscaped(t *testing.T) {
	base := mustBase(t, "https://example.org/")
	urls := []feed.URL{{Loc: `https://example.org/a?x=1&y="2"&z=<3>`, LastMod: day(2024, 9, 23)}}
	a, err := feed.Sitemaps(base, urls, feed.ProtocolLimits)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := feed.Sitemaps(base, urls, feed.ProtocolLimits)
	if !bytes.Equal(a[0].Data, b[0].Data) {
		t.Error("the same URLs give different bytes")
	}
	s, err := feedtest.CheckURLSet(a[0].Data, base.String())
	if err != nil {
		t.Fatalf("%v\n%s", err, a[0].Data)
	}
	if s.URLs[0].Loc != urls[0].Loc {
		t.Errorf("loc read back as %q", s.URLs[0].Loc)
	}
}

func TestSitemapRefusesForeignAndRelativeLocs(t *testing.T) {
	base := mustBase(t, "https://example.org/portal/")
	for _, loc := range []string{"/portal/a/", "https://example.org/other/", "https://evil.example/portal/", "https://example.org/portal/" + strings.Repeat("x", 2048)} {
		if _, err := feed.Sitemaps(base, []feed.URL{{Loc: loc}}, feed.ProtocolLimits); err == nil {
			t.Errorf("a sitemap of %.60s was written", loc)
		}
	}
	if _, err := feed.Sitemaps(base, nil, feed.Limits{}); err == nil {
		t.Error("zero limits were accepted")
	}
}

// TestCheckSitemapCatchesBrokenSitemaps makes sure the checker can fail.
func TestCheckSitemapCatchesBrokenSitemaps(t *testing.T) {
	base := mustBase(t, "https://example.org/")
	files, err := feed.Sitemaps(base, synthetic(base, 3), feed.ProtocolLimits)
	if err != nil {
		t.Fatal(err)
	}
	good := string(files[0].Data)
	tests := []struct{ name, from, to string }{
		{"wrong namespace", feed.SitemapNS, "http://www.google.com/schemas/sitemap/0.84"},
		{"relative loc", "<loc>https://example.org/dia-phuong/tinh-0/xa-1/", "<loc>/dia-phuong/tinh-0/xa-1/"},
		{"foreign loc", "<loc>https://example.org/", "<loc>https://other.example/"},
		{"bad lastmod", "<lastmod>2022-01-01</lastmod>", "<lastmod>1/1/2022</lastmod>"},
	}
	for _, tt := range tests {
		bad := strings.Replace(good, tt.from, tt.to, 1)
		if bad == good {
			t.Fatalf("%s: %q is not in the sitemap", tt.name, tt.from)
		}
		if _, err := feedtest.CheckURLSet([]byte(bad), base.String()); err == nil {
			t.Errorf("CheckURLSet accepted a sitemap with a %s", tt.name)
		}
	}
	var many strings.Builder
	many.WriteString(`<urlset xmlns="` + feed.SitemapNS + `">`)
	for range feedtest.MaxURLs + 1 {
		many.WriteString("<url><loc>https://example.org/</loc></url>")
	}
	many.WriteString("</urlset>")
	if _, err := feedtest.CheckURLSet([]byte(many.String()), base.String()); err == nil {
		t.Error("CheckURLSet accepted 50,001 URLs in one file")
	}
}

func BenchmarkSitemaps200k(b *testing.B) {
	base := mustBase(b, "https://example.org/")
	urls := synthetic(base, 200_000)
	for b.Loop() {
		if _, err := feed.Sitemaps(base, urls, feed.ProtocolLimits); err != nil {
			b.Fatal(err)
		}
	}
}
