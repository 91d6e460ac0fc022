// Package vnfold folds Vietnamese text for matching and turns it into URL slugs.
//
// Folding removes case and diacritics ("Đăng Ký" → "dang ky") so that labels,
// agency names and search terms match however an editor or citizen typed them.
package vnfold

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold lowercases s and strips its diacritics, mapping "đ" to "d".
// Spacing and punctuation are kept as they are.
//
// Text in Vietnamese and Latin scripts folds by a table lookup per rune;
// other text is decomposed (NFD) as a whole, which is exact but slower.
func Fold(s string) string {
	if isPlainLowerASCII(s) {
		return s
	}
	table := foldTable()
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= rune(len(table)) || table[r] == slowFold {
			return foldNormalised(s)
		}
		if f := table[r]; f != dropFold {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// foldNormalised is Fold by its definition: decompose, drop the combining
// marks, lowercase, "đ" as "d".
func foldNormalised(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var it norm.Iter
	it.InitString(norm.NFD, s)
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			r, size := utf8.DecodeRune(seg)
			seg = seg[size:]
			switch {
			case unicode.Is(unicode.Mn, r):
				continue
			case r == 'đ' || r == 'Đ':
				r = 'd'
			default:
				r = unicode.ToLower(r)
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Marks in the fold table for a rune that does not fold to one rune.
const (
	dropFold rune = -1 // folds away: a combining mark
	slowFold rune = -2 // folds to several runes, or is of a script left to foldNormalised
)

// foldTable tabulates foldNormalised for the runes Vietnamese text is
// written in (Latin letters and their extensions, combining marks,
// punctuation), made once on first use. Folding such text rune by rune is
// the same as folding it whole: decomposition is per rune, and every
// combining mark it could reorder is dropped. Normalising was most of the
// time of matching a title.
var foldTable = sync.OnceValue(func() []rune {
	table := make([]rune, 0x2070) // up to the end of General Punctuation
	for r := range table {
		switch {
		case r < 0x80:
			table[r] = unicode.ToLower(rune(r))
		case r >= 0x370 && r < 0x1e00: // Greek to the scripts before Latin Extended Additional
			table[r] = slowFold
		default:
			f := foldNormalised(string(rune(r)))
			first, size := utf8.DecodeRuneInString(f)
			switch {
			case f == "":
				table[r] = dropFold
			case size == len(f):
				table[r] = first
			default:
				table[r] = slowFold
			}
		}
	}
	return table
})

func isPlainLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// Slug turns s into a URL path segment: folded, with every run of characters
// other than a-z and 0-9 replaced by one "-" ("Đà Nẵng" → "da-nang").
func Slug(s string) string {
	f := Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	dash := false
	for _, r := range f {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// Equal reports whether a and b are the same text once folded.
func Equal(a, b string) bool { return Fold(a) == Fold(b) }

// Index finds the folded text pattern in s regardless of case and
// diacritics and returns the byte range [start, end) of the match in s, or
// -1, -1. Callers can then cut the original text at the right place.
func Index(s, pattern string) (start, end int) {
	pattern = Fold(pattern)
	var folded strings.Builder
	offsets := make([]int, 0, len(s)+1) // offsets[i]: where folded byte i came from in s
	for i, r := range s {
		f := Fold(string(r))
		for range len(f) {
			offsets = append(offsets, i)
		}
		folded.WriteString(f)
	}
	offsets = append(offsets, len(s))
	j := strings.Index(folded.String(), pattern)
	if j < 0 {
		return -1, -1
	}
	return offsets[j], offsets[j+len(pattern)]
}

// HasPrefix reports whether s starts with prefix once both are folded.
func HasPrefix(s, prefix string) bool {
	return strings.HasPrefix(Fold(s), Fold(prefix))
}
