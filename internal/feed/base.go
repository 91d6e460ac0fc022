// Package feed writes the files that tell readers and machines what a site
// holds and when it changed: Atom feeds (RFC 4287), sitemaps (sitemaps.org
// protocol 0.9) and robots.txt.
//
// Everything here needs absolute addresses: a feed reader or a crawler
// fetches these files on their own, with no page around them to resolve a
// relative link against. Base is that address; ParseBase refuses anything
// that is not one, so that no file is ever written with broken links.
//
// Every encoder is deterministic: the same input gives the same bytes, so a
// rebuilt site does not churn its feeds and every date written is one the
// caller passes (a document's own date), never the clock's.
package feed

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Base is the absolute address a site is served from, such as
// "https://de-an-06.example.gov.vn/" or "https://example.gov.vn/portal/".
type Base struct {
	scheme, host, path string // path always starts and ends with "/"
}

// ParseBase reads raw as a site's base address. It must be an http or https
// URL with a host, and without a user, query or fragment: those cannot be
// the root of a site. A missing final slash is added ("…/portal" serves
// "…/portal/").
func ParseBase(raw string) (Base, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return Base{}, fmt.Errorf("base address %q: %w", raw, err)
	}
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme != "http" && scheme != "https":
		return Base{}, fmt.Errorf("base address %q has no http:// or https:// scheme", raw)
	case u.Host == "" || u.Opaque != "":
		return Base{}, fmt.Errorf("base address %q has no host", raw)
	case u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return Base{}, fmt.Errorf("base address %q has a user, query or fragment", raw)
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return Base{scheme: scheme, host: strings.ToLower(u.Host), path: p}, nil
}

// IsZero reports whether b is the zero Base, which ParseBase never returns.
func (b Base) IsZero() bool { return b.host == "" }

// Host returns the host (and port, if any) of the base.
func (b Base) Host() string { return b.host }

// String returns the base address itself, ending in "/".
func (b Base) String() string { return b.URL("/") }

// URL returns the absolute address of a site path ("/dia-phuong/da-nang/"),
// under the base's own path, with the path escaped as RFC 3986 requires.
func (b Base) URL(sitePath string) string {
	u := url.URL{Scheme: b.scheme, Host: b.host, Path: b.path + strings.TrimPrefix(sitePath, "/")}
	return u.String()
}

// Contains reports whether abs is an absolute address at or below the base:
// the only addresses a sitemap served from the base may list.
func (b Base) Contains(abs string) bool {
	return strings.HasPrefix(abs, b.String())
}

// errNotAbsolute is returned when an address that must stand on its own
// (an id, a link, a loc) is relative.
var errNotAbsolute = errors.New("not an absolute http(s) address")

// IsAbsolute reports whether s is an absolute http(s) URL with a host: an
// address a feed reader or crawler can fetch on its own.
func IsAbsolute(s string) bool { return checkAbsolute(s) == nil }

// checkAbsolute reports an error unless s is an absolute http(s) URL with a
// host.
func checkAbsolute(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errNotAbsolute
	}
	return nil
}
