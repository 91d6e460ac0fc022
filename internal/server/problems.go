package server

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/diag"
)

// Problem is one build problem as the browser shows it.
type Problem struct {
	File     string `json:"file,omitempty"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"` // "error" or "warning"
	Msg      string `json:"msg"`
	// Where is "file:line:col" as the terminal prints it, so that the
	// editor can search for the same text in either place.
	Where string `json:"where,omitempty"`
}

// positioned matches "file:line:col: message", the form of errors that do
// not come as a *diag.Errors (the stylesheet's, for one).
var positioned = regexp.MustCompile(`^([^:\s][^:]*):(\d+):(\d+): (.*)$`)

// problemsOf lists the problems of a failed build: each item of a
// *diag.Errors, said in Vietnamese for the officials who edit the content
// (a message without a translation stays in English), else each line of
// the error, with its position when the line starts with one.
func problemsOf(err error) []Problem {
	var errs *diag.Errors
	if errors.As(err, &errs) && len(errs.Items) > 0 {
		vi := diag.Vietnamese()
		out := make([]Problem, 0, len(errs.Items))
		for _, d := range errs.Items {
			out = append(out, fromDiag(d.In(vi)))
		}
		return out
	}
	var out []Problem
	for _, line := range strings.Split(strings.TrimSpace(err.Error()), "\n") {
		out = append(out, fromLine(line))
	}
	return out
}

func fromDiag(d diag.Diagnostic) Problem {
	p := Problem{File: d.File, Line: d.Line, Col: d.Col, Severity: d.Severity.String(), Msg: d.Msg}
	if d.File != "" {
		p.Where = fmt.Sprintf("%s:%d:%d", d.File, max(d.Line, 1), max(d.Col, 1))
	}
	return p
}

func fromLine(line string) Problem {
	m := positioned.FindStringSubmatch(line)
	if m == nil {
		return Problem{Severity: diag.Error.String(), Msg: line}
	}
	ln, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	msg := strings.TrimPrefix(m[4], "error: ")
	return Problem{File: m[1], Line: ln, Col: col, Severity: diag.Error.String(), Msg: msg, Where: m[1] + ":" + m[2] + ":" + m[3]}
}
