// Package diag holds the problems a build finds in content, each tied to a
// place in a file so that an editor can go straight to it.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem at one place. Line and Col are 1-based; 0 means
// the whole file. Msg says what is wrong and what to write instead, in
// English; Format and Args keep it translatable (see Catalog).
type Diagnostic struct {
	File     string
	Line     int
	Col      int
	Severity Severity
	Msg      string
	Format   string
	Args     []any
}

func (d Diagnostic) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", d.File, max(d.Line, 1), max(d.Col, 1), d.Severity, d.Msg)
}

// List collects diagnostics in the order they were found.
type List struct {
	items []Diagnostic
}

// Errorf records an error at file:line:col. The format is the message in
// English and the key of its translations.
func (l *List) Errorf(file string, line, col int, format string, args ...any) {
	l.items = append(l.items, Diagnostic{file, line, col, Error, fmt.Sprintf(format, args...), format, args})
}

// Warnf records a warning at file:line:col.
func (l *List) Warnf(file string, line, col int, format string, args ...any) {
	l.items = append(l.items, Diagnostic{file, line, col, Warning, fmt.Sprintf(format, args...), format, args})
}

// Add records d.
func (l *List) Add(d Diagnostic) { l.items = append(l.items, d) }

// Merge appends every diagnostic of other.
func (l *List) Merge(other *List) { l.items = append(l.items, other.items...) }

// Items returns the diagnostics sorted by file, line and column.
func (l *List) Items() []Diagnostic {
	out := append([]Diagnostic(nil), l.items...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return out
}

// HasErrors reports whether any diagnostic is an error.
func (l *List) HasErrors() bool {
	for _, d := range l.items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Len returns the number of diagnostics.
func (l *List) Len() int { return len(l.items) }

// Err returns the list as an error when it holds at least one error, else nil.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &Errors{l.Items()}
}

// Errors is the error a failed build returns: every problem, one per line.
type Errors struct {
	Items []Diagnostic
}

func (e *Errors) Error() string {
	var b strings.Builder
	n := 0
	for _, d := range e.Items {
		if n > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
		n++
	}
	return b.String()
}
