package deploy

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/minhbach/minhbach/internal/headers"
	"github.com/minhbach/minhbach/internal/search"
)

// Cache-Control values. A CDN in front of the bucket passes them on to
// browsers and follows them itself (unless told otherwise).
const (
	// CacheImmutable is for files whose name changes with their content:
	// a new version is a new file, so the old one may be kept for a year
	// and never asked about again. It is the value the build's _headers
	// gives them.
	CacheImmutable = headers.Immutable
	// CacheShort is for everything else, pages above all. A page says
	// the date its statuses are as of and the site is rebuilt daily, so a
	// copy may be five minutes old at most: a deploy is seen everywhere
	// five minutes later without invalidating the CDN, while a busy page
	// costs the store one request per CDN edge every five minutes, and that
	// a cheap one (a 304 on an unchanged ETag). must-revalidate forbids
	// showing an expired copy when the store cannot be asked, which for a
	// page of deadlines is better than showing yesterday's statuses as
	// today's.
	CacheShort = "public, max-age=300, must-revalidate"
)

// hostConfig are the files of a build that configure Netlify and
// Cloudflare Pages, which read them and never serve them. Object storage
// would serve them as files, so they are not uploaded; _headers is read
// instead (see cachePolicy).
var hostConfig = map[string]bool{"/_headers": true, "/_redirects": true}

// cachePolicy says each file's Cache-Control. The build writes its caching
// rules into _headers (package headers): long caching for the files named
// by a hash of their content, listed one by one, and a site may bring its
// own _headers. A deploy follows that file, so that S3 or R2 serves a site
// exactly as Netlify or Cloudflare Pages would. Where it says nothing (no
// _headers, or a path of an older build) the same rule applies as the
// build's: immutable for hashed files, CacheShort for the rest.
//
// The security headers of _headers (Content-Security-Policy …) cannot be
// stored with an object: the CDN in front of the bucket sends them
// (docs/deploy.md says how).
type cachePolicy struct {
	rules []headers.Rule
}

// loadPolicy reads dir/_headers, if the build wrote one.
func loadPolicy(dir string) (cachePolicy, error) {
	data, err := os.ReadFile(filepath.Join(dir, "_headers"))
	if errors.Is(err, fs.ErrNotExist) {
		return cachePolicy{}, nil
	}
	if err != nil {
		return cachePolicy{}, fmt.Errorf("reading the caching rules: %w", err)
	}
	rules, err := headers.Parse(data)
	if err != nil {
		return cachePolicy{}, fmt.Errorf("%s: %w", dir, err)
	}
	return cachePolicy{rules: rules}, nil
}

// cacheControl is the Cache-Control of the file at sitePath: the last one
// _headers gives it, else the build's rule.
func (p cachePolicy) cacheControl(sitePath string) string {
	cc := ""
	for _, h := range headers.For(p.rules, sitePath) {
		if strings.EqualFold(h.Name, "Cache-Control") {
			cc = h.Value
		}
	}
	switch {
	case cc != "":
		return cc
	case immutable(sitePath):
		return CacheImmutable
	}
	return CacheShort
}

// hashed tells a file cached for good: it is named by its content, and
// replaced, not changed, by a new build.
func (p cachePolicy) hashed(sitePath string) bool {
	return strings.Contains(p.cacheControl(sitePath), "immutable")
}

// fileType is what the deploy knows of an extension.
type fileType struct {
	contentType string
	// compressible formats shrink under gzip; images, fonts and archives
	// are compressed already.
	compressible bool
}

// types are the content types by extension: a fixed table rather than
// mime.TypeByExtension, whose answers depend on the machine's
// /etc/mime.types, so that every machine deploys the same headers. Text
// says its charset: the build writes UTF-8 only.
var types = map[string]fileType{
	".html":        {"text/html; charset=utf-8", true},
	".css":         {"text/css; charset=utf-8", true},
	".js":          {"text/javascript; charset=utf-8", true},
	".mjs":         {"text/javascript; charset=utf-8", true},
	".map":         {"application/json", true},
	".json":        {"application/json", true},
	".webmanifest": {"application/manifest+json", true},
	".csv":         {"text/csv; charset=utf-8", true},
	".ics":         {"text/calendar; charset=utf-8", true},
	".txt":         {"text/plain; charset=utf-8", true},
	".md":          {"text/markdown; charset=utf-8", true},
	".xml":         {"application/xml", true},
	".atom":        {"application/atom+xml", true},
	".rss":         {"application/rss+xml", true},
	".svg":         {"image/svg+xml", true},
	".ico":         {"image/vnd.microsoft.icon", true},
	// the search index's posting files (internal/search): binary, but
	// they shrink by about a third.
	".bin":   {"application/octet-stream", true},
	".wasm":  {"application/wasm", true},
	".pdf":   {"application/pdf", false},
	".png":   {"image/png", false},
	".jpg":   {"image/jpeg", false},
	".jpeg":  {"image/jpeg", false},
	".gif":   {"image/gif", false},
	".webp":  {"image/webp", false},
	".avif":  {"image/avif", false},
	".woff":  {"font/woff", false},
	".woff2": {"font/woff2", false},
	".zip":   {"application/zip", false},
	".gz":    {"application/gzip", false},
}

// typeOf is the type of the file at key with content b. An Atom feed is
// written as feed.xml, so XML whose root is <feed> is told apart by its
// first bytes.
func typeOf(key string, b []byte) fileType {
	ext := strings.ToLower(path.Ext(key))
	t, ok := types[ext]
	if !ok {
		return fileType{"application/octet-stream", false}
	}
	if ext == ".xml" && isAtom(b) {
		return types[".atom"]
	}
	return t
}

func isAtom(b []byte) bool {
	head := b[:min(len(b), 512)]
	return bytes.Contains(head, []byte("<feed")) && bytes.Contains(head, []byte("http://www.w3.org/2005/Atom"))
}

// hashName is a content hash in a name, as internal/assets (ten hex
// digits) and internal/search write it.
var hashName = regexp.MustCompile(`^[0-9a-f]{8,64}$`)

// immutable tells the files named by their content, as the build's
// _headers does (package site, writeHeaders): the bundled assets,
// /assets/<name>.<hash>.<ext>, and the search index's files in folders
// under /tim-kiem/chi-muc/, each named by its hash (t/<hash>.json) or in a
// folder so named (r/<hash>/3.json; an older build's <hash>/t/0.json). Its
// manifest, index.json, is not: it says which files are current. The rule
// is kept to those folders: elsewhere a name such as report.20240930.csv
// would look hashed and be cached for a year.
func immutable(sitePath string) bool {
	p := strings.TrimPrefix(sitePath, "/")
	if rest, ok := strings.CutPrefix(p, "assets/"); ok && !strings.Contains(rest, "/") {
		parts := strings.Split(rest, ".")
		for _, part := range parts[1 : len(parts)-1] {
			if hashName.MatchString(part) {
				return true
			}
		}
		return false
	}
	if rest, ok := strings.CutPrefix(p, strings.TrimPrefix(search.Dir, "/")); ok {
		segments := strings.Split(rest, "/")
		last := len(segments) - 1
		segments[last], _, _ = strings.Cut(segments[last], ".")
		return last > 0 && slices.ContainsFunc(segments, hashName.MatchString)
	}
	return false
}

// minGzip is the smallest file worth compressing (CloudFront's own
// threshold): below it the gzip header and the extra work outweigh the
// bytes saved.
const minGzip = 1000

// gzipped compresses b the same way every time: no name and no time in
// the header, the best compression level, so that the same content gives
// the same bytes and the same ETag, and an unchanged file is not uploaded
// again. (A Go release that changes compress/flate's output would upload
// every compressed file once.)
func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(b) / 3)
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
	zw.Write(b)                                              // writes to a bytes.Buffer do not fail
	zw.Close()
	return buf.Bytes()
}
