// Package content reads content files: it splits the TOML front matter from
// the Markdown body, decodes the one and parses the other, and maps every
// byte of the body back to a line and column of the file for error messages.
package content

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/diag"
)

// File is one content file split into front matter and body.
type File struct {
	Path      string // as shown in messages, e.g. "content/dia-phuong/da-nang/_index.md"
	Front     string // the TOML between the "+++" lines
	FrontLine int    // line of the file where Front starts (1-based)
	Body      []byte // the Markdown after the closing "+++"
	BodyLine  int    // line of the file where Body starts (1-based)
}

const fence = "+++"

// Split separates front matter and body. The file must start with a "+++"
// line and contain a second one. Windows line endings (and a lone "\r",
// which Markdown and editors also read as a line end), a UTF-8 byte order
// mark and decomposed Unicode are normalised first, so that everything after
// this point sees one spelling of each Vietnamese letter and counts lines
// as the editor sees them.
func Split(path string, src []byte) (*File, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	if !norm.NFC.IsNormal(src) {
		src = norm.NFC.Bytes(src)
	}
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if strings.TrimSpace(string(first)) != fence {
		return nil, diag.Diagnostic{File: path, Line: 1, Col: 1, Msg: `the file must start with a line "+++", then the TOML front matter (e.g. kind = "plan"), then another "+++" line`}
	}
	line := 2
	front := rest
	for len(rest) > 0 {
		l, next, _ := bytes.Cut(rest, []byte("\n"))
		if strings.TrimSpace(string(l)) == fence {
			fm := front[:len(front)-len(rest)]
			return &File{Path: path, Front: string(fm), FrontLine: 2, Body: next, BodyLine: line + 1}, nil
		}
		rest = next
		line++
	}
	return nil, diag.Diagnostic{File: path, Line: 1, Col: 1, Msg: `the front matter opened by "+++" on line 1 is never closed: add a line "+++" after the last TOML line`}
}

// Decode decodes the front matter into v. Syntax errors, type errors and
// keys that v does not have are reported at their line in the file.
func (f *File) Decode(v any, diags *diag.List) bool {
	md, err := toml.Decode(f.Front, v)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			line, col := f.FrontLine+perr.Position.Line-1, charColumn(f.Front, perr.Position.Line, perr.Position.Col)
			if strings.Contains(perr.Message, "parsing time") {
				// Go's own wording names its layout string; say it the editor's way.
				diags.Errorf(f.Path, line, col, "front matter: this date is not written as a TOML date: write it year-month-day without quotes, e.g. issued = 2022-03-10")
			} else {
				diags.Errorf(f.Path, line, col, `front matter: %s (TOML: strings in double quotes, dates as 2022-03-10, lists as ["a", "b"])`, perr.Message)
			}
		} else {
			diags.Errorf(f.Path, f.FrontLine, 1, "front matter: %v", err)
		}
		return false
	}
	ok := true
	for _, key := range md.Undecoded() {
		line := f.keyLine(key)
		diags.Errorf(f.Path, line, 1, "front matter: unknown field %q: check its spelling against docs/content-format.md, or remove it", key.String())
		ok = false
	}
	return ok
}

// charColumn turns the byte column the TOML decoder reports on a line of
// front into a column in characters, as every other position is given,
// kept inside the line: "Kế hoạch" is 8 characters but 12 bytes.
func charColumn(front string, line, byteCol int) int {
	lines := strings.Split(front, "\n")
	if line < 1 || line > len(lines) {
		return 1
	}
	text := lines[line-1]
	return utf8.RuneCountInString(text[:min(max(byteCol-1, 0), len(text))]) + 1
}

// keyLine finds the line on which the last part of key is assigned.
func (f *File) keyLine(key toml.Key) int {
	name := key[len(key)-1]
	for i, l := range strings.Split(f.Front, "\n") {
		t := strings.TrimSpace(l)
		if k, _, found := strings.Cut(t, "="); found && strings.Trim(strings.TrimSpace(k), `"`) == name {
			return f.FrontLine + i
		}
	}
	return f.FrontLine
}

// TableLine returns the line of the file where the n-th (0-based) "[[name]]"
// table of an array starts, or the front matter's first line.
func (f *File) TableLine(name string, n int) int {
	for i, l := range strings.Split(f.Front, "\n") {
		if strings.TrimSpace(l) == "[["+name+"]]" {
			if n == 0 {
				return f.FrontLine + i
			}
			n--
		}
	}
	return f.FrontLine
}

// TableKeyLine returns the line where the table named by path (as in
// [tasks."2.a.1"]) assigns key, or the table's header line when it does not,
// or the front matter's first line when there is no such table.
func (f *File) TableKeyLine(path []string, key string) int {
	header, inTable := 0, false
	for i, l := range strings.Split(f.Front, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			if inTable {
				break
			}
			if slices.Equal(tablePath(t), path) {
				header, inTable = f.FrontLine+i, true
			}
			continue
		}
		if k, _, found := strings.Cut(t, "="); inTable && found && strings.Trim(strings.TrimSpace(k), `"`) == key {
			return f.FrontLine + i
		}
	}
	if header > 0 {
		return header
	}
	return f.FrontLine
}

// tablePath splits a table header such as [tasks."2.a.1"] into its keys,
// keeping dots inside quotes.
func tablePath(header string) []string {
	h := strings.TrimSpace(strings.Trim(strings.TrimSpace(header), "[]"))
	var out []string
	var cur strings.Builder
	quoted := false
	for _, r := range h {
		switch {
		case r == '"':
			quoted = !quoted
		case r == '.' && !quoted:
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteRune(r)
		}
	}
	return append(out, strings.TrimSpace(cur.String()))
}

// FieldLine returns the line of the file where the front matter assigns the
// top-level field name, or the front matter's first line.
func (f *File) FieldLine(name string) int { return f.keyLine(toml.Key{name}) }

// String describes the file for debugging.
func (f *File) String() string { return fmt.Sprintf("%s (body from line %d)", f.Path, f.BodyLine) }
