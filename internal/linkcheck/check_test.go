package linkcheck_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/minhbach/minhbach/internal/linkcheck"
)

// fixture writes files (slash paths → content) into a fresh folder.
func fixture(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// targets are the files every case can link to.
var targets = map[string]string{
	"a/index.html":   `<!DOCTYPE html><h1 id=top-a>A</h1><p id="x">x</p><a name="old">old</a>`,
	"a/b/index.html": `<h2 id='b'>B</h2>`,
	"data/t.json":    `{}`,
	"data/t.csv":     "a,b\n",
	"img/x.svg":      `<svg xmlns="http://www.w3.org/2000/svg"><g id="g1"/></svg>`,
	"assets/s.css":   `body{}`,
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		page string // the content of index.html at the root
		want []linkcheck.Broken
	}{
		{"absolute folder with slash", `<a href="/a/">a</a>`, nil},
		{"absolute folder without slash", `<a href="/a">a</a>`, nil},
		{"nested folder and file", `<a href="/a/b/">b</a><a href="/data/t.json">j</a>`, nil},
		{"relative paths", `<a href="a/b/">b</a><a href="./data/t.csv">c</a><a href="a/../a/">a</a>`, nil},
		{"explicit index.html", `<a href="/a/index.html">a</a>`, nil},
		{"query is ignored", `<a href="/a/?q=kh&amp;x=1">a</a>`, nil},
		{"fragment in another page", `<a href="/a/#x">x</a><a href="/a/b/#b">b</a>`, nil},
		{"fragment on an a name", `<a href="/a/#old">x</a>`, nil},
		{"fragment in the same page", `<h2 id="muc-1">1</h2><a href="#muc-1">1</a>`, nil},
		{"fragment before its id", `<a href="#sau">1</a><p id=sau>2</p>`, nil},
		{"percent-encoded fragment", `<h2 id="mục">1</h2><a href="#m%E1%BB%A5c">1</a>`, nil},
		{"empty fragment and top", `<a href="#">t</a><a href="#top">t</a><a href="">self</a>`, nil},
		{"fragment in an SVG file", `<img src="/img/x.svg#g1" alt="">`, nil},
		{"fragment in a CSV is not an id", `<a href="/data/t.csv#row=2">r</a>`, nil},
		{"external and special schemes", `<a href="https://example.org/x">x</a><a href="HTTP://e.org">e</a><a href="mailto:a@b.vn">m</a><a href="tel:+84">t</a><img src="data:image/png;base64,AA" alt=""><a href="//cdn.example.org/x.js">c</a>`, nil},
		{"link, script, img, srcset, form", `<link rel="stylesheet" href="/assets/s.css"><script src="/data/t.json"></script><img src="/img/x.svg" srcset="/img/x.svg 1x, /img/x.svg 2x" alt=""><form action="/a/"></form>`, nil},
		{"single-quoted and bare values", `<a href='/a/'>a</a><a href=/a/b/>b</a><a class=x href = "/a/" >c</a>`, nil},
		{"upper-case names", `<A HREF="/a/">a</A>`, nil},
		{"refs in comments, scripts and styles are not links", `<!-- <a href="/nowhere/"> --><script>var s='<a href="/nowhere/">';</script><style>a[href="/nowhere/"]{}</style><textarea><a href="/x/"></textarea><a href="/a/">a</a>`, nil},
		{"doctype and CDATA", `<!DOCTYPE html><svg><![CDATA[<a href="/nowhere/">]]></svg>`, nil},

		{"missing folder", `<a href="/khong-co/">x</a>`, []linkcheck.Broken{{File: "index.html", Ref: "/khong-co/", Reason: "no file /khong-co/ in the site"}}},
		{"folder without index.html", `<a href="/data/">x</a>`, []linkcheck.Broken{{File: "index.html", Ref: "/data/", Reason: "no file /data/ in the site"}}},
		{"missing file", `<img src="/img/y.png" alt="">`, []linkcheck.Broken{{File: "index.html", Ref: "/img/y.png", Reason: "no file /img/y.png in the site"}}},
		{"missing relative file", `<a href="a/c/">x</a>`, []linkcheck.Broken{{File: "index.html", Ref: "a/c/", Reason: "no file /a/c/ in the site"}}},
		{"a file is not a folder", `<a href="/data/t.json/">x</a>`, []linkcheck.Broken{{File: "index.html", Ref: "/data/t.json/", Reason: "no file /data/t.json/ in the site"}}},
		{"missing fragment in another page", `<a href="/a/#y">y</a>`, []linkcheck.Broken{{File: "index.html", Ref: "/a/#y", Reason: `no element with id "y" in a/index.html`}}},
		{"ids are case-sensitive", `<a href="/a/#X">y</a>`, []linkcheck.Broken{{File: "index.html", Ref: "/a/#X", Reason: `no element with id "X" in a/index.html`}}},
		{"missing fragment in the same page", `<a href="#noi-dung">skip</a><main id="noidung"></main>`, []linkcheck.Broken{{File: "index.html", Ref: "#noi-dung", Reason: `no element with id "noi-dung" in index.html`}}},
		{"missing fragment in an SVG", `<img src="/img/x.svg#g2" alt="">`, []linkcheck.Broken{{File: "index.html", Ref: "/img/x.svg#g2", Reason: `no element with id "g2" in img/x.svg`}}},
		{"missing srcset candidate", `<img src="/img/x.svg" srcset="/img/x.svg 1x,/img/x2.svg 2x" alt="">`, []linkcheck.Broken{{File: "index.html", Ref: "/img/x2.svg", Reason: "no file /img/x2.svg in the site"}}},
		{"missing form action", `<form action="/tim-kiem/"></form>`, []linkcheck.Broken{{File: "index.html", Ref: "/tim-kiem/", Reason: "no file /tim-kiem/ in the site"}}},
		{"javascript: is reported", `<a href="javascript:void(0)">x</a>`, []linkcheck.Broken{{File: "index.html", Ref: "javascript:void(0)", Reason: "a javascript: address, which leads outside the site"}}},
		{"each reference once per page", `<a href="/x/">1</a><a href="/x/">2</a>`, []linkcheck.Broken{{File: "index.html", Ref: "/x/", Reason: "no file /x/ in the site"}}},
		{"entities are decoded", `<a href="/a/#&#120;">x</a><a href="/a/#&quot;">q</a>`, []linkcheck.Broken{{File: "index.html", Ref: `/a/#"`, Reason: `no element with id "\"" in a/index.html`}}},
		{"base href moves relative links", `<base href="/a/"><a href="b/">b</a><a href="c/">c</a>`, []linkcheck.Broken{{File: "index.html", Ref: "c/", Reason: "no file /a/c/ in the site"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"index.html": tt.page}
			for k, v := range targets {
				files[k] = v
			}
			got, err := linkcheck.Check(fixture(t, files))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Check() =\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

// TestCheckRelativeToPage resolves relative links from the page's own folder.
func TestCheckRelativeToPage(t *testing.T) {
	dir := fixture(t, map[string]string{
		"a/b/index.html": `<a href="../">up</a><a href="../../a/b/">self</a><a href="c/">down</a><a href="../../../../a/">above the root</a>`,
		"a/index.html":   ``,
	})
	got, err := linkcheck.Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []linkcheck.Broken{{File: "a/b/index.html", Ref: "c/", Reason: "no file /a/b/c/ in the site"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Check() = %v, want %v", got, want)
	}
}

// TestCheck404 asks for absolute links in 404.html, which a CDN serves at
// every address that has no page, where a relative link means something else.
func TestCheck404(t *testing.T) {
	dir := fixture(t, map[string]string{
		"404.html":   `<a href="/">home</a><a href="#x">x</a><p id="x"></p><a href="dia-phuong/">places</a>`,
		"index.html": ``, "dia-phuong/index.html": ``,
	})
	got, err := linkcheck.Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []linkcheck.Broken{{File: "404.html", Ref: "dia-phuong/", Reason: "404.html is served at any address that has no page, so its links must start with /"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Check() = %v, want %v", got, want)
	}
}

// TestCheckOnlyHTML reads links from HTML pages only: a feed or a sitemap
// may hold addresses that are not the site's files.
func TestCheckOnlyHTML(t *testing.T) {
	dir := fixture(t, map[string]string{
		"feed.xml":    `<feed><link href="/khong-co/"/></feed>`,
		"sitemap.xml": `<urlset><url><loc>/khong-co/</loc></url></urlset>`,
		"index.html":  `<a href="/feed.xml">feed</a>`,
	})
	got, err := linkcheck.Check(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Errorf("Check() = %v, want nothing", got)
	}
}

func TestCheckMissingFolder(t *testing.T) {
	_, err := linkcheck.Check(filepath.Join(t.TempDir(), "khong-co"))
	if err == nil {
		t.Fatal("Check of a missing folder: no error")
	}
}

func TestBrokenString(t *testing.T) {
	b := linkcheck.Broken{File: "a/index.html", Ref: "/x/", Reason: "no file /x/ in the site"}
	if got, want := b.String(), "a/index.html: /x/: no file /x/ in the site"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
