package tmplexec

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strings"
)

// The escapers html/template writes into an escaped layout, done again
// here so that they write straight into the page instead of being called
// through reflection. Each must give the bytes html/template's gives; the
// tests compare them on every byte value and on random text. A value whose
// kind of content is rare here (CSS, JS, HTML in an attribute) is not
// handled: the page is then drawn by html/template.

// content is the kind of text a value holds, as html/template's
// content types say.
type content int

const (
	plain content = iota
	html
	htmlAttr
	url
)

var (
	stringType   = reflect.TypeFor[string]()
	htmlType     = reflect.TypeFor[template.HTML]()
	htmlAttrType = reflect.TypeFor[template.HTMLAttr]()
	urlType      = reflect.TypeFor[template.URL]()
	cssType      = reflect.TypeFor[template.CSS]()
	jsType       = reflect.TypeFor[template.JS]()
	jsStrType    = reflect.TypeFor[template.JSStr]()
	srcsetType   = reflect.TypeFor[template.Srcset]()
)

// stringify is html/template's stringify for one value: its text and the
// kind of content it is. ok is false for what this package leaves to
// html/template: pointers, interfaces, missing values and the content
// types it does not escape itself.
func stringify(v reflect.Value) (s string, c content, ok bool) {
	switch v.Kind() {
	case reflect.Invalid, reflect.Pointer, reflect.Interface:
		return "", plain, false
	case reflect.String:
		switch v.Type() {
		case stringType:
			return v.String(), plain, true
		case htmlType:
			return v.String(), html, true
		case htmlAttrType:
			return v.String(), htmlAttr, true
		case urlType:
			return v.String(), url, true
		case cssType, jsType, jsStrType, srcsetType:
			return "", plain, false
		}
	}
	if !v.CanInterface() {
		return "", plain, false
	}
	return fmt.Sprint(v.Interface()), plain, true
}

// escaper is one of html/template's escapers, applied to a text of a kind.
// It returns the escaped text, or ok false when it leaves the value to
// html/template.
type escaper func(s string, c content) (string, bool)

var escapers = map[string]escaper{
	"_html_template_htmlescaper":   htmlEscaper,
	"_html_template_attrescaper":   attrEscaper,
	"_html_template_rcdataescaper": rcdataEscaper,
	"_html_template_urlfilter":     urlFilter,
	"_html_template_urlnormalizer": urlNormalizer,
	"_html_template_urlescaper":    urlEscaper,
}

func htmlEscaper(s string, c content) (string, bool) {
	if c == html {
		return s, true
	}
	return replace(s, htmlReplacements), true
}

func attrEscaper(s string, c content) (string, bool) {
	if c == html {
		return "", false // html/template strips the tags first
	}
	return replace(s, htmlReplacements), true
}

func rcdataEscaper(s string, c content) (string, bool) {
	if c == html {
		return replace(s, htmlNormReplacements), true
	}
	return replace(s, htmlReplacements), true
}

func urlFilter(s string, c content) (string, bool) {
	if c == url || isSafeURL(s) {
		return s, true
	}
	return "#ZgotmplZ", true
}

func urlNormalizer(s string, c content) (string, bool) {
	return processURL(s, true), true
}

func urlEscaper(s string, c content) (string, bool) {
	return processURL(s, c == url), true
}

// htmlReplacements are the bytes escaped in HTML text and quoted
// attributes; htmlNormReplacements leave '&' for HTML that already has
// its entities. Only bytes below '?' are in them, so scanning bytes is
// scanning runes: no byte of a multi-byte UTF-8 sequence is below 0x80.
var htmlReplacements = replacements(map[byte]string{
	0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;",
})

var htmlNormReplacements = replacements(map[byte]string{
	0: "\uFFFD", '"': "&#34;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;",
})

func replacements(m map[byte]string) *[128]string {
	var t [128]string
	for b, s := range m {
		t[b] = s
	}
	return &t
}

// replace writes s with the bytes of table replaced; s itself when none is.
func replace(s string, table *[128]string) string {
	i := 0
	for i < len(s) && (s[i] >= 128 || table[s[i]] == "") {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	written := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < 128 && table[c] != "" {
			b.WriteString(s[written:i])
			b.WriteString(table[c])
			written = i + 1
		}
	}
	b.WriteString(s[written:])
	return b.String()
}

// isSafeURL is true for a relative URL and for http, https and mailto.
func isSafeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		return strings.EqualFold(protocol, "http") || strings.EqualFold(protocol, "https") || strings.EqualFold(protocol, "mailto")
	}
	return true
}

// processURL percent-encodes the bytes a URL must not hold as they are;
// when norm is set it keeps the reserved characters and valid escapes, to
// normalise a whole URL rather than escape a part of one.
func processURL(s string, norm bool) string {
	var b bytes.Buffer
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		const hex = "0123456789abcdef"
		b.Write([]byte{'%', hex[c>>4], hex[c&15]})
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
