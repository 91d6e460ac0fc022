// Command minhbach-bench builds generated corpora of about 1,000, 10,000
// and 100,000 tasks and prints what each build cost, then the time serve
// takes to rebuild after one plan of the 10,000-task corpus is edited: a
// paragraph added, then a task's title changed.
// make bench runs it; see the README for the figures and the machine.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/benchmark"
)

func main() {
	bin := flag.String("minhbach", "", "the minhbach binary to measure (required)")
	sizes := flag.String("sizes", "1k,10k,100k", "the corpora to build, of "+names())
	work := flag.String("work", "", "the folder for corpora and output (default: a new temporary folder)")
	serve := flag.Bool("serve", true, "also time a rebuild in serve after editing one plan of the 10k corpus")
	flag.Parse()
	if err := run(*bin, *sizes, *work, *serve); err != nil {
		fmt.Fprintln(os.Stderr, "minhbach-bench:", err)
		os.Exit(1)
	}
}

func names() string {
	var out []string
	for _, s := range benchmark.Sizes {
		out = append(out, s.Name)
	}
	return strings.Join(out, ", ")
}

func run(bin, sizes, work string, serve bool) error {
	if bin == "" {
		return fmt.Errorf("--minhbach is required: go build -o /tmp/minhbach ./cmd/minhbach first")
	}
	if work == "" {
		dir, err := os.MkdirTemp("", "minhbach-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		work = dir
	}
	var results []benchmark.Result
	for _, name := range strings.Split(sizes, ",") {
		s, ok := find(name)
		if !ok {
			return fmt.Errorf("no corpus %q: choose among %s", name, names())
		}
		source := filepath.Join(work, "corpus-"+s.Name)
		_ = os.RemoveAll(source)
		tasks, err := benchmark.Generate(bin, s, source)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "building %s (%d tasks)…\n", s.Name, tasks)
		r, err := benchmark.Build(bin, source, filepath.Join(work, "public-"+s.Name))
		if err != nil {
			return err
		}
		r.Size, r.Tasks = s, tasks
		results = append(results, r)
		_ = os.RemoveAll(filepath.Join(work, "public-"+s.Name))
	}
	benchmark.Table(os.Stdout, results)
	if !serve || !strings.Contains(","+sizes+",", ",10k,") {
		return nil
	}
	took, err := benchmark.ServeRebuild(context.Background(), bin, filepath.Join(work, "corpus-10k"), filepath.Join(work, "serve-10k"))
	if err != nil {
		return err
	}
	fmt.Printf("\nserve, 10k corpus, one plan edited (median of %d edits; each):\n", benchmark.ServeEdits)
	fmt.Printf("  %-22s rebuilt in %s (%s)\n", "a paragraph added:", benchmark.Median(took.Paragraph), joinDurations(took.Paragraph))
	fmt.Printf("  %-22s rebuilt in %s (%s)\n", "a task's title edited:", benchmark.Median(took.Title), joinDurations(took.Title))
	return nil
}

func joinDurations(ds []time.Duration) string {
	var parts []string
	for _, d := range ds {
		parts = append(parts, d.String())
	}
	return strings.Join(parts, ", ")
}

func find(name string) (benchmark.Size, bool) {
	for _, s := range benchmark.Sizes {
		if s.Name == strings.TrimSpace(name) {
			return s, true
		}
	}
	return benchmark.Size{}, false
}
