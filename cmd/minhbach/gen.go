package main

import (
	"fmt"
	"io"
	"time"

	"github.com/minhbach/minhbach/internal/gen"
)

// genCorpus writes a synthetic site of any size, for benchmarks and tests
// at the scale of a national portal.
func genCorpus(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("gen", "gen --out DIR [flags]\n\nWrites a synthetic site (config.toml and content/) in the canonical content format: invented localities, plans and updates in the shapes of the bundled plans, which pass check --strict.\nEvery locality has one plan and every province (up to 34) one more, each with --tasks-per-plan tasks; about 1,000, 10,000 and 100,000 tasks:\n  --localities 34 --tasks-per-plan 15\n  --localities 334 --tasks-per-plan 30\n  --localities 3334 --tasks-per-plan 30\nThe same flags always write the same bytes. DIR must not exist or be empty.", stderr)
	out := fs.String("out", "", "the folder to write the site into (must not exist or be empty)")
	localities := fs.Int("localities", 40, "the number of localities: up to 34 provinces, the rest districts and communes")
	tasks := fs.Int("tasks-per-plan", 30, "the number of tasks of every plan")
	seed := fs.Uint64("seed", 1, "picks the corpus: the same seed writes the same bytes")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *out == "" {
		fmt.Fprintln(stderr, "minhbach: gen needs --out DIR, the folder to write the site into")
		return 2
	}
	start := time.Now()
	st, err := gen.Write(*out, gen.Options{Localities: *localities, TasksPerPlan: *tasks, Seed: *seed})
	if err != nil {
		fmt.Fprintln(stderr, "minhbach:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d localities, %d plans, %d tasks, %d updates (%d files, %.1f MB) into %s in %s\n",
		st.Localities, st.Plans, st.Tasks, st.Updates, st.Files, float64(st.Bytes)/1e6, *out, time.Since(start).Round(time.Millisecond))
	return 0
}
