package headers

import (
	"fmt"
	"strings"
)

// Rule is one block of a _headers file: a path pattern and the headers of
// every response whose path it matches.
type Rule struct {
	Path    string
	Line    int // of the path, 1-based
	Headers []Header
}

// Parse reads a _headers file the way Netlify and Cloudflare Pages do: a
// path at the start of a line opens a rule, and the indented "Name: value"
// lines under it are its headers; blank lines and lines starting with "#"
// are skipped. It is strict where the hosts would drop a line without a
// word: an indented line before any path, a header line without a colon or
// with an empty name or value, a rule without headers, and a pattern with
// more than one "*" are errors that give the line.
func Parse(data []byte) ([]Rule, error) {
	var rules []Rule
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		line = strings.TrimSuffix(line, "\r")
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			continue
		case line[0] != ' ' && line[0] != '\t':
			if err := checkPattern(trimmed); err != nil {
				return nil, fmt.Errorf("_headers:%d: %w", n, err)
			}
			if len(rules) > 0 && len(rules[len(rules)-1].Headers) == 0 {
				return nil, fmt.Errorf("_headers:%d: the rule for %s has no headers", rules[len(rules)-1].Line, rules[len(rules)-1].Path)
			}
			rules = append(rules, Rule{Path: trimmed, Line: n})
		case len(rules) == 0:
			return nil, fmt.Errorf("_headers:%d: a header before any path: start the rule with its path at the start of a line", n)
		default:
			h, err := parseHeader(trimmed)
			if err != nil {
				return nil, fmt.Errorf("_headers:%d: %w", n, err)
			}
			rules[len(rules)-1].Headers = append(rules[len(rules)-1].Headers, h)
		}
	}
	if len(rules) > 0 && len(rules[len(rules)-1].Headers) == 0 {
		return nil, fmt.Errorf("_headers:%d: the rule for %s has no headers", rules[len(rules)-1].Line, rules[len(rules)-1].Path)
	}
	return rules, nil
}

func checkPattern(p string) error {
	if !strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "https://") {
		return fmt.Errorf("%q is not a path: a rule starts with / (or https://)", p)
	}
	if strings.Count(p, "*") > 1 {
		return fmt.Errorf("%q has more than one *", p)
	}
	return nil
}

func parseHeader(line string) (Header, error) {
	name, value, ok := strings.Cut(line, ":")
	name, value = strings.TrimSpace(name), strings.TrimSpace(value)
	if !ok || name == "" || value == "" || strings.ContainsAny(name, " \t") {
		return Header{}, fmt.Errorf("%q is not a header: write Name: value", line)
	}
	return Header{Name: name, Value: value}, nil
}

// For returns the headers the rules give a request path, in file order:
// those of every rule whose pattern matches it. A "*" matches any run of
// characters, "/" included, as on both hosts; any other character matches
// itself.
func For(rules []Rule, path string) []Header {
	var out []Header
	for _, r := range rules {
		if Match(r.Path, path) {
			out = append(out, r.Headers...)
		}
	}
	return out
}

// Match reports whether a rule's pattern matches a request path.
func Match(pattern, path string) bool {
	before, after, splat := strings.Cut(pattern, "*")
	if !splat {
		return pattern == path
	}
	return len(path) >= len(before)+len(after) && strings.HasPrefix(path, before) && strings.HasSuffix(path, after)
}
