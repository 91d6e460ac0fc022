package importer

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// NoteKind says what a note of the report is about.
type NoteKind int

const (
	// Unplaced: text kept as prose because it fits nowhere in the structure.
	Unplaced NoteKind = iota
	// Corrected: a defect of the source was corrected; the file says so in
	// an HTML comment at that place.
	Corrected
	// Check: something an editor should compare with the original.
	Check
	// Info: how a line was read.
	Info
)

func (k NoteKind) String() string {
	return [...]string{"not placed", "corrected", "check", "note"}[k]
}

// Note is one line-numbered remark of the report.
type Note struct {
	Line int
	Kind NoteKind
	Msg  string
}

// notes collects remarks while the text is read.
type notes struct {
	list        []Note
	layoutLines []int // lines without words, left out
}

func (n *notes) add(line int, kind NoteKind, format string, args ...any) {
	n.list = append(n.list, Note{Line: line, Kind: kind, Msg: fmt.Sprintf(format, args...)})
}
func (n *notes) unplaced(line int, format string, args ...any) {
	n.add(line, Unplaced, format, args...)
}
func (n *notes) correct(line int, format string, args ...any) {
	n.add(line, Corrected, format, args...)
}
func (n *notes) check(line int, format string, args ...any) { n.add(line, Check, format, args...) }
func (n *notes) note(line int, format string, args ...any)  { n.add(line, Info, format, args...) }
func (n *notes) layout(line int)                            { n.layoutLines = append(n.layoutLines, line) }

// FieldSource says where a front matter field was read from.
type FieldSource struct {
	Field string
	Value string
	Line  int
	How   string // "" when read from the header as printed
}

// Report is what an import found: counts, where each front matter field
// came from, what is missing, and every line an editor should look at.
type Report struct {
	File, Output string

	Sections, Headings, Tasks, Groups, Phases, Tables, TableRows int
	TasksFrom                                                    string
	TaskIDs                                                      []string

	Fields      []FieldSource
	Missing     []string // front matter fields the text does not state, with what to write
	Notes       []Note
	LayoutLines []int
	Build       []BuildProblem // what the build will report in the written file
}

// Write prints the report for the editor.
func (r *Report) Write(w io.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("import %s → %s\n", r.File, r.Output)
	p("  read: %d sections, %d headings, %d tasks", r.Sections, r.Headings, r.Tasks)
	if r.Groups > 0 {
		p(" (and %d groups whose fields apply to the tasks under them)", r.Groups)
	}
	p(", %d phases, %d tables (%d rows)\n", r.Phases, r.Tables, r.TableRows)
	if r.TasksFrom != "" {
		p("  tasks: taken from %s (tasks_from); the body states none as fields\n", r.TasksFrom)
	}
	if len(r.TaskIDs) > 0 {
		p("  task ids: %s\n", strings.Join(r.TaskIDs, " "))
	}
	p("  front matter:\n")
	for _, f := range r.Fields {
		how := ""
		if f.How != "" {
			how = " — " + f.How
		}
		p("    %-13s %s (line %d)%s\n", f.Field, f.Value, f.Line, how)
	}
	for _, m := range r.Missing {
		p("    missing: %s\n", m)
	}
	notes := append([]Note(nil), r.Notes...)
	sort.SliceStable(notes, func(i, j int) bool { return notes[i].Line < notes[j].Line })
	for _, kind := range []NoteKind{Unplaced, Corrected, Check, Info} {
		var lines []string
		for _, n := range notes {
			if n.Kind == kind {
				at := r.File
				if n.Line > 0 {
					at = fmt.Sprintf("%s:%d", r.File, n.Line)
				}
				lines = append(lines, fmt.Sprintf("    %s: %s\n", at, n.Msg))
			}
		}
		if len(lines) > 0 {
			p("  %s (%d):\n%s", kind, len(lines), strings.Join(lines, ""))
		}
	}
	if len(r.LayoutLines) > 0 {
		layout := append([]int(nil), r.LayoutLines...)
		sort.Ints(layout)
		p("  left out %d lines without words (separators such as \"-----\" or \"|\"): lines %s\n", len(layout), lineList(layout))
	}
	if len(r.Build) > 0 {
		p("  the build will report (fix these before committing):\n")
		for _, b := range r.Build {
			at := fmt.Sprintf("%s:%d", r.Output, b.Line)
			if b.Source > 0 {
				at += fmt.Sprintf(" (%s:%d)", r.File, b.Source)
			}
			p("    %s: %s: %s\n", at, b.Severity, b.Msg)
		}
	} else {
		p("  the build reads the file without errors\n")
	}
}

func lineList(lines []int) string {
	s := make([]string, len(lines))
	for i, l := range lines {
		s[i] = fmt.Sprint(l)
	}
	return strings.Join(s, ", ")
}
