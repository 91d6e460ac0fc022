package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/scaffold"
)

const newUsage = `new writes a content file from a template in which every field is explained.
It never replaces a file that exists.

  minhbach new locality <path> "<name>" --level tinh|huyen|xa
  minhbach new plan <locality> --number 12/KH-UBND [--issued 2024-03-10]
  minhbach new update <locality> [--date 2024-09-23] [--slug cap-nhat-…]

<path> and <locality> are folders under content/dia-phuong, e.g. hung-yen/van-lam/lac-hong.
`

// newFile dispatches "minhbach new <kind>".
func newFile(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, newUsage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	var file string
	var err error
	switch args[0] {
	case "locality":
		file, err = newLocality(args[1:], stderr)
	case "plan":
		file, err = newPlan(args[1:], stderr)
	case "update":
		file, err = newUpdate(args[1:], stderr)
	default:
		fmt.Fprintf(stderr, "minhbach: new %q: write new locality, new plan or new update\n\n%s", args[0], newUsage)
		return 2
	}
	if err == errUsage {
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "minhbach:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: fill in the fields it explains, then run minhbach check\n", file)
	return 0
}

// errUsage means the usage was printed already.
var errUsage = errors.New("usage")

// positional splits args into the leading words and the flags after them,
// so that "new plan da-nang --number 12/KH-UBND" reads naturally.
func positional(args []string, n int, stderr io.Writer) ([]string, []string, error) {
	if len(args) < n {
		fmt.Fprint(stderr, newUsage)
		return nil, nil, errUsage
	}
	return args[:n], args[n:], nil
}

func newLocality(args []string, stderr io.Writer) (string, error) {
	pos, rest, err := positional(args, 2, stderr)
	if err != nil {
		return "", err
	}
	fs := newFlagSet("new locality", newUsage, stderr)
	source := fs.String("source", ".", "the site folder")
	level := fs.String("level", "", "tinh, huyen or xa")
	if _, ok := parseFlags(fs, rest); !ok {
		return "", errUsage
	}
	return scaffold.NewLocality(*source, scaffold.Locality{Path: pos[0], Name: pos[1], Level: model.Level(*level)})
}

func newPlan(args []string, stderr io.Writer) (string, error) {
	pos, rest, err := positional(args, 1, stderr)
	if err != nil {
		return "", err
	}
	fs := newFlagSet("new plan", newUsage, stderr)
	source := fs.String("source", ".", "the site folder")
	number := fs.String("number", "", "the plan's number as printed, e.g. 12/KH-UBND")
	issued := fs.String("issued", "", "the issue date printed in the header, YYYY-MM-DD (optional)")
	if _, ok := parseFlags(fs, rest); !ok {
		return "", errUsage
	}
	date, err := optionalDate("--issued", *issued)
	if err != nil {
		return "", err
	}
	return scaffold.NewPlan(*source, scaffold.Plan{Locality: pos[0], Number: *number, Issued: date})
}

func newUpdate(args []string, stderr io.Writer) (string, error) {
	pos, rest, err := positional(args, 1, stderr)
	if err != nil {
		return "", err
	}
	fs := newFlagSet("new update", newUsage, stderr)
	source := fs.String("source", ".", "the site folder")
	date := fs.String("date", "", "the date of the document or news item, YYYY-MM-DD (optional)")
	slug := fs.String("slug", "", "the file name without .md (default cap-nhat-<date>)")
	if _, ok := parseFlags(fs, rest); !ok {
		return "", errUsage
	}
	d, err := optionalDate("--date", *date)
	if err != nil {
		return "", err
	}
	return scaffold.NewUpdate(*source, scaffold.Update{Locality: pos[0], Date: d, Slug: *slug})
}

func optionalDate(flag, s string) (model.Date, error) {
	if s == "" {
		return model.Date{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return model.Date{}, fmt.Errorf("%s %q is not a date: write it as year-month-day, e.g. %s 2024-03-10", flag, s, flag)
	}
	return model.DateOf(t), nil
}
