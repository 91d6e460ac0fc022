package site

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/minhbach/minhbach/internal/gzparts"
	"github.com/minhbach/minhbach/internal/render"
)

// writer writes the output into a temporary folder next to the real one and
// swaps it in on commit, so that readers of the output never see half a
// build and a failed build leaves the previous output untouched.
//
// A writer made by newUpdater instead updates the output in place: it
// writes only the files whose bytes differ from the previous build's and
// deletes the files that build wrote and this one does not. serve rebuilds
// this way, so that an edit rewrites the few files it changes rather than
// the whole site.
type writer struct {
	out, tmp string // tmp is where files go: a temporary folder, or out itself when updating
	mu       sync.Mutex
	files    map[string]file // every file written or kept, by name under out
	large    []string        // files over MaxFileSize, for a warning
	done     bool

	// A build that a rebuild follows remembers each file's sum and key,
	// and its frameSum. A rebuild compares its files with prev, the
	// previous build's, and trusts their keys (prevKeys) when the frame is
	// the same, for pages that may be kept without drawing them.
	seed        maphash.Seed
	remembering bool
	frame       uint64
	prev        map[string]file // nil unless updating in place
	prevKeys    bool
	inPrev      int // files of this build that the previous one wrote too
	unchanged   int
	kept        int

	buffers sync.Pool // of *bytes.Buffer, lent to encoders (see buffer)

	// members are the compressed parts of the site-wide gzipped files,
	// kept for a rebuild (nil when none follows; see gzparts).
	members *gzparts.Members

	// groups are the subpages of each page that has them (a plan's task
	// pages), by the page's path, for a rebuild that keeps the page to
	// keep them too without making them (see renderGroup); prevGroups are
	// the previous build's, when its keys hold.
	groups, prevGroups map[string]group
}

// group is what a rebuild needs of a page's subpages: the page's key in
// each language, and each subpage's file as keep takes it.
type group struct {
	keys []uint64
	subs []kept
}

// buffer lends an empty buffer to encode a file into; recycle takes it
// back once the file is written.
func (w *writer) buffer() *bytes.Buffer {
	if b, ok := w.buffers.Get().(*bytes.Buffer); ok {
		return b
	}
	return new(bytes.Buffer)
}

// recycle takes back a buffer that buffer lent, unless it grew so large
// that keeping it would hold more memory than it saves.
func (w *writer) recycle(b *bytes.Buffer) {
	if b.Cap() > MaxFileSize {
		return
	}
	b.Reset()
	w.buffers.Put(b)
}

// file is what a build that a rebuild follows knows of a file it wrote:
// a hash of its bytes, and the render.Page key of the content it was drawn
// from (0 for none). One map of them is one lookup per kept page, where
// three maps of names were seven, with as many string hashes.
type file struct {
	sum, key uint64
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
	return &writer{out: out, tmp: tmp, files: map[string]file{}, seed: maphash.MakeSeed()}, nil
}

// remember makes w keep what a rebuild needs of it: its files' hashes and
// keys, and the build's frameSum.
func (w *writer) remember(frame uint64) {
	w.frame, w.remembering = frame, true
	w.members = gzparts.New(nil)
	w.groups = map[string]group{}
}

// newUpdater returns a writer that updates out in place, which the writer
// prev wrote; frame is this build's frameSum.
func newUpdater(out string, prev *writer, frame uint64) *writer {
	out = filepath.Clean(out)
	// A rebuild writes or keeps about as many files as the build before:
	// maps made that large at once are not grown and rehashed 15 times.
	w := &writer{out: out, tmp: out, files: make(map[string]file, len(prev.files)), seed: prev.seed,
		remembering: true, frame: frame, prev: prev.files, prevKeys: prev.frame == frame}
	// Parts and groups are kept by keys, which hold only while the frame
	// does.
	w.groups = make(map[string]group, len(prev.groups))
	if w.prevKeys {
		w.members = gzparts.New(prev.members)
		w.prevGroups = prev.groups
	} else {
		w.members = gzparts.New(nil)
	}
	return w
}

// partKey is the key of a part of the gzipped file at url (see gzparts):
// what the part is drawn from, content, and whether it opens or ends the
// file, which its bytes show. It is never 0, which gzparts never keeps.
func (w *writer) partKey(url string, content uint64, first, last bool) uint64 {
	var b [9]byte
	binary.LittleEndian.PutUint64(b[:], content)
	if first {
		b[8] |= 1
	}
	if last {
		b[8] |= 2
	}
	var h maphash.Hash
	h.SetSeed(w.seed)
	h.WriteString(url)
	h.Write(b[:])
	return max(h.Sum64(), 1)
}

// stringKey hashes s as a key.
func (w *writer) stringKey(s string) uint64 { return maphash.String(w.seed, s) }

// sumKeys hashes the keys of some elements into the key of them all.
func (w *writer) sumKeys(keys []uint64) uint64 {
	var h maphash.Hash
	h.SetSeed(w.seed)
	var b [8]byte
	for _, k := range keys {
		binary.LittleEndian.PutUint64(b[:], k)
		h.Write(b[:])
	}
	return h.Sum64()
}

// write stores data as the file that serves url. Two pages with one URL is
// an error: one would silently hide the other.
func (w *writer) write(url string, data []byte) error {
	return w.writePage(url, data, 0)
}

// writePage is write for a page drawn from the content that key hashes.
func (w *writer) writePage(url string, data []byte, key uint64) error {
	name := render.OutputFile(url)
	f := file{key: key}
	if w.remembering {
		f.sum = maphash.Bytes(w.seed, data) // outside the lock: it reads every byte
	}
	w.mu.Lock()
	if err := w.claim(name, url, f); err != nil {
		w.mu.Unlock()
		return err
	}
	if len(data) > MaxFileSize {
		w.large = append(w.large, fmt.Sprintf("%s (%.1f MB)", name, float64(len(data))/1e6))
	}
	old, ok := w.prev[name]
	if ok {
		w.inPrev++
	}
	same := ok && old.sum == f.sum
	if same {
		w.unchanged++
	}
	w.mu.Unlock()
	if same {
		return nil
	}
	path := filepath.Join(w.tmp, filepath.FromSlash(name))
	if err := w.mkdir(filepath.Dir(path)); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// claim records f as name's; w.mu must be held.
func (w *writer) claim(name, url string, f file) error {
	if _, dup := w.files[name]; dup {
		return fmt.Errorf("two pages would be written to %s: rename one of the files or folders that produce %s", name, url)
	}
	w.files[name] = f
	return nil
}

// has reports whether name was written or kept.
func (w *writer) has(name string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	_, ok := w.files[name]
	return ok
}

// kept is a file the previous build wrote that this one may keep.
type kept struct {
	url, name string
	file      file
}

// canKeep says whether the previous build drew the page at url from the
// same content, so that the file it wrote may stay as it is, and what
// keep needs to keep it. w.prev is not written while a build runs.
func (w *writer) canKeep(url string, key uint64) (kept, bool) {
	if key == 0 || !w.prevKeys {
		return kept{}, false
	}
	name := render.OutputFile(url)
	old, ok := w.prev[name]
	return kept{url, name, old}, ok && old.key == key
}

// keep records a file canKeep allowed as the previous build wrote it.
func (w *writer) keep(k kept) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.claim(k.name, k.url, k.file); err != nil {
		return err
	}
	w.inPrev++
	w.unchanged++
	w.kept++
	return nil
}

// keptSubpages returns the subpages the previous build wrote under the
// page at path, when it drew that page from the content keys hash (one
// key per language): their keys and addresses are made from the same
// content as the page's, so they are kept without making them, and
// remembered for the next build. Making a kept plan's task pages to learn
// their addresses was a tenth of a rebuild.
func (w *writer) keptSubpages(path string, keys []uint64) ([]kept, bool) {
	g, ok := w.prevGroups[path]
	if !ok || !slices.Equal(g.keys, keys) || slices.Contains(keys, 0) {
		return nil, false
	}
	w.mu.Lock()
	w.groups[path] = g
	w.mu.Unlock()
	return g.subs, true
}

// rememberGroup records the subpages of the page at path, for the next
// build; subs are their paths, each written or kept by this build.
func (w *writer) rememberGroup(path string, keys []uint64, subs []string) {
	if !w.remembering || slices.Contains(keys, 0) {
		return
	}
	g := group{keys: keys, subs: make([]kept, len(subs))}
	w.mu.Lock()
	defer w.mu.Unlock()
	for i, url := range subs {
		name := render.OutputFile(url)
		g.subs[i] = kept{url: url, name: name, file: w.files[name]}
	}
	w.groups[path] = g
}

// keepGroup keeps every file the previous build wrote whose site path
// starts with prefix, when it wrote them all with key: for files drawn
// together whose names only the drawing knows, such as the search index's
// shards under its folder, or the sitemap and its parts. It reports
// whether it kept them.
func (w *writer) keepGroup(prefix string, key uint64) (bool, error) {
	if key == 0 || !w.prevKeys {
		return false, nil
	}
	prefix = strings.TrimPrefix(prefix, "/")
	var names []string
	for name, old := range w.prev {
		if !strings.HasPrefix(name, prefix) {
			continue
		}
		if old.key != key {
			return false, nil
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		return false, nil
	}
	for _, name := range names {
		if err := w.keep(kept{"/" + name, name, w.prev[name]}); err != nil {
			return false, err
		}
	}
	return true, nil
}

// mkdir makes dir under the temporary folder, and its parents when they
// are missing. It keeps no list of the folders made: most pages have a
// folder of their own, which one mkdir call makes, and a national site's
// list held 250,000 paths.
func (w *writer) mkdir(dir string) error {
	if dir == w.tmp {
		return nil
	}
	if !strings.HasPrefix(dir, w.tmp+string(filepath.Separator)) {
		return fmt.Errorf("%s is outside the output folder", dir)
	}
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if err = w.mkdir(filepath.Dir(dir)); err == nil {
			err = os.Mkdir(dir, 0o755)
		}
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return nil
}

// commit replaces the output folder with the new one, or, when updating in
// place, deletes the files of the previous build that this one did not
// write, and the folders they leave empty.
func (w *writer) commit() error {
	if w.prev != nil {
		w.done = true
		return w.removeStale()
	}
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

// removeStale deletes what the previous build wrote and this one did not.
func (w *writer) removeStale() error {
	if w.inPrev == len(w.prev) { // every file of the previous build is in this one
		return nil
	}
	for name := range w.prev {
		if _, ok := w.files[name]; ok {
			continue
		}
		path := filepath.Join(w.out, filepath.FromSlash(name))
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		// Folders left empty go too; Remove fails on one that is not.
		for dir := filepath.Dir(path); dir != w.out && os.Remove(dir) == nil; dir = filepath.Dir(dir) {
		}
	}
	return nil
}

// discard removes the temporary folder of a build that did not commit.
func (w *writer) discard() {
	if !w.done && w.prev == nil {
		_ = os.RemoveAll(w.tmp)
	}
}
