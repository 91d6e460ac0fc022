// Package server serves a built site for preview: Handler serves the output
// folder as it is, and Preview rebuilds it when its source changes and
// reloads the browser tabs that show it.
package server

import (
	"bytes"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/headers"
)

// Handler serves the files of dir. Paths are cleaned and resolved inside
// dir only (os.DirFS refuses ".." and absolute paths); a folder serves its
// index.html, and a missing file serves dir/404.html with status 404.
func Handler(dir string) http.Handler {
	return newFiles(dir, nil)
}

// files serves an output folder. When build is set, every HTML page gets
// the preview's reload script on its way out, naming the build build()
// returns; the files on disk never hold the script.
type files struct {
	fsys   fs.FS
	server http.Handler
	build  func() string
}

func newFiles(dir string, build func() string) *files {
	fsys := os.DirFS(dir)
	return &files{fsys: fsys, server: http.FileServerFS(fsys), build: build}
}

func (f *files) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// The preview runs under the policy the CDN will send, so that a page
	// that breaks it breaks here first.
	headers.Set(w.Header())
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "."
	}
	if !fs.ValidPath(name) || !exists(f.fsys, name) {
		f.notFound(w, r)
		return
	}
	if page := f.htmlFile(r, name); page != "" && f.build != nil {
		f.serveHTML(w, r, page)
		return
	}
	f.server.ServeHTTP(w, r)
}

// htmlFile returns the HTML file a request is answered with, or "" when the
// request is for something else or when http.FileServer would redirect it
// (a folder without its trailing slash, a path ending in /index.html), so
// that the preview redirects exactly as the plain server does.
func (f *files) htmlFile(r *http.Request, name string) string {
	info, err := fs.Stat(f.fsys, name)
	if err != nil {
		return ""
	}
	slash := strings.HasSuffix(r.URL.Path, "/")
	switch {
	case info.IsDir() && slash:
		return path.Join(name, "index.html")
	case !info.IsDir() && !slash && path.Ext(name) == ".html" && path.Base(name) != "index.html":
		return name
	}
	return ""
}

// serveHTML serves a page with the reload script. The build is read
// before the page, so that a rebuild in between makes the tab reload
// rather than keep an old page under a new build's name. The page is never
// cached: the build it names changes with every rebuild.
func (f *files) serveHTML(w http.ResponseWriter, r *http.Request, name string) {
	build := f.build()
	page, err := fs.ReadFile(f.fsys, name)
	if err != nil {
		f.notFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(injectScript(page, build)))
}

func exists(fsys fs.FS, name string) bool {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return false
	}
	if info.IsDir() {
		_, err = fs.Stat(fsys, path.Join(name, "index.html"))
	}
	return err == nil
}

// notFound serves 404.html with status 404. When the output has none (the
// first build failed), the preview still answers with a page that carries
// its script, so that the tab shows the build's errors and reloads once
// they are fixed.
func (f *files) notFound(w http.ResponseWriter, r *http.Request) {
	build := ""
	if f.build != nil {
		build = f.build() // before the page, as in serveHTML
	}
	page, err := fs.ReadFile(f.fsys, "404.html")
	switch {
	case f.build != nil:
		if err != nil {
			page = []byte(missingPage)
		}
		page = injectScript(page, build)
		w.Header().Set("Cache-Control", "no-store")
	case err != nil:
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		_, _ = w.Write(page)
	}
}

// missingPage answers a missing path when the output has no 404.html.
const missingPage = `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Không tìm thấy trang</title>
</head>
<body>
<main>
<h1>Không tìm thấy trang</h1>
<p>Thư mục xuất chưa có trang này. Nếu bản dựng đang lỗi, các lỗi hiện ở trên trang; trang sẽ tự tải lại khi dựng xong.</p>
</main>
</body>
</html>
`
