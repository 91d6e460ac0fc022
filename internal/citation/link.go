package citation

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Link rewrites the goldmark tree under root so that each citation in a text
// node becomes a link, to href(c), around exactly the number. The offsets of
// the Citation passed to href are offsets in source. An empty href leaves
// that citation as text, so callers can link only documents they know.
//
// Text inside links, images, code and raw HTML is left alone: a number there
// is already linked or is quoted literally. Headings are linked like body
// text. A number split across text nodes (by a line break or markup) is not
// linked.
func Link(root ast.Node, source []byte, href func(Citation) string) {
	if root == nil || href == nil {
		return
	}
	var texts []*ast.Text
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindLink, ast.KindAutoLink, ast.KindImage, ast.KindCodeSpan,
			ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindRawHTML:
			return ast.WalkSkipChildren, nil
		}
		if t, ok := n.(*ast.Text); ok {
			texts = append(texts, t)
		}
		return ast.WalkContinue, nil
	})
	if len(texts) == 0 {
		return
	}
	src := string(source)
	for _, t := range texts {
		linkText(t, src, href)
	}
}

// linkText splits one text node around its citations.
func linkText(t *ast.Text, src string, href func(Citation) string) {
	seg := t.Segment
	parent := t.Parent()
	if parent == nil || t.IsRaw() || seg.Padding != 0 || seg.Start < 0 || seg.Start >= seg.Stop || seg.Stop > len(src) {
		return
	}
	pos := seg.Start
	for _, c := range scan(src, seg.Start, seg.Stop) {
		if c.End == seg.Stop && continues(src, seg.Stop) {
			continue // the rest of the number is in the next node
		}
		dest := href(c)
		if dest == "" {
			continue
		}
		if c.Start > pos {
			parent.InsertBefore(parent, t, ast.NewTextSegment(text.NewSegment(pos, c.Start)))
		}
		link := ast.NewLink()
		link.Destination = []byte(dest)
		link.AppendChild(link, ast.NewTextSegment(text.NewSegment(c.Start, c.End)))
		parent.InsertBefore(parent, t, link)
		pos = c.End
	}
	if pos == seg.Start {
		return
	}
	// The original node keeps the tail and its line-break flags.
	t.Segment = text.NewSegment(pos, seg.Stop)
	if pos == seg.Stop && !t.SoftLineBreak() && !t.HardLineBreak() {
		parent.RemoveChild(parent, t)
	}
}

// continues reports whether the source right after a text node could carry
// on a number that ends there ("06/QĐ\-TTg" is split by the escape).
func continues(src string, stop int) bool {
	r, _ := decodeRune(src, stop, len(src))
	return stop < len(src) && (isWordRune(r) || r == '\\' || r == '&' || r == '-' || r == '/')
}
