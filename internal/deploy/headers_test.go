package deploy

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHeaders(t *testing.T) {
	atom := []byte(`<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<feed xmlns="http://www.w3.org/2005/Atom">`)
	tests := []struct {
		path         string
		body         []byte
		contentType  string
		compressible bool
		immutable    bool
	}{
		{"/index.html", nil, "text/html; charset=utf-8", true, false},
		{"/en/dia-phuong/da-nang/index.html", nil, "text/html; charset=utf-8", true, false},
		{"/assets/site.9200aad820.css", nil, "text/css; charset=utf-8", true, true},
		{"/assets/search.a4678528e4.js", nil, "text/javascript; charset=utf-8", true, true},
		{"/assets/site.css", nil, "text/css; charset=utf-8", true, false},
		{"/assets/sub/site.9200aad820.css", nil, "text/css; charset=utf-8", true, false},
		{"/du-lieu/bao-cao.20240930.csv", nil, "text/csv; charset=utf-8", true, false},
		{"/tim-kiem/chi-muc/index.json", nil, "application/json", true, false},
		{"/tim-kiem/chi-muc/52463715b7/p/0.bin", nil, "application/octet-stream", true, true},
		{"/tim-kiem/chi-muc/52463715b7/t/3.json", nil, "application/json", true, true},
		{"/tim-kiem/chi-muc/not-a-hash/t/3.json", nil, "application/json", true, false},
		{"/tim-kiem/chi-muc/t/3f2a9c1b7d.json", nil, "application/json", true, true},
		{"/tim-kiem/chi-muc/p/3f2a9c1b7d.bin", nil, "application/octet-stream", true, true},
		{"/tim-kiem/chi-muc/r/3f2a9c1b7d/12.json", nil, "application/json", true, true},
		{"/tim-kiem/chi-muc/r/12.json", nil, "application/json", true, false},
		{"/tim-kiem/chi-muc/3f2a9c1b7d.json", nil, "application/json", true, false},
		{"/du-lieu/han-chot.ics", nil, "text/calendar; charset=utf-8", true, false},
		{"/du-lieu/nhiem-vu.schema.json", nil, "application/json", true, false},
		{"/favicon.svg", nil, "image/svg+xml", true, false},
		{"/robots.txt", nil, "text/plain; charset=utf-8", true, false},
		{"/site.webmanifest", nil, "application/manifest+json", true, false},
		{"/sitemap.xml", []byte(`<?xml version="1.0"?><urlset>`), "application/xml", true, false},
		{"/feed.xml", atom, "application/atom+xml", true, false},
		{"/fonts/a.WOFF2", nil, "font/woff2", false, false},
		{"/anh/logo.png", nil, "image/png", false, false},
		{"/CNAME", nil, "application/octet-stream", false, false},
	}
	for _, tt := range tests {
		got := typeOf(tt.path, tt.body)
		if got.contentType != tt.contentType || got.compressible != tt.compressible {
			t.Errorf("typeOf(%s) = %+v, want %q compressible=%v", tt.path, got, tt.contentType, tt.compressible)
		}
		if got := immutable(tt.path); got != tt.immutable {
			t.Errorf("immutable(%s) = %v, want %v", tt.path, got, tt.immutable)
		}
	}
}

// TestGzipIsDeterministic: the same content must compress to the same
// bytes, or every deploy would upload every compressed file again.
func TestGzipIsDeterministic(t *testing.T) {
	page := []byte(strings.Repeat("<p>Kế hoạch triển khai Đề án 06</p>\n", 200))
	a, b := gzipped(page), gzipped(bytes.Clone(page))
	if !bytes.Equal(a, b) {
		t.Fatal("two compressions of the same page differ")
	}
	if len(a) >= len(page)/4 {
		t.Errorf("compressed %d bytes to %d", len(page), len(a))
	}
	zr, err := gzip.NewReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	back, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(back, page) {
		t.Fatalf("decompressed %d bytes, %v", len(back), err)
	}
	if !zr.ModTime.IsZero() || zr.Name != "" {
		t.Errorf("the gzip header has a time %v or a name %q", zr.ModTime, zr.Name)
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 999: "999 B", 1000: "1.0 kB", 12345: "12.3 kB", 4_100_000: "4.1 MB", 2e9: "2.0 GB"} {
		if got := size(n); got != want {
			t.Errorf("size(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCachePolicyFollowsHeadersFile(t *testing.T) {
	dir := t.TempDir()
	const rules = "/*\n  X-Content-Type-Options: nosniff\n" +
		"/assets/site.9200aad820.css\n  Cache-Control: public, max-age=31536000, immutable\n" +
		"/du-lieu/*\n  Cache-Control: public, max-age=3600\n"
	if err := os.WriteFile(filepath.Join(dir, "_headers"), []byte(rules), 0o644); err != nil {
		t.Fatal(err)
	}
	policy, err := loadPolicy(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, want string
		hashed     bool
	}{
		{"/assets/site.9200aad820.css", CacheImmutable, true},
		{"/du-lieu/nhiem-vu.csv", "public, max-age=3600", false},
		{"/index.html", CacheShort, false},
		// an older build's files, which _headers no longer lists
		{"/assets/site.0000000000.css", CacheImmutable, true},
		{"/tim-kiem/chi-muc/0000000000/t/0.json", CacheImmutable, true},
		{"/tim-kiem/chi-muc/index.json", CacheShort, false},
	}
	for _, tt := range tests {
		if got := policy.cacheControl(tt.path); got != tt.want || policy.hashed(tt.path) != tt.hashed {
			t.Errorf("cacheControl(%s) = %q, hashed %v; want %q, %v", tt.path, got, policy.hashed(tt.path), tt.want, tt.hashed)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "_headers"), []byte("  Cache-Control: no-store\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := loadPolicy(dir); err == nil || !strings.Contains(err.Error(), "_headers:1: a header before any path") {
		t.Errorf("a broken _headers gives %v", err)
	}
}
