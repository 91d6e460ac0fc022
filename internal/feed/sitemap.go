package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// SitemapNS is the namespace of sitemaps and sitemap indexes.
const SitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// Limits bound one sitemap file. The protocol allows at most 50,000 URLs
// and 50 MiB (uncompressed) per file, and 50,000 sitemaps per index.
type Limits struct {
	URLs  int
	Bytes int
}

// ProtocolLimits are the limits the sitemaps.org protocol sets.
var ProtocolLimits = Limits{URLs: 50_000, Bytes: 52_428_800}

// maxLoc is the longest a loc may be: "less than 2,048 characters".
const maxLoc = 2047

// URL is one page of a sitemap.
type URL struct {
	Loc string // the page's absolute URL
	// LastMod is the date the page's content last changed, written as a
	// W3C date (2024-09-23, the date in t's own location); zero omits it.
	// Pass only a date you know, such as a document's own date: crawlers
	// learn to ignore a lastmod that is always the build's.
	LastMod time.Time
}

// File is one file to serve: its name under the base folder and its bytes.
type File struct {
	Name string // "sitemap.xml", "sitemap-1.xml"
	Data []byte
}

// IndexName is the file crawlers are told about (in robots.txt): the one
// sitemap when every URL fits in one file, else the index of the parts.
const IndexName = "sitemap.xml"

// PartName is the name of the n-th (1-based) sitemap under an index.
func PartName(n int) string { return "sitemap-" + strconv.Itoa(n) + ".xml" }

// Sitemaps returns the sitemap files of urls, served from the folder base:
// a single urlset named IndexName when the URLs fit within lim, else a
// sitemap index named IndexName and urlsets named PartName(1), PartName(2)
// …, each within lim, that hold the URLs in the order given. Every loc must
// be an absolute URL under base (the protocol lets a sitemap list only
// URLs at or below its own folder).
func Sitemaps(base Base, urls []URL, lim Limits) ([]File, error) {
	if lim.URLs <= 0 || lim.Bytes <= 0 {
		return nil, errors.New("sitemap: limits must be positive")
	}
	// Every <url> element is written once, into one buffer; ends[i] is
	// where the i-th ends, so that a file is a slice of the buffer.
	var body bytes.Buffer
	ends := make([]int, len(urls)+1)
	for i, u := range urls {
		if err := checkLoc(base, u.Loc); err != nil {
			return nil, fmt.Errorf("sitemap: url %d: %w", i, err)
		}
		writeEntry(&body, "url", u)
		ends[i+1] = body.Len()
	}
	parts, err := split(ends, lim)
	if err != nil {
		return nil, err
	}
	all := body.Bytes()
	set := func(p span) []byte { return frame(urlsetOpen, all[ends[p.from]:ends[p.to]], urlsetClose) }
	if len(parts) == 1 {
		return []File{{Name: IndexName, Data: set(parts[0])}}, nil
	}
	if len(parts) > lim.URLs {
		return nil, fmt.Errorf("sitemap: %d URLs need %d sitemaps, more than an index may list (%d)", len(urls), len(parts), lim.URLs)
	}
	files := []File{{Name: IndexName}}
	var index bytes.Buffer
	for n, p := range parts {
		name := PartName(n + 1)
		files = append(files, File{Name: name, Data: set(p)})
		writeEntry(&index, "sitemap", URL{Loc: base.URL(name), LastMod: newest(urls[p.from:p.to])})
	}
	files[0].Data = frame(indexOpen, index.Bytes(), indexClose)
	if len(files[0].Data) > lim.Bytes {
		return nil, fmt.Errorf("sitemap: the index of %d sitemaps is larger than %d bytes", len(parts), lim.Bytes)
	}
	return files, nil
}

// checkLoc reports why loc cannot be listed in a sitemap served from base.
func checkLoc(base Base, loc string) error {
	if err := checkAbsolute(loc); err != nil {
		return fmt.Errorf("loc %q: %w", loc, err)
	}
	if !base.Contains(loc) {
		return fmt.Errorf("loc %q is not under %s", loc, base)
	}
	if len(loc) > maxLoc {
		return fmt.Errorf("loc %q is longer than %d characters", loc, maxLoc)
	}
	return nil
}

// span is a run of entries [from, to) that goes into one file.
type span struct{ from, to int }

// Every urlset file starts and ends with these.
const (
	urlsetOpen  = xml.Header + `<urlset xmlns="` + SitemapNS + `">` + "\n"
	urlsetClose = "</urlset>\n"
	indexOpen   = xml.Header + `<sitemapindex xmlns="` + SitemapNS + `">` + "\n"
	indexClose  = "</sitemapindex>\n"
)

// split cuts the entries ending at ends[1:] into runs that each fit
// within lim, in order. With no entries it gives one empty run: an empty
// urlset is still a valid sitemap.
func split(ends []int, lim Limits) ([]span, error) {
	frame := len(urlsetOpen) + len(urlsetClose)
	parts := []span{{}}
	size := frame
	for i := range len(ends) - 1 {
		n := ends[i+1] - ends[i]
		if frame+n > lim.Bytes {
			return nil, fmt.Errorf("sitemap: url %d alone is larger than %d bytes", i, lim.Bytes)
		}
		cur := &parts[len(parts)-1]
		if cur.to-cur.from == lim.URLs || size+n > lim.Bytes {
			parts = append(parts, span{from: i, to: i})
			cur, size = &parts[len(parts)-1], frame
		}
		cur.to++
		size += n
	}
	return parts, nil
}

// writeEntry writes a <url> or <sitemap> element on one line.
func writeEntry(b *bytes.Buffer, element string, u URL) {
	b.WriteString("  <" + element + "><loc>")
	_ = xml.EscapeText(b, []byte(u.Loc)) // a bytes.Buffer does not fail
	b.WriteString("</loc>")
	if !u.LastMod.IsZero() {
		b.WriteString("<lastmod>")
		b.WriteString(u.LastMod.Format(time.DateOnly))
		b.WriteString("</lastmod>")
	}
	b.WriteString("</" + element + ">\n")
}

// frame returns body between open and close, in a new slice.
func frame(open string, body []byte, close string) []byte {
	out := make([]byte, 0, len(open)+len(body)+len(close))
	out = append(out, open...)
	out = append(out, body...)
	return append(out, close...)
}

// newest returns the latest LastMod of urls, zero when none has one.
func newest(urls []URL) time.Time {
	var t time.Time
	for _, u := range urls {
		if u.LastMod.After(t) {
			t = u.LastMod
		}
	}
	return t
}
