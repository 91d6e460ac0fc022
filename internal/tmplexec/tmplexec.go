// Package tmplexec executes layouts already escaped by html/template, with
// the same output, at a fraction of the cost.
//
// html/template calls every function of a layout, and the escaper it adds
// to every action, through reflect.Value.Call; on a site of 100,000 tasks
// that is half of the build. This package walks the same escaped parse
// trees as text/template does, with the escapers done in Go (escape.go),
// the builtins done on reflect values (builtins.go), and only the site's
// own functions called through reflection.
//
// It does what the layouts do and no more. A layout that uses anything
// else (break, continue, a map range, an escaper for JavaScript or CSS)
// is refused by New; a value it does not handle at run time (an integer
// compared with a float, HTML in an attribute) makes Execute return
// ErrUnsupported. The caller then uses html/template, which gives the
// output or the error this package would have to copy.
package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"sync"
	"text/template/parse"
)

// ErrUnsupported says that html/template must draw this page.
var ErrUnsupported = errors.New("not supported by tmplexec")

// unsupported wraps ErrUnsupported with what was not.
func unsupported(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrUnsupported, fmt.Sprintf(format, args...))
}

// Set is the escaped templates of one html/template set, ready to execute.
// It is safe for concurrent use.
type Set struct {
	trees   map[string]*parse.Tree
	funcs   map[string]function
	members sync.Map // memberKey → member
}

// New prepares the template of t called entry, and those it calls, to be
// executed; funcs are the functions t was parsed with, and fast, which may
// be nil, the fast calls of those of them whose types this package cannot
// name. html/template must already have escaped entry, as it does when
// first executing it. New returns an error wrapping ErrUnsupported when a
// template uses what Execute does not do.
func New(t *template.Template, entry string, funcs template.FuncMap, fast map[string]FastFunc) (*Set, error) {
	s := &Set{trees: map[string]*parse.Tree{}, funcs: map[string]function{}}
	for name, f := range funcs {
		call := fast[name]
		if call == nil {
			call = fastCaller(f)
		}
		s.funcs[name] = function{value: reflect.ValueOf(f), fast: call}
	}
	// Only the templates entry calls are escaped: html/template escapes a
	// template when a call to it is first executed.
	if err := s.add(t, entry); err != nil {
		return nil, err
	}
	return s, nil
}

// add takes the template name and those it calls.
func (s *Set) add(t *template.Template, name string) error {
	if _, ok := s.trees[name]; ok {
		return nil
	}
	tmpl := t.Lookup(name)
	if tmpl == nil || tmpl.Tree == nil || tmpl.Tree.Root == nil {
		return unsupported("no template %q", name)
	}
	s.trees[name] = tmpl.Tree
	var calls []string
	if err := s.check(tmpl.Tree.Root, &calls); err != nil {
		return fmt.Errorf("template %q: %w", name, err)
	}
	for _, c := range calls {
		if err := s.add(t, c); err != nil {
			return err
		}
	}
	return nil
}

// Execute writes the template called name, applied to data, into w. On an
// error nothing can be said of what w holds.
func (s *Set) Execute(w *bytes.Buffer, name string, data any) (err error) {
	tree, ok := s.trees[name]
	if !ok {
		return unsupported("no template %q", name)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("tmplexec: %v", r)
		}
	}()
	dot := reflect.ValueOf(data)
	st := &state{set: s, w: w, vars: []variable{{"$", dot}}, args: new([]reflect.Value)}
	return st.walk(dot, tree.Root)
}

// check refuses, before any page is drawn, what Execute would not do, and
// adds to calls the templates node calls.
func (s *Set) check(node parse.Node, calls *[]string) error {
	switch n := node.(type) {
	case *parse.ListNode:
		if n == nil {
			return nil
		}
		for _, c := range n.Nodes {
			if err := s.check(c, calls); err != nil {
				return err
			}
		}
		return nil
	case *parse.TextNode:
		return nil
	case *parse.ActionNode:
		if len(n.Pipe.Decl) == 0 && escapersFrom(n.Pipe) == len(n.Pipe.Cmds) {
			return unsupported("%s: an action with no escaper", n)
		}
		return s.checkPipe(n.Pipe)
	case *parse.IfNode:
		return s.checkBranch(n.Pipe, n.List, n.ElseList, calls)
	case *parse.WithNode:
		return s.checkBranch(n.Pipe, n.List, n.ElseList, calls)
	case *parse.RangeNode:
		return s.checkBranch(n.Pipe, n.List, n.ElseList, calls)
	case *parse.TemplateNode:
		*calls = append(*calls, n.Name)
		return s.checkPipe(n.Pipe)
	}
	return unsupported("%s", node)
}

func (s *Set) checkBranch(pipe *parse.PipeNode, list, elseList *parse.ListNode, calls *[]string) error {
	if err := s.checkPipe(pipe); err != nil {
		return err
	}
	if err := s.check(list, calls); err != nil {
		return err
	}
	return s.check(elseList, calls)
}

func (s *Set) checkPipe(pipe *parse.PipeNode) error {
	if pipe == nil {
		return nil
	}
	for _, cmd := range pipe.Cmds {
		for i, arg := range cmd.Args {
			if err := s.checkArg(arg, i == 0); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Set) checkArg(arg parse.Node, first bool) error {
	switch a := arg.(type) {
	case *parse.IdentifierNode:
		if _, ok := s.funcs[a.Ident]; ok {
			return nil
		}
		if _, ok := builtins[a.Ident]; ok {
			return nil
		}
		if _, ok := escapers[a.Ident]; ok {
			return nil
		}
		return unsupported("function %q", a.Ident)
	case *parse.NumberNode:
		if _, ok := intConstant(a); !ok {
			return unsupported("number %s", a.Text)
		}
		return nil
	case *parse.PipeNode:
		if len(a.Decl) > 0 {
			return unsupported("%s: a variable declared in parentheses", a)
		}
		return s.checkPipe(a)
	case *parse.ChainNode:
		return s.checkArg(a.Node, false)
	case *parse.FieldNode, *parse.VariableNode, *parse.DotNode, *parse.StringNode, *parse.BoolNode:
		return nil
	}
	return unsupported("%s", arg)
}

// escapersFrom returns the index of the first of the escapers html/template
// put at the end of pipe; len(pipe.Cmds) when there is none.
func escapersFrom(pipe *parse.PipeNode) int {
	i := len(pipe.Cmds)
	for i > 1 {
		cmd := pipe.Cmds[i-1]
		id, ok := cmd.Args[0].(*parse.IdentifierNode)
		if !ok || len(cmd.Args) != 1 || escapers[id.Ident] == nil {
			break
		}
		i--
	}
	return i
}
