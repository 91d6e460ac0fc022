package headers

import (
	"net/http"
	"strings"
	"testing"
)

var fingerprinted = []string{"/assets/site.9200aad820.css", "/assets/search.a4678528e4.js",
	"/tim-kiem/chi-muc/t/", "/tim-kiem/chi-muc/p/", "/tim-kiem/chi-muc/r/"}

func mustFile(t *testing.T, paths []string) []Rule {
	t.Helper()
	data, err := File(paths)
	if err != nil {
		t.Fatal(err)
	}
	rules, err := Parse(data)
	if err != nil {
		t.Fatalf("the written file does not parse: %v\n%s", err, data)
	}
	return rules
}

func get(hs []Header, name string) []string {
	var out []string
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			out = append(out, h.Value)
		}
	}
	return out
}

// Only files named by their content's hash are cached for good; every
// response, those included, carries the security headers once each.
func TestFileCachesOnlyFingerprintedFiles(t *testing.T) {
	rules := mustFile(t, fingerprinted)
	tests := []struct {
		path      string
		immutable bool
	}{
		{"/assets/site.9200aad820.css", true},
		{"/assets/search.a4678528e4.js", true},
		{"/tim-kiem/chi-muc/t/52463715b7.json", true},
		{"/tim-kiem/chi-muc/p/52463715b7.bin", true},
		{"/tim-kiem/chi-muc/r/52463715b7/12.json", true},
		{"/tim-kiem/chi-muc/index.json", false},       // names the current files
		{"/tim-kiem/chi-muc/x/0000000000.bin", false}, // no prefix file was written
		{"/assets/site.css", false},
		{"/assets/site.9200aad820.css.map", false},
		{"/", false},
		{"/index.html", false},
		{"/tim-kiem/", false},
		{"/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/", false},
		{"/du-lieu/nhiem-vu.json", false},
		{"/du-lieu/nhiem-vu.csv", false},
		{"/dia-phuong/da-nang/han-chot.ics", false},
		{"/feed.xml", false},
		{"/sitemap.xml", false},
		{"/favicon.svg", false},
		{"/404.html", false},
		{"/en/", false},
	}
	for _, tt := range tests {
		hs := For(rules, tt.path)
		cache := get(hs, "Cache-Control")
		switch {
		case tt.immutable && (len(cache) != 1 || cache[0] != Immutable):
			t.Errorf("%s: Cache-Control %q, want %q once", tt.path, cache, Immutable)
		case !tt.immutable && len(cache) != 0:
			t.Errorf("%s: Cache-Control %q, want none (the host's default revalidation)", tt.path, cache)
		}
		for _, want := range Security() {
			if got := get(hs, want.Name); len(got) != 1 || got[0] != want.Value {
				t.Errorf("%s: %s = %q, want %q once", tt.path, want.Name, got, want.Value)
			}
		}
	}
}

// The file is in the hosts' format: rule paths at column 0, headers indented
// as "Name: value", comments with "#"; and the same input gives the same bytes.
func TestFileFormat(t *testing.T) {
	data, err := File([]string{"/tim-kiem/chi-muc/t/", "/assets/site.9200aad820.css", "/assets/site.9200aad820.css"})
	if err != nil {
		t.Fatal(err)
	}
	want := "# HTTP headers for Netlify and Cloudflare Pages, written by minhbach build.\n" +
		"# Every response: the security policy (internal/headers says why each part).\n" +
		"/*\n" +
		"  Content-Security-Policy: " + CSP + "\n" +
		"  X-Content-Type-Options: nosniff\n" +
		"  Referrer-Policy: strict-origin-when-cross-origin\n" +
		"  Permissions-Policy: " + PermissionsPolicy + "\n" +
		"\n# Named by a hash of their content: a new version has a new name.\n" +
		"/assets/site.9200aad820.css\n" +
		"  Cache-Control: public, max-age=31536000, immutable\n" +
		"/tim-kiem/chi-muc/t/*\n" +
		"  Cache-Control: public, max-age=31536000, immutable\n"
	if string(data) != want {
		t.Errorf("File =\n%s\nwant\n%s", data, want)
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "/"):
		case strings.HasPrefix(line, "  ") && strings.Contains(line, ": "):
		default:
			t.Errorf("line %d %q is neither a path at column 0 nor an indented header", i+1, line)
		}
		// Cloudflare Pages reads lines of up to 2,000 characters.
		if len(line) > 2000 {
			t.Errorf("line %d is %d characters long", i+1, len(line))
		}
	}
}

func TestFileRefusesPathsARuleCannotHold(t *testing.T) {
	for _, p := range []string{"assets/x.css", "/", "/a b.css", "/a\n  Cache-Control: no-store", "/a*.css", "/a#b", ""} {
		if _, err := File([]string{p}); err == nil {
			t.Errorf("File(%q) gave no error", p)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ file, want string }{
		{"  X-A: b\n", "_headers:1: a header before any path"},
		{"/a\n  X-A b\n", `_headers:2: "X-A b" is not a header`},
		{"/a\n  X-A:\n", `_headers:2: "X-A:" is not a header`},
		{"/a\n/b\n  X-A: b\n", "_headers:1: the rule for /a has no headers"},
		{"/a\n  X-A: b\n/b\n", "_headers:3: the rule for /b has no headers"},
		{"a\n  X-A: b\n", `_headers:1: "a" is not a path`},
		{"/*/*\n  X-A: b\n", `_headers:1: "/*/*" has more than one *`},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.file))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error %v, want %q…", tt.file, err, tt.want)
		}
	}
	rules, err := Parse([]byte("# c\r\n/a\r\n\t# c\r\n\tX-A:  b: c \r\n\n"))
	if err != nil || len(rules) != 1 || rules[0].Line != 2 || len(rules[0].Headers) != 1 || rules[0].Headers[0] != (Header{"X-A", "b: c"}) {
		t.Errorf("Parse with CRLF, tabs and comments = %+v, %v", rules, err)
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"/*", "/", true},
		{"/*", "/a/b.html", true},
		{"/a/*", "/a/", true},
		{"/a/*", "/a", false},
		{"/a/*", "/ab/c", false},
		{"/a/*.js", "/a/b/c.js", true},
		{"/a/*.js", "/a/b/c.css", false},
		{"/a/b.css", "/a/b.css", true},
		{"/a/b.css", "/a/b.cssx", false},
	}
	for _, tt := range tests {
		if got := Match(tt.pattern, tt.path); got != tt.want {
			t.Errorf("Match(%q, %q) = %v", tt.pattern, tt.path, got)
		}
	}
}

func TestSetSendsThePolicyOnce(t *testing.T) {
	h := http.Header{}
	h.Set("Content-Security-Policy", "default-src *")
	Set(h)
	if got := h.Values("Content-Security-Policy"); len(got) != 1 || got[0] != CSP {
		t.Errorf("CSP = %q", got)
	}
	if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q", got)
	}
}

// The policy allows nothing inline and nothing from another origin.
func TestCSPHasNoLooseSources(t *testing.T) {
	for _, bad := range []string{"unsafe-inline", "unsafe-eval", "unsafe-hashes", "*", "http:", "https:", "data:", "blob:"} {
		for _, d := range strings.Split(CSP, ";") {
			for _, src := range strings.Fields(d)[1:] {
				if strings.Trim(src, "'") == bad {
					t.Errorf("directive %q allows %s", strings.TrimSpace(d), bad)
				}
			}
		}
	}
}
