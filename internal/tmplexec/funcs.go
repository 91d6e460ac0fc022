package tmplexec

import (
	"html/template"
	"reflect"
)

// A function of the set: its value, and for the types layouts call most a
// way to call it without reflect.Value.Call, which allocates its frame and
// its results on every call and was most of the allocations of drawing a
// page.
type function struct {
	value reflect.Value
	fast  FastFunc
}

// A FastFunc calls a function with arguments already checked to be of its
// parameters' types, as call checks them. New's caller gives those of
// functions whose parameters are types this package cannot name (Fast1).
type FastFunc func(args []reflect.Value) (reflect.Value, error)

// Fast1 is the FastFunc of f, a function of one argument.
func Fast1[A, R any](f func(A) R) FastFunc {
	return func(a []reflect.Value) (reflect.Value, error) {
		arg, ok := a[0].Interface().(A)
		if !ok {
			return reflect.Value{}, unsupported("%s for %T", a[0].Type(), arg)
		}
		return reflect.ValueOf(f(arg)), nil
	}
}

// FastErr1 is Fast1 for a function that may fail.
func FastErr1[A, R any](f func(A) (R, error)) FastFunc {
	return func(a []reflect.Value) (reflect.Value, error) {
		arg, ok := a[0].Interface().(A)
		if !ok {
			return reflect.Value{}, unsupported("%s for %T", a[0].Type(), arg)
		}
		r, err := f(arg)
		return reflect.ValueOf(r), err
	}
}

// fastCaller returns the FastFunc of f, or nil when f's type is none of
// these. A parameter of type string or int holds exactly that type: call's
// checks let no other type through to it.
func fastCaller(f any) FastFunc {
	switch f := f.(type) {
	case func(string) string:
		return func(a []reflect.Value) (reflect.Value, error) { return reflect.ValueOf(f(a[0].String())), nil }
	case func(string) template.HTML:
		return func(a []reflect.Value) (reflect.Value, error) { return reflect.ValueOf(f(a[0].String())), nil }
	case func(string) bool:
		return func(a []reflect.Value) (reflect.Value, error) { return reflect.ValueOf(f(a[0].String())), nil }
	case func(int) string:
		return func(a []reflect.Value) (reflect.Value, error) { return reflect.ValueOf(f(int(a[0].Int()))), nil }
	case func(int) int:
		return func(a []reflect.Value) (reflect.Value, error) { return reflect.ValueOf(f(int(a[0].Int()))), nil }
	case func(int, int) int:
		return func(a []reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(int(a[0].Int()), int(a[1].Int()))), nil
		}
	case func(string) (string, error):
		return func(a []reflect.Value) (reflect.Value, error) {
			s, err := f(a[0].String())
			return reflect.ValueOf(s), err
		}
	case func(string, ...any) (string, error):
		return func(a []reflect.Value) (reflect.Value, error) {
			rest := make([]any, len(a)-1)
			for i, v := range a[1:] {
				if v.IsValid() {
					rest[i] = v.Interface()
				}
			}
			s, err := f(a[0].String(), rest...)
			return reflect.ValueOf(s), err
		}
	}
	return nil
}
