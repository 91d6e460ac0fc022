// Package feedtest checks Atom feeds and sitemaps the way a reader or a
// crawler reads them: it decodes the bytes with encoding/xml into its own
// structs, with no code shared with the writer, and reports every required
// element that is missing or malformed. Tests of package feed and of the
// build use it.
package feedtest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// The namespaces a valid document must use.
const (
	AtomNS    = "http://www.w3.org/2005/Atom"
	SitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
)

// MaxURLs is the most URLs (or sitemaps) one sitemap file may hold.
const MaxURLs = 50_000

// Atom is a decoded feed. Only elements in the Atom namespace are read.
type Atom struct {
	XMLName xml.Name
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string      `xml:"http://www.w3.org/2005/Atom id"`
	Title   string      `xml:"http://www.w3.org/2005/Atom title"`
	Updated string      `xml:"http://www.w3.org/2005/Atom updated"`
	Authors []Person    `xml:"http://www.w3.org/2005/Atom author"`
	Links   []Link      `xml:"http://www.w3.org/2005/Atom link"`
	Entries []AtomEntry `xml:"http://www.w3.org/2005/Atom entry"`
}

// AtomEntry is a decoded entry.
type AtomEntry struct {
	ID         string     `xml:"http://www.w3.org/2005/Atom id"`
	Title      string     `xml:"http://www.w3.org/2005/Atom title"`
	Updated    string     `xml:"http://www.w3.org/2005/Atom updated"`
	Authors    []Person   `xml:"http://www.w3.org/2005/Atom author"`
	Links      []Link     `xml:"http://www.w3.org/2005/Atom link"`
	Categories []Category `xml:"http://www.w3.org/2005/Atom category"`
	Summary    string     `xml:"http://www.w3.org/2005/Atom summary"`
}

// Person is a decoded author.
type Person struct {
	Name string `xml:"http://www.w3.org/2005/Atom name"`
	URI  string `xml:"http://www.w3.org/2005/Atom uri"`
}

// Link is a decoded link.
type Link struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

// Category is a decoded category.
type Category struct {
	Term   string `xml:"term,attr"`
	Scheme string `xml:"scheme,attr"`
	Label  string `xml:"label,attr"`
}

// Link returns the href of the first link with rel (Atom reads a missing
// rel as "alternate"), or "".
func (e AtomEntry) Link(rel string) string { return findLink(e.Links, rel) }

// Link returns the href of the feed's first link with rel, or "".
func (a *Atom) Link(rel string) string { return findLink(a.Links, rel) }

func findLink(links []Link, rel string) string {
	for _, l := range links {
		r := l.Rel
		if r == "" {
			r = "alternate"
		}
		if r == rel {
			return l.Href
		}
	}
	return ""
}

// UpdatedTime parses the entry's updated date.
func (e AtomEntry) UpdatedTime() (time.Time, error) { return time.Parse(time.RFC3339, e.Updated) }

// CheckAtom decodes data as an Atom feed and checks what RFC 4287 requires:
// the Atom namespace; a feed id, title, updated (RFC 3339), author and one
// self link with an absolute href; for every entry an id, a title, an
// updated date and an alternate link with an absolute href; ids unique.
// The error joins every problem found.
func CheckAtom(data []byte) (*Atom, error) {
	var a Atom
	if err := strictDecode(data, &a); err != nil {
		return nil, fmt.Errorf("feed is not XML: %w", err)
	}
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if a.XMLName.Space != AtomNS || a.XMLName.Local != "feed" {
		add("root element is {%s}%s, want {%s}feed", a.XMLName.Space, a.XMLName.Local, AtomNS)
	}
	if !absoluteIRI(a.ID) {
		add("feed id %q is not an absolute IRI", a.ID)
	}
	if strings.TrimSpace(a.Title) == "" {
		add("feed has no title")
	}
	if _, err := time.Parse(time.RFC3339, a.Updated); err != nil {
		add("feed updated %q is not RFC 3339", a.Updated)
	}
	if len(a.Authors) == 0 || strings.TrimSpace(a.Authors[0].Name) == "" {
		add("feed has no author name")
	}
	self := 0
	for _, l := range a.Links {
		if l.Rel == "self" {
			self++
			if !absoluteURL(l.Href) {
				add("self link %q is not absolute", l.Href)
			}
		}
	}
	if self != 1 {
		add("feed has %d self links, want 1", self)
	}
	ids := map[string]bool{}
	for i, e := range a.Entries {
		if !absoluteIRI(e.ID) {
			add("entry %d: id %q is not an absolute IRI", i, e.ID)
		}
		if ids[e.ID] {
			add("entry %d: id %q is used twice", i, e.ID)
		}
		ids[e.ID] = true
		if strings.TrimSpace(e.Title) == "" {
			add("entry %d (%s): no title", i, e.ID)
		}
		if _, err := e.UpdatedTime(); err != nil {
			add("entry %d (%s): updated %q is not RFC 3339", i, e.ID, e.Updated)
		}
		if !absoluteURL(e.Link("alternate")) {
			add("entry %d (%s): alternate link %q is not absolute", i, e.ID, e.Link("alternate"))
		}
	}
	return &a, errors.Join(errs...)
}

// URLSet is a decoded sitemap.
type URLSet struct {
	XMLName xml.Name
	URLs    []Loc `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

// Index is a decoded sitemap index.
type Index struct {
	XMLName  xml.Name
	Sitemaps []Loc `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemap"`
}

// Loc is a url or sitemap entry.
type Loc struct {
	Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
	LastMod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
}

// IsIndex reports whether data is a sitemap index rather than a urlset.
func IsIndex(data []byte) bool {
	var root struct{ XMLName xml.Name }
	_ = xml.Unmarshal(data, &root)
	return root.XMLName.Local == "sitemapindex"
}

// CheckURLSet decodes data as a sitemap and checks it against the
// protocol: the sitemap namespace, at most MaxURLs URLs, every loc absolute
// and under base, every lastmod a W3C date.
func CheckURLSet(data []byte, base string) (*URLSet, error) {
	var s URLSet
	if err := strictDecode(data, &s); err != nil {
		return nil, fmt.Errorf("sitemap is not XML: %w", err)
	}
	if s.XMLName.Space != SitemapNS || s.XMLName.Local != "urlset" {
		return &s, fmt.Errorf("root element is {%s}%s, want {%s}urlset", s.XMLName.Space, s.XMLName.Local, SitemapNS)
	}
	return &s, checkLocs(s.URLs, base)
}

// CheckIndex decodes data as a sitemap index and checks it like a sitemap.
func CheckIndex(data []byte, base string) (*Index, error) {
	var s Index
	if err := strictDecode(data, &s); err != nil {
		return nil, fmt.Errorf("sitemap index is not XML: %w", err)
	}
	if s.XMLName.Space != SitemapNS || s.XMLName.Local != "sitemapindex" {
		return &s, fmt.Errorf("root element is {%s}%s, want {%s}sitemapindex", s.XMLName.Space, s.XMLName.Local, SitemapNS)
	}
	return &s, checkLocs(s.Sitemaps, base)
}

func checkLocs(locs []Loc, base string) error {
	var errs []error
	if len(locs) > MaxURLs {
		errs = append(errs, fmt.Errorf("%d entries in one file, more than %d", len(locs), MaxURLs))
	}
	for i, l := range locs {
		if !absoluteURL(l.Loc) || !strings.HasPrefix(l.Loc, base) {
			errs = append(errs, fmt.Errorf("entry %d: loc %q is not an absolute URL under %s", i, l.Loc, base))
		}
		if l.LastMod != "" {
			if _, err := time.Parse(time.DateOnly, l.LastMod); err != nil {
				errs = append(errs, fmt.Errorf("entry %d: lastmod %q is not a date", i, l.LastMod))
			}
		}
	}
	return errors.Join(errs...)
}

// strictDecode decodes the whole of data as one XML document in strict
// mode: a stray & or < fails it, as it would fail a reader's parser.
func strictDecode(data []byte, v any) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	return d.Decode(v)
}

func absoluteIRI(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && !strings.ContainsAny(s, " \t\r\n")
}

func absoluteURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
