package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/minhbach/minhbach/internal/watch"
)

// Preview is the editor's live preview: it builds the site, serves the
// output, rebuilds when the source changes and tells every open tab to
// reload, to swap its stylesheet, or to show what broke the build. The
// files on disk are exactly what Build wrote; the reload script is added to
// HTML only as it is served.
type Preview struct {
	// Source is the site folder. Its content/, layouts/, static/, i18n/
	// and config.toml are watched.
	Source string
	// Out is the folder Build writes and the preview serves. It is never
	// watched, even when it lies inside Source.
	Out string
	// Build builds Source into Out. On failure it must leave the previous
	// output in place (site.Build does); a *diag.Errors, even wrapped, is
	// shown in the browser item by item.
	Build func() error
	// Listener is where to serve. The caller picks the address, so that
	// tests can listen on a free port and the command on loopback.
	Listener net.Listener
	// Log gets one line per build ("rebuilt in 230ms"); nil discards them.
	Log io.Writer
	// Poll and Quiet tune the watcher (see watch.Poller); zero means its
	// defaults, 250 ms and 100 ms.
	Poll, Quiet time.Duration
}

// live is a running preview.
type live struct {
	Preview
	source, out string // absolute, so that watched paths compare as strings
	hub         *hub
	runID       string // tells this run's builds from those of an earlier run
	builds      int
	building    atomic.Bool // a build runs: the watcher waits (watch.Poller.Busy)
}

// Run builds the site, serves it and rebuilds on every change until ctx
// ends, then stops serving and returns nil. A failed build does not stop
// the preview: the last good output stays served under the errors. Run
// closes the Listener before it returns.
func (p Preview) Run(ctx context.Context) error {
	lv, err := p.start()
	if err != nil {
		if p.Listener != nil {
			_ = p.Listener.Close()
		}
		return err
	}
	ctx, cancel := context.WithCancel(ctx) // stops the watcher however Run ends
	defer cancel()
	changes := lv.poller().Watch(ctx) // before the build: a save during it is not lost
	lv.rebuild(nil)
	srv := &http.Server{
		Handler:           lv.handler(),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx }, // ends event streams on stop
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(p.Listener) }()
	lv.logf("serving %s on http://%s/ (Ctrl+C to stop)", p.Out, p.Listener.Addr())
	for {
		select {
		case err := <-served:
			return fmt.Errorf("serving on %s: %w", p.Listener.Addr(), err)
		case batch, ok := <-changes:
			if ok {
				lv.rebuild(batch)
				continue
			}
		case <-ctx.Done():
		}
		return lv.shutdown(srv)
	}
}

func (p Preview) start() (*live, error) {
	if p.Build == nil || p.Listener == nil {
		return nil, errors.New("preview: Build and Listener are required")
	}
	if p.Log == nil {
		p.Log = io.Discard
	}
	source, err := filepath.Abs(p.Source)
	if err != nil {
		return nil, fmt.Errorf("preview: source folder: %w", err)
	}
	out, err := filepath.Abs(p.Out)
	if err != nil {
		return nil, fmt.Errorf("preview: output folder: %w", err)
	}
	return &live{Preview: p, source: source, out: out, hub: newHub(),
		runID: strconv.FormatInt(time.Now().UnixNano(), 36)}, nil
}

// shutdown stops serving. Event streams end with the run's context, so
// waiting for the open requests to finish is short.
func (lv *live) shutdown(srv *http.Server) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return fmt.Errorf("stopping the preview: %w", err)
	}
	return nil
}

// poller watches the parts of the source that a build reads.
func (lv *live) poller() *watch.Poller {
	var paths []string
	for _, name := range []string{"content", "layouts", "static", "i18n", "config.toml"} {
		paths = append(paths, filepath.Join(lv.source, name))
	}
	return &watch.Poller{Paths: paths, Ignore: lv.isOutput, Interval: lv.Poll, Quiet: lv.Quiet, Busy: lv.building.Load}
}

// isOutput reports whether path is the output folder, inside it, or one of
// the folders a build writes next to it before swapping it in; a build must
// not trigger the next one.
func (lv *live) isOutput(path string) bool {
	if path == lv.out || strings.HasPrefix(path, lv.out+string(filepath.Separator)) {
		return true
	}
	return strings.HasPrefix(filepath.Base(path), "."+filepath.Base(lv.out)+".building-")
}

// rebuild builds after the given changes (nil for the first build) and
// publishes the outcome to the tabs.
func (lv *live) rebuild(changed []string) {
	lv.building.Store(true)
	start := time.Now()
	err := lv.Build()
	took := time.Since(start).Round(time.Millisecond)
	lv.building.Store(false)
	lv.builds++
	id := lv.runID + "-" + strconv.Itoa(lv.builds)
	restyle := lv.onlyStyles(changed)
	css := stylesheet(lv.out)
	lv.report(changed, took, err) // before the tabs reload, so the terminal is never behind
	lv.hub.update(func(st *state) {
		st.seq++
		if err != nil {
			st.problems = problemsOf(err)
			return
		}
		if st.problems != nil || !restyle || css == "" {
			st.pages = id
		}
		st.problems, st.css = nil, css
	})
}

// report logs one line for a build.
func (lv *live) report(changed []string, took time.Duration, err error) {
	done, failed := "rebuilt", "rebuild"
	if changed == nil {
		done, failed = "built", "build"
	}
	if err != nil {
		lv.logf("%s failed in %s; the last good output stays served", failed, took)
		return
	}
	lv.logf("%s in %s%s", done, took, lv.describe(changed))
}

// describe names what changed, for the log line.
func (lv *live) describe(changed []string) string {
	switch len(changed) {
	case 0:
		return ""
	case 1:
		rel, err := filepath.Rel(lv.source, changed[0])
		if err != nil {
			rel = changed[0]
		}
		return " (" + filepath.ToSlash(rel) + ")"
	}
	return fmt.Sprintf(" (%d files changed)", len(changed))
}

func (lv *live) logf(format string, args ...any) {
	fmt.Fprintf(lv.Log, format+"\n", args...)
}

// onlyStyles reports whether every change is under layouts/assets/, so
// that open pages need only their stylesheet swapped, not a reload.
func (lv *live) onlyStyles(changed []string) bool {
	assets := filepath.Join(lv.source, "layouts", "assets") + string(filepath.Separator)
	for _, c := range changed {
		if !strings.HasPrefix(c, assets) {
			return false
		}
	}
	return len(changed) > 0
}

// stylesheet returns the href of the fingerprinted stylesheet in out, or ""
// when there is not exactly one.
func stylesheet(out string) string {
	entries, err := os.ReadDir(filepath.Join(out, "assets"))
	if err != nil {
		return ""
	}
	href := ""
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, "site.") && strings.HasSuffix(name, ".css") {
			if href != "" {
				return ""
			}
			href = "/assets/" + name
		}
	}
	return href
}

// handler answers the preview's own paths, then the site's files with the
// reload script added to each page.
func (lv *live) handler() http.Handler {
	site := newFiles(lv.out, func() string {
		st, _ := lv.hub.current()
		return st.pages
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache") // an edited file must show at once
		switch r.URL.Path {
		case scriptPath:
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			http.ServeContent(w, r, "reload.js", time.Time{}, strings.NewReader(string(reloadJS)))
		case eventsPath:
			lv.serveEvents(w, r)
		default:
			site.ServeHTTP(w, r)
		}
	})
}
