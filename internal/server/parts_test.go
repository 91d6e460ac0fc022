package server

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/diag"
)

func TestInjectScript(t *testing.T) {
	tag := `<script src="/__minhbach/reload.js" data-build="b&lt;1" defer></script>`
	for page, want := range map[string]string{
		"<p>Việc một</p></body></html>":  "<p>Việc một</p>" + tag + "</body></html>",
		"<p>Đà Nẵng</p></BODY>\n</HTML>": "<p>Đà Nẵng</p>" + tag + "</BODY>\n</HTML>",
		"<p>a</p></body><p>b</p></body>": "<p>a</p></body><p>b</p>" + tag + "</body>",
		"<p>no body</p>":                 "<p>no body</p>" + tag,
		"İİİ</body>":                     "İİİ" + tag + "</body>",
		"":                               tag,
		"<pre></bod</pre></body y>":      "<pre></bod</pre>" + tag + "</body y>",
		"<p>ǅ ſ K — chữ hoa thường lạ</p></body>": "<p>ǅ ſ K — chữ hoa thường lạ</p>" + tag + "</body>",
	} {
		if got := string(injectScript([]byte(page), "b<1")); got != want {
			t.Errorf("injectScript(%q) = %q, want %q", page, got, want)
		}
	}
}

func TestProblemsOf(t *testing.T) {
	errs := &diag.Errors{Items: []diag.Diagnostic{
		{File: "content/a.md", Line: 3, Col: 9, Severity: diag.Error, Msg: "front matter: thiếu dấu nháy"},
		{File: "content/b.md", Severity: diag.Warning, Msg: "cả tệp"},
	}}
	got := problemsOf(fmt.Errorf("building: %w", errs))
	if len(got) != 2 || got[0].Where != "content/a.md:3:9" || got[0].Msg != "front matter: thiếu dấu nháy" || got[0].Severity != "error" ||
		got[1].Where != "content/b.md:1:1" || got[1].Severity != "warning" {
		t.Errorf("problems of a *diag.Errors: %+v", got)
	}
	// Messages are said in Vietnamese where the catalog has them.
	var list diag.List
	list.Errorf("content/a.md", 2, 1, `kind = %q is unknown: write kind = "plan" or kind = "update"`, "ke-hoach")
	english := list.Items()[0]
	got = problemsOf(list.Err())
	if want := english.In(diag.Vietnamese()).Msg; len(got) != 1 || got[0].Msg != want || want == english.Msg {
		t.Errorf("problems of a translatable diagnostic: %+v, want the message %q", got, want)
	}
	got = problemsOf(errors.New("layouts/assets/site.css:4:2: Expected \"}\" to go with \"{\""))
	if len(got) != 1 || got[0].Where != "layouts/assets/site.css:4:2" || got[0].Line != 4 || got[0].Msg != `Expected "}" to go with "{"` {
		t.Errorf("problems of a positioned error: %+v", got)
	}
	got = problemsOf(errors.New("replacing output: permission denied"))
	if len(got) != 1 || got[0].Where != "" || got[0].Msg != "replacing output: permission denied" {
		t.Errorf("problems of a plain error: %+v", got)
	}
}

// The events a tab gets follow from what it has and what the state is.
func TestStateNext(t *testing.T) {
	problems := []Problem{{Msg: "hỏng"}}
	steps := []struct {
		st   state
		want []string // events until the tab is up to date
	}{
		{state{seq: 1, pages: "a", css: "/assets/site.1.css"}, nil},
		{state{seq: 2, pages: "b", css: "/assets/site.1.css"}, []string{"reload"}},
		{state{seq: 3, pages: "b", css: "/assets/site.2.css"}, []string{"css"}},
		{state{seq: 4, pages: "b", css: "/assets/site.2.css", problems: problems}, []string{"build-error"}},
		{state{seq: 5, pages: "b", css: "/assets/site.2.css", problems: problems}, []string{"build-error"}},
		{state{seq: 6, pages: "c", css: "/assets/site.2.css"}, []string{"reload"}},
	}
	tb := tab{pages: "a", css: "/assets/site.1.css"}
	for i, s := range steps {
		var got []string
		for {
			ev, ok := s.st.next(&tb)
			if !ok {
				break
			}
			got = append(got, ev.name)
			if len(got) > 3 {
				break
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(s.want) {
			t.Errorf("step %d: events %v, want %v", i, got, s.want)
		}
	}
	st := state{pages: "x", css: "/y.css"}
	if got := st.tabFrom(url.Values{}); got.pages != "x" || got.css != "/y.css" {
		t.Errorf("a tab that does not say is not taken as up to date: %+v", got)
	}
	if got := st.tabFrom(url.Values{"build": {""}, "css": {"/z.css"}}); got.pages != "" || got.css != "/z.css" {
		t.Errorf("tabFrom: %+v", got)
	}
	msg, err := event{"css", map[string]string{"href": "/a\n.css"}}.encode()
	if err != nil || string(msg) != "event: css\ndata: {\"href\":\"/a\\n.css\"}\n\n" {
		t.Errorf("encode = %q, %v", msg, err)
	}
}

func TestWhatChanged(t *testing.T) {
	src := t.TempDir()
	lv := &live{source: src, out: filepath.Join(src, "public")}
	at := func(p string) string { return filepath.Join(src, filepath.FromSlash(p)) }
	for _, tt := range []struct {
		changed []string
		styles  bool
	}{
		{nil, false},
		{[]string{at("layouts/assets/site.css")}, true},
		{[]string{at("layouts/assets/site.css"), at("layouts/assets/print/a.css")}, true},
		{[]string{at("layouts/assets/site.css"), at("layouts/base.html")}, false},
		{[]string{at("layouts/assets-old/site.css")}, false},
		{[]string{at("content/dia-phuong/thu/ke-hoach-1.md")}, false},
	} {
		if got := lv.onlyStyles(tt.changed); got != tt.styles {
			t.Errorf("onlyStyles(%v) = %v", tt.changed, got)
		}
	}
	for p, want := range map[string]bool{
		"public": true, "public/index.html": true, ".public.building-123": true, ".public.building-123.old": true,
		"public2/index.html": false, "content/public.md": false, "static/public/x": false,
	} {
		if got := lv.isOutput(at(p)); got != want {
			t.Errorf("isOutput(%s) = %v, want %v", p, got, want)
		}
	}
	writeFile(t, at("public/assets/site.0a1b.css"), "")
	if got := stylesheet(lv.out); got != "/assets/site.0a1b.css" {
		t.Errorf("stylesheet = %q", got)
	}
	writeFile(t, at("public/assets/site.2c3d.css"), "")
	if got := stylesheet(lv.out); got != "" {
		t.Errorf("stylesheet with two candidates = %q, want none", got)
	}
}

// The script must run under a Content-Security-Policy without
// 'unsafe-inline': it may set element.style, never write markup with
// style attributes or handlers, and never eval.
func TestReloadScriptIsCSPSafe(t *testing.T) {
	src := string(reloadJS)
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", `setAttribute("style"`, "setAttribute('style'", `setAttribute("on`, "eval(", "new Function", "cssText"} {
		if strings.Contains(src, bad) {
			t.Errorf("reload.js uses %s", bad)
		}
	}
	for _, want := range []string{`"alertdialog"`, "Không xây dựng được trang — sửa lỗi dưới đây", `"Đóng"`, eventsPath, `"reload"`, `"css"`, `"build-error"`} {
		if !strings.Contains(src, want) {
			t.Errorf("reload.js does not contain %s", want)
		}
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the script's syntax is not checked")
	}
	path := filepath.Join(t.TempDir(), "reload.js")
	if err := os.WriteFile(path, reloadJS, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(node, "--check", path).CombinedOutput(); err != nil {
		t.Errorf("node --check reload.js: %v\n%s", err, out)
	}
}

func TestPreviewNeedsBuildAndListener(t *testing.T) {
	if err := (Preview{Source: t.TempDir(), Out: t.TempDir()}).Run(t.Context()); err == nil {
		t.Error("a preview without Build and Listener ran")
	}
}
