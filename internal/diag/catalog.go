package diag

import "fmt"

// Catalog translates messages: it maps each English format, as passed to
// Errorf and Warnf, to the same message in another language, with the same
// verbs for the same arguments. Keying by the English text (as gettext
// does) keeps the messages readable where they are raised.
type Catalog map[string]string

// Formatted is an argument that is itself a translatable message, such as
// a deadline parser's error inside a build error.
type Formatted interface {
	MessageFormat() (format string, args []any)
}

// In returns d with its message said in the catalog's language. A message
// the catalog lacks stays in English rather than being lost.
func (d Diagnostic) In(c Catalog) Diagnostic {
	if c == nil || d.Format == "" {
		return d
	}
	d.Msg = c.Sprintf(d.Format, d.Args...)
	return d
}

// Sprintf formats a message in the catalog's language, translating any
// argument that is itself a message.
func (c Catalog) Sprintf(format string, args ...any) string {
	out := make([]any, len(args))
	for i, a := range args {
		if f, ok := a.(Formatted); ok {
			if inner, innerArgs := f.MessageFormat(); inner != "" {
				a = c.Sprintf(inner, innerArgs...)
			}
		}
		out[i] = a
	}
	if t, ok := c[format]; ok {
		format = t
	}
	return fmt.Sprintf(format, out...)
}
