package watch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

func TestIsEditorTemp(t *testing.T) {
	for name, want := range map[string]bool{
		".#ke-hoach.md": true, "ke-hoach.md~": true, ".ke-hoach.md.swp": true, ".ke-hoach.md.swx": true,
		"4913": true, "#ke-hoach.md#": true,
		"ke-hoach.md": false, "site.css": false, "49130": false, "_index.md": false, "#1.md": false,
	} {
		if got := IsEditorTemp(name); got != want {
			t.Errorf("IsEditorTemp(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestDiff(t *testing.T) {
	a := snapshot{"same": {size: 1, mod: 1}, "grown": {size: 1, mod: 1}, "touched": {size: 1, mod: 1}, "gone": {size: 1, mod: 1}, "d": {dir: true}}
	b := snapshot{"same": {size: 1, mod: 1}, "grown": {size: 2, mod: 1}, "touched": {size: 1, mod: 2}, "new": {size: 1, mod: 1}, "d": {dir: true}}
	if got, want := diff(a, b), []string{"gone", "grown", "new", "touched"}; !slices.Equal(got, want) {
		t.Errorf("diff = %v, want %v", got, want)
	}
}

// A real tree: a save is reported once it settles, editor temporary files
// and ignored folders never are, and a folder created after Watch started is
// watched.
func TestWatchReportsChanges(t *testing.T) {
	root := t.TempDir()
	content := filepath.Join(root, "content")
	out := filepath.Join(content, "public")
	write(t, filepath.Join(content, "a.md"), "một")
	write(t, filepath.Join(out, "index.html"), "cũ")
	config := filepath.Join(root, "config.toml")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := &Poller{
		Paths:    []string{content, config, filepath.Join(root, "static")},
		Ignore:   func(path string) bool { return path == out },
		Interval: 10 * time.Millisecond,
		Quiet:    20 * time.Millisecond,
	}
	batches := p.Watch(ctx)

	write(t, filepath.Join(content, ".#a.md"), "lock")
	write(t, filepath.Join(content, "a.md~"), "backup")
	write(t, filepath.Join(content, "4913"), "")
	write(t, filepath.Join(out, "index.html"), "mới hơn")
	write(t, filepath.Join(content, "a.md"), "một hai")
	wantBatch(t, batches, filepath.Join(content, "a.md"))

	write(t, config, "title = \"x\"")
	wantBatch(t, batches, config)

	must(t, os.Remove(filepath.Join(content, "a.md")))
	wantBatch(t, batches, filepath.Join(content, "a.md"))

	write(t, filepath.Join(root, "static", "logo.svg"), "<svg/>")
	wantBatch(t, batches, filepath.Join(root, "static"), filepath.Join(root, "static", "logo.svg"))

	cancel()
	for range batches {
	}
}

// While the receiver is busy the Poller does not walk, and reports what
// changed meanwhile once it is not.
func TestWatchWaitsWhileBusy(t *testing.T) {
	root := t.TempDir()
	page := filepath.Join(root, "a.md")
	write(t, page, "một")
	var busy atomic.Bool
	busy.Store(true)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := &Poller{Paths: []string{root}, Interval: 5 * time.Millisecond, Quiet: 5 * time.Millisecond, Busy: busy.Load}
	batches := p.Watch(ctx)
	write(t, page, "một hai")
	select {
	case got := <-batches:
		t.Fatalf("reported %v while the receiver was busy", got)
	case <-time.After(100 * time.Millisecond):
	}
	busy.Store(false)
	wantBatch(t, batches, page)
}

// wantBatch waits for batches until they have reported every path of want,
// failing if any batch on the way reports another path.
func wantBatch(t *testing.T, batches <-chan []string, want ...string) {
	t.Helper()
	timeout := time.After(10 * time.Second)
	seen := map[string]bool{}
	for {
		select {
		case got := <-batches:
			for _, p := range got {
				if !slices.Contains(want, p) {
					t.Fatalf("batch %v reports %s; want only %v", got, p, want)
				}
				seen[p] = true
			}
			if len(seen) == len(want) {
				return
			}
		case <-timeout:
			t.Fatalf("no batch with %v", want)
		}
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	must(t, os.MkdirAll(filepath.Dir(path), 0o755))
	must(t, os.WriteFile(path, []byte(text), 0o644))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// BenchmarkScanBundled measures one walk of what `minhbach serve` watches
// in the repository's own site: the cost the poller pays every interval.
func BenchmarkScanBundled(b *testing.B) {
	root := filepath.Join("..", "..")
	p := &Poller{}
	for _, name := range []string{"content", "layouts", "static", "i18n", "config.toml"} {
		p.Paths = append(p.Paths, filepath.Join(root, name))
	}
	paths := 0
	for b.Loop() {
		paths = len(p.scan())
	}
	b.ReportMetric(float64(paths), "paths")
}
