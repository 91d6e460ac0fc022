package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line is one line of the source text.
type Line struct {
	N    int    // 1-based line number in the source file
	Text string // without its line end; tabs kept, runs of spaces made one
}

// SplitLines cuts decoded text into lines. Spaces are tidied (a PDF copy is
// full of double spaces and no-break spaces) but tabs are kept: they
// separate the cells of a table.
func SplitLines(text string) []Line {
	raw := strings.Split(text, "\n")
	if len(raw) > 0 && raw[len(raw)-1] == "" {
		raw = raw[:len(raw)-1]
	}
	out := make([]Line, len(raw))
	for i, s := range raw {
		out[i] = Line{N: i + 1, Text: tidySpaces(s)}
	}
	return out
}

// tidySpaces makes every run of spaces one space, turns no-break and other
// odd spaces into plain ones, drops control characters, and trims the ends.
// Tabs survive (trimmed only at the end of a line that has no cells).
func tidySpaces(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteRune('\t')
			space = false
			continue
		case r == ' ' || r == '\u00A0' || r == '\u2007' || r == '\u202F' || unicode.Is(unicode.Zs, r):
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		case r == '\uFEFF' || r == '\u200B' || r == '\u200C' || r == '\u200D' || unicode.IsControl(r):
			continue
		}
		space = false
		b.WriteRune(r)
	}
	t := strings.Trim(b.String(), " ")
	if inner := strings.Trim(t, "\t "); !strings.Contains(inner, "\t") {
		// Tabs only at the ends are indentation, not cells.
		return inner
	}
	if strings.Contains(t, "\t") {
		// Keep the cells; only spaces around them go.
		cells := strings.Split(t, "\t")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		return strings.Join(cells, "\t")
	}
	return strings.TrimSpace(t)
}

// isBlank reports whether a line has nothing on it.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// hasWords reports whether s has a letter or a digit. A line without one
// ("-------", "|") is layout, not text.
func hasWords(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

var (
	mdHeadingRe = regexp.MustCompile(`^#{1,6}\s+`)
	htmlTagRe   = regexp.MustCompile(`</?(?:b|i|u|em|strong|br|span|p)\b[^>]*>`)
)

// plain is a line as the reader sees it: without the Markdown heading
// marks and bold a converter may have added ("## **I. MỤC TIÊU**"), so that
// numbering and labels are found however the text was produced.
func plain(s string) string {
	s = strings.TrimSpace(mdHeadingRe.ReplaceAllString(s, ""))
	s = htmlTagRe.ReplaceAllString(s, "")
	s = strings.TrimSpace(stripWrap(s, "**"))
	s = strings.TrimSpace(stripWrap(s, "__"))
	// "**2.** Công an …": bold on the number only.
	if strings.HasPrefix(s, "**") {
		if i := strings.Index(s[2:], "**"); i >= 0 && i < 12 {
			s = s[2:2+i] + s[4+i:]
		}
	}
	return strings.TrimSpace(s)
}

// stripWrap removes a pair of marks around the whole of s, or a lone mark
// at either end (a bold span cut by a line break).
func stripWrap(s, mark string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, mark) && strings.HasSuffix(s, mark) && len(s) >= 2*len(mark) {
		inner := s[len(mark) : len(s)-len(mark)]
		if !strings.Contains(inner, mark) {
			return inner
		}
	}
	if strings.HasPrefix(s, mark) && strings.Count(s, mark) == 1 {
		return s[len(mark):]
	}
	if strings.HasSuffix(s, mark) && strings.Count(s, mark) == 1 {
		return s[:len(s)-len(mark)]
	}
	return s
}

// htmlToMarkdown turns the few inline tags a converter leaves in table
// cells into Markdown emphasis.
func htmlToMarkdown(s string) string {
	r := strings.NewReplacer("<b>", "**", "</b>", "**", "<strong>", "**", "</strong>", "**",
		"<i>", "*", "</i>", "*", "<em>", "*", "</em>", "*", "<br>", " ", "<br/>", " ", "<br />", " ")
	return r.Replace(s)
}

// firstLetter returns the first letter or digit of s, skipping emphasis
// marks, quotes and brackets, and 0 when there is none.
func firstLetter(s string) rune {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
	}
	return 0
}

// startsLower reports whether the first letter of s is lowercase (or a
// digit): a line that starts so continues the line before it.
func startsLower(s string) bool {
	r := firstLetter(s)
	return r != 0 && (unicode.IsLower(r) || unicode.IsDigit(r))
}

// isCaps reports whether every letter of s is a capital and there are at
// least two of them.
func isCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// lastRune returns the last character of s that is not a space, emphasis
// mark, quote or closing bracket: what tells whether a sentence ended.
func lastRune(s string) rune {
	s = strings.TrimRight(s, " *_\"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// endsSentence reports whether s ends with punctuation that closes a
// sentence, a clause or a label.
func endsSentence(s string) bool {
	return strings.ContainsRune(".;:!?", lastRune(s))
}

// lastWord returns the last word of s, folded to lowercase.
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(strings.Trim(f[len(f)-1], ",;:.*_\"'”“()"))
}

// runeLen is the length of s in characters.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
