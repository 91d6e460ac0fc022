package render

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/model"
)

// Plan text is parsed once and rendered once per language. Each renderer
// has its own goldmark renderer, the dialect of content.NewParser (CommonMark,
// GFM tables, strikethrough) plus one node of ours: the download links under
// each Phụ lục table, whose words are the page's language.

// appendixLinks is an AST node placed after a Phụ lục table: the table's
// CSV and JSON downloads.
type appendixLinks struct {
	ast.BaseBlock
	plan     *model.Plan
	appendix *model.Appendix
}

var kindAppendixLinks = ast.NewNodeKind("AppendixLinks")

func (n *appendixLinks) Kind() ast.NodeKind            { return kindAppendixLinks }
func (n *appendixLinks) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// newMarkdownRenderer returns the renderer of plan text for r's language.
func (r *Renderer) newMarkdownRenderer(unsafe bool) renderer.Renderer {
	var opts []renderer.Option
	if unsafe {
		opts = append(opts, html.WithUnsafe())
	}
	return renderer.NewRenderer(append(opts, renderer.WithNodeRenderers(
		util.Prioritized(html.NewRenderer(), 1000),
		util.Prioritized(extension.NewTableHTMLRenderer(), 500),
		util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
		util.Prioritized(nodeRenderer{r: r, unsafe: unsafe}, 100),
	))...)
}

type nodeRenderer struct {
	r      *Renderer
	unsafe bool
}

func (n nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindAppendixLinks, n.renderAppendixLinks)
	if !n.unsafe {
		reg.Register(ast.KindRawHTML, renderSafeRawHTML)
		reg.Register(ast.KindHTMLBlock, skipHTMLBlock)
	}
}

// renderSafeRawHTML writes the one piece of inline HTML plan text needs, a
// line break inside a table cell ("Công an tỉnh<br>Sở Tư pháp", as
// docs/content-format.md asks), and leaves out any other, silently: an
// editor's comment on a corrected source line is not for readers.
func renderSafeRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	var raw []byte
	segs := node.(*ast.RawHTML).Segments
	for i := range segs.Len() {
		seg := segs.At(i)
		raw = append(raw, seg.Value(source)...)
	}
	if isLineBreak(raw) {
		_, _ = w.WriteString("<br>")
	}
	return ast.WalkSkipChildren, nil
}

// skipHTMLBlock leaves out a block of HTML, such as a comment on its own
// line, without goldmark's "raw HTML omitted" note.
func skipHTMLBlock(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}

// isLineBreak tells "<br>", "<br/>" and "<br />" in any case.
func isLineBreak(tag []byte) bool {
	t := bytes.ToLower(bytes.TrimSpace(tag))
	t = bytes.TrimSuffix(bytes.TrimSuffix(t, []byte(">")), []byte("/"))
	return string(bytes.TrimSpace(t)) == "<br"
}

func (n nodeRenderer) renderAppendixLinks(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	l := node.(*appendixLinks)
	s, file := n.r.strings, func(p string) string { return joinBase(n.r.basePath, p) }
	name := template.HTMLEscapeString(l.appendix.Name)
	fmt.Fprintf(w, `<p class="meta downloads"><a href="%s" type="text/csv" download>%s<span class="visually-hidden"> — <span%s>%s</span></span></a> · <a href="%s" type="application/json">%s<span class="visually-hidden"> — <span%s>%s</span></span></a></p>`+"\n",
		file(AppendixDataURL(l.plan, l.appendix, "csv")), template.HTMLEscapeString(s.MustT("dl_table_csv")), n.r.viattr(), name,
		file(AppendixDataURL(l.plan, l.appendix, "json")), template.HTMLEscapeString(s.MustT("dl_table_json")), n.r.viattr(), name)
	return ast.WalkContinue, nil
}

// LinkAppendixDownloads puts the download links after each Phụ lục table
// of each plan's text. It runs once per build; a plan whose text the loader
// dropped gets them when its page parses it again.
func LinkAppendixDownloads(site *model.Site) {
	for _, p := range site.Plans {
		linkAppendixDownloads(p)
	}
}

// linkAppendixDownloads links p's tables. The recogniser marked them
// (class "phu-luc") in the order of p.Appendices; when the counts differ,
// nothing is added rather than a table getting another's links.
func linkAppendixDownloads(p *model.Plan) {
	if p.Body == nil || p.Body.Root == nil || len(p.Appendices) == 0 {
		return
	}
	var tables []ast.Node
	_ = ast.Walk(p.Body.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*extast.Table); ok && entering {
			if class, ok := t.AttributeString("class"); ok && string(class.([]byte)) == "phu-luc" {
				tables = append(tables, t)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(tables) != len(p.Appendices) {
		return
	}
	for i, t := range tables {
		t.Parent().InsertAfter(t.Parent(), t, &appendixLinks{plan: p, appendix: p.Appendices[i]})
	}
}

// markdown renders a parsed body. Raw HTML other than <br> is left out
// unless the site allows it (UnsafeHTML).
func (r *Renderer) markdown(m *content.Markdown) (template.HTML, error) {
	if m == nil {
		return "", nil
	}
	var b bytes.Buffer
	if err := r.mdRenderer.Render(&b, m.Source, m.Root); err != nil {
		return "", fmt.Errorf("%s: %w", m.File.Path, err)
	}
	return template.HTML(b.String()), nil
}
