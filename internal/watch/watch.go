// Package watch notices changes to a site's source files by polling: every
// interval it walks the watched trees and compares each file's size and
// modification time with the previous walk. Polling needs no dependency,
// behaves the same on every system, and also works on network and
// container mounts where change notifications never arrive. Its cost is one
// directory read per folder and one stat per file per interval.
package watch

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Defaults for a Poller whose fields are zero.
const (
	DefaultInterval = 250 * time.Millisecond
	DefaultQuiet    = 100 * time.Millisecond
	// maxSettle bounds how long a batch waits for the tree to go quiet, so
	// that a file rewritten without pause still gets a rebuild now and then.
	maxSettle = 2 * time.Second
)

// Poller watches files and folders for additions, removals and changes.
type Poller struct {
	// Paths are the files and folders to watch. A path that does not exist
	// yet counts as empty; creating it later is a change.
	Paths []string
	// Ignore reports paths that are never reported as changed; a folder it
	// ignores is not entered. Editor temporary files are always ignored.
	Ignore func(path string) bool
	// Interval is the time between two walks (DefaultInterval if zero).
	Interval time.Duration
	// Quiet is how long the tree must stay unchanged before a batch of
	// changes is reported (DefaultQuiet if zero): an editor's save is often
	// several writes and renames, and one save should give one rebuild.
	Quiet time.Duration
	// Busy, when set, reports whether the receiver is still at work on the
	// last batch; while it is, the Poller does not walk. A walk of the 10k
	// corpus's thousands of files took the cores from serve's rebuild, and
	// what changes meanwhile is found by the first walk after.
	Busy func() bool
}

// stamp is what a walk remembers of one path. Folders are recorded without
// their modification time: a folder's time changes whenever an editor
// creates and deletes a temporary file in it, which is no change to report.
type stamp struct {
	size int64
	mod  int64 // modification time in Unix nanoseconds
	dir  bool
}

// snapshot maps each path seen in one walk to its stamp.
type snapshot map[string]stamp

// Watch walks the paths once, before returning, so that any change made
// after Watch returns is reported. It then reports each settled batch of
// changed paths, sorted, on the channel, which is closed when ctx ends.
// A batch is not reported until the receiver takes it; changes made
// meanwhile come in the next batch.
func (p *Poller) Watch(ctx context.Context) <-chan []string {
	out := make(chan []string)
	last := p.scan()
	go func() {
		defer close(out)
		tick := time.NewTicker(p.interval())
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			if p.Busy != nil && p.Busy() {
				continue
			}
			next := p.scan()
			changed := diff(last, next)
			if len(changed) == 0 {
				continue
			}
			last, changed = p.settle(ctx, next, changed)
			select {
			case out <- changed:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// settle keeps walking every Quiet until a walk finds nothing new, and
// returns the last walk and every path changed since the first one.
func (p *Poller) settle(ctx context.Context, snap snapshot, changed []string) (snapshot, []string) {
	seen := map[string]bool{}
	for _, c := range changed {
		seen[c] = true
	}
	deadline := time.Now().Add(maxSettle)
	for time.Now().Before(deadline) {
		select {
		case <-ctx.Done():
			return snap, sorted(seen)
		case <-time.After(p.quiet()):
		}
		next := p.scan()
		more := diff(snap, next)
		snap = next
		if len(more) == 0 {
			break
		}
		for _, c := range more {
			seen[c] = true
		}
	}
	return snap, sorted(seen)
}

func (p *Poller) interval() time.Duration {
	if p.Interval > 0 {
		return p.Interval
	}
	return DefaultInterval
}

func (p *Poller) quiet() time.Duration {
	if p.Quiet > 0 {
		return p.Quiet
	}
	return DefaultQuiet
}

// scan walks every path once.
func (p *Poller) scan() snapshot {
	s := snapshot{}
	for _, root := range p.Paths {
		p.walk(root, s)
	}
	return s
}

// walk records root and everything below it. A file that vanishes or
// cannot be read during the walk is left out, and so shows as removed.
func (p *Poller) walk(root string, s snapshot) {
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if p.ignored(path) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			s[path] = stamp{dir: true}
			return nil
		}
		if st, ok := fileStamp(path, d); ok {
			s[path] = st
		}
		return nil
	})
}

func (p *Poller) ignored(path string) bool {
	return IsEditorTemp(filepath.Base(path)) || (p.Ignore != nil && p.Ignore(path))
}

// fileStamp stats a file; a symbolic link is followed, so that editing the
// file it points to is a change.
func fileStamp(path string, d fs.DirEntry) (stamp, bool) {
	var info fs.FileInfo
	var err error
	if d.Type()&fs.ModeSymlink != 0 {
		info, err = os.Stat(path)
	} else {
		info, err = d.Info()
	}
	if err != nil {
		return stamp{}, false
	}
	return stamp{size: info.Size(), mod: info.ModTime().UnixNano(), dir: info.IsDir()}, true
}

// IsEditorTemp reports whether a file name is one editors write while
// saving (Emacs lock and auto-save files, backups, Vim swap files and the
// file Vim creates to test that a folder is writable). Saving a file must
// give one rebuild, not one per temporary file.
func IsEditorTemp(name string) bool {
	switch {
	case strings.HasPrefix(name, ".#"), strings.HasSuffix(name, "~"):
		return true
	case strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	case strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"), strings.HasSuffix(name, ".swo"):
		return true
	}
	return name == "4913"
}

// diff returns the paths added, removed or changed from a to b, sorted.
func diff(a, b snapshot) []string {
	seen := map[string]bool{}
	for path, st := range b {
		if old, ok := a[path]; !ok || old != st {
			seen[path] = true
		}
	}
	for path := range a {
		if _, ok := b[path]; !ok {
			seen[path] = true
		}
	}
	return sorted(seen)
}

func sorted(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
