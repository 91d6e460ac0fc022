// Command minhbach builds and previews a Đề án 06 transparency portal.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/site"
)

const usage = `minhbach builds a static transparency portal for Đề án 06 from plans written in Markdown.

Usage:
  minhbach build   [--source DIR] [--out DIR] [--as-of YYYY-MM-DD] [--base-url URL]
  minhbach serve   [--source DIR] [--out DIR] [--as-of YYYY-MM-DD] [--port N] [--bind ADDR]
  minhbach check   [--source DIR] [--as-of YYYY-MM-DD] [--lang vi|en] [--strict]
  minhbach new     locality|plan|update …
  minhbach import  FILE.txt --locality PATH [-o FILE|-]
  minhbach gen     --out DIR [--localities N] [--tasks-per-plan K] [--seed S]
  minhbach deploy  [--out DIR] --bucket NAME [--prefix DIR] [--endpoint URL] [--gzip] [--dry-run]
  minhbach version

Run "minhbach <command> --help" for the flags of a command.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		// Whatever goes wrong inside, the user sees a sentence, not a stack trace.
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "minhbach: internal error: %v\nPlease report this with the command you ran.\n", r)
			code = 2
		}
	}()
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return build(args[1:], stdout, stderr)
	case "serve":
		return serve(args[1:], stdout, stderr)
	case "check":
		return check(args[1:], stdout, stderr)
	case "new":
		return newFile(args[1:], stdout, stderr)
	case "import":
		return importPlan(args[1:], stdout, stderr)
	case "gen":
		return genCorpus(args[1:], stdout, stderr)
	case "deploy":
		return deploy(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "minhbach", version())
		return 0
	case "help", "--help", "-help", "-h":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "minhbach: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

// buildFlags are the flags build and serve share.
type buildFlags struct {
	source, out, asOf, baseURL string
}

func (b *buildFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&b.source, "source", ".", "the site folder (content/, layouts/, static/, config.toml)")
	fs.StringVar(&b.out, "out", "public", "the output folder; replaced as a whole when the build succeeds")
	fs.StringVar(&b.asOf, "as-of", "", "the date status is computed for, as YYYY-MM-DD (default: config as_of, else today in Vietnam)")
	fs.StringVar(&b.baseURL, "base-url", "", "the site's address, e.g. https://de-an-06.example.gov.vn/ (default: config base_url)")
}

func (b *buildFlags) options() (site.Options, error) {
	asOf, err := optionalDate("--as-of", b.asOf)
	return site.Options{Source: b.source, Out: b.out, BaseURL: b.baseURL, AsOf: asOf}, err
}

func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: minhbach %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2, false
	}
	return 0, true
}

func build(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("build", "build [flags]\n\nBuilds the site into --out. A failed build leaves the previous output untouched.", stderr)
	var bf buildFlags
	bf.register(fs)
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	opts, err := bf.options()
	if err != nil {
		fmt.Fprintln(stderr, "minhbach:", err)
		return 2
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "minhbach:", err)
			return 1
		}
		defer stop()
	}
	return doBuild(opts, stdout, stderr)
}

// startCPUProfile profiles the process into path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// printErrors prints the errors of a build's diagnostics and counts them;
// ok is false when err is not diagnostics. The list holds the warnings
// too, which the caller has printed before.
func printErrors(stderr io.Writer, err error) (n int, ok bool) {
	var errs *diag.Errors
	if !errors.As(err, &errs) {
		return 0, false
	}
	for _, d := range errs.Items {
		if d.Severity == diag.Error {
			fmt.Fprintln(stderr, d.Error())
			n++
		}
	}
	return n, true
}

func doBuild(opts site.Options, stdout, stderr io.Writer) int {
	start := time.Now()
	res, err := site.Build(opts)
	if res != nil {
		for _, w := range res.Warnings {
			fmt.Fprintln(stderr, w.Error())
		}
	}
	if err != nil {
		if n, ok := printErrors(stderr, err); ok {
			fmt.Fprintf(stderr, "build failed: %d error(s); the previous output in %s is unchanged\n", n, opts.Out)
		} else {
			fmt.Fprintf(stderr, "build failed: %v\nthe previous output in %s is unchanged\n", err, opts.Out)
		}
		return 1
	}
	fmt.Fprintf(stdout, "built %d pages (%d files) into %s as of %s in %s\n",
		res.Pages, res.Files, opts.Out, res.AsOf.ISO(), time.Since(start).Round(time.Millisecond))
	return 0
}
