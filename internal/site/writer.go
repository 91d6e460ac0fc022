package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/minhbach/minhbach/internal/render"
)

// writer writes the output into a temporary folder next to the real one and
// swaps it in on commit, so that readers of the output never see half a
// build and a failed build leaves the previous output untouched.
type writer struct {
	out, tmp string
	mu       sync.Mutex
	written  map[string]bool
	count    int
	large    []string // files over MaxFileSize, for a warning
	dirs     sync.Map // folders made so far: each page has its own, and a
	// metadata call costs more than writing the page on some disks
	done bool
}

// MaxFileSize is the largest file a build writes without a warning: CDNs
// limit the size of one file (Cloudflare Pages to 25 MiB), and a phone
// should never have to fetch more from one address.
const MaxFileSize = 10 << 20

func newWriter(out string) (*writer, error) {
	out = filepath.Clean(out)
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".building-")
	if err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	return &writer{out: out, tmp: tmp, written: map[string]bool{}}, nil
}

// write stores data as the file that serves url. Two pages with one URL is
// an error: one would silently hide the other.
func (w *writer) write(url string, data []byte) error {
	name := render.OutputFile(url)
	w.mu.Lock()
	if w.written[name] {
		w.mu.Unlock()
		return fmt.Errorf("two pages would be written to %s: rename one of the files or folders that produce %s", name, url)
	}
	w.written[name] = true
	w.count++
	if len(data) > MaxFileSize {
		w.large = append(w.large, fmt.Sprintf("%s (%.1f MB)", name, float64(len(data))/1e6))
	}
	w.mu.Unlock()
	path := filepath.Join(w.tmp, filepath.FromSlash(name))
	if err := w.mkdir(filepath.Dir(path)); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// mkdir makes dir and its parents under the temporary folder, one mkdir
// call per folder the build has not made yet, and no stat.
func (w *writer) mkdir(dir string) error {
	if dir == w.tmp {
		return nil
	}
	if !strings.HasPrefix(dir, w.tmp+string(filepath.Separator)) {
		return fmt.Errorf("%s is outside the output folder", dir)
	}
	if _, ok := w.dirs.Load(dir); ok {
		return nil
	}
	if err := w.mkdir(filepath.Dir(dir)); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	w.dirs.Store(dir, true)
	return nil
}

// commit replaces the output folder with the new one.
func (w *writer) commit() error {
	old := w.tmp + ".old"
	hadOld := false
	if _, err := os.Stat(w.out); err == nil {
		if err := os.Rename(w.out, old); err != nil {
			return fmt.Errorf("replacing output: %w", err)
		}
		hadOld = true
	}
	if err := os.Rename(w.tmp, w.out); err != nil {
		if hadOld {
			_ = os.Rename(old, w.out)
		}
		return fmt.Errorf("replacing output: %w", err)
	}
	w.done = true
	if hadOld {
		return os.RemoveAll(old)
	}
	return nil
}

// discard removes the temporary folder of a build that did not commit.
func (w *writer) discard() {
	if !w.done {
		_ = os.RemoveAll(w.tmp)
	}
}
