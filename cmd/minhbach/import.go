package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/minhbach/minhbach/internal/importer"
	"github.com/minhbach/minhbach/internal/vnfold"
)

const importSynopsis = `import FILE.txt --locality PATH [--source DIR] [-o FILE|-]

Turns the plain text of a plan (copied out of a PDF, or saved from Word as
"Plain Text" or "Unicode Text") into canonical Markdown, and writes it to
content/dia-phuong/PATH/ke-hoach-<number>-<year>.md under --source. It creates
the locality's _index.md when there is none, and never overwrites a file.
-o FILE writes elsewhere, -o - writes to standard output.

A report on standard error (standard output with -o FILE) says what was
recognised, where each front matter field came from, what is missing, and
every line an editor should look at.`

// importFlags are the options of "minhbach import".
type importFlags struct {
	locality, source, out string
}

// importPlan turns a plan's plain text into canonical Markdown. Exit codes:
// 0 written (the report may still list things to check), 1 the input could
// not be imported or the file exists, 2 the command line is wrong.
func importPlan(args []string, stdout, stderr io.Writer) int {
	opts, file, code, ok := parseImportArgs(args, stderr)
	if !ok {
		return code
	}
	src, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "minhbach import: cannot read %s: %v\n", file, fileError(err))
		return 1
	}
	res, err := importer.Import(file, src)
	if err != nil {
		fmt.Fprintf(stderr, "minhbach import: %v\n", err)
		return 1
	}
	switch opts.out {
	case "-":
		res.Report.Output = "standard output"
		if _, err := stdout.Write(res.Markdown); err != nil {
			fmt.Fprintf(stderr, "minhbach import: writing standard output: %v\n", err)
			return 1
		}
		res.Report.Write(stderr)
		return 0
	case "":
		return importIntoSite(res, opts, stderr)
	default:
		if err := createNewFile(opts.out, res.Markdown); err != nil {
			fmt.Fprintf(stderr, "minhbach import: %v\n", err)
			return 1
		}
		res.Report.Output = opts.out
		res.Report.Write(stdout)
		return 0
	}
}

// parseImportArgs reads the flags and the one file name, in any order
// ("import plan.txt --locality da-nang" and "import --locality da-nang plan.txt").
func parseImportArgs(args []string, stderr io.Writer) (importFlags, string, int, bool) {
	var o importFlags
	fset := flag.NewFlagSet("import", flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.StringVar(&o.locality, "locality", "", "the locality folder under content/dia-phuong, e.g. da-nang or hung-yen/van-lam/lac-hong")
	fset.StringVar(&o.source, "source", ".", "the site folder (the one that holds content/)")
	fset.StringVar(&o.out, "o", "", "write the Markdown to this file instead, or to standard output with -o -")
	fset.Usage = func() {
		fmt.Fprintf(fset.Output(), "Usage: minhbach %s\n\nFlags:\n", importSynopsis)
		fset.PrintDefaults()
	}
	var files []string
	for {
		if err := fset.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return o, "", 0, false
			}
			return o, "", 2, false
		}
		if fset.NArg() == 0 {
			break
		}
		files = append(files, fset.Arg(0))
		args = fset.Args()[1:]
	}
	if len(files) != 1 {
		fmt.Fprintf(stderr, "minhbach import: give exactly one text file to import (got %d)\n", len(files))
		fset.Usage()
		return o, "", 2, false
	}
	if o.out == "" && o.locality == "" {
		fmt.Fprintln(stderr, "minhbach import: say where the plan goes with --locality, e.g. --locality da-nang (a folder under content/dia-phuong/), or write it elsewhere with -o FILE")
		return o, "", 2, false
	}
	if o.locality != "" {
		loc, err := checkImportLocality(o.locality)
		if err != nil {
			fmt.Fprintf(stderr, "minhbach import: --locality %q: %v\n", o.locality, err)
			return o, "", 2, false
		}
		o.locality = loc
	}
	return o, files[0], 0, true
}

// checkImportLocality checks a locality path: folder names that are URL slugs.
// A path given from the repository root ("content/dia-phuong/da-nang") is
// accepted too.
func checkImportLocality(p string) (string, error) {
	p = strings.Trim(filepath.ToSlash(p), "/")
	p = strings.TrimPrefix(p, "content/")
	p = strings.TrimPrefix(p, "dia-phuong/")
	if p == "" || p == "dia-phuong" {
		return "", errors.New("name a locality folder, e.g. da-nang")
	}
	for _, seg := range strings.Split(p, "/") {
		switch {
		case seg == "." || seg == "..":
			return "", errors.New(`use folder names only, without "." or ".."`)
		case seg != vnfold.Slug(seg):
			return "", fmt.Errorf("folder name %q is not a URL slug: write %q (lowercase, no diacritics, words joined by -)", seg, vnfold.Slug(seg))
		case seg == "han-chot" || seg == "han-chot.ics":
			return "", fmt.Errorf("%q is a name the site uses for its own pages: choose another folder name", seg)
		}
	}
	return p, nil
}

// importIntoSite writes the plan into the content tree, with the
// locality's _index.md when it has none.
func importIntoSite(res *importer.Result, o importFlags, stderr io.Writer) int {
	if !isSiteFolder(o.source) {
		fmt.Fprintf(stderr, "minhbach import: %s is not a minhbach site (it has no content/ folder or config.toml): run the command in the site folder, or pass --source DIR\n", o.source)
		return 1
	}
	if res.Slug == "" {
		fmt.Fprintln(stderr, "minhbach import: cannot name the file: the text states no number or no date, and the file name is made of them (ke-hoach-<number>-<year>.md).")
		fmt.Fprintln(stderr, "Write it elsewhere with -o FILE, add the missing fields from the original, then move it into content/dia-phuong/"+o.locality+"/.")
		res.Report.Output = "(not written)"
		res.Report.Write(stderr)
		return 1
	}
	dir := filepath.Join(o.source, "content", "dia-phuong", filepath.FromSlash(o.locality))
	file := filepath.Join(dir, res.Slug+".md")
	if _, err := os.Stat(file); err == nil {
		fmt.Fprintf(stderr, "minhbach import: %s already exists, and import never overwrites a file: compare it with the new import by writing that elsewhere (-o FILE or -o -), or move the old file away and import again\n", file)
		return 1
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "minhbach import: cannot create %s: %v\n", dir, err)
		return 1
	}
	if err := createNewFile(file, res.Markdown); err != nil {
		fmt.Fprintf(stderr, "minhbach import: %v\n", err)
		return 1
	}
	res.Report.Output = file
	res.Report.Write(stderr)
	writeImportLocality(res, o, stderr)
	return 0
}

// isSiteFolder reports whether dir looks like a site folder.
func isSiteFolder(dir string) bool {
	for _, name := range []string{"content", "config.toml"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return true
		}
	}
	return false
}

// writeImportLocality creates the locality's _index.md from the issuer when it
// does not exist, and names the folders above it that have none.
func writeImportLocality(res *importer.Result, o importFlags, stderr io.Writer) {
	root := filepath.Join(o.source, "content", "dia-phuong")
	index := filepath.Join(root, filepath.FromSlash(o.locality), "_index.md")
	depth := strings.Count(o.locality, "/") + 1
	if _, err := os.Stat(index); err != nil {
		name, level := res.Unit.LocalityName(), res.Unit.Level(depth)
		if name == "" || level == "" {
			fmt.Fprintf(stderr, "  locality: %s does not exist and the text does not name its issuer, so it was not created: write it with name = \"…\" and level = \"tinh\", \"huyen\" or \"xa\"\n", index)
		} else {
			text := fmt.Sprintf("+++\nname = %q\nlevel = %q\n+++\n", name, level)
			if err := createNewFile(index, []byte(text)); err != nil {
				fmt.Fprintf(stderr, "  locality: cannot create %s: %v\n", index, err)
			} else {
				fmt.Fprintf(stderr, "  locality: created %s with name = %q, level = %q, guessed from the issuer: check them (and add code = \"…\" if known)\n", index, name, level)
			}
		}
	}
	for p := path.Dir(o.locality); p != "."; p = path.Dir(p) {
		parent := filepath.Join(root, filepath.FromSlash(p), "_index.md")
		if _, err := os.Stat(parent); err != nil {
			fmt.Fprintf(stderr, "  locality: %s does not exist: create it (name = \"…\", level = \"tinh\" or \"huyen\"), or the build will stop at that folder\n", parent)
		}
	}
}

// createNewFile writes a new file and fails if it exists: import never
// overwrites what an editor may have corrected by hand.
func createNewFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists, and import never overwrites a file: choose another name, or move the old file away first", name)
		}
		return fmt.Errorf("cannot create %s: %v", name, fileError(err))
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %v", name, err)
	}
	return f.Close()
}

// fileError says a file error in a sentence, without Go's "open x:" prefix.
func fileError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return errors.New("no such file")
		case errors.Is(err, fs.ErrPermission):
			return errors.New("permission denied")
		}
		return pe.Err
	}
	return err
}
