package chart

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// node is an element of a parsed chart.
type node struct {
	name     string
	attrs    map[string]string
	children []*node
	text     string // the element's own character data
	parent   *node
}

// parseSVG parses s, failing the test unless it is one well-formed XML
// element.
func parseSVG(t testing.TB, s string) *node {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	var root *node
	var stack []*node
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, s)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				key := a.Name.Local
				if a.Name.Space != "" && a.Name.Space != "http://www.w3.org/2000/svg" {
					key = a.Name.Space + ":" + key
				}
				if _, dup := n.attrs[key]; dup {
					t.Fatalf("attribute %s twice on <%s>", key, n.name) // encoding/xml lets this pass
				}
				n.attrs[key] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				n.parent = p
				p.children = append(p.children, n)
			} else if root != nil {
				t.Fatalf("more than one root element")
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(tok)
			} else if strings.TrimSpace(string(tok)) != "" {
				t.Fatalf("text outside the root: %q", tok)
			}
		case xml.ProcInst, xml.Directive:
			t.Fatalf("unexpected %T in chart", tok)
		}
	}
	if root == nil {
		t.Fatalf("no root element")
	}
	return root
}

// all returns n and its descendants in document order.
func (n *node) all() []*node {
	out := []*node{n}
	for _, c := range n.children {
		out = append(out, c.all()...)
	}
	return out
}

// named returns the descendants of n (and n) with the element name.
func (n *node) named(name string) []*node {
	var out []*node
	for _, m := range n.all() {
		if m.name == name {
			out = append(out, m)
		}
	}
	return out
}

// title returns the text of n's <title> child, if it has one.
func (n *node) title() string {
	for _, c := range n.children {
		if c.name == "title" {
			return c.text
		}
	}
	return ""
}

// texts returns the text of every <text> element under n.
func (n *node) texts() []string {
	var out []string
	for _, m := range n.named("text") {
		out = append(out, m.text)
	}
	return out
}
