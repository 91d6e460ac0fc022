// Package headers is the one place that says which HTTP headers the site is
// served with: the security headers every response carries, and the long
// caching that only files named by a hash of their content may have.
//
// The build writes them as a _headers file, the format Netlify and
// Cloudflare Pages read; the preview server sends the same policy with Set,
// so that an editor sees in the preview what a citizen gets from the CDN.
package headers

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// CSP is the Content-Security-Policy of every response. It allows exactly
// what the pages use, nothing inline:
//
//   - script-src 'self': the search bundle, /assets/search.<hash>.js,
//     loaded with <script src>; no page has an inline script or an on…=
//     handler, and the scripts never eval.
//   - style-src 'self': the stylesheet, /assets/site.<hash>.css; no page has
//     a <style> element or a style= attribute (charts use SVG presentation
//     attributes).
//   - img-src 'self': the favicon and images a site puts in static/; charts
//     are inline SVG and fetch nothing. No data: URL is used, so none is
//     allowed.
//   - connect-src 'self': the search script fetches /tim-kiem/chi-muc/….
//   - form-action 'self': the search forms submit GET to /tim-kiem/.
//   - base-uri 'none', frame-ancestors 'none': no page sets <base>, and no
//     other site may frame the portal (older X-Frame-Options is not needed:
//     every browser the site supports reads frame-ancestors).
//   - default-src 'none' refuses everything else: fonts (the stylesheet
//     uses the system's), frames, objects, media, workers, manifests.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// ReferrerPolicy sends other sites only the portal's origin, never a page's
// path or query: which task or search ("?q=…") a citizen read stays on the
// site, while the government sites that plans link to can still tell that
// their readers come from the portal. Same-origin requests keep the full
// URL, which nothing needs but nothing leaks either. no-referrer would hide
// even the origin for no gain in privacy a citizen would notice.
const ReferrerPolicy = "strict-origin-when-cross-origin"

// PermissionsPolicy turns off every powerful feature: the portal reads
// documents and uses none, so a script that got in could use none either.
// Only features Chromium knows are named; it reports any other as an error
// in the console.
const PermissionsPolicy = "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), " +
	"fullscreen=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(), magnetometer=(), microphone=(), " +
	"midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), " +
	"usb=(), xr-spatial-tracking=()"

// Immutable is the Cache-Control of a file whose name carries a hash of its
// content: a new version has a new name, so a browser or CDN may keep the
// old one for a year without asking. Nothing else gets it: HTML, JSON, CSV,
// calendars and feeds change under the same name with every build, and the
// search manifest (/tim-kiem/chi-muc/index.json) names the index's
// current files.
const Immutable = "public, max-age=31536000, immutable"

// Header is one response header.
type Header struct {
	Name, Value string
}

// Security returns the headers every response carries.
func Security() []Header {
	return []Header{
		{"Content-Security-Policy", CSP},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", ReferrerPolicy},
		{"Permissions-Policy", PermissionsPolicy},
	}
}

// Set sets the security headers on a response, as the _headers file has a
// CDN do: the preview server calls it for every response.
func Set(h http.Header) {
	for _, x := range Security() {
		h.Set(x.Name, x.Value)
	}
}

// File returns the _headers file of a site. fingerprinted are the site
// paths of the files whose names carry a hash of their content
// ("/assets/site.3f2a9c1b7d.css"); a path ending in "/" stands for a folder
// named by such a hash and everything in it ("/tim-kiem/chi-muc/3f2a9c1b7d/").
// They get Immutable caching and nothing else does.
//
// Each header is set by one rule only: both hosts merge the headers of every
// rule a path matches, and Cloudflare joins two values of one header with a
// comma, so a Cache-Control in the catch-all rule would contradict the
// immutable one.
func File(fingerprinted []string) ([]byte, error) {
	var b strings.Builder
	b.WriteString("# HTTP headers for Netlify and Cloudflare Pages, written by minhbach build.\n")
	b.WriteString("# Every response: the security policy (internal/headers says why each part).\n")
	writeRule(&b, "/*", Security())
	paths, err := patterns(fingerprinted)
	if err != nil {
		return nil, err
	}
	if len(paths) > 0 {
		b.WriteString("\n# Named by a hash of their content: a new version has a new name.\n")
	}
	for _, p := range paths {
		writeRule(&b, p, []Header{{"Cache-Control", Immutable}})
	}
	return []byte(b.String()), nil
}

// patterns turns fingerprinted paths into sorted, distinct rule paths,
// folders into splats.
func patterns(fingerprinted []string) ([]string, error) {
	var out []string
	for _, p := range fingerprinted {
		if err := checkPath(p); err != nil {
			return nil, err
		}
		if strings.HasSuffix(p, "/") {
			p += "*"
		}
		out = append(out, p)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// checkPath refuses what cannot stand on a rule line: both hosts read a
// path up to the end of its line, and a "*" is a splat.
func checkPath(p string) error {
	if !strings.HasPrefix(p, "/") || p == "/" {
		return fmt.Errorf("_headers: %q is not the site path of a file or folder", p)
	}
	if i := strings.IndexFunc(p, func(r rune) bool { return r <= ' ' || r == '*' || r == '#' || r == 0x7f }); i >= 0 {
		return fmt.Errorf("_headers: the path %q has a %q, which a _headers rule cannot hold", p, p[i])
	}
	return nil
}

func writeRule(b *strings.Builder, path string, hs []Header) {
	b.WriteString(path)
	b.WriteByte('\n')
	for _, h := range hs {
		b.WriteString("  " + h.Name + ": " + h.Value + "\n")
	}
}
