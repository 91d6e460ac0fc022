package content

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/minhbach/minhbach/internal/vnfold"
)

// Markdown is a parsed body: its source, its syntax tree, and the way back
// from byte offsets to lines and columns of the file.
type Markdown struct {
	File       *File
	Source     []byte
	Root       ast.Node
	lineStarts []int
	// aside says SetAside let go of the body, of which asideSum is a hash
	// (with asideSeed) that Reread checks.
	aside     bool
	asideSeed maphash.Seed
	asideSum  uint64
}

// Parser parses Markdown bodies. It is safe for concurrent use.
type Parser struct {
	md goldmark.Markdown
}

// NewParser returns the one Markdown dialect of minhbach: CommonMark with GFM
// tables and strikethrough, and heading ids made of readable slugs.
func NewParser() *Parser {
	return &Parser{md: goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)}
}

// Goldmark returns the underlying goldmark instance, for rendering.
func (p *Parser) Goldmark() goldmark.Markdown { return p.md }

// Parse parses the body of f.
func (p *Parser) Parse(f *File) *Markdown {
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	root := p.md.Parser().Parse(text.NewReader(f.Body), parser.WithContext(ctx))
	return &Markdown{File: f, Source: f.Body, Root: root, lineStarts: lineStarts(f.Body)}
}

// DropText lets go of the text, its tree and the file's bytes, keeping the
// file's name and lines: for a build that has drawn the page and will not
// parse the text again.
func (m *Markdown) DropText() {
	m.Root, m.Source, m.lineStarts = nil, nil, nil
	if m.File != nil {
		m.File.Body, m.File.Front = nil, ""
	}
}

// SetAside lets go of the tree and of the file's bytes, as DropText does,
// but keeps a hash of the body so that Reread can read the file again for
// one more parse: a one-off build of the whole country need not hold
// 3,000 plans' texts (~90 MB) until each plan's page is drawn.
func (m *Markdown) SetAside() {
	if m.File == nil || m.aside {
		return
	}
	m.asideSeed = maphash.MakeSeed()
	m.asideSum = maphash.Bytes(m.asideSeed, m.File.Body)
	m.aside = true
	m.DropText()
}

// Reread reads the file that SetAside let go of with read (given the
// file's Path) and holds its text again, to be parsed once more. The file
// must be as it was when it was loaded: the tasks, their positions and the
// links the build made came from those bytes.
func (m *Markdown) Reread(read func(path string) ([]byte, error)) error {
	if !m.aside {
		return nil
	}
	if read == nil {
		return fmt.Errorf("%s: its text was set aside and the build has no way to read it again", m.File.Path)
	}
	src, err := read(m.File.Path)
	if err != nil {
		return fmt.Errorf("%s: reading it again to draw its page: %w", m.File.Path, err)
	}
	f, err := Split(m.File.Path, src)
	if err != nil || maphash.Bytes(m.asideSeed, f.Body) != m.asideSum || f.BodyLine != m.File.BodyLine {
		return fmt.Errorf("%s changed while the site was being built: build again", m.File.Path)
	}
	m.File.Front, m.File.Body = f.Front, f.Body
	m.Source, m.lineStarts = f.Body, lineStarts(f.Body)
	m.aside = false
	return nil
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// Position returns the file line and column (in characters, 1-based) of a
// byte offset in the body.
func (m *Markdown) Position(offset int) (line, col int) {
	offset = min(max(offset, 0), len(m.Source))
	i := sort.Search(len(m.lineStarts), func(i int) bool { return m.lineStarts[i] > offset }) - 1
	col = utf8.RuneCount(m.Source[m.lineStarts[i]:offset]) + 1
	return m.File.BodyLine + i, col
}

// NodePosition returns the position of a node: its own, or that of its first
// text line for blocks that do not record one.
func (m *Markdown) NodePosition(n ast.Node) (line, col int) {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return m.Position(n.Lines().At(0).Start)
	}
	if p := n.Pos(); p > 0 {
		return m.Position(p)
	}
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return m.Position(t.Segment.Start)
		}
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			return m.Position(c.Lines().At(0).Start)
		}
	}
	return m.Position(n.Pos())
}

// LineAt returns the text of the body line that contains offset, without
// its newline.
func (m *Markdown) LineAt(offset int) (line []byte, start int) {
	offset = min(max(offset, 0), len(m.Source))
	i := sort.Search(len(m.lineStarts), func(i int) bool { return m.lineStarts[i] > offset }) - 1
	start = m.lineStarts[i]
	end := len(m.Source)
	if i+1 < len(m.lineStarts) {
		end = m.lineStarts[i+1] - 1
	}
	return m.Source[start:end], start
}

// Text returns the plain text of a node and its descendants, with soft line
// breaks as spaces.
func (m *Markdown) Text(n ast.Node) string {
	var b bytes.Buffer
	writeText(&b, n, m.Source)
	return string(bytes.TrimSpace(b.Bytes()))
}

func writeText(b *bytes.Buffer, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			writeText(b, t, src)
		case *ast.RawHTML:
			// Inline HTML is not text (a <br> in a table cell is a line break).
			b.WriteByte(' ')
		default:
			if c.Type() == ast.TypeBlock && b.Len() > 0 {
				b.WriteByte(' ')
			}
			writeText(b, c, src)
		}
	}
}

// headingIDs makes heading ids from folded heading text, kept short, and
// unique within a document by a numeric suffix.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs {
	used := map[string]bool{}
	for _, id := range LayoutIDs {
		used[id] = true
	}
	return &headingIDs{used: used}
}

// LayoutIDs are the ids the page layouts give the parts around a plan's
// text (layouts/base.html, plan.html, update.html and locality.html): a heading of the text that reads
// the same ("Mục tiêu") takes "muc-tieu-2", so that each id, and each link
// to it, stays unique on the page. A test checks the list against the
// layouts.
var LayoutIDs = []string{"noi-dung", "q-dau-trang", "co-quan", "theo-quy", "muc-tieu", "nhiem-vu", "phu-luc", "theo-phan", "tien-do", "toan-van", "van-ban"}

const maxIDLen = 60

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	id := ShortSlug(string(value), maxIDLen)
	if id == "" {
		id = "muc"
	}
	// Package recognize names tasks "nv-…" and Phụ lục tables and rows
	// "phu-luc-…"; a heading that only reads like one ("NV 1") must not
	// take its id.
	if strings.HasPrefix(id, "nv-") || strings.HasPrefix(id, "phu-luc") {
		id = "muc-" + id
	}
	base := id
	for i := 2; h.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.used[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// ShortSlug is vnfold.Slug cut at a word boundary to at most n bytes.
func ShortSlug(s string, n int) string {
	id := vnfold.Slug(s)
	if len(id) <= n {
		return id
	}
	cut := bytes.LastIndexByte([]byte(id[:n+1]), '-')
	if cut <= 0 {
		cut = n
	}
	return id[:cut]
}
