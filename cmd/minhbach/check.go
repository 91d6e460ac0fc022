package main

import (
	"fmt"
	"io"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/site"
)

// check validates the site as a build would, plus the editorial checks,
// and prints one problem per line in the editor's language.
func check(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", "check [flags]\n\nChecks the content as a build would, and for what an editor should fix before publishing, without writing anything.\nExit status: 1 when there are errors (or warnings, with --strict), else 0.", stderr)
	source := fs.String("source", ".", "the site folder: content/, layouts/, static/, config.toml")
	lang := fs.String("lang", "vi", "the language of the messages: vi or en")
	strict := fs.Bool("strict", false, "fail on warnings too")
	asOf := fs.String("as-of", "", "the date statuses are computed for, as YYYY-MM-DD (default: config as_of, else today in Vietnam)")
	catalog := fs.Bool("catalog", false, "also list, item by item, the tasks data/catalog.toml links to each item, for review")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	texts, ok := checkTexts(*lang)
	if !ok {
		fmt.Fprintf(stderr, "minhbach: --lang %q: write --lang vi or --lang en\n", *lang)
		return 2
	}
	date, err := optionalDate("--as-of", *asOf)
	if err != nil {
		fmt.Fprintln(stderr, "minhbach:", err)
		return 2
	}
	diags, err := site.Check(*source, date)
	if err != nil {
		fmt.Fprintln(stderr, "minhbach:", err)
		return 1
	}
	errs, warns := 0, 0
	for _, d := range diags.Items() {
		if d.Severity == diag.Error {
			errs++
		} else {
			warns++
		}
		fmt.Fprintln(stdout, texts.line(d.In(texts.catalog)))
	}
	if *catalog {
		if s, _ := site.Review(*source); s != nil {
			writeCatalogReview(stdout, s)
		}
	}
	fmt.Fprintln(stdout, texts.summary(errs, warns))
	if errs > 0 || (*strict && warns > 0) {
		return 1
	}
	return 0
}

// checkText is the wording of check's output in one language. The words
// "error" and "warning" stay English in every language, as compilers
// print them, so that editors and CI tools can pick the lines out.
type checkText struct {
	catalog diag.Catalog
	summary func(errs, warns int) string
}

func (t checkText) line(d diag.Diagnostic) string { return d.Error() }

func checkTexts(lang string) (checkText, bool) {
	switch lang {
	case "vi":
		return checkText{
			catalog: diag.Vietnamese(),
			summary: func(e, w int) string {
				if e+w == 0 {
					return "Không có lỗi hay cảnh báo nào."
				}
				return fmt.Sprintf("%d lỗi, %d cảnh báo.", e, w)
			},
		}, true
	case "en":
		return checkText{
			summary: func(e, w int) string {
				return fmt.Sprintf("%d error(s), %d warning(s).", e, w)
			},
		}, true
	}
	return checkText{}, false
}
