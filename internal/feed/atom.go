package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// AtomNS is the Atom namespace; AtomType is the media type of a feed, for
// <link rel="self"> and for the <link rel="alternate"> that lets browsers
// and readers discover a feed from a page's head.
const (
	AtomNS   = "http://www.w3.org/2005/Atom"
	AtomType = "application/atom+xml"
)

// Feed is an Atom feed document. Texts are plain text: the encoder escapes
// them, so content written by editors cannot inject markup.
type Feed struct {
	ID        string    // a permanent absolute IRI; the feed's own URL is a good one
	Title     string    // required
	Subtitle  string    // optional
	Updated   time.Time // required: when the feed last changed in a meaningful way
	Author    Person    // required: Atom needs an author on the feed or on every entry
	Self      string    // the feed's own absolute URL (rel="self"), required
	Alternate string    // the absolute URL of the page the feed follows (rel="alternate"); optional
	Lang      string    // xml:lang of the whole document ("vi"); optional
	Generator string    // the program that wrote the feed; optional
	Entries   []Entry   // in the order given: callers put the newest first
}

// Person is an author: a name and, optionally, a page about them.
type Person struct {
	Name string
	URI  string // optional, absolute
}

// Entry is one item of a feed.
type Entry struct {
	// ID identifies the entry for ever: a reader that has seen it shows it
	// as read, whatever else changes. It must be an absolute IRI and must
	// not depend on the entry's title.
	ID         string
	Title      string     // required
	Updated    time.Time  // required: the last significant change, not the build's clock
	Link       string     // the absolute URL of the entry's page (rel="alternate"), required
	Related    string     // an absolute URL of a related resource (the source document); optional
	Author     Person     // optional when the feed has an author
	Categories []Category // optional
	Summary    string     // a plain-text summary; optional
}

// Category files an entry under a term of a scheme.
type Category struct {
	Term   string // required
	Scheme string // an absolute IRI naming the vocabulary; optional
	Label  string // a human-readable label; optional
}

// Encode returns the feed as an Atom document (UTF-8, indented by two
// spaces, entries in the order given). A feed missing an element Atom
// requires, with a relative link, or with two entries sharing an id is a
// mistake of the caller: Encode returns an error rather than a feed that
// readers would reject or misread.
func (f *Feed) Encode() ([]byte, error) {
	if err := f.validate(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f.xml()); err != nil {
		return nil, fmt.Errorf("atom: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// validate reports the first thing that keeps f from being a valid feed.
func (f *Feed) validate() error {
	switch {
	case !isIRI(f.ID):
		return fmt.Errorf("atom: feed id %q is not an absolute IRI", f.ID)
	case strings.TrimSpace(f.Title) == "":
		return errors.New("atom: feed has no title")
	case f.Updated.IsZero():
		return errors.New("atom: feed has no updated date")
	case strings.TrimSpace(f.Author.Name) == "":
		return errors.New("atom: feed has no author")
	}
	if err := checkAbsolute(f.Self); err != nil {
		return fmt.Errorf("atom: self link %q: %w", f.Self, err)
	}
	if err := checkOptional("feed alternate link", f.Alternate); err != nil {
		return err
	}
	if err := checkOptional("feed author uri", f.Author.URI); err != nil {
		return err
	}
	seen := make(map[string]int, len(f.Entries))
	for i := range f.Entries {
		e := &f.Entries[i]
		if err := e.validate(); err != nil {
			return fmt.Errorf("atom: entry %d (%q): %w", i, e.ID, err)
		}
		if j, dup := seen[e.ID]; dup {
			return fmt.Errorf("atom: entries %d and %d share the id %q", j, i, e.ID)
		}
		seen[e.ID] = i
	}
	return nil
}

// validate reports the first thing that keeps e from being a valid entry.
func (e *Entry) validate() error {
	switch {
	case !isIRI(e.ID):
		return errors.New("id is not an absolute IRI")
	case strings.TrimSpace(e.Title) == "":
		return errors.New("no title")
	case e.Updated.IsZero():
		return errors.New("no updated date")
	}
	if err := checkAbsolute(e.Link); err != nil {
		return fmt.Errorf("link %q: %w", e.Link, err)
	}
	if err := checkOptional("related link", e.Related); err != nil {
		return err
	}
	if err := checkOptional("author uri", e.Author.URI); err != nil {
		return err
	}
	for _, c := range e.Categories {
		if strings.TrimSpace(c.Term) == "" {
			return errors.New("a category has no term")
		}
		if c.Scheme != "" && !isIRI(c.Scheme) {
			return fmt.Errorf("category scheme %q is not an absolute IRI", c.Scheme)
		}
	}
	return nil
}

// checkOptional checks an optional absolute URL.
func checkOptional(what, s string) error {
	if s == "" {
		return nil
	}
	if err := checkAbsolute(s); err != nil {
		return fmt.Errorf("atom: %s %q: %w", what, s, err)
	}
	return nil
}

// isIRI reports whether s is an absolute IRI: a scheme and something after
// it ("https://…", "tag:…", "urn:…"), with no space.
func isIRI(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && len(s) > len(u.Scheme)+1 && !strings.ContainsAny(s, " \t\r\n")
}

// Atom's date constructs are RFC 3339 date-times.
func atomTime(t time.Time) string { return t.Format(time.RFC3339) }

// The XML shapes of the feed. encoding/xml escapes every text and attribute
// (&, <, >, quotes) and replaces characters XML cannot hold with U+FFFD.
type (
	xmlFeed struct {
		XMLName   xml.Name   `xml:"http://www.w3.org/2005/Atom feed"`
		Lang      string     `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
		ID        string     `xml:"id"`
		Title     string     `xml:"title"`
		Subtitle  string     `xml:"subtitle,omitempty"`
		Updated   string     `xml:"updated"`
		Author    xmlPerson  `xml:"author"`
		Links     []xmlLink  `xml:"link"`
		Generator string     `xml:"generator,omitempty"`
		Entries   []xmlEntry `xml:"entry"`
	}
	xmlPerson struct {
		Name string `xml:"name"`
		URI  string `xml:"uri,omitempty"`
	}
	xmlLink struct {
		Rel  string `xml:"rel,attr"`
		Type string `xml:"type,attr,omitempty"`
		Href string `xml:"href,attr"`
	}
	xmlEntry struct {
		ID         string        `xml:"id"`
		Title      string        `xml:"title"`
		Updated    string        `xml:"updated"`
		Author     *xmlPerson    `xml:"author,omitempty"`
		Links      []xmlLink     `xml:"link"`
		Categories []xmlCategory `xml:"category"`
		Summary    string        `xml:"summary,omitempty"`
	}
	xmlCategory struct {
		Term   string `xml:"term,attr"`
		Scheme string `xml:"scheme,attr,omitempty"`
		Label  string `xml:"label,attr,omitempty"`
	}
)

// xml returns f in the shape encoding/xml writes.
func (f *Feed) xml() xmlFeed {
	x := xmlFeed{
		Lang: f.Lang, ID: f.ID, Title: f.Title, Subtitle: f.Subtitle, Updated: atomTime(f.Updated),
		Author:    xmlPerson(f.Author),
		Links:     []xmlLink{{Rel: "self", Type: AtomType, Href: f.Self}},
		Generator: f.Generator,
	}
	if f.Alternate != "" {
		x.Links = append(x.Links, xmlLink{Rel: "alternate", Type: "text/html", Href: f.Alternate})
	}
	for i := range f.Entries {
		x.Entries = append(x.Entries, f.Entries[i].xml())
	}
	return x
}

// xml returns e in the shape encoding/xml writes.
func (e *Entry) xml() xmlEntry {
	x := xmlEntry{
		ID: e.ID, Title: e.Title, Updated: atomTime(e.Updated), Summary: e.Summary,
		Links: []xmlLink{{Rel: "alternate", Type: "text/html", Href: e.Link}},
	}
	if e.Author.Name != "" {
		x.Author = &xmlPerson{Name: e.Author.Name, URI: e.Author.URI}
	}
	if e.Related != "" {
		x.Links = append(x.Links, xmlLink{Rel: "related", Href: e.Related})
	}
	for _, c := range e.Categories {
		x.Categories = append(x.Categories, xmlCategory(c))
	}
	return x
}
