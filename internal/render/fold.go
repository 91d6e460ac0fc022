package render

import (
	"errors"
	"html/template"
	"io"
	"strings"
	"text/template/parse"
)

// Constant folding of layouts. Most actions of a page's layout do not
// depend on the page: {{t "task_lead"}}, {{url "/du-lieu/"}}, {{viattr}}
// give the same text on every page of a language. html/template runs each
// one through reflection and an escaper on every page, which is most of the
// cost of drawing a task page. foldConstants evaluates them once, when the
// renderer is made, and writes their text into the layout, where the
// escaper's output is known to equal its input: a text or quoted attribute
// context and no character either escaper changes. Anything else stays an
// action. A test builds a site with and without folding and compares every
// file.

// escape makes html/template escape t's templates now, as it otherwise does
// on the first Execute: it executes "base" on nothing, which fails at the
// first field the page needs, after escaping. An escaping error is the
// layout's and is returned; the execution's is expected.
func escape(t *template.Template) error { return escapeEntry(t, "base") }

// escapeEntry makes html/template escape t's template name, as it does
// when first executing it, by executing it on nothing: the errors of
// execution are not the layout's.
func escapeEntry(t *template.Template, name string) error {
	err := t.ExecuteTemplate(io.Discard, name, nil)
	var terr *template.Error
	if errors.As(err, &terr) {
		return err
	}
	return nil
}

// foldConstants replaces the page-independent actions of t's escaped
// templates by their text.
func (r *Renderer) foldConstants(t *template.Template) error {
	if err := escape(t); err != nil {
		return err
	}
	for _, tmpl := range t.Templates() {
		if tmpl.Tree != nil && tmpl.Tree.Root != nil {
			r.foldList(tmpl.Tree.Root)
		}
	}
	return nil
}

func (r *Renderer) foldList(list *parse.ListNode) {
	if list == nil {
		return
	}
	for i, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if text, ok := r.constant(n.Pipe); ok {
				list.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte(text)}
			}
		case *parse.IfNode:
			r.foldList(n.List)
			r.foldList(n.ElseList)
		case *parse.RangeNode:
			r.foldList(n.List)
			r.foldList(n.ElseList)
		case *parse.WithNode:
			r.foldList(n.List)
			r.foldList(n.ElseList)
		}
	}
}

// constant returns the text of an escaped pipeline that calls t, url,
// file or viattr with literal strings, when escaping leaves that text as it
// is.
func (r *Renderer) constant(pipe *parse.PipeNode) (string, bool) {
	if pipe == nil || len(pipe.Decl) > 0 || len(pipe.Cmds) < 2 {
		return "", false
	}
	call := pipe.Cmds[0]
	var escapers []string
	for _, c := range pipe.Cmds[1:] {
		id, ok := c.Args[0].(*parse.IdentifierNode)
		if !ok || len(c.Args) != 1 {
			return "", false
		}
		escapers = append(escapers, id.Ident)
	}
	fn, ok := call.Args[0].(*parse.IdentifierNode)
	if !ok {
		return "", false
	}
	var lits []string
	for _, a := range call.Args[1:] {
		s, ok := a.(*parse.StringNode)
		if !ok {
			return "", false
		}
		lits = append(lits, s.Text)
	}
	chain := strings.Join(escapers, " ")
	switch {
	case fn.Ident == "t" && len(lits) == 1 && (chain == htmlText || chain == htmlAttr):
		s, err := r.strings.T(lits[0])
		if err != nil || strings.ContainsAny(s, htmlSpecial) {
			return "", false // a missing string is reported by the page, as before
		}
		return s, true
	case (fn.Ident == "url" || fn.Ident == "file") && len(lits) == 1 && chain == urlAttr:
		u := joinBase(r.basePath, lits[0])
		if fn.Ident == "url" {
			u = r.pageURL(lits[0])
		}
		if !plainURL(u) {
			return "", false
		}
		return u, true
	case fn.Ident == "viattr" && len(lits) == 0 && chain == attrName:
		return string(r.viattr()), true
	}
	return "", false
}

// The escaper chains html/template puts after an action, by context.
const (
	htmlText = "_html_template_htmlescaper"
	htmlAttr = "_html_template_attrescaper"
	urlAttr  = "_html_template_urlfilter _html_template_urlnormalizer _html_template_attrescaper"
	attrName = "_html_template_htmlnamefilter"
)

// htmlSpecial are the characters the text and attribute escapers change.
const htmlSpecial = "\x00\"&'+<>"

// plainURL tells a URL that the filter accepts and the normaliser and the
// attribute escaper leave as it is: a path, fragment or http(s) address of
// ASCII letters, digits and - . _ ~ / : # ? =.
func plainURL(u string) bool {
	if !strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "#") && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		return false
	}
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("-._~/:#?=", c) >= 0:
		default:
			return false
		}
	}
	return true
}
