package content

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/diag"
)

// fuzzFront has the fields of every kind of content file, so that decoding
// reaches strings, dates, lists, tables and arrays of tables.
type fuzzFront struct {
	Kind       string    `toml:"kind"`
	Title      string    `toml:"title"`
	Name       string    `toml:"name"`
	Level      string    `toml:"level"`
	Number     string    `toml:"number"`
	Issued     time.Time `toml:"issued"`
	Date       time.Time `toml:"date"`
	Implements []string  `toml:"implements"`
	Tasks      map[string]struct {
		Due     string   `toml:"due"`
		Targets []string `toml:"targets"`
	} `toml:"tasks"`
	Status []struct {
		Plan  string `toml:"plan"`
		Task  string `toml:"task"`
		State string `toml:"state"`
	} `toml:"status"`
	Alias []struct {
		Text  string `toml:"text"`
		Group bool   `toml:"group"`
	} `toml:"alias"`
}

// realSnippets returns the start of every content file of the repository:
// its front matter and the first lines of its body.
func realSnippets(f *testing.F, maxBytes int) [][]byte {
	f.Helper()
	var out [][]byte
	root := filepath.Join("..", "..", "content", "dia-phuong")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".md" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if len(b) > maxBytes {
			cut := bytes.LastIndexByte(b[:maxBytes], '\n')
			b = b[:cut+1]
		}
		out = append(out, b)
		return nil
	})
	if err != nil || len(out) == 0 {
		f.Fatalf("reading the content seeds: %v (%d files)", err, len(out))
	}
	return out
}

// FuzzFrontMatter splits any file into front matter and body, decodes the
// one and parses the other. Besides never panicking: an error is at 1:1;
// front matter and body are the normalised file's own bytes around one
// fence line, so writing them back between fences splits the same; every
// problem and every node of the body is placed on a line of the file, at a
// column inside that line.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range realSnippets(f, 1500) {
		f.Add(s)
	}
	for _, s := range []string{
		"+++\n+++\n",
		"\xef\xbb\xbf+++\r\ntitle = \"A\"\r\n+++\r\nText.\r\n",
		"+++\nname = \"Hue\u0302\u0301\"\n+++\nHue\u0302\u0301\n",
		"+++\ntitle = \"Kế hoạch\nissued = 2022-03-10\n+++\n",
		"+++\n[tasks.\"2.a.1\"]\ndue = \"Quý II/2024\"\n[[status]]\nplan = 1\n+++\n",
		"+++\nnumbr = \"46/KH-UBND\"\n+++\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n",
		"  +++  \nissued = \"10/3/2022\"\n+++",
		"+++\nx = 1\n",
	} {
		f.Add([]byte(s))
	}
	parser := NewParser()
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := Split("f.md", src)
		if err != nil {
			d, ok := err.(diag.Diagnostic)
			if !ok || d.Line != 1 || d.Col != 1 || d.File != "f.md" || d.Msg == "" {
				t.Fatalf("Split error %#v, want a diagnostic at f.md:1:1", err)
			}
			return
		}
		checkSplit(t, src, file)
		checkDecode(t, file)
		checkBody(t, parser, file)
	})
}

// normalised is what Split reads: no byte order mark, "\n" line ends
// ("\r\n" and a lone "\r" are line ends too), NFC.
func normalised(src []byte) string {
	s := strings.TrimPrefix(string(src), "\xef\xbb\xbf")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return norm.NFC.String(s)
}

func checkSplit(t *testing.T, src []byte, f *File) {
	t.Helper()
	n := normalised(src)
	first, _, _ := strings.Cut(n, "\n")
	rest := strings.TrimPrefix(n, first+"\n")
	if strings.TrimSpace(first) != fence || !strings.HasPrefix(rest, f.Front) || !strings.HasSuffix(rest, string(f.Body)) ||
		len(f.Front)+len(f.Body) > len(rest) {
		t.Fatalf("Split(%q): front %q and body %q are not the file's", src, f.Front, f.Body)
	}
	closing := rest[len(f.Front) : len(rest)-len(f.Body)]
	line, nl := strings.CutSuffix(closing, "\n")
	if strings.TrimSpace(line) != fence || strings.Contains(line, "\n") || (!nl && len(f.Body) > 0) {
		t.Fatalf("Split(%q): %q between front matter and body is not one fence line", src, closing)
	}
	for _, l := range strings.Split(f.Front, "\n") {
		if strings.TrimSpace(l) == fence {
			t.Fatalf("Split(%q): front matter %q holds a fence line: the first one closes it", src, f.Front)
		}
	}
	if want := 3 + strings.Count(f.Front, "\n"); f.FrontLine != 2 || f.BodyLine != want {
		t.Fatalf("Split(%q): front matter on line %d, body on line %d, want 2 and %d", src, f.FrontLine, f.BodyLine, want)
	}
	if strings.Contains(f.Front, "\r") || bytes.Contains(f.Body, []byte("\r")) || !norm.NFC.IsNormalString(f.Front) || !norm.NFC.IsNormal(f.Body) {
		t.Fatalf("Split(%q): front %q and body %q are not normalised", src, f.Front, f.Body)
	}
	again, err := Split("f.md", []byte(fence+"\n"+f.Front+fence+"\n"+string(f.Body)))
	if err != nil || again.Front != f.Front || !bytes.Equal(again.Body, f.Body) || again.BodyLine != f.BodyLine {
		t.Fatalf("Split(%q) = %+v; written back between fences it splits to %+v, %v", src, f, again, err)
	}
}

// inFile reports whether line:col is a place in text, whose first line is
// line first of the file: a line of it (or the one after its last line
// break, where an error at the end is), and a column at most one past that
// line's last character.
func inFile(text string, first, line, col int) bool {
	lines := strings.Split(text, "\n")
	i := line - first
	if i < 0 || i >= len(lines) || col < 1 {
		return false
	}
	return col <= utf8.RuneCountInString(lines[i])+1
}

func checkDecode(t *testing.T, f *File) {
	t.Helper()
	var v fuzzFront
	var diags diag.List
	ok := f.Decode(&v, &diags)
	if ok != (diags.Len() == 0) {
		t.Fatalf("Decode(%q) = %v with %d problems", f.Front, ok, diags.Len())
	}
	for _, d := range diags.Items() {
		// An error at the very end of the front matter is on the closing fence line.
		if d.File != "f.md" || !inFile(f.Front+fence, f.FrontLine, d.Line, d.Col) {
			t.Fatalf("Decode(%q): %v is not inside the front matter (lines %d–%d)", f.Front, d, f.FrontLine, f.BodyLine-1)
		}
	}
	for _, line := range []int{f.FieldLine("title"), f.TableLine("status", 1), f.TableKeyLine([]string{"tasks", "1"}, "due")} {
		if line < f.FrontLine || line >= f.BodyLine {
			t.Fatalf("a field of %q is placed on line %d, outside the front matter", f.Front, line)
		}
	}
}

func checkBody(t *testing.T, p *Parser, f *File) {
	t.Helper()
	md := p.Parse(f)
	body := string(f.Body)
	err := ast.Walk(md.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n == md.Root {
			return ast.WalkContinue, nil
		}
		line, col := md.NodePosition(n)
		if !inFile(body, f.BodyLine, line, col) {
			t.Fatalf("body %q: %s node placed at %d:%d, outside the body (from line %d)", body, n.Kind(), line, col, f.BodyLine)
		}
		_ = md.Text(n)
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	mid := len(body) / 2
	for mid > 0 && !utf8.RuneStart(body[mid]) {
		mid-- // offsets of the parser's nodes are at character starts
	}
	for _, off := range []int{-1, 0, mid, len(body), len(body) + 1} {
		line, col := md.Position(off)
		text, start := md.LineAt(off)
		if !inFile(body, f.BodyLine, line, col) || start < 0 || start+len(text) > len(body) {
			t.Fatalf("body %q: offset %d placed at %d:%d, line %q at %d", body, off, line, col, text, start)
		}
	}
}
