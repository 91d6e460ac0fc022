package render

import (
	"fmt"
	"html/template"
	"io/fs"

	"github.com/BurntSushi/toml"
)

// Strings are the interface texts of one language, read from i18n/<lang>.toml.
type Strings struct {
	lang  string
	texts map[string]string
}

// LoadStrings reads i18n/<lang>.toml from fsys.
func LoadStrings(fsys fs.FS, lang string) (*Strings, error) {
	name := "i18n/" + lang + ".toml"
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("interface strings: %w", err)
	}
	texts := map[string]string{}
	if _, err := toml.Decode(string(src), &texts); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &Strings{lang: lang, texts: texts}, nil
}

// T returns the text for key, formatted with args. A key that the language
// does not define is an error, so a missing translation fails the build
// instead of showing a key to citizens.
func (s *Strings) T(key string, args ...any) (string, error) {
	text, ok := s.texts[key]
	if !ok {
		return "", fmt.Errorf("i18n/%s.toml has no string %q: add %s = \"…\"", s.lang, key, key)
	}
	if len(args) > 0 {
		return fmt.Sprintf(text, args...), nil
	}
	return text, nil
}

// HTML is T for a text whose arguments are HTML, such as a name vi marks
// as Vietnamese: the text is escaped, the arguments are not. T would give
// a string, and the layout would escape the arguments' markup again.
func (s *Strings) HTML(key string, args ...template.HTML) (template.HTML, error) {
	text, err := s.T(key)
	if err != nil {
		return "", err
	}
	as := make([]any, len(args))
	for i, a := range args {
		as[i] = a
	}
	return template.HTML(fmt.Sprintf(template.HTMLEscapeString(text), as...)), nil
}

// MustT is T for texts the generator itself needs; it returns the key when
// the string is missing (templates report missing strings as errors).
func (s *Strings) MustT(key string) string {
	if t, err := s.T(key); err == nil {
		return t
	}
	return key
}

// MustF is MustT with arguments.
func (s *Strings) MustF(key string, args ...any) string {
	if t, err := s.T(key, args...); err == nil {
		return t
	}
	return key
}

// Require checks that the language defines every key, so that a string the
// generator uses from Go code, not from a template, fails the build when it
// is missing rather than showing its key.
func (s *Strings) Require(keys []string) error {
	for _, k := range keys {
		if _, err := s.T(k); err != nil {
			return err
		}
	}
	return nil
}
