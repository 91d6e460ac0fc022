package importer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/recognize"
)

// seedSnippets cuts the seed plans into pieces a fuzzer can run many times
// a second: the header with the first sections, and the first lines of
// each Phụ lục.
func seedSnippets(f *testing.F) [][]byte {
	f.Helper()
	var out [][]byte
	for _, sd := range seeds {
		lines := strings.SplitAfter(string(readSeed(f, sd.file)), "\n")
		out = append(out, []byte(strings.Join(lines[:min(60, len(lines))], "")))
		for i, l := range lines {
			if len(l) < 40 && strings.Contains(strings.ToUpper(l), "PHỤ LỤC") {
				out = append(out, []byte(strings.Join(lines[i:min(i+12, len(lines))], "")))
			}
		}
	}
	return out
}

// FuzzImportWritesMarkdown imports any text under a plan's header and
// reads what the importer wrote as the build does. FuzzImport checks that
// no line is lost; this checks that the output is content: it splits into
// front matter and body, the front matter is TOML, and the body's tasks and
// Phụ lục tables are recognised with every problem placed inside it. An
// error names a line of the input.
func FuzzImportWritesMarkdown(f *testing.F) {
	const header = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ THỬ\nSố: 1/KH-UBND\nThử, ngày 1 tháng 2 năm 2024\nKẾ HOẠCH\nVIỆC THỬ\n"
	for _, s := range seedSnippets(f) {
		f.Add(s)
	}
	f.Add([]byte("I. MỤC ĐÍCH\n1. Việc \"một\" \\ hai\n- Cơ quan chủ trì: Sở \"A\"\n- Thời gian thực hiện: Quý I/2024\n"))
	f.Add([]byte("Phụ lục I\nSTT\tNội dung công việc\tĐơn vị chủ trì\tThời gian\nI\tA\t\t\n1\tB | C\tD\tQuý V/2024\n"))
	parser := content.NewParser()
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, src := range [][]byte{data, append([]byte(header), data...)} {
			res, err := Import("fuzz.txt", src)
			if err != nil {
				checkImportError(t, src, err)
				continue
			}
			checkMarkdown(t, parser, src, res.Markdown)
		}
	})
}

func checkImportError(t *testing.T, src []byte, err error) {
	t.Helper()
	e, ok := err.(*Error)
	if !ok || e.File != "fuzz.txt" || e.Msg == "" {
		t.Fatalf("Import(%q): error %#v, want an *Error naming the file", src, err)
	}
	lines := bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) + 1
	if bytes.HasPrefix(src, []byte{0xfe, 0xff}) || bytes.HasPrefix(src, []byte{0xff, 0xfe}) {
		lines = len(src)/2 + 1 // UTF-16: a line end is two bytes
	}
	if e.Line < 0 || e.Line > lines {
		t.Fatalf("Import(%q): error on line %d of a text of %d lines: %v", src, e.Line, lines, err)
	}
}

// checkMarkdown reads the importer's output as the build reads a plan.
func checkMarkdown(t *testing.T, parser *content.Parser, src, md []byte) {
	t.Helper()
	f, err := content.Split("plan.md", md)
	if err != nil {
		t.Fatalf("Import(%q) wrote Markdown that does not split: %v\n%s", src, err, md)
	}
	var front map[string]any
	var diags diag.List
	if !f.Decode(&front, &diags) {
		t.Fatalf("Import(%q) wrote front matter that is not TOML: %v\n%s", src, diags.Err(), f.Front)
	}
	body := parser.Parse(f)
	recognize.Plan(body, &diags)
	last := f.BodyLine + bytes.Count(f.Body, []byte("\n"))
	for _, d := range diags.Items() {
		if d.File != "plan.md" || d.Line < f.BodyLine || d.Line > last || d.Col < 1 {
			t.Fatalf("Import(%q): reading its Markdown reports %v, outside the body (lines %d–%d)\n%s", src, d, f.BodyLine, last, md)
		}
	}
}
