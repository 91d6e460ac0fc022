package linkcheck

import (
	"html"
	"strings"
)

// attr is one attribute of a start tag, its value with character
// references decoded, as a browser reads it.
type attr struct {
	name, value string
}

// tag is one start tag: its lower-case name and attributes.
type tag struct {
	name  string
	attrs []attr
}

// get returns the value of the attribute name and whether the tag has it.
func (t tag) get(name string) (string, bool) {
	for _, a := range t.attrs {
		if a.name == name {
			return a.value, true
		}
	}
	return "", false
}

// rawText lists the elements whose content is text up to their end tag:
// a "<" inside a script or style is not a tag.
var rawText = map[string]bool{"script": true, "style": true, "textarea": true, "title": true, "xmp": true}

// startTags returns every start tag of doc in order. It skips comments,
// doctypes, CDATA sections, end tags and the content of raw text elements,
// and reads attributes whether their values are double-quoted,
// single-quoted or bare, so that a minifier's choice of quoting changes
// nothing. It never fails: malformed markup ends the scan early.
func startTags(doc string) []tag {
	var tags []tag
	for i := 0; i < len(doc); {
		lt := strings.IndexByte(doc[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		rest := doc[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			i = skipPast(doc, i+4, "-->")
		case strings.HasPrefix(rest, "<![CDATA["):
			i = skipPast(doc, i+9, "]]>")
		case strings.HasPrefix(rest, "<!") || strings.HasPrefix(rest, "<?") || strings.HasPrefix(rest, "</"):
			i = skipPast(doc, i+2, ">")
		case len(rest) > 1 && isLetter(rest[1]):
			t, end := readTag(doc, i+1)
			tags = append(tags, t)
			i = end
			if rawText[t.name] {
				i = skipRawText(doc, i, t.name)
			}
		default:
			i++
		}
	}
	return tags
}

// readTag reads a start tag whose name begins at doc[i] and returns it
// with the index just past its ">".
func readTag(doc string, i int) (tag, int) {
	start := i
	for i < len(doc) && !isSpace(doc[i]) && doc[i] != '>' && doc[i] != '/' {
		i++
	}
	t := tag{name: strings.ToLower(doc[start:i])}
	for i < len(doc) {
		for i < len(doc) && (isSpace(doc[i]) || doc[i] == '/') {
			i++
		}
		if i >= len(doc) {
			break
		}
		if doc[i] == '>' {
			return t, i + 1
		}
		var a attr
		a, i = readAttr(doc, i)
		t.attrs = append(t.attrs, a)
	}
	return t, len(doc)
}

// readAttr reads one attribute starting at doc[i], which is neither space
// nor ">", and returns it with the index just past it.
func readAttr(doc string, i int) (attr, int) {
	start := i
	i++ // an attribute name may begin with "=", as browsers read it
	for i < len(doc) && !isSpace(doc[i]) && doc[i] != '>' && doc[i] != '/' && doc[i] != '=' {
		i++
	}
	a := attr{name: strings.ToLower(doc[start:i])}
	j := i
	for j < len(doc) && isSpace(doc[j]) {
		j++
	}
	if j >= len(doc) || doc[j] != '=' {
		return a, i // no value
	}
	j++
	for j < len(doc) && isSpace(doc[j]) {
		j++
	}
	if j >= len(doc) {
		return a, j
	}
	var raw string
	switch q := doc[j]; q {
	case '"', '\'':
		end := strings.IndexByte(doc[j+1:], q)
		if end < 0 {
			return a, len(doc)
		}
		raw, j = doc[j+1:j+1+end], j+2+end
	default:
		k := j
		for k < len(doc) && !isSpace(doc[k]) && doc[k] != '>' {
			k++
		}
		raw, j = doc[j:k], k
	}
	a.value = html.UnescapeString(raw)
	return a, j
}

// skipPast returns the index just past the first end at or after i, or
// len(doc) when there is none.
func skipPast(doc string, i int, end string) int {
	if i > len(doc) {
		return len(doc)
	}
	k := strings.Index(doc[i:], end)
	if k < 0 {
		return len(doc)
	}
	return i + k + len(end)
}

// skipRawText returns the index of the end tag of the raw text element
// name whose content starts at i; the end tag is matched without regard
// to case, as browsers do.
func skipRawText(doc string, i int, name string) int {
	closing := "</" + name
	for k := i; k < len(doc); {
		lt := strings.Index(doc[k:], "</")
		if lt < 0 {
			return len(doc)
		}
		k += lt
		if len(doc)-k >= len(closing) && strings.EqualFold(doc[k:k+len(closing)], closing) {
			after := k + len(closing)
			if after == len(doc) || isSpace(doc[after]) || doc[after] == '>' || doc[after] == '/' {
				return k
			}
		}
		k += 2
	}
	return len(doc)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
