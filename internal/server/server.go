// Package server serves a built site for preview.
package server

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"
)

// Handler serves the files of dir. Paths are cleaned and resolved inside
// dir only (os.DirFS refuses ".." and absolute paths); a folder serves its
// index.html, and a missing file serves dir/404.html with status 404.
func Handler(dir string) http.Handler {
	fsys := os.DirFS(dir)
	files := http.FileServerFS(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name == "" {
			name = "."
		}
		if !fs.ValidPath(name) || !exists(fsys, name) {
			notFound(w, fsys)
			return
		}
		files.ServeHTTP(w, r)
	})
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

func notFound(w http.ResponseWriter, fsys fs.FS) {
	page, err := fs.ReadFile(fsys, "404.html")
	if errors.Is(err, fs.ErrNotExist) || err != nil {
		http.NotFound(w, nil)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write(page)
}
