package diag_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/vntime"
)

// message is an English format found in the source, with where it is used.
type message struct {
	format string
	at     []string // file:line of each use
	nargs  int      // arguments passed at the first use, or -1 if unknown
}

// verbRe matches a formatting directive, to look at a format's words alone.
var verbRe = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z%]`)

// monthArgs lists the arguments that are a time.Month, by format and
// 0-based index: English prints them with %s ("February"), a translation
// may print them with %d ("tháng 2").
var monthArgs = map[string][]int{
	"%q is not a date: %s %d has %d days": {1},
}

// sourceMessages finds every format literal passed to a diag.List's Errorf
// or Warnf (file, line, col, format, args...) in the repository's non-test
// Go files, and every format passed to newError(text, format, ...) or
// c.errorf(ph, format, ...) in internal/vntime.
func sourceMessages(t *testing.T) map[string]*message {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	byDir := map[string][]*ast.File{}
	var dirs []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (name == "testdata" || name == "node_modules" || name == "vendor" ||
				strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		dir := filepath.Dir(p)
		if byDir[dir] == nil {
			dirs = append(dirs, dir)
		}
		byDir[dir] = append(byDir[dir], f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	msgs := map[string]*message{}
	add := func(call *ast.CallExpr, format string, formatArg int) {
		pos := fset.Position(call.Pos())
		rel, _ := filepath.Rel(root, pos.Filename)
		at := fmt.Sprintf("%s:%d", filepath.ToSlash(rel), pos.Line)
		m := msgs[format]
		if m == nil {
			m = &message{format: format, nargs: -1}
			if !call.Ellipsis.IsValid() {
				m.nargs = len(call.Args) - formatArg - 1
			}
			msgs[format] = m
		}
		m.at = append(m.at, at)
	}
	for _, dir := range dirs {
		files := byDir[dir]
		consts := stringConsts(files)
		rel, _ := filepath.Rel(root, dir)
		inVntime := filepath.ToSlash(rel) == "internal/vntime"
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				formatArg := -1
				switch fun := call.Fun.(type) {
				case *ast.SelectorExpr:
					switch name := fun.Sel.Name; {
					case (name == "Errorf" || name == "Warnf") && isDiagCall(fun, call):
						formatArg = 3
					case name == "errorf" && inVntime && len(call.Args) >= 2:
						formatArg = 1
					}
				case *ast.Ident:
					if fun.Name == "newError" && inVntime && len(call.Args) >= 2 {
						formatArg = 1
					}
				}
				if formatArg < 0 {
					return true
				}
				arg := call.Args[formatArg]
				if format, ok := constString(arg, consts); ok {
					add(call, format, formatArg)
				} else if id, ok := arg.(*ast.Ident); !ok || id.Name != "format" {
					// A wrapper may forward its own format parameter; anything
					// else was put together at run time and cannot be looked up.
					pos := fset.Position(arg.Pos())
					rel, _ := filepath.Rel(root, pos.Filename)
					t.Errorf("%s:%d: the message's format is not a string literal, so it cannot be translated: pass each English sentence as a literal format",
						filepath.ToSlash(rel), pos.Line)
				}
				return true
			})
		}
	}
	if len(msgs) == 0 {
		t.Fatal("found no messages in the source: has the scan lost its way?")
	}
	return msgs
}

// isDiagCall tells a diag.List's Errorf(file, line, col, format, args...)
// from fmt.Errorf and the like, whose format comes first.
func isDiagCall(fun *ast.SelectorExpr, call *ast.CallExpr) bool {
	if x, ok := fun.X.(*ast.Ident); ok && x.Name == "fmt" {
		return false
	}
	if len(call.Args) < 4 {
		return false
	}
	if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(lit.Value, "%") {
		return false
	}
	return true
}

// stringConsts collects a package's string constants, so that a format
// named by a constant is found too.
func stringConsts(files []*ast.File) map[string]string {
	consts := map[string]string{}
	for range 2 { // a constant may be defined from a later one
		for _, f := range files {
			for _, decl := range f.Decls {
				gd, ok := decl.(*ast.GenDecl)
				if !ok || gd.Tok != token.CONST {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, name := range vs.Names {
						if i < len(vs.Values) {
							if s, ok := constString(vs.Values[i], consts); ok {
								consts[name.Name] = s
							}
						}
					}
				}
			}
		}
	}
	return consts
}

// constString evaluates a string literal, a named string constant, or a
// concatenation of them.
func constString(e ast.Expr, consts map[string]string) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.Ident:
		s, ok := consts[e.Name]
		return s, ok
	case *ast.ParenExpr:
		return constString(e.X, consts)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, ok1 := constString(e.X, consts)
		y, ok2 := constString(e.Y, consts)
		return x + y, ok1 && ok2
	}
	return "", false
}

// verb is one formatting directive, with the argument it formats.
type verb struct {
	arg  int  // 0-based
	verb rune // '*' for a width or precision taken from an argument
}

// verbs parses a format as package fmt does, explicit argument indexes
// ("%[2]d") included.
func verbs(format string) ([]verb, error) {
	var out []verb
	arg := 0
	index := func(i int) (int, error) { // at '[': read "[n]"
		end := strings.IndexByte(format[i:], ']')
		if end < 0 {
			return i, fmt.Errorf("unclosed argument index at %d", i)
		}
		n, err := strconv.Atoi(format[i+1 : i+end])
		if err != nil || n < 1 {
			return i, fmt.Errorf("bad argument index %q", format[i:i+end+1])
		}
		arg = n - 1
		return i + end + 1, nil
	}
	star := func(i int) (int, error) { // width or precision: digits, *, [n]*
		var err error
		if i < len(format) && format[i] == '[' {
			if i, err = index(i); err != nil {
				return i, err
			}
			if i >= len(format) || format[i] != '*' {
				return i, nil // the index was the verb's
			}
		}
		if i < len(format) && format[i] == '*' {
			out = append(out, verb{arg, '*'})
			arg++
			return i + 1, nil
		}
		for i < len(format) && '0' <= format[i] && format[i] <= '9' {
			i++
		}
		return i, nil
	}
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		var err error
		if i, err = star(i); err != nil {
			return nil, err
		}
		if i < len(format) && format[i] == '.' {
			if i, err = star(i + 1); err != nil {
				return nil, err
			}
		}
		if i < len(format) && format[i] == '[' {
			if i, err = index(i); err != nil {
				return nil, err
			}
		}
		if i >= len(format) {
			return nil, fmt.Errorf("the format ends inside a verb")
		}
		out = append(out, verb{arg, rune(format[i])})
		arg++
	}
	return out, nil
}

// zeroArgs makes an argument of a suitable type for each argument of an
// English format: the zero value of what its verb formats.
func zeroArgs(format string, vs []verb, n int) []any {
	args := make([]any, n)
	for i := range args {
		args[i] = ""
	}
	seen := map[int]bool{}
	for _, v := range vs {
		if seen[v.arg] || v.arg >= n {
			continue
		}
		seen[v.arg] = true
		switch v.verb {
		case '*', 'd', 'c', 'U', 'b', 'o', 'O':
			args[v.arg] = 0
		case 't':
			args[v.arg] = false
		case 'e', 'E', 'f', 'F', 'g', 'G':
			args[v.arg] = 0.0
		}
	}
	for _, i := range monthArgs[format] {
		args[i] = time.January // the zero Month prints as "%!Month(0)"
	}
	return args
}

func TestEveryMessageHasAVietnameseTranslation(t *testing.T) {
	vi := diag.Vietnamese()
	msgs := sourceMessages(t)
	formats := make([]string, 0, len(msgs))
	for f := range msgs {
		formats = append(formats, f)
	}
	slices.Sort(formats)
	for _, format := range formats {
		m := msgs[format]
		tr, ok := vi[format]
		if !ok {
			t.Logf("%s: the English message is used here", strings.Join(m.at, ", "))
			t.Errorf("add a Vietnamese translation of %q to internal/diag/vi.go", format)
			continue
		}
		en, err := verbs(format)
		if err != nil {
			t.Errorf("%s: the format %q: %v", m.at[0], format, err)
			continue
		}
		n := 0
		for _, v := range en {
			n = max(n, v.arg+1)
		}
		if m.nargs >= 0 && m.nargs != n {
			t.Errorf("%s: the format %q takes %d arguments but is given %d", m.at[0], format, n, m.nargs)
		}
		vv, err := verbs(tr)
		if err != nil {
			t.Errorf("the Vietnamese translation of %q: %v", format, err)
			continue
		}
		used := map[int]bool{}
		for _, v := range vv {
			used[v.arg] = true
		}
		all := len(used) == n
		for i := range n {
			all = all && used[i]
		}
		if !all {
			t.Errorf("the Vietnamese translation of %q takes other arguments than the English (%d): give it the same verbs for the same arguments\n\t%s", format, n, tr)
			continue
		}
		args := zeroArgs(format, en, n)
		if got := fmt.Sprintf(format, args...); strings.Contains(got, "%!") {
			t.Errorf("the English %q formats its zero arguments as %q", format, got)
		}
		if got := fmt.Sprintf(tr, args...); strings.Contains(got, "%!") {
			t.Errorf("the Vietnamese translation of %q formats zero arguments of the English verbs' types as %q: use the same verbs for the same arguments (a time.Month printed with %%d belongs in monthArgs)", format, got)
		}
		if tr == format && strings.IndexFunc(verbRe.ReplaceAllString(format, ""), unicode.IsLetter) >= 0 {
			t.Errorf("the Vietnamese translation of %q is the English text: translate it", format)
		}
	}
}

func TestNoStaleTranslations(t *testing.T) {
	msgs := sourceMessages(t)
	var stale []string
	for format := range diag.Vietnamese() {
		if msgs[format] == nil {
			stale = append(stale, format)
		}
	}
	slices.Sort(stale)
	for _, format := range stale {
		t.Errorf("internal/diag/vi.go translates %q, which no message uses any more: remove it, or key it by the new English text", format)
	}
}

func TestVietnameseIsFresh(t *testing.T) {
	a := diag.Vietnamese()
	clear(a)
	if len(diag.Vietnamese()) == 0 {
		t.Fatal("Vietnamese returns a shared map: a caller's change reaches every other caller")
	}
}

func TestInTranslatesDeadlineErrors(t *testing.T) {
	_, err := vntime.Parse("31/02/2022")
	if err == nil {
		t.Fatal(`vntime.Parse("31/02/2022") reports no error`)
	}
	var l diag.List
	l.Errorf("content/dia-phuong/da-nang/kh-46.md", 12, 3, "task %s: deadline %q: %v", "II.1", "31/02/2022", err)
	d := l.Items()[0]

	wantEN := `task II.1: deadline "31/02/2022": "31/02/2022" is not a date: February 2022 has 28 days`
	if d.Msg != wantEN {
		t.Errorf("English:\n got %s\nwant %s", d.Msg, wantEN)
	}
	vi := d.In(diag.Vietnamese())
	wantVI := `nhiệm vụ II.1: thời gian thực hiện "31/02/2022": "31/02/2022" không phải là ngày hợp lệ: tháng 2 năm 2022 chỉ có 28 ngày`
	if vi.Msg != wantVI {
		t.Errorf("Vietnamese:\n got %s\nwant %s", vi.Msg, wantVI)
	}
	wantLine := "content/dia-phuong/da-nang/kh-46.md:12:3: error: " + wantVI
	if got := vi.Error(); got != wantLine {
		t.Errorf("Vietnamese diagnostic:\n got %s\nwant %s", got, wantLine)
	}
	if d.Msg != wantEN {
		t.Errorf("In changed the original diagnostic: %s", d.Msg)
	}
}

// TestMonthsPrintAsNumbers checks that a time.Month, which English names
// with %s, prints as its number with the catalog's %d.
func TestMonthsPrintAsNumbers(t *testing.T) {
	const format = "%q is not a date: %s %d has %d days"
	if _, ok := monthArgs[format]; !ok {
		t.Fatalf("monthArgs lacks %q", format)
	}
	args := []any{"30/02/2024", time.February, 2024, 29}
	if got, want := fmt.Sprintf(format, args...), `"30/02/2024" is not a date: February 2024 has 29 days`; got != want {
		t.Errorf("English: got %q, want %q", got, want)
	}
	if got, want := diag.Vietnamese().Sprintf(format, args...), `"30/02/2024" không phải là ngày hợp lệ: tháng 2 năm 2024 chỉ có 29 ngày`; got != want {
		t.Errorf("Vietnamese: got %q, want %q", got, want)
	}
}
