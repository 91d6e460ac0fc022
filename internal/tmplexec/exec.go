package tmplexec

import (
	"bytes"
	"fmt"
	"reflect"
	"text/template/parse"
)

// maxDepth bounds template calls, as text/template's does.
const maxDepth = 100000

type variable struct {
	name  string
	value reflect.Value
}

// state is one execution: where it writes and the variables in scope.
type state struct {
	set   *Set
	w     *bytes.Buffer
	vars  []variable
	depth int
	args  *[]reflect.Value // a stack the calls' arguments are taken from
}

// noFinal marks a command that gets no value from the one before it.
var noFinal = reflect.Value{}

func (s *state) walk(dot reflect.Value, node parse.Node) error {
	switch n := node.(type) {
	case *parse.TextNode:
		s.w.Write(n.Text)
		return nil
	case *parse.ListNode:
		for _, c := range n.Nodes {
			if err := s.walk(dot, c); err != nil {
				return err
			}
		}
		return nil
	case *parse.ActionNode:
		if len(n.Pipe.Decl) > 0 {
			_, err := s.evalPipeline(dot, n.Pipe)
			return err
		}
		return s.print(dot, n.Pipe)
	case *parse.IfNode:
		return s.walkIfOrWith(false, dot, n.Pipe, n.List, n.ElseList)
	case *parse.WithNode:
		return s.walkIfOrWith(true, dot, n.Pipe, n.List, n.ElseList)
	case *parse.RangeNode:
		return s.walkRange(dot, n)
	case *parse.TemplateNode:
		return s.walkTemplate(dot, n)
	}
	return unsupported("%s", node)
}

// print evaluates an action's pipeline up to the escapers html/template
// added, and writes the value through them.
func (s *state) print(dot reflect.Value, pipe *parse.PipeNode) error {
	k := escapersFrom(pipe)
	v, err := s.evalCommands(dot, pipe.Cmds[:k])
	if err != nil {
		return err
	}
	text, c, ok := stringify(v)
	if !ok {
		return unsupported("printing a %s", v.Kind())
	}
	for _, cmd := range pipe.Cmds[k:] {
		esc := escapers[cmd.Args[0].(*parse.IdentifierNode).Ident]
		if text, ok = esc(text, c); !ok {
			return unsupported("%s", cmd)
		}
		c = plain // an escaper returns a string
	}
	s.w.WriteString(text)
	return nil
}

func (s *state) mark() int { return len(s.vars) }

func (s *state) pop(mark int) { s.vars = s.vars[:mark] }

func (s *state) varValue(name string) (reflect.Value, error) {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value, nil
		}
	}
	return reflect.Value{}, unsupported("undefined variable %s", name)
}

func (s *state) setVar(name string, v reflect.Value) error {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return nil
		}
	}
	return unsupported("undefined variable %s", name)
}

func (s *state) walkIfOrWith(with bool, dot reflect.Value, pipe *parse.PipeNode, list, elseList *parse.ListNode) error {
	defer s.pop(s.mark())
	val, err := s.evalPipeline(dot, pipe)
	if err != nil {
		return err
	}
	truth, ok := isTrue(indirectInterface(val))
	if !ok {
		return unsupported("if/with of %s", val.Type())
	}
	switch {
	case truth && with:
		return s.walk(val, list)
	case truth:
		return s.walk(dot, list)
	case elseList != nil:
		return s.walk(dot, elseList)
	}
	return nil
}

func (s *state) walkRange(dot reflect.Value, r *parse.RangeNode) error {
	defer s.pop(s.mark())
	v, err := s.evalPipeline(dot, r.Pipe)
	if err != nil {
		return err
	}
	val, _ := indirect(v)
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		if val.Len() == 0 {
			break
		}
		for i := 0; i < val.Len(); i++ {
			if err := s.rangeOnce(r, reflect.ValueOf(i), val.Index(i)); err != nil {
				return err
			}
		}
		return nil
	case reflect.Invalid:
		// a nil pointer or interface: the else branch, as in text/template
	default:
		return unsupported("range over %s", val.Type())
	}
	if r.ElseList != nil {
		return s.walk(dot, r.ElseList)
	}
	return nil
}

func (s *state) rangeOnce(r *parse.RangeNode, index, elem reflect.Value) error {
	if r.Pipe.IsAssign && len(r.Pipe.Decl) > 0 {
		return unsupported("%s: range assigning to variables", r)
	}
	if len(r.Pipe.Decl) > 0 {
		s.vars[len(s.vars)-1].value = elem
	}
	if len(r.Pipe.Decl) > 1 {
		s.vars[len(s.vars)-2].value = index
	}
	defer s.pop(s.mark())
	return s.walk(elem, r.List)
}

func (s *state) walkTemplate(dot reflect.Value, t *parse.TemplateNode) error {
	tree, ok := s.set.trees[t.Name]
	if !ok {
		return unsupported("no template %q", t.Name)
	}
	if s.depth >= maxDepth {
		return unsupported("templates nested too deep")
	}
	v, err := s.evalPipeline(dot, t.Pipe)
	if err != nil {
		return err
	}
	inner := state{set: s.set, w: s.w, vars: []variable{{"$", v}}, depth: s.depth + 1, args: s.args}
	return inner.walk(v, tree.Root)
}

// evalPipeline returns the pipeline's value and declares or assigns its
// variables.
func (s *state) evalPipeline(dot reflect.Value, pipe *parse.PipeNode) (reflect.Value, error) {
	if pipe == nil {
		return reflect.Value{}, nil
	}
	v, err := s.evalCommands(dot, pipe.Cmds)
	if err != nil {
		return v, err
	}
	for _, d := range pipe.Decl {
		if pipe.IsAssign {
			if err := s.setVar(d.Ident[0], v); err != nil {
				return v, err
			}
		} else {
			s.vars = append(s.vars, variable{d.Ident[0], v})
		}
	}
	return v, nil
}

// evalCommands runs commands each given the value of the one before.
func (s *state) evalCommands(dot reflect.Value, cmds []*parse.CommandNode) (reflect.Value, error) {
	value, hasFinal := noFinal, false
	for _, cmd := range cmds {
		v, err := s.evalCommand(dot, cmd, value, hasFinal)
		if err != nil {
			return v, err
		}
		// An empty interface is looked into, as text/template does.
		if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
			v = reflect.ValueOf(v.Interface())
		}
		value, hasFinal = v, true
	}
	return value, nil
}

func (s *state) evalCommand(dot reflect.Value, cmd *parse.CommandNode, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return s.evalFieldChain(dot, dot, n.Ident, cmd.Args, final, hasFinal)
	case *parse.ChainNode:
		recv, err := s.evalArg(dot, nil, n.Node)
		if err != nil {
			return recv, err
		}
		return s.evalFieldChain(dot, recv, n.Field, cmd.Args, final, hasFinal)
	case *parse.IdentifierNode:
		return s.evalFunction(dot, n.Ident, cmd.Args[1:], final, hasFinal)
	case *parse.VariableNode:
		return s.evalVariable(dot, n, cmd.Args, final, hasFinal)
	}
	if len(cmd.Args) > 1 || hasFinal {
		return reflect.Value{}, unsupported("%s: arguments to a non-function", cmd)
	}
	switch n := cmd.Args[0].(type) {
	case *parse.PipeNode:
		return s.evalPipeline(dot, n)
	case *parse.DotNode:
		return dot, nil
	case *parse.StringNode:
		return reflect.ValueOf(n.Text), nil
	case *parse.BoolNode:
		return reflect.ValueOf(n.True), nil
	case *parse.NumberNode:
		if i, ok := intConstant(n); ok {
			return reflect.ValueOf(i), nil
		}
	}
	return reflect.Value{}, unsupported("%s", cmd)
}

func (s *state) evalVariable(dot reflect.Value, v *parse.VariableNode, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	value, err := s.varValue(v.Ident[0])
	if err != nil {
		return value, err
	}
	if len(v.Ident) == 1 {
		if len(args) > 1 || hasFinal {
			return value, unsupported("%s: arguments to a variable", v)
		}
		return value, nil
	}
	return s.evalFieldChain(dot, value, v.Ident[1:], args, final, hasFinal)
}

// evalFieldChain evaluates .A.B.C on receiver; the last name gets the
// arguments when it is a method.
func (s *state) evalFieldChain(dot, receiver reflect.Value, idents []string, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	var err error
	for _, name := range idents[:len(idents)-1] {
		if receiver, err = s.evalField(dot, name, nil, noFinal, false, receiver); err != nil {
			return receiver, err
		}
	}
	return s.evalField(dot, idents[len(idents)-1], args, final, hasFinal, receiver)
}

// evalField is text/template's evalField for methods and struct fields.
// args, when there are any, start with the field's own node.
func (s *state) evalField(dot reflect.Value, name string, args []parse.Node, final reflect.Value, hasFinal bool, receiver reflect.Value) (reflect.Value, error) {
	if !receiver.IsValid() {
		return reflect.Value{}, nil
	}
	receiver, isNil := indirect(receiver)
	if receiver.Kind() == reflect.Interface && isNil {
		return reflect.Value{}, unsupported("nil interface evaluating .%s", name)
	}
	ptr := receiver
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	if receiver.Kind() == reflect.Struct {
		m := s.set.member(ptr.Type(), receiver.Type(), name)
		switch {
		case m.method >= 0:
			var rest []parse.Node
			if len(args) > 1 {
				rest = args[1:]
			}
			return s.call(dot, function{value: ptr.Method(m.method)}, name, rest, final, hasFinal)
		case m.field != nil && len(args) <= 1 && !hasFinal:
			if field, err := receiver.FieldByIndexErr(m.field); err == nil {
				return field, nil
			}
		}
		return reflect.Value{}, unsupported("field %s of %s", name, receiver.Type())
	}
	if m := ptr.MethodByName(name); m.IsValid() {
		var rest []parse.Node
		if len(args) > 1 {
			rest = args[1:]
		}
		return s.call(dot, function{value: m}, name, rest, final, hasFinal)
	}
	return reflect.Value{}, unsupported("field %s of %s", name, receiver.Type())
}

// A member is what .name means on a struct: the index of a method of the
// type methods are looked up on, or the index path of an exported field.
type member struct {
	method int // -1 when name is no method
	field  []int
}

type memberKey struct {
	methods reflect.Type // the struct type or, when addressable, its pointer
	name    string
}

// member looks name up on a struct type once: reflect's FieldByName walks
// the fields, and the embedded structs, on every call.
func (set *Set) member(methods, structType reflect.Type, name string) member {
	key := memberKey{methods, name}
	if m, ok := set.members.Load(key); ok {
		return m.(member)
	}
	m := member{method: -1}
	if meth, ok := methods.MethodByName(name); ok {
		m.method = meth.Index
	} else if f, ok := structType.FieldByName(name); ok && f.IsExported() {
		m.field = f.Index
	}
	set.members.Store(key, m)
	return m
}

// evalFunction calls a function of the set, or a builtin, with args.
func (s *state) evalFunction(dot reflect.Value, name string, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	if f, ok := s.set.funcs[name]; ok {
		return s.call(dot, f, name, args, final, hasFinal)
	}
	if b, ok := builtins[name]; ok {
		return b(s, dot, args, final, hasFinal)
	}
	return reflect.Value{}, unsupported("function %q", name)
}

// call is text/template's evalCall for a function or method value.
func (s *state) call(dot reflect.Value, fun function, name string, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	typ := fun.value.Type()
	numIn := len(args)
	if hasFinal {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			return reflect.Value{}, unsupported("%s: too few arguments", name)
		}
	} else if numIn != typ.NumIn() {
		return reflect.Value{}, unsupported("%s: %d arguments, want %d", name, numIn, typ.NumIn())
	}
	// The arguments are taken from a stack the execution shares rather
	// than allocated per call; a call made while evaluating them takes
	// its own above them.
	base := len(*s.args)
	*s.args = append(*s.args, make([]reflect.Value, numIn)...)
	argv := (*s.args)[base : base+numIn : base+numIn]
	defer func() {
		clear(argv)
		*s.args = (*s.args)[:base]
	}()
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		v, err := s.evalArg(dot, typ.In(i), args[i])
		if err != nil {
			return v, err
		}
		argv[i] = v
	}
	if typ.IsVariadic() {
		elem := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			v, err := s.evalArg(dot, elem, args[i])
			if err != nil {
				return v, err
			}
			argv[i] = v
		}
	}
	if hasFinal {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		v, err := validateType(final, t)
		if err != nil {
			return v, err
		}
		argv[i] = v
	}
	if fun.fast != nil {
		v, err := fun.fast(argv)
		if err != nil {
			return v, fmt.Errorf("calling %s: %w", name, err)
		}
		return v, nil
	}
	out := fun.value.Call(argv)
	if len(out) == 2 && !out[1].IsNil() {
		return out[0], fmt.Errorf("calling %s: %w", name, out[1].Interface().(error))
	}
	if out[0].Type() == reflectValueType {
		return out[0].Interface().(reflect.Value), nil
	}
	return out[0], nil
}

var reflectValueType = reflect.TypeFor[reflect.Value]()

// evalArg evaluates an argument for a parameter of type typ; a nil typ
// takes the value as it is.
func (s *state) evalArg(dot reflect.Value, typ reflect.Type, n parse.Node) (reflect.Value, error) {
	var v reflect.Value
	var err error
	switch a := n.(type) {
	case *parse.DotNode:
		v = dot
	case *parse.FieldNode:
		v, err = s.evalFieldChain(dot, dot, a.Ident, []parse.Node{n}, noFinal, false)
	case *parse.VariableNode:
		v, err = s.evalVariable(dot, a, nil, noFinal, false)
	case *parse.PipeNode:
		v, err = s.evalPipeline(dot, a)
	case *parse.IdentifierNode:
		v, err = s.evalFunction(dot, a.Ident, nil, noFinal, false)
	case *parse.ChainNode:
		recv, err := s.evalArg(dot, nil, a.Node)
		if err != nil {
			return recv, err
		}
		v, err = s.evalFieldChain(dot, recv, a.Field, nil, noFinal, false)
		if err != nil {
			return v, err
		}
	default:
		return literal(typ, n)
	}
	if err != nil {
		return v, err
	}
	if typ == nil {
		return v, nil
	}
	return validateType(v, typ)
}

// literal is a constant argument for a parameter of type typ.
func literal(typ reflect.Type, n parse.Node) (reflect.Value, error) {
	empty := typ == nil || typ.Kind() == reflect.Interface && typ.NumMethod() == 0
	switch a := n.(type) {
	case *parse.StringNode:
		if empty {
			return reflect.ValueOf(a.Text), nil
		}
		if typ.Kind() == reflect.String {
			v := reflect.New(typ).Elem()
			v.SetString(a.Text)
			return v, nil
		}
	case *parse.BoolNode:
		if empty {
			return reflect.ValueOf(a.True), nil
		}
		if typ.Kind() == reflect.Bool {
			v := reflect.New(typ).Elem()
			v.SetBool(a.True)
			return v, nil
		}
	case *parse.NumberNode:
		i, ok := intConstant(a)
		if ok && empty {
			return reflect.ValueOf(i), nil
		}
		if ok && typ.Kind() >= reflect.Int && typ.Kind() <= reflect.Int64 {
			v := reflect.New(typ).Elem()
			v.SetInt(int64(i))
			return v, nil
		}
	}
	return reflect.Value{}, unsupported("%s as %v", n, typ)
}

// validateType is text/template's check that a value suits a parameter,
// for the cases that need no conversion.
func validateType(v reflect.Value, typ reflect.Type) (reflect.Value, error) {
	if !v.IsValid() {
		if canBeNil(typ) {
			return reflect.Zero(typ), nil
		}
		return v, unsupported("missing value for %s", typ)
	}
	if v.Type().AssignableTo(typ) {
		return v, nil
	}
	if v.Kind() == reflect.Interface && !v.IsNil() && v.Elem().Type().AssignableTo(typ) {
		return v.Elem(), nil
	}
	return v, unsupported("%s for %s", v.Type(), typ)
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	}
	return false
}

// intConstant is the value of a number written as a plain int, which is
// all the layouts use.
func intConstant(n *parse.NumberNode) (int, bool) {
	for i, c := range n.Text {
		if (c < '0' || c > '9') && !(i == 0 && c == '-' && len(n.Text) > 1) {
			return 0, false
		}
	}
	if !n.IsInt || int64(int(n.Int64)) != n.Int64 {
		return 0, false
	}
	return int(n.Int64), true
}

// indirect follows pointers and interfaces to a value, stopping at nil.
func indirect(v reflect.Value) (reflect.Value, bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// indirectInterface returns the value an interface holds.
func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface || v.IsNil() {
		return v
	}
	return v.Elem()
}

// isTrue is text/template's truth of a value.
func isTrue(v reflect.Value) (truth, ok bool) {
	if !v.IsValid() {
		return false, true
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0, true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0, true
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0, true
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0, true
	case reflect.Struct:
		return true, true
	}
	return false, false
}
