package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

type item struct {
	Name  string
	N     int
	On    bool
	Tags  []string
	Items []*item
	Link  template.URL
	Body  template.HTML
	Next  *item
	Any   any
	Map   map[string]int
}

func (i item) Upper() string            { return strings.ToUpper(i.Name) }
func (i item) Greet(s string) string    { return s + ", " + i.Name }
func (i *item) Ptr() string             { return "ptr " + i.Name }
func (i item) Pair(a string, b int) int { return len(a) + b }

func firstItem(xs []*item) *item { return xs[0] }

var funcs = template.FuncMap{
	"twice": func(s string) string { return s + s },
	"add":   func(a, b int) int { return a + b },
	"join":  strings.Join,
	"tr":    func(key string, args ...any) (string, error) { return key + fmt.Sprint(args...), nil },
	"fail":  func() (string, error) { return "", errors.New("broken") },
	"boom":  func() string { panic("boom") },
	"raw":   func(s string) template.HTML { return template.HTML(s) },
	"first": firstItem,
}

func sample() *item {
	leaf := &item{Name: "lá <&> \"'+", N: 3, Link: "https://ví.dụ/a b?q=1&r=ạ", Body: "<b>đậm</b>"}
	return &item{
		Name: "Gốc", N: 7, On: true, Tags: []string{"a", "b<", "c&"},
		Items: []*item{leaf, {Name: "hai", N: 0}, {Name: "javascript:alert(1)", Link: "javascript:x()"}},
		Link:  "/trang/?a=1&b=2", Body: "<i>nghiêng</i>", Next: leaf, Any: leaf, Map: map[string]int{"x": 1},
	}
}

// Each layout, run by html/template and by this package on the same data,
// must give the same bytes.
func TestSameAsHTMLTemplate(t *testing.T) {
	tests := []struct{ name, text string }{
		{"text", `<p>{{.Name}} {{.N}} {{.On}}</p>`},
		{"fields", `{{.Next.Name}}|{{with .Next}}{{.N}}{{end}}`},
		{"methods", `{{.Upper}} {{.Ptr}} {{.Greet "chào"}} {{.Pair "ab" 3}} {{.Next.Upper}}`},
		{"attr", `<a title="{{.Name}}" href="{{.Link}}" data-x="{{.Next.Name}}">x</a>`},
		{"unsafe URL", `{{range .Items}}<a href="{{.Name}}">{{.Name}}</a><a href="{{.Link}}">l</a>{{end}}`},
		{"URL parts", `<a href="/tim/?q={{.Next.Name}}&amp;t={{.Next.Link}}">x</a><a href="/{{.Next.Name}}/">y</a>`},
		{"title", `<title>{{.Name}} {{.Body}} {{.Next.Name}}</title>`},
		{"HTML", `<div>{{.Body}} {{raw "<u>u</u>"}}</div>`},
		{"variables", `{{$x := .Name}}{{$n := 1}}{{range .Items}}{{$x}}{{$n = add $n .N}}{{end}}{{$n}}{{$.N}}`},
		{"range index", `{{range $i, $it := .Items}}{{$i}}={{$it.Name}};{{else}}none{{end}}`},
		{"range one var", `{{range $it := .Tags}}[{{$it}}]{{end}}`},
		{"range empty", `{{range .Next.Tags}}x{{else}}trống{{end}}{{range .Next.Items}}y{{else}}không{{end}}`},
		{"if", `{{if .On}}on{{else if .N}}n{{else}}off{{end}}{{if .Next.On}}x{{else}}y{{end}}{{if .Next.Tags}}t{{end}}`},
		{"with", `{{with .Next}}{{.Name}}{{else}}no{{end}}{{with .Next.Next}}{{.Name}}{{else}}none{{end}}`},
		{"and or", `{{or .Next.Name .Name}} {{or "" .Name}} {{and .On .Name}} {{and .Next.On .Name}} {{.Next.N | or 5}}`},
		{"not", `{{not .On}} {{not .Next.Tags}} {{not .Next.Next}}`},
		{"len index", `{{len .Tags}} {{len .Name}} {{index .Tags 1}} {{(index .Items 0).Name}} {{index .Map "x"}} {{index .Map "y"}}`},
		{"print", `{{print "level_" .N}} {{print .N .N}} {{print .Name "x"}}`},
		{"comparisons", `{{eq .N 7}}{{eq .Name "Gốc"}}{{eq .N 1 2 7}}{{ne .N 7}}{{lt .N 8}}{{le .N 7}}{{gt .N 7}}{{ge .N 7}}{{lt "a" "b"}}{{eq .On true}}`},
		{"pipelines", `{{.Name | twice}} {{"x" | twice | twice}} {{tr "k" .N .Name}} {{.N | tr "k"}} {{join .Tags ", "}}`},
		{"parenthesised", `{{twice (print .N)}} {{(first .Items).Name}} {{add (len .Tags) .N}}`},
		{"interface", `{{.Any.Name}} {{with .Any}}{{.N}}{{end}}`},
		{"templates", `{{define "row"}}<li>{{.Name}}</li>{{end}}{{define "list"}}<ul>{{range .}}{{template "row" .}}{{end}}</ul>{{end}}{{template "list" .Items}}{{template "row" .}}`},
		{"recursion", `{{define "chain"}}{{.Name}}{{with .Next}}>{{template "chain" .}}{{end}}{{end}}{{template "chain" .}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, got := both(t, tt.text, sample())
			if got != want {
				t.Errorf("\ntmplexec:      %s\nhtml/template: %s", got, want)
			}
		})
	}
}

// both runs text as html/template and as this package, which must accept
// it.
func both(t *testing.T, text string, data any) (want, got string) {
	t.Helper()
	tmpl := template.Must(template.New("x").Funcs(funcs).Parse(text))
	var w bytes.Buffer
	if err := tmpl.Execute(&w, data); err != nil {
		t.Fatalf("html/template: %v", err)
	}
	s, err := New(tmpl, "x", funcs, map[string]FastFunc{"first": Fast1(firstItem)})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	var g bytes.Buffer
	if err := s.Execute(&g, "x", data); err != nil {
		t.Fatalf("Execute: %v", err)
	}
	return w.String(), g.String()
}

// What this package does not do, it says so, and html/template does it.
func TestRefuses(t *testing.T) {
	refusedByNew := []string{
		`<script>var x = {{.Name}};</script>`,
		`<style>p { color: {{.Name}} }</style>`,
		`<p {{.Name}}="x">`,
		`{{range .Tags}}{{break}}{{end}}`,
		`{{printf "%d" .N}}`,
		`{{1.5}}`,
		`{{if lt 1.5 2.5}}y{{end}}`,
		`<a href={{.Link}}>x</a>`,
	}
	for _, text := range refusedByNew {
		tmpl := template.Must(template.New("x").Funcs(funcs).Parse(text))
		if err := tmpl.Execute(io.Discard, sample()); err != nil {
			t.Fatalf("%s: html/template: %v", text, err)
		}
		if _, err := New(tmpl, "x", funcs, nil); !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: New gave %v, want ErrUnsupported", text, err)
		}
	}
	// html/template draws these; Execute must leave them to it.
	leftToHTMLTemplate := []string{
		`<p title="{{.Body}}">`,      // HTML in an attribute: its tags are stripped
		`{{.Next}}`,                  // a pointer printed
		`{{range .Map}}{{.}}{{end}}`, // a map ranged over
		`{{eq .Next .Any}}`,          // pointers compared
		`{{index .Map "x" | print}}`, // fine: a control
	}
	for i, text := range leftToHTMLTemplate {
		err := runTime(t, text)
		if i == len(leftToHTMLTemplate)-1 {
			if err != nil {
				t.Errorf("%s: %v", text, err)
			}
			continue
		}
		if !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: Execute gave %v, want ErrUnsupported", text, err)
		}
	}
	// html/template fails on these; so must Execute.
	failing := []string{
		`{{index .Tags 5}}`,
		`{{.Next.Next.Name}}`,
		`{{.Next.Next.Upper}}`,
		`{{.Nope}}`,
		`{{len .N}}`,
		`{{eq .N .Name}}`,
		`{{fail}}`,
		`{{boom}}`,
	}
	for _, text := range failing {
		if err := runTime(t, text); err == nil {
			t.Errorf("%s: no error", text)
		}
	}
}

// runTime escapes text with html/template and runs it with this package.
func runTime(t *testing.T, text string) error {
	t.Helper()
	tmpl := template.Must(template.New("x").Funcs(funcs).Parse(text))
	tmpl.Execute(io.Discard, sample()) // escapes it, and may fail
	s, err := New(tmpl, "x", funcs, nil)
	if err != nil {
		t.Fatalf("%s: New: %v", text, err)
	}
	return s.Execute(new(bytes.Buffer), "x", sample())
}

// The escapers give html/template's bytes in each context, for every byte
// and for random text full of what they escape, as plain text, HTML and
// URL content.
func TestEscapersAsHTMLTemplate(t *testing.T) {
	contexts := escapingContexts(t)
	var inputs []string
	for b := 0; b < 256; b++ {
		inputs = append(inputs, string([]byte{byte(b)}), "a"+string([]byte{byte(b)})+"z")
	}
	const alphabet = "<>&'\"+%:/?#=;@ !*$,[]()~-._aZ09\x00\t\nạđ\uFFFD\uFDD0\xff\xc3"
	rng := rand.New(rand.NewPCG(6, 7))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(14) {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	inputs = append(inputs, escapingSeeds...)
	for _, in := range inputs {
		checkEscaping(t, contexts, in)
	}
}

var escapingSeeds = []string{"http://a", "HTTPS://b", "mailto:x", "javascript:x", "data:,x", "/a:b", "a/b:c", "%41%zz%4", "%", "<b>&amp;</b>"}

// FuzzEscapers looks for a text the escapers treat otherwise than
// html/template's.
func FuzzEscapers(f *testing.F) {
	for _, s := range escapingSeeds {
		f.Add(s)
	}
	contexts := escapingContexts(f)
	f.Fuzz(func(t *testing.T, in string) {
		checkEscaping(t, contexts, in)
	})
}

type escapingContext struct {
	text string
	tmpl *template.Template
	set  *Set
}

// escapingContexts are layouts printing a value where each escaper runs.
func escapingContexts(t testing.TB) []escapingContext {
	var cs []escapingContext
	for _, text := range []string{
		`{{.}}`,
		`<p title="{{.}}">`,
		`<p title='{{.}}'>`,
		`<a href="{{.}}">`,
		`<a href="/tim/?q={{.}}&amp;r={{.}}">`,
		`<a href="{{.}}/{{.}}">`,
		`<title>{{.}}</title>`,
		`<textarea>{{.}}</textarea>`,
	} {
		tmpl := template.Must(template.New("x").Parse(text))
		tmpl.Execute(io.Discard, "")
		s, err := New(tmpl, "x", nil, nil)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		cs = append(cs, escapingContext{text, tmpl, s})
	}
	return cs
}

func checkEscaping(t *testing.T, contexts []escapingContext, in string) {
	t.Helper()
	for _, c := range contexts {
		for _, v := range []any{in, template.URL(in), template.HTML(in)} {
			var want, got bytes.Buffer
			if err := c.tmpl.Execute(&want, v); err != nil {
				t.Fatal(err)
			}
			err := c.set.Execute(&got, "x", v)
			if errors.Is(err, ErrUnsupported) {
				continue // HTML in an attribute
			}
			if err != nil {
				t.Fatalf("%s %T %q: %v", c.text, v, in, err)
			}
			if got.String() != want.String() {
				t.Fatalf("%s %T %q:\ntmplexec:      %q\nhtml/template: %q", c.text, v, in, got.String(), want.String())
			}
		}
	}
}

// Each fast caller gives what reflect.Value.Call gives.
func TestFastCallersAsReflection(t *testing.T) {
	tests := []struct {
		f    any
		args []any
	}{
		{func(s string) string { return s + "!" }, []any{"a"}},
		{func(s string) template.HTML { return template.HTML("<" + s) }, []any{"b"}},
		{func(s string) bool { return s == "c" }, []any{"c"}},
		{func(n int) string { return fmt.Sprint(n * 2) }, []any{21}},
		{func(n int) int { return n + 1 }, []any{1}},
		{func(a, b int) int { return a - b }, []any{5, 3}},
		{func(s string) (string, error) { return s, errors.New("e") }, []any{"d"}},
		{func(k string, rest ...any) (string, error) { return k + fmt.Sprint(rest...), nil }, []any{"k", 1, "x", nil}},
	}
	for _, tt := range tests {
		fast := fastCaller(tt.f)
		if fast == nil {
			t.Errorf("%T has no fast caller", tt.f)
			continue
		}
		fn := reflect.ValueOf(tt.f)
		var args []reflect.Value
		for i, a := range tt.args {
			v := reflect.ValueOf(a)
			if !v.IsValid() {
				v = reflect.Zero(fn.Type().In(fn.Type().NumIn() - 1).Elem())
			}
			if fn.Type().IsVariadic() && i >= fn.Type().NumIn()-1 {
				v = v.Convert(reflect.TypeFor[any]())
			}
			args = append(args, v)
		}
		got, gotErr := fast(args)
		out := fn.Call(args)
		var wantErr error
		if len(out) == 2 && !out[1].IsNil() {
			wantErr = out[1].Interface().(error)
		}
		if got.Interface() != out[0].Interface() || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("%T: fast gave %v, %v; reflection %v, %v", tt.f, got, gotErr, out[0], wantErr)
		}
	}
	// Fast1 checks the type it is given, and leaves another to html/template.
	upper := Fast1(strings.ToUpper)
	if v, err := upper([]reflect.Value{reflect.ValueOf("ạ")}); err != nil || v.String() != "Ạ" {
		t.Errorf("Fast1: %v, %v", v, err)
	}
	if _, err := upper([]reflect.Value{reflect.ValueOf(3)}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("Fast1 of the wrong type: %v", err)
	}
	if fastCaller(func(x float64) string { return "" }) != nil {
		t.Error("a fast caller for a type it does not know")
	}
}
