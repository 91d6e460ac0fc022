package tmplexec

import (
	"cmp"
	"fmt"
	"reflect"
	"text/template/parse"
)

// A builtin gets its arguments unevaluated, as text/template's and and or
// need, and the value piped into it when hasFinal is set.
type builtin func(s *state, dot reflect.Value, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error)

// builtins are text/template's predefined functions that the layouts use;
// the others (call, html, js, printf, slice, urlquery…) are refused by New.
var builtins map[string]builtin

func init() {
	builtins = map[string]builtin{
		"and":   andOr(false),
		"or":    andOr(true),
		"not":   not,
		"len":   length,
		"index": index,
		"print": print,
		"eq":    eq,
		"ne":    ne,
		"lt":    order(func(c int) bool { return c < 0 }),
		"le":    order(func(c int) bool { return c <= 0 }),
		"gt":    order(func(c int) bool { return c > 0 }),
		"ge":    order(func(c int) bool { return c >= 0 }),
	}
}

// values evaluates the arguments of a builtin, and appends the piped value.
func (s *state) values(dot reflect.Value, args []parse.Node, final reflect.Value, hasFinal bool) ([]reflect.Value, error) {
	vs := make([]reflect.Value, 0, len(args)+1)
	for _, a := range args {
		v, err := s.evalArg(dot, nil, a)
		if err != nil {
			return nil, err
		}
		vs = append(vs, v)
	}
	if hasFinal {
		vs = append(vs, final)
	}
	for _, v := range vs {
		if !v.IsValid() {
			return nil, unsupported("a missing value given to a builtin")
		}
	}
	return vs, nil
}

// andOr returns the first argument whose truth is or's, evaluating no
// further, or the last one.
func andOr(or bool) builtin {
	return func(s *state, dot reflect.Value, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
		if len(args) == 0 && !hasFinal {
			return reflect.Value{}, unsupported("and/or with no argument")
		}
		var v reflect.Value
		for _, a := range args {
			var err error
			if v, err = s.evalArg(dot, nil, a); err != nil {
				return v, err
			}
			if !v.IsValid() {
				return v, unsupported("a missing value given to and/or")
			}
			if truth(v) == or {
				return v, nil
			}
		}
		if hasFinal {
			v = final
		}
		return v, nil
	}
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

func not(s *state, dot reflect.Value, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	vs, err := s.values(dot, args, final, hasFinal)
	if err != nil || len(vs) != 1 {
		return reflect.Value{}, unsupported("not: %v", err)
	}
	return reflect.ValueOf(!truth(vs[0])), nil
}

func length(s *state, dot reflect.Value, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	vs, err := s.values(dot, args, final, hasFinal)
	if err != nil || len(vs) != 1 {
		return reflect.Value{}, unsupported("len: %v", err)
	}
	item, isNil := indirect(vs[0])
	if isNil {
		return reflect.Value{}, unsupported("len of nil")
	}
	switch item.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return reflect.ValueOf(item.Len()), nil
	}
	return reflect.Value{}, unsupported("len of %s", item.Type())
}

// index does slices and arrays by an int in range, and maps by a key of
// their key's type.
func index(s *state, dot reflect.Value, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	vs, err := s.values(dot, args, final, hasFinal)
	if err != nil || len(vs) < 2 {
		return reflect.Value{}, unsupported("index: %v", err)
	}
	item := indirectInterface(vs[0])
	for _, ix := range vs[1:] {
		ix = indirectInterface(ix)
		var isNil bool
		if item, isNil = indirect(item); isNil {
			return reflect.Value{}, unsupported("index of nil")
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice:
			if ix.Kind() < reflect.Int || ix.Kind() > reflect.Int64 || ix.Int() < 0 || ix.Int() >= int64(item.Len()) {
				return reflect.Value{}, unsupported("index %v of %s", ix, item.Type())
			}
			item = item.Index(int(ix.Int()))
		case reflect.Map:
			if !ix.Type().AssignableTo(item.Type().Key()) {
				return reflect.Value{}, unsupported("map key %s", ix.Type())
			}
			if x := item.MapIndex(ix); x.IsValid() {
				item = x
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			return reflect.Value{}, unsupported("index of %s", item.Type())
		}
	}
	return item, nil
}

func print(s *state, dot reflect.Value, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	vs, err := s.values(dot, args, final, hasFinal)
	if err != nil {
		return reflect.Value{}, err
	}
	as := make([]any, len(vs))
	for i, v := range vs {
		if !v.CanInterface() {
			return reflect.Value{}, unsupported("print of %s", v.Type())
		}
		as[i] = v.Interface()
	}
	return reflect.ValueOf(fmt.Sprint(as...)), nil
}

// eq is true when the first value equals any of the others; ne when the
// first differs from the second. Both take bools, integers and strings.
func eq(s *state, dot reflect.Value, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	vs, err := s.values(dot, args, final, hasFinal)
	if err != nil || len(vs) < 2 {
		return reflect.Value{}, unsupported("eq: %v", err)
	}
	for _, b := range vs[1:] {
		c, err := compareValues(vs[0], b, false)
		if err != nil {
			return reflect.Value{}, err
		}
		if c == 0 {
			return reflect.ValueOf(true), nil
		}
	}
	return reflect.ValueOf(false), nil
}

func ne(s *state, dot reflect.Value, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	vs, err := s.values(dot, args, final, hasFinal)
	if err != nil || len(vs) != 2 {
		return reflect.Value{}, unsupported("ne: %v", err)
	}
	c, err := compareValues(vs[0], vs[1], false)
	return reflect.ValueOf(c != 0), err
}

// order makes lt, le, gt and ge, for two integers or two strings.
func order(ok func(c int) bool) builtin {
	return func(s *state, dot reflect.Value, args []parse.Node, final reflect.Value, hasFinal bool) (reflect.Value, error) {
		vs, err := s.values(dot, args, final, hasFinal)
		if err != nil || len(vs) != 2 {
			return reflect.Value{}, unsupported("comparison: %v", err)
		}
		c, err := compareValues(vs[0], vs[1], true)
		return reflect.ValueOf(ok(c)), err
	}
}

// compareValues orders a and b: -1, 0 or +1; bools are only equal or not.
func compareValues(a, b reflect.Value, ordered bool) (int, error) {
	a, b = indirectInterface(a), indirectInterface(b)
	ka, kb := basicKind(a), basicKind(b)
	if ka != kb || ka == otherKind || ordered && ka == boolKind {
		return 0, unsupported("comparing %s with %s", a.Type(), b.Type())
	}
	switch ka {
	case boolKind:
		if a.Bool() == b.Bool() {
			return 0, nil
		}
		return 1, nil
	case intKind:
		return cmp.Compare(a.Int(), b.Int()), nil
	}
	return cmp.Compare(a.String(), b.String()), nil
}

type kind int

const (
	otherKind kind = iota
	boolKind
	intKind
	stringKind
)

func basicKind(v reflect.Value) kind {
	switch v.Kind() {
	case reflect.Bool:
		return boolKind
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind
	case reflect.String:
		return stringKind
	}
	return otherKind
}
