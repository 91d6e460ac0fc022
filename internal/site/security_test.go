package site

import (
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/headers"
)

// The site is served under headers.CSP: no inline script or style, no
// handlers, nothing from another origin. These tests read every page the
// way a browser tokenizes it and prove the pages need nothing the policy
// refuses, and that content an editor writes (testdata/security: script,
// javascript: links, on…= attributes and HTML in every string a file can
// hold) reaches the reader as text.

// tag is one start tag of a page, its attribute values decoded.
type tag struct {
	name   string
	attrs  []attr
	body   string // the raw text of a <script> up to its end tag
	offset int
}

type attr struct{ name, value string }

func (t tag) get(name string) (string, bool) {
	for _, a := range t.attrs {
		if a.name == name {
			return a.value, true
		}
	}
	return "", false
}

// parsed is a page as a browser's tokenizer sees it: its start tags and its
// text, decoded.
type parsed struct {
	tags []tag
	text string
}

// parseHTML tokenizes a page as HTML5 does in its data state: "<" and a
// letter open a tag, "</" an end tag, "<!--" a comment, "<!" and "<?" a
// bogus comment; anything else is text. Attribute values may be double-,
// single- or unquoted. <script> and <style> hold raw text up to their end
// tag. <title> and <textarea> are parsed as ordinary elements, which
// is stricter than a browser (SVG's <title> is one). Malformed markup — a
// tag or quoted value that never ends — is an error: the minifier writes
// none.
func parseHTML(s string) (parsed, error) {
	var p parsed
	var text strings.Builder
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			text.WriteString(s[i:])
			break
		}
		text.WriteString(s[i : i+lt])
		i += lt
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				return p, fmt.Errorf("offset %d: comment never ends", i)
			}
			i += 4 + end + 3
		case strings.HasPrefix(rest, "<!") || strings.HasPrefix(rest, "<?"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				return p, fmt.Errorf("offset %d: declaration never ends", i)
			}
			i += end + 1
		case len(rest) > 2 && rest[1] == '/' && isLetter(rest[2]):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				return p, fmt.Errorf("offset %d: end tag never ends", i)
			}
			i += end + 1
		case len(rest) > 1 && isLetter(rest[1]):
			t, n, err := parseTag(rest)
			if err != nil {
				return p, fmt.Errorf("offset %d: %w", i, err)
			}
			t.offset = i
			i += n
			if t.name == "script" || t.name == "style" {
				end := indexFold(s[i:], "</"+t.name)
				if end < 0 {
					return p, fmt.Errorf("offset %d: <%s> never ends", t.offset, t.name)
				}
				t.body = s[i : i+end]
				i += end
			}
			p.tags = append(p.tags, t)
		default:
			text.WriteByte('<')
			i++
		}
	}
	p.text = html.UnescapeString(text.String())
	return p, nil
}

// parseTag reads a start tag at the start of s and returns it and its
// length.
func parseTag(s string) (tag, int, error) {
	i := 1
	for i < len(s) && !isSpace(s[i]) && s[i] != '/' && s[i] != '>' {
		i++
	}
	t := tag{name: strings.ToLower(s[1:i])}
	for {
		for i < len(s) && (isSpace(s[i]) || s[i] == '/') {
			i++
		}
		if i >= len(s) {
			return t, 0, fmt.Errorf("<%s never ends", t.name)
		}
		if s[i] == '>' {
			return t, i + 1, nil
		}
		start := i
		i++ // a name may start with "="
		for i < len(s) && !isSpace(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=' {
			i++
		}
		a := attr{name: strings.ToLower(s[start:i])}
		j := i
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		if j < len(s) && s[j] == '=' {
			i = j + 1
			for i < len(s) && isSpace(s[i]) {
				i++
			}
			if i >= len(s) {
				return t, 0, fmt.Errorf("<%s never ends", t.name)
			}
			if q := s[i]; q == '"' || q == '\'' {
				end := strings.IndexByte(s[i+1:], q)
				if end < 0 {
					return t, 0, fmt.Errorf("<%s %s= has a quote that never ends", t.name, a.name)
				}
				a.value = s[i+1 : i+1+end]
				i += end + 2
			} else {
				start := i
				for i < len(s) && !isSpace(s[i]) && s[i] != '>' {
					i++
				}
				a.value = s[start:i]
			}
			a.value = html.UnescapeString(a.value)
		}
		t.attrs = append(t.attrs, a)
	}
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
func isSpace(c byte) bool  { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func indexFold(s, lower string) int {
	for i := 0; i+len(lower) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(lower)], lower) {
			return i
		}
	}
	return -1
}

// urlAttrs are the attributes a browser fetches or navigates to.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true, "poster": true,
	"background": true, "cite": true, "data": true, "manifest": true, "srcset": true, "ping": true, "codebase": true,
}

// forbiddenElements need what the policy refuses (<style>), load or run
// another document (<iframe>, <object> …), or change how every URL on the
// page reads (<base>).
var forbiddenElements = map[string]bool{
	"style": true, "iframe": true, "frame": true, "frameset": true, "object": true, "embed": true,
	"applet": true, "base": true, "portal": true,
}

// scheme returns the lower-case scheme of a URL as a browser reads it:
// leading and trailing controls and spaces dropped, tabs and newlines
// anywhere removed; "" for a relative URL.
func scheme(u string) string {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	colon := strings.IndexByte(u, ':')
	if colon < 0 || strings.ContainsAny(u[:colon], "/?#") {
		return ""
	}
	return strings.ToLower(u[:colon])
}

// sameOrigin reports whether a URL the page fetches (a script, a
// stylesheet, an image) stays on the site: a path, not "//host/…".
func sameOrigin(u string) bool {
	return scheme(u) == "" && !strings.HasPrefix(strings.TrimSpace(u), "//") && !strings.HasPrefix(strings.TrimSpace(u), `\\`)
}

var bundledScript = regexp.MustCompile(`^/([a-z0-9/-]+/)?assets/search\.[0-9a-f]+\.js$`)

// violations lists what in a page the policy would refuse or an attacker
// could use.
func violations(p parsed) []string {
	var out []string
	add := func(t tag, format string, args ...any) {
		out = append(out, fmt.Sprintf("offset %d <%s>: ", t.offset, t.name)+fmt.Sprintf(format, args...))
	}
	for _, t := range p.tags {
		switch {
		case forbiddenElements[t.name]:
			add(t, "element not allowed")
		case t.name == "script":
			src, ok := t.get("src")
			if !ok || !bundledScript.MatchString(src) {
				add(t, "script that is not the site's bundle: src=%q", src)
			}
			if strings.TrimSpace(t.body) != "" {
				add(t, "inline script %q", t.body)
			}
		case t.name == "meta":
			if v, ok := t.get("http-equiv"); ok {
				add(t, "http-equiv=%q", v)
			}
		case t.name == "link":
			if href, _ := t.get("href"); strings.Contains(strings.ToLower(attrOr(t, "rel")), "stylesheet") && !sameOrigin(href) {
				add(t, "stylesheet from elsewhere: %q", href)
			}
		case t.name == "img" || t.name == "image" || t.name == "source" || t.name == "video" || t.name == "audio":
			if src, ok := t.get("src"); ok && !sameOrigin(src) {
				add(t, "image from elsewhere: %q", src)
			}
		case t.name == "form":
			if action := attrOr(t, "action"); !sameOrigin(action) {
				add(t, "form posts elsewhere: %q", action)
			}
		}
		for _, a := range t.attrs {
			switch {
			case strings.HasPrefix(a.name, "on"):
				add(t, "handler %s=%q", a.name, a.value)
			case a.name == "style", a.name == "srcdoc":
				add(t, "%s=%q", a.name, a.value)
			case urlAttrs[a.name]:
				if s := scheme(a.value); s != "" && s != "http" && s != "https" && s != "mailto" && s != "tel" {
					add(t, "%s with a %s: URL: %q", a.name, s, a.value)
				}
			}
			if strings.Contains(a.name, "xss-") || strings.Contains(t.name, "xss-") {
				add(t, "content became markup: attribute %q", a.name)
			}
		}
	}
	return out
}

func attrOr(t tag, name string) string {
	v, _ := t.get(name)
	return v
}

// scanSite parses every HTML and SVG file of a built site and reports each
// violation; it returns the parsed pages by their path in the output.
func scanSite(t *testing.T, out string) map[string]parsed {
	t.Helper()
	pages := map[string]parsed{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (filepath.Ext(p) != ".html" && filepath.Ext(p) != ".svg") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		page, err := parseHTML(string(b))
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		for _, v := range violations(page) {
			t.Errorf("%s: %s", rel, v)
		}
		pages[rel] = page
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// The bundled site needs nothing the policy refuses.
func TestBundledSiteNeedsNoInlineCode(t *testing.T) {
	out := buildBundled(t)
	pages := scanSite(t, out)
	if len(pages) < 600 {
		t.Fatalf("scanned %d pages", len(pages))
	}
	scripts := 0
	for _, p := range pages {
		for _, tg := range p.tags {
			if tg.name == "script" {
				scripts++
			}
		}
	}
	if scripts == 0 {
		t.Error("no page loads the search script: the scan would not see an inline one")
	}
	checkHeadersFile(t, out)
}

// checkHeadersFile reads the built _headers as the hosts do: every
// response gets the security headers, and exactly the fingerprinted files
// that exist get immutable caching.
func checkHeadersFile(t *testing.T, out string) {
	t.Helper()
	rules, err := headers.Parse([]byte(read(t, filepath.Join(out, "_headers"))))
	if err != nil {
		t.Fatal(err)
	}
	immutable := 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		path := "/" + filepath.ToSlash(rel)
		hs := headers.For(rules, path)
		var csp, cache []string
		for _, h := range hs {
			switch h.Name {
			case "Content-Security-Policy":
				csp = append(csp, h.Value)
			case "Cache-Control":
				cache = append(cache, h.Value)
			}
		}
		if len(csp) != 1 || csp[0] != headers.CSP {
			t.Errorf("%s: CSP %q", path, csp)
		}
		fingerprinted := regexp.MustCompile(`^/assets/[a-z]+\.[0-9a-f]{10}\.(css|js)$|^/tim-kiem/chi-muc/[tpx]/[0-9a-f]{10}\.(json|bin)$|^/tim-kiem/chi-muc/r/[0-9a-f]{10}/[0-9]+\.json$`).MatchString(path)
		switch {
		case fingerprinted && (len(cache) != 1 || cache[0] != headers.Immutable):
			t.Errorf("%s is named by its hash but cached %q", path, cache)
		case !fingerprinted && len(cache) > 0:
			t.Errorf("%s changes under its name but is cached %q", path, cache)
		case fingerprinted:
			immutable++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if immutable < 3 {
		t.Errorf("only %d files are cached for good", immutable)
	}
}

// A site's own static/_headers wins, as its robots.txt does.
func TestSiteKeepsItsOwnHeadersFile(t *testing.T) {
	own := "/*\n  X-Own: yes\n"
	src := writeTree(t, map[string]string{"content/dia-phuong/thu/_index.md": locality, "static/_headers": own})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Source: src, Out: out, AsOf: asOf}); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "_headers")); got != own {
		t.Errorf("_headers = %q, want the site's own", got)
	}
}

// hostile is what testdata/security shows, page by page, as text: front
// matter strings as written; Markdown with its raw HTML tags left out
// (goldmark drops them unless unsafe_html is on) and what is not a tag as
// written.
var hostile = []struct {
	page  string
	texts []string
}{
	{"index.html", []string{
		`Cổng thử </title><script>alert("xss-config")</script>`,
		`Tỉnh <img src=x onerror=alert("xss-locality")>`,
	}},
	{"dia-phuong/thu/index.html", []string{
		`Tỉnh <img src=x onerror=alert("xss-locality")>`,
		`"><script>alert("xss-code")</script>`,
		`' onmouseover='alert("xss-merged")`,
		`"><svg onload=alert("xss-note")>`,
		`Xã </title><script>alert("xss-child")</script>`,
		`Báo cáo <script>alert("xss-update-title")</script>`,
		`Kế hoạch <script>alert("xss-plan-title")</script> thử`,
	}},
	{"dia-phuong/thu/con/index.html", []string{`Xã </title><script>alert("xss-child")</script>`}},
	{"dia-phuong/thu/ke-hoach-1-kh-ubnd-2022/index.html", []string{
		`Kế hoạch <script>alert("xss-plan-title")</script> thử`,
		`Ủy ban <img src=x onerror=alert("xss-issuer")>`,
		`"><svg onload=alert("xss-signer")>`,
		`' onfocus='alert("xss-signer-title")' autofocus='`,
		`https://example.org/"><svg/onload=alert("xss-source")>`,
		`Việc alert("xss-task-title") một`,
		`Việc "><svg onload=alert("xss-task-2")> hai`,
		`Công an <img src=x onerror=alert("xss-lead")>`,
		`Sở "><svg onload=alert("xss-support")>`,
		`Sớm alert("xss-due") nhất có thể.`,
		`<script>alert("xss-product")</script>`,
		`<img src=x onerror=alert("xss-target")>`,
		`Mô tả <img src=x onerror=alert("xss-task-desc")>.`,
		`Phụ lục I. Danh mục alert("xss-appendix-title")`,
		`(Kèm theo <img src=x onerror=alert("xss-appendix-note")>)`,
		`Tên alert("xss-header")`,
		`Mục <svg onload=alert("xss-section-row")>`,
		`Thủ tục alert("xss-cell")`,
		`"><img src=x onerror=alert("xss-cell-2")>`,
		`<br onclick=alert("xss-br")>`,
		`Thực hiện Quyết định số 06/QĐ-TTg alert("xss-body").`,
		`javascript:alert("xss-md-6")`,
		`![tám](x" onerror="alert('xss-md-9'))`,
	}},
	{"dia-phuong/thu/ke-hoach-1-kh-ubnd-2022/1/index.html", []string{
		`Việc alert("xss-task-title") một`,
		`<script>alert("xss-product")</script>`,
		`<img src=x onerror=alert("xss-status-note")>`,
		`Báo cáo <script>alert("xss-update-title")</script>`,
	}},
	{"dia-phuong/thu/cap-nhat-2022-06-30/index.html", []string{
		`Báo cáo <script>alert("xss-update-title")</script>`,
		`"><svg onload=alert("xss-update-issuer")>`,
		`https://example.org/?a="><svg/onload=alert("xss-update-source")>`,
		`<img src=x onerror=alert("xss-status-note")>`,
		`Nội dung alert("xss-update-body").`,
	}},
	{"co-quan/ban-chi-dao-thu/index.html", []string{`Ban <script>alert("xss-agency")</script> chỉ đạo`}},
	{"en/dia-phuong/thu/ke-hoach-1-kh-ubnd-2022/index.html", []string{
		`Kế hoạch <script>alert("xss-plan-title")</script> thử`,
		`"><img src=x onerror=alert("xss-cell-2")>`,
	}},
}

// Hostile content builds, every page passes the scan, and each hostile
// string is on its pages as text.
func TestHostileContentBuildsToText(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Source: filepath.Join("testdata", "security"), Out: out, AsOf: asOf}); err != nil {
		t.Fatal(err)
	}
	pages := scanSite(t, out)
	space := regexp.MustCompile(`\s+`)
	for _, h := range hostile {
		p, ok := pages[h.page]
		if !ok {
			t.Errorf("no page %s", h.page)
			continue
		}
		text := space.ReplaceAllString(p.text, " ")
		for _, want := range h.texts {
			if !strings.Contains(text, want) {
				t.Errorf("%s does not show %q as text", h.page, want)
			}
		}
	}
	// Each link the content tried to point at a script goes nowhere: every
	// link is a path or a web address.
	for name, p := range pages {
		for _, tg := range p.tags {
			href, ok := tg.get("href")
			if s := scheme(href); ok && s != "" && s != "https" && s != "http" && s != "mailto" {
				t.Errorf("%s: link to %q", name, href)
			}
		}
	}
	checkHeadersFile(t, out)
}

// The scan itself finds what it must: each bad page has a problem, and
// the good ones, the forms the site writes, have none.
func TestViolationsFindInjectedCode(t *testing.T) {
	bad := []string{
		`<p><script>alert(1)</script></p>`,
		`<script src="https://evil.example/x.js"></script>`,
		`<script src="/assets/search.0a1b.js">alert(1)</script>`,
		`<img src=x onerror=alert(1)>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href=" JaVa&#x09;Script:alert(1)">x</a>`,
		`<a href="&#106;avascript:alert(1)">x</a>`,
		`<p style="color:red">x</p>`,
		`<STYLE>p{}</STYLE>`,
		`<svg><a xlink:href="data:text/html,x">x</a></svg>`,
		`<iframe src="/x"></iframe>`,
		`<base href="https://evil.example/">`,
		`<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
		`<form action="https://evil.example/"></form>`,
		`<img src="//evil.example/x.png">`,
		`<link rel="stylesheet" href="https://evil.example/x.css">`,
		`<div title='x' onmouseover='alert(1)'>x</div>`,
		`<svg><g onload=alert(1)></g></svg>`,
		`<p xss-1="x">`,
	}
	for _, page := range bad {
		p, err := parseHTML(page)
		if err != nil {
			t.Errorf("%s: %v", page, err)
			continue
		}
		if v := violations(p); len(v) == 0 {
			t.Errorf("%s: no violation found", page)
		}
	}
	good := []string{
		`<p title='a "quoted" <b onclick=x>'>&lt;script>alert(1)&lt;/script></p>`,
		`<a href="/dia-phuong/">x</a><a href="https://example.org/">y</a><a href="#x">z</a><a href>w</a>`,
		`<script src="/assets/search.0a1b2c.js" defer></script>`,
		`<script src="/portal/assets/search.0a1b2c.js" defer></script>`,
		`<svg><path fill="url(#p)"/><text>a &lt; b</text></svg>`,
		`<p>1 < 2 and <!-- <script>x</script> --> ok</p>`,
	}
	for _, page := range good {
		p, err := parseHTML(page)
		if err != nil {
			t.Errorf("%s: %v", page, err)
			continue
		}
		if v := violations(p); len(v) != 0 {
			t.Errorf("%s: violations %q, want none", page, v)
		}
	}
	for _, page := range []string{`<p title="x>`, `<p`, `<!-- x`, `<script src="/a.js">`} {
		if _, err := parseHTML(page); err == nil {
			t.Errorf("%s parsed without error", page)
		}
	}
}
