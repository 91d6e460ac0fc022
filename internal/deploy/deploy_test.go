package deploy

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/deploy/gwtest"
)

// site is a small built site: pages large enough to compress, a hashed
// stylesheet, a search index, data, and 40 pages a mass deletion can take.
func site() map[string]string {
	page := func(title string) string {
		return "<!doctype html><html lang=vi><title>" + title + "</title>" + strings.Repeat("<p>Nhiệm vụ triển khai Đề án 06.</p>", 40)
	}
	files := map[string]string{
		"index.html":                           page("Trang chủ"),
		"en/index.html":                        page("Home"),
		"404.html":                             page("Không tìm thấy"),
		"assets/site.0123456789.css":           strings.Repeat("body{margin:0}", 100),
		"tim-kiem/chi-muc/index.json":          `{"dir":"abcdef0123/"}`,
		"tim-kiem/chi-muc/abcdef0123/p/0.bin":  strings.Repeat("\x01\x02\x03", 400),
		"du-lieu/nhiem-vu.csv":                 strings.Repeat("id,ten\n1.1,Cấp căn cước\n", 60),
		"favicon.svg":                          `<svg xmlns="http://www.w3.org/2000/svg"/>`,
		"robots.txt":                           "User-agent: *\n",
		"dia-phuong/da-nang/han-chot.ics":      "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
		"dia-phuong/da-nang/index.html":        page("Đà Nẵng"),
		"dia-phuong/da-nang/ke-hoach/a b.html": page("a key with a space"),
	}
	for i := range 40 {
		files[fmt.Sprintf("trang/%d/index.html", i)] = page(fmt.Sprint("Trang ", i))
	}
	return files
}

// headersFile is the site's _headers: read for caching, never uploaded.
const headersFile = "/*\n  X-Content-Type-Options: nosniff\n/du-lieu/*\n  Cache-Control: public, max-age=3600\n"

func writeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	for name, body := range mapsWith(files, "_headers", headersFile) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDeployToVersitygw runs the deploys of a site's life against a real
// S3-compatible server: first deploy, nothing changed, one page changed,
// a page removed, a dry run, a mass deletion refused, and compression
// turned off.
func TestDeployToVersitygw(t *testing.T) {
	srv := gwtest.Start(t)
	ctx := context.Background()
	c, err := New(Config{Endpoint: srv.Endpoint, Region: srv.Region, Bucket: "portal", AccessKeyID: srv.AccessKey, SecretAccessKey: srv.Secret})
	if err != nil {
		t.Fatal(err)
	}
	c.pageSize = 7 // page through the listing
	if err := c.CreateBucket(ctx); err != nil {
		t.Fatal(err)
	}
	// Another site's file beside ours, which no deploy may touch.
	if _, err := c.Put(ctx, "other/keep.txt", []byte("keep"), ObjectHeaders{ContentType: "text/plain"}); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	files := site()
	writeSite(t, dir, files)
	opts := Options{Dir: dir, Prefix: "/site/", Gzip: true, Delete: true,
		MaxDelete: DefaultMaxDelete, MaxDeletePercent: DefaultMaxDeletePercent, Workers: 4}
	deploy := func(t *testing.T, opts Options) (Result, string, error) {
		t.Helper()
		var out bytes.Buffer
		opts.Out = &out
		res, err := Deploy(ctx, c, opts)
		if res.ForeignETags != 0 {
			t.Errorf("%d ETags were not the MD5 of the content", res.ForeignETags)
		}
		return res, out.String(), err
	}
	listing := func(t *testing.T) []Object {
		t.Helper()
		objs, err := c.List(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		return objs
	}
	want := func(t *testing.T, res Result, up, del, same int) {
		t.Helper()
		if res.Uploaded != up || res.Deleted != del || res.Unchanged != same {
			t.Errorf("uploaded %d, deleted %d, unchanged %d; want %d, %d, %d", res.Uploaded, res.Deleted, res.Unchanged, up, del, same)
		}
	}

	t.Run("first deploy", func(t *testing.T) {
		res, out, err := deploy(t, opts)
		if err != nil {
			t.Fatal(err)
		}
		want(t, res, len(files), 0, 0)
		for _, line := range []string{
			"upload site/index.html (", "gzip)\n",
			"upload site/assets/site.0123456789.css (", "gzip, immutable)\n",
			"upload site/robots.txt (14 B)\n",
			fmt.Sprintf("deployed to s3://portal/site/: %d uploaded (", len(files)),
		} {
			if !strings.Contains(out, line) {
				t.Errorf("the output has no %q:\n%s", line, out)
			}
		}
		if got := len(listing(t)); got != len(files)+1 {
			t.Errorf("the bucket holds %d objects, want %d", got, len(files)+1)
		}
		checkObject(t, c, "site/index.html", files["index.html"], "text/html; charset=utf-8", CacheShort, "gzip")
		checkObject(t, c, "site/dia-phuong/da-nang/ke-hoach/a b.html", files["dia-phuong/da-nang/ke-hoach/a b.html"], "text/html; charset=utf-8", CacheShort, "gzip")
		checkObject(t, c, "site/assets/site.0123456789.css", files["assets/site.0123456789.css"], "text/css; charset=utf-8", CacheImmutable, "gzip")
		checkObject(t, c, "site/tim-kiem/chi-muc/abcdef0123/p/0.bin", files["tim-kiem/chi-muc/abcdef0123/p/0.bin"], "application/octet-stream", CacheImmutable, "gzip")
		checkObject(t, c, "site/tim-kiem/chi-muc/index.json", files["tim-kiem/chi-muc/index.json"], "application/json", CacheShort, "")
		checkObject(t, c, "site/robots.txt", files["robots.txt"], "text/plain; charset=utf-8", CacheShort, "")
		checkObject(t, c, "site/du-lieu/nhiem-vu.csv", files["du-lieu/nhiem-vu.csv"], "text/csv; charset=utf-8", "public, max-age=3600", "gzip")
		checkObject(t, c, "site/dia-phuong/da-nang/han-chot.ics", files["dia-phuong/da-nang/han-chot.ics"], "text/calendar; charset=utf-8", CacheShort, "")
	})

	t.Run("nothing changed", func(t *testing.T) {
		res, out, err := deploy(t, opts)
		if err != nil {
			t.Fatal(err)
		}
		want(t, res, 0, 0, len(files))
		if strings.Contains(out, "upload ") || strings.Contains(out, "delete ") {
			t.Errorf("a deploy of the same site did something:\n%s", out)
		}
	})

	t.Run("one page changed", func(t *testing.T) {
		files["en/index.html"] += "<p>Updated.</p>"
		writeSite(t, dir, files)
		res, out, err := deploy(t, opts)
		if err != nil {
			t.Fatal(err)
		}
		want(t, res, 1, 0, len(files)-1)
		if !strings.HasPrefix(out, "upload site/en/index.html (") {
			t.Errorf("output:\n%s", out)
		}
		checkObject(t, c, "site/en/index.html", files["en/index.html"], "text/html; charset=utf-8", CacheShort, "gzip")
	})

	t.Run("a file no longer built", func(t *testing.T) {
		delete(files, "du-lieu/nhiem-vu.csv")
		writeSite(t, dir, files)
		res, out, err := deploy(t, opts)
		if err != nil {
			t.Fatal(err)
		}
		want(t, res, 0, 1, len(files))
		if !strings.HasPrefix(out, "delete site/du-lieu/nhiem-vu.csv\n") {
			t.Errorf("output:\n%s", out)
		}
		keys := keysOf(listing(t))
		if slices.Contains(keys, "site/du-lieu/nhiem-vu.csv") || !slices.Contains(keys, "other/keep.txt") {
			t.Errorf("the bucket holds %v", keys)
		}
	})

	t.Run("dry run", func(t *testing.T) {
		before := listing(t)
		files["index.html"] += "<p>Changed.</p>"
		files["du-lieu/moi.json"] = `{"new":true}`
		delete(files, "favicon.svg")
		writeSite(t, dir, files)
		dry := opts
		dry.DryRun = true
		res, out, err := deploy(t, dry)
		if err != nil {
			t.Fatal(err)
		}
		want(t, res, 2, 1, len(files)-2)
		for _, line := range []string{"upload site/index.html (", "upload site/du-lieu/moi.json (12 B)\n", "delete site/favicon.svg\n",
			"dry run, nothing changed: s3://portal/site/ would get 2 uploaded ("} {
			if !strings.Contains(out, line) {
				t.Errorf("the output has no %q:\n%s", line, out)
			}
		}
		if after := listing(t); !slices.Equal(before, after) {
			t.Errorf("a dry run changed the bucket:\nbefore %v\nafter  %v", before, after)
		}
		// Deploy for real, so that the next test starts from the site.
		if res, _, err := deploy(t, opts); err != nil || res.Uploaded != 2 || res.Deleted != 1 {
			t.Fatalf("%+v, %v", res, err)
		}
	})

	t.Run("mass deletion refused", func(t *testing.T) {
		before := listing(t)
		for i := range 40 {
			delete(files, fmt.Sprintf("trang/%d/index.html", i))
		}
		files["index.html"] += "<p>Changed again.</p>"
		writeSite(t, dir, files)
		for _, limits := range []struct {
			maxDelete int
			maxPct    float64
			want      string
		}{
			{DefaultMaxDelete, DefaultMaxDeletePercent, "refusing to delete 40 of the 49 pages and data files in s3://portal/site/ (82%), more than --max-delete-percent 10 allows, and nothing was changed"},
			{39, 100, "refusing to delete 40 pages and data files from s3://portal/site/, more than --max-delete 39 allows"},
		} {
			o := opts
			o.MaxDelete, o.MaxDeletePercent = limits.maxDelete, limits.maxPct
			_, out, err := deploy(t, o)
			var le *LimitError
			if !errors.As(err, &le) || !strings.Contains(err.Error(), limits.want) {
				t.Errorf("got %v, want a refusal saying %q", err, limits.want)
			}
			if out != "" {
				t.Errorf("a refused deploy printed:\n%s", out)
			}
		}
		if after := listing(t); !slices.Equal(before, after) {
			t.Errorf("a refused deploy changed the bucket")
		}
		forced := opts
		forced.Force = true
		res, _, err := deploy(t, forced)
		if err != nil {
			t.Fatal(err)
		}
		want(t, res, 1, 40, len(files)-1)
	})

	t.Run("compression turned off", func(t *testing.T) {
		compressed := 0
		for name, body := range files {
			if len(body) >= minGzip && typeOf(name, []byte(body)).compressible {
				compressed++
			}
		}
		plain := opts
		plain.Gzip = false
		res, _, err := deploy(t, plain)
		if err != nil {
			t.Fatal(err)
		}
		want(t, res, compressed, 0, len(files)-compressed)
		checkObject(t, c, "site/index.html", files["index.html"], "text/html; charset=utf-8", CacheShort, "")
	})
}

func mapsWith(m map[string]string, k, v string) map[string]string {
	out := maps.Clone(m)
	out[k] = v
	return out
}

func keysOf(objs []Object) []string {
	keys := make([]string, len(objs))
	for i, o := range objs {
		keys[i] = o.Key
	}
	return keys
}

// checkObject reads key back and compares its content and headers.
func checkObject(t *testing.T, c *Client, key, content, contentType, cacheControl, encoding string) {
	t.Helper()
	body, h, err := c.get(context.Background(), key)
	if err != nil {
		t.Errorf("get %s: %v", key, err)
		return
	}
	if got := [3]string{h.Get("Content-Type"), h.Get("Cache-Control"), h.Get("Content-Encoding")}; got != [3]string{contentType, cacheControl, encoding} {
		t.Errorf("%s is served with Content-Type %q, Cache-Control %q, Content-Encoding %q; want %q, %q, %q",
			key, got[0], got[1], got[2], contentType, cacheControl, encoding)
	}
	if encoding == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			t.Errorf("%s: %v", key, err)
			return
		}
		if body, err = io.ReadAll(zr); err != nil {
			t.Errorf("%s: %v", key, err)
		}
	}
	if string(body) != content {
		t.Errorf("%s holds %q, want %q", key, body, content)
	}
}
