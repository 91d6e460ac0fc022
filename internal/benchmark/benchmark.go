// Package benchmark measures whole builds the way an operator runs them: it
// generates corpora with minhbach gen, runs minhbach build as a child
// process (so that its peak memory and CPU time are the kernel's figures,
// not an estimate), and times a rebuild in minhbach serve after one plan
// is edited. Timings belong here and never in tests: CI machines are noisy.
package benchmark

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Size is one corpus: its name and the gen flags that make it.
type Size struct {
	Name                     string
	Localities, TasksPerPlan int
}

// Sizes are the corpora of about 1,000, 10,000 and 100,000 tasks.
var Sizes = []Size{{"1k", 34, 15}, {"10k", 334, 30}, {"100k", 3334, 30}}

// Result is what one build cost.
type Result struct {
	Size      Size
	Tasks     int
	Wall, CPU time.Duration
	Pages     int
	Files     int
	PeakRSS   int64 // bytes
	OutBytes  int64
	Largest   int64 // the largest output file, bytes
	LargestAt string
}

// PagesPerSecond is pages over wall time.
func (r Result) PagesPerSecond() float64 { return float64(r.Pages) / r.Wall.Seconds() }

// Generate writes the corpus of s into dir with bin (a minhbach binary)
// and returns its task count.
func Generate(bin string, s Size, dir string) (int, error) {
	out, err := exec.Command(bin, "gen", "--out", dir, "--localities", strconv.Itoa(s.Localities),
		"--tasks-per-plan", strconv.Itoa(s.TasksPerPlan)).CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("gen %s: %v: %s", s.Name, err, out)
	}
	m := regexp.MustCompile(`(\d+) tasks`).FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("gen %s: no task count in %q", s.Name, out)
	}
	return strconv.Atoi(string(m[1]))
}

var builtLine = regexp.MustCompile(`built (\d+) pages \((\d+) files\)`)

// Build builds source into out with bin and measures it.
func Build(bin, source, out string) (Result, error) {
	var r Result
	cmd := exec.Command(bin, "build", "--source", source, "--out", out)
	cmd.Stderr = io.Discard
	start := time.Now()
	stdout, err := cmd.Output()
	r.Wall = time.Since(start)
	if err != nil {
		return r, fmt.Errorf("build %s: %v", source, err)
	}
	if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.CPU = time.Duration(u.Utime.Nano() + u.Stime.Nano())
		r.PeakRSS = u.Maxrss * 1024 // kilobytes on Linux
	}
	m := builtLine.FindSubmatch(stdout)
	if m == nil {
		return r, fmt.Errorf("build %s: unexpected output %q", source, stdout)
	}
	r.Pages, _ = strconv.Atoi(string(m[1]))
	r.Files, _ = strconv.Atoi(string(m[2]))
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		r.OutBytes += info.Size()
		if info.Size() > r.Largest {
			r.Largest, r.LargestAt = info.Size(), strings.TrimPrefix(p, out)
		}
		return nil
	})
	return r, err
}

var rebuiltLine = regexp.MustCompile(`rebuilt in (\S+)`)

// ServeEdits is how many times ServeRebuild edits the plan, each way.
const ServeEdits = 5

// Rebuilds are serve's rebuild times after each edit of one plan: a
// paragraph added (the plan's own pages change), and a task's title
// edited (so do the search index, the site-wide data files and the pages
// that list the task).
type Rebuilds struct {
	Paragraph, Title []time.Duration
}

// ServeRebuild starts minhbach serve on source and, once the first build
// is served and the disk has taken its files (sync: an editor saves a
// plan later than the moment the server starts, and the first
// rebuild would otherwise wait on the kernel writing out half a
// gigabyte), edits one plan ServeEdits times each way, each after the
// rebuild before. It returns the rebuild times serve reports, in order.
func ServeRebuild(ctx context.Context, bin, source, out string) (Rebuilds, error) {
	var took Rebuilds
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "serve", "--source", source, "--out", out, "--port", "0")
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return took, err
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		return took, err
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	lines := bufio.NewScanner(pipe)
	for lines.Scan() {
		if strings.HasPrefix(lines.Text(), "built in") {
			break
		}
	}
	plan, err := firstPlan(filepath.Join(source, "content"))
	if err != nil {
		return took, err
	}
	syscall.Sync()
	edits := []struct {
		edit func(i int) error
		took *[]time.Duration
	}{
		{func(i int) error {
			return appendLine(plan, fmt.Sprintf("\nĐoạn văn thêm vào lần %d để đo thời gian dựng lại.\n", i))
		}, &took.Paragraph},
		{func(i int) error { return editTitle(plan, fmt.Sprintf("sửa lần %d, ", i)) }, &took.Title},
	}
	for _, e := range edits {
		for i := range ServeEdits {
			if err := e.edit(i + 1); err != nil {
				return took, err
			}
			d, err := nextRebuild(lines)
			if err != nil {
				return took, err
			}
			*e.took = append(*e.took, d)
		}
	}
	return took, nil
}

// taskHeading is a task's heading up to its title in the generator's
// styles: "#### 2.1. ", "##### 5.1.1. ", "##### (1) ".
var taskHeading = regexp.MustCompile(`(?m)^#{4,5} (\(\d+\)|\d+(\.\d+)+\.) `)

// editTitle puts words at the start of the title of the plan's first task.
func editTitle(path, words string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	loc := taskHeading.FindIndex(src)
	if loc == nil {
		return fmt.Errorf("%s: no task heading to edit", path)
	}
	return os.WriteFile(path, slices.Concat(src[:loc[1]], []byte(words), src[loc[1]:]), 0o644)
}

// nextRebuild reads serve's output up to its next rebuild's time.
func nextRebuild(lines *bufio.Scanner) (time.Duration, error) {
	for lines.Scan() {
		if m := rebuiltLine.FindStringSubmatch(lines.Text()); m != nil {
			return time.ParseDuration(m[1])
		}
		if strings.Contains(lines.Text(), "failed") {
			return 0, fmt.Errorf("serve: %s", lines.Text())
		}
	}
	return 0, fmt.Errorf("serve ended before rebuilding: %v", lines.Err())
}

// Median returns the middle of ds (the mean of the middle two for an even
// count), 0 for none.
func Median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(ds))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// firstPlan finds a plan file in lexical order.
func firstPlan(root string) (string, error) {
	var found string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || found != "" {
			return err
		}
		if !d.IsDir() && strings.HasPrefix(d.Name(), "ke-hoach") && strings.HasSuffix(p, ".md") {
			found = p
			return fs.SkipAll
		}
		return nil
	})
	if found == "" && err == nil {
		err = fmt.Errorf("no plan under %s", root)
	}
	return found, err
}

func appendLine(path, line string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(line); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Table writes the results as a Markdown table, for the terminal and the
// README alike.
func Table(w io.Writer, results []Result) {
	fmt.Fprintln(w, "| corpus | tasks | wall | CPU | pages | pages/s | peak RSS | output | files | largest file |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
	for _, r := range results {
		fmt.Fprintf(w, "| %s | %d | %.1f s | %.1f s | %d | %.0f | %d MB | %d MB | %d | %.1f MB |\n",
			r.Size.Name, r.Tasks, r.Wall.Seconds(), r.CPU.Seconds(), r.Pages, r.PagesPerSecond(),
			r.PeakRSS>>20, r.OutBytes>>20, r.Files, float64(r.Largest)/1e6)
	}
}
