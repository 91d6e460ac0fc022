package server

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/site"
)

// wait bounds every wait for the preview: generous, so that a slow machine
// does not fail the tests; nothing is asserted about how fast it is.
const wait = 30 * time.Second

const (
	localityPage = "+++\nname = \"Xã Thử\"\nlevel = \"xa\"\n+++\n"
	planFile     = "content/dia-phuong/thu/ke-hoach-1.md"
	planURL      = "/dia-phuong/thu/ke-hoach-1/"
	styleFile    = "layouts/assets/site.css"
)

// plan returns a plan whose one task is called task.
func plan(task string) string {
	return `+++
kind = "plan"
title = "Kế hoạch thử"
number = "1/KH-UBND"
issued = 2022-01-01
issuer = "Ủy ban nhân dân xã Thử"
+++
#### 1. ` + task + `

- Cơ quan chủ trì: Công an xã.
- Thời gian thực hiện: Quý I/2022.
`
}

// brokenPlan has a string without its closing quote on line 3.
const brokenPlan = "+++\nkind = \"plan\"\ntitle = \"Kế hoạch thử\nnumber = \"1/KH-UBND\"\n+++\n"

// preview is a Preview running on a free loopback port over a temporary
// site, with its output inside the site folder as with the default --out.
type preview struct {
	t      *testing.T
	src    string
	out    string
	url    string
	log    *syncBuffer
	cancel context.CancelFunc
	done   chan error
}

func startPreview(t *testing.T, files map[string]string) *preview {
	t.Helper()
	src := t.TempDir()
	for name, text := range files {
		writeFile(t, filepath.Join(src, filepath.FromSlash(name)), text)
	}
	out := filepath.Join(src, "public")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	p := &preview{t: t, src: src, out: out, url: "http://" + ln.Addr().String(), log: &syncBuffer{}, cancel: cancel, done: make(chan error, 1)}
	build := func() error {
		_, err := site.Build(site.Options{Source: src, Out: out, AsOf: model.Date{Year: 2024, Month: 9, Day: 30}})
		return err
	}
	pv := Preview{Source: src, Out: out, Build: build, Listener: ln, Log: p.log, Poll: 20 * time.Millisecond, Quiet: 20 * time.Millisecond}
	go func() { p.done <- pv.Run(ctx) }()
	t.Cleanup(p.stop)
	return p
}

// stop ends the preview and checks that Run returns nil promptly, even
// with event streams open.
func (p *preview) stop() {
	p.cancel()
	select {
	case err := <-p.done:
		if err != nil {
			p.t.Errorf("Run returned %v", err)
		}
	case <-time.After(wait):
		p.t.Error("Run did not return after its context ended")
	}
	p.done <- nil // stop is idempotent: a second call reads this back
}

// edit replaces a file the way many editors save: write a temporary file,
// then rename it over the original.
func (p *preview) edit(name, text string) {
	p.t.Helper()
	path := filepath.Join(p.src, filepath.FromSlash(name))
	writeFile(p.t, path+"~", text)
	if err := os.Rename(path+"~", path); err != nil {
		p.t.Fatal(err)
	}
}

// get fetches path as written (the client does not clean it).
func (p *preview) get(path string) (int, string, http.Header) {
	p.t.Helper()
	req, err := http.NewRequest("GET", p.url+"/", nil)
	if err != nil {
		p.t.Fatal(err)
	}
	req.URL.Opaque = path
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		p.t.Fatal(err)
	}
	return resp.StatusCode, string(body), resp.Header
}

// page fetches an HTML page that must exist, and returns it with the build
// and stylesheet it names.
func (p *preview) page(path string) (body, build, css string) {
	p.t.Helper()
	status, body, _ := p.get(path)
	if status != http.StatusOK {
		p.t.Fatalf("GET %s = %d", path, status)
	}
	return body, match(p.t, body, `<script src="/__minhbach/reload.js" data-build="([^"]+)" defer></script></body>`),
		match(p.t, body, `<link rel="stylesheet" href="([^"]+)">`)
}

func match(t *testing.T, s, re string) string {
	t.Helper()
	m := regexp.MustCompile(re).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no match for %s in:\n%s", re, s)
	}
	return m[1]
}

// sseEvent is one server-sent event as received.
type sseEvent struct {
	name, data string
}

// stream is an open connection to the preview's event endpoint.
type stream struct {
	events chan sseEvent // closed when the server ends the stream
	cancel context.CancelFunc
}

// connect opens the event stream as the page's script does.
func (p *preview) connect(build, css string) *stream {
	p.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	q := "?build=" + build + "&css=" + css
	req, err := http.NewRequestWithContext(ctx, "GET", p.url+"/__minhbach/events"+q, nil)
	if err != nil {
		p.t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || !strings.HasPrefix(ct, "text/event-stream") {
		p.t.Fatalf("events: %d %s", resp.StatusCode, ct)
	}
	s := &stream{events: make(chan sseEvent, 16), cancel: cancel}
	go s.read(resp.Body)
	p.t.Cleanup(cancel)
	return s
}

func (s *stream) read(body io.ReadCloser) {
	defer close(s.events)
	defer body.Close()
	sc := bufio.NewScanner(body)
	var ev sseEvent
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			ev.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			ev.data = strings.TrimPrefix(line, "data: ")
		case line == "" && ev.name != "":
			s.events <- ev
			ev = sseEvent{}
		}
	}
}

// next waits for the next event, which must be called name.
func (s *stream) next(t *testing.T, name string) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-s.events:
		if !ok {
			t.Fatalf("the event stream ended; want a %s event", name)
		}
		if ev.name != name {
			t.Fatalf("got a %s event (%s); want %s", ev.name, ev.data, name)
		}
		return ev
	case <-time.After(wait):
		t.Fatalf("no %s event within %s", name, wait)
	}
	return sseEvent{}
}

// An edit reloads the page with the new content; a broken file shows its
// position in every tab, including one opened while it is broken, while the
// last good page stays served; fixing it reloads; a stylesheet edit swaps
// the stylesheet only; stopping the preview ends the streams.
func TestPreviewLiveReload(t *testing.T) {
	p := startPreview(t, map[string]string{
		"content/dia-phuong/thu/_index.md": localityPage,
		planFile:                           plan("Việc một"),
		styleFile:                          "body { color: #111111; }\n",
	})
	body, build, css := p.page(planURL)
	if !strings.Contains(body, "Việc một") {
		t.Fatal("the plan page does not show its task")
	}
	noScriptOnDisk(t, p.out)
	tab := p.connect(build, css)

	p.edit(planFile, plan("Việc một đã sửa"))
	tab.next(t, "reload")
	body, build2, _ := p.page(planURL)
	if !strings.Contains(body, "Việc một đã sửa") || build2 == build {
		t.Errorf("after the reload event the page is not the new build (%s → %s)", build, build2)
	}

	p.edit(planFile, brokenPlan)
	ev := tab.next(t, "build-error")
	wantProblem(t, ev, "content/dia-phuong/thu/ke-hoach-1.md:3:")
	if body, _, _ := p.page(planURL); !strings.Contains(body, "Việc một đã sửa") {
		t.Error("the last good page is not served while the build is broken")
	}
	late := p.connect(build2, css)
	wantProblem(t, late.next(t, "build-error"), "content/dia-phuong/thu/ke-hoach-1.md:3:")

	p.edit(planFile, plan("Việc một lần ba"))
	tab.next(t, "reload")
	late.next(t, "reload")
	if body, _, _ := p.page(planURL); !strings.Contains(body, "Việc một lần ba") {
		t.Error("the fixed page is not served after the reload event")
	}
	noScriptOnDisk(t, p.out)

	p.edit(styleFile, "body { color: #222222; background: #fafafa; }\n")
	var data struct{ Href string }
	if err := json.Unmarshal([]byte(tab.next(t, "css").data), &data); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^/assets/site\.[0-9a-f]+\.css$`).MatchString(data.Href) || data.Href == css {
		t.Errorf("css event href %q (was %q)", data.Href, css)
	}
	status, sheet, _ := p.get(data.Href)
	if status != 200 || !strings.Contains(sheet, "#fafafa") || strings.Contains(sheet, "__minhbach") {
		t.Errorf("GET %s = %d %q", data.Href, status, sheet)
	}

	if log := p.log.String(); strings.Count(log, "rebuilt in ") != 3 || !strings.Contains(log, "rebuild failed in ") {
		t.Errorf("log:\n%s", log)
	}
	p.stop()
	if _, ok := <-tab.events; ok {
		t.Error("the event stream got another event after the preview stopped")
	}
}

// A preview whose first build fails still answers, with a page that carries
// the script, so that the tab shows the errors and loads the site once fixed.
func TestPreviewFirstBuildFails(t *testing.T) {
	p := startPreview(t, map[string]string{"content/dia-phuong/thu/_index.md": localityPage, planFile: brokenPlan})
	status, body, _ := p.get("/")
	if status != http.StatusNotFound || !strings.Contains(body, `data-build="" defer></script>`) || !strings.Contains(body, "Không tìm thấy trang") {
		t.Fatalf("GET / = %d %s", status, body)
	}
	tab := p.connect("", "")
	wantProblem(t, tab.next(t, "build-error"), "content/dia-phuong/thu/ke-hoach-1.md:3:")
	p.edit(planFile, plan("Việc một"))
	tab.next(t, "reload")
	if body, _, _ := p.page(planURL); !strings.Contains(body, "Việc một") {
		t.Error("the site is not served once the first build succeeded")
	}
	if !strings.Contains(p.log.String(), "build failed in ") {
		t.Errorf("log:\n%s", p.log)
	}
}

// The preview serves only the output folder: no path reaches a file beside
// it, and a missing path is the site's 404 page with the script.
func TestPreviewServesOnlyOutput(t *testing.T) {
	p := startPreview(t, map[string]string{"content/dia-phuong/thu/_index.md": localityPage, planFile: plan("Việc một"), "secret.txt": "bí mật"})
	secret := filepath.ToSlash(filepath.Join(p.src, "secret.txt"))
	for _, path := range []string{
		"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/a/../../secret.txt", "/..%2fsecret.txt", "/..%5csecret.txt",
		"/public/../secret.txt", "/__minhbach/../../secret.txt", "/./../secret.txt",
		"/" + secret, "//" + strings.TrimPrefix(secret, "/"), "/%2f" + strings.TrimPrefix(secret, "/"), "/etc/passwd", "//etc/passwd",
		"http://" + strings.TrimPrefix(p.url, "http://") + "/../secret.txt",
		"/missing/",
	} {
		status, body, _ := p.get(path)
		if status != http.StatusNotFound || strings.Contains(body, "bí mật") || !strings.Contains(body, "Không tìm thấy trang") || !strings.Contains(body, "/__minhbach/reload.js") {
			t.Errorf("GET %s = %d, want the 404 page:\n%.200s", path, status, body)
		}
	}
	// The script is added to pages only, and pages are not cached.
	_, css := func() (string, string) { _, b, c := p.page("/"); return b, c }()
	for path, isPage := range map[string]bool{"/": true, planURL: true, "/404.html": true, css: false, "/du-lieu/nhiem-vu.json": false} {
		status, body, h := p.get(path)
		if status != 200 || strings.Contains(body, "/__minhbach/") != isPage {
			t.Errorf("GET %s = %d, script in it %v, want %v", path, status, !isPage, isPage)
		}
		if isPage && h.Get("Cache-Control") != "no-store" {
			t.Errorf("GET %s: Cache-Control %q", path, h.Get("Cache-Control"))
		}
	}
	// Folders and index.html redirect as with the plain file server.
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for path, to := range map[string]string{strings.TrimSuffix(planURL, "/"): "ke-hoach-1/", planURL + "index.html": "./"} {
		resp, err := client.Get(p.url + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != to {
			t.Errorf("GET %s = %d → %q, want a redirect to %q", path, resp.StatusCode, resp.Header.Get("Location"), to)
		}
	}
	status, script, h := p.get("/__minhbach/reload.js")
	if status != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/javascript") || !strings.Contains(script, "EventSource") {
		t.Errorf("GET /__minhbach/reload.js = %d %s", status, h.Get("Content-Type"))
	}
}

// noScriptOnDisk checks that the build output holds no trace of the
// preview: the script is added while serving only.
func noScriptOnDisk(t *testing.T, out string) {
	t.Helper()
	pages := 0
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(data), "__minhbach") { // the site's own search script may be there
			t.Errorf("%s holds the preview's script", path)
		}
		if strings.HasSuffix(path, ".html") {
			pages++
		}
		return nil
	})
	if err != nil || pages == 0 {
		t.Fatalf("walked %d pages in %s: %v", pages, out, err)
	}
}

func wantProblem(t *testing.T, ev sseEvent, where string) {
	t.Helper()
	var data struct {
		Problems []Problem
	}
	if err := json.Unmarshal([]byte(ev.data), &data); err != nil {
		t.Fatal(err)
	}
	for _, p := range data.Problems {
		if strings.HasPrefix(p.Where, where) && p.Line > 0 && p.Col > 0 && p.Msg != "" {
			return
		}
	}
	t.Errorf("no problem at %s in %s", where, ev.data)
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// syncBuffer is a log that the preview writes while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
