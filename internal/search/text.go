package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/vnfold"
)

// Token is one word of a text in its two forms. Fold is vnfold.Fold of the
// word: what a citizen typing without diacritics matches. Exact keeps the
// diacritics, lowercased, with the tone mark moved to the end of the word as
// a VIQR-style ASCII sign, so that the old and new ways of placing the tone
// ("hoà" and "hòa", "thuỷ" and "thủy") are one key: what a citizen typing
// with diacritics matches exactly.
type Token struct {
	Text  string // as written
	Fold  string
	Exact string
}

// Tokenize splits s into words: runs of letters, digits and combining marks,
// everything else separating them ("46/KH-UBND" is "46", "kh", "ubnd"). A
// word that folds to nothing is dropped. search.js tokenizes the same way.
func Tokenize(s string) []Token {
	var out []Token
	eachWord(s, func(word string) {
		if t, ok := newToken(word); ok {
			out = append(out, t)
		}
	})
	return out
}

// eachWord calls fn with each word of s, in order.
func eachWord(s string, fn func(word string)) {
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		fn(s[start:])
	}
}

func newToken(word string) (Token, bool) {
	f := vnfold.Fold(word)
	if f == "" {
		return Token{}, false
	}
	return Token{Text: word, Fold: f, Exact: ExactKey(word)}, true
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// toneSign returns the ASCII sign VIQR writes a Vietnamese tone mark with,
// for the tone marks as combining characters.
func toneSign(r rune) (byte, bool) {
	switch r {
	case '\u0300': // huyền
		return '`', true
	case '\u0301': // sắc
		return '\'', true
	case '\u0309': // hỏi
		return '?', true
	case '\u0303': // ngã
		return '~', true
	case '\u0323': // nặng
		return '.', true
	}
	return 0, false
}

// ExactKey is the exact form of one word: lowercased, the tone marks taken
// off the vowel they sit on and written at the end, other diacritics (ă â ê
// ô ơ ư đ) kept, composed (NFC). "Hoà" and "hòa" are both "hoa`"; "hoa" is
// "hoa". A key is compared whole for a complete query word and as a prefix
// for the word being typed ("đăn" is a prefix of "đăng").
func ExactKey(word string) string {
	var base strings.Builder
	var tones []byte
	for _, r := range norm.NFD.String(word) {
		if t, ok := toneSign(r); ok {
			tones = append(tones, t)
			continue
		}
		base.WriteRune(unicode.ToLower(r))
	}
	return norm.NFC.String(base.String()) + string(tones)
}

// IndexedText is the text of a document whose words are searched: the
// title, plus a plan's number (citizens search "46/KH-UBND") and a
// locality's parents ("lac hong hung yen"). A task's id is shown but not
// searched: every plan has a task 1.1. search.js keeps the same rule.
func IndexedText(kind Kind, label, title, context string) string {
	switch kind {
	case Plan:
		return label + " " + title
	case Locality:
		return title + " " + context
	}
	return title
}

// splitTone cuts an exact key into its letters and its tone signs.
func splitTone(key string) (base, tones string) {
	i := len(key)
	for i > 0 && isToneSign(key[i-1]) {
		i--
	}
	return key[:i], key[i:]
}

func isToneSign(c byte) bool {
	return c == '`' || c == '\'' || c == '?' || c == '~' || c == '.'
}

// exactPrefix reports whether the word being typed, exact key q, starts the
// word with exact key k with its own diacritics: its letters start k's, and
// its tone, once typed, is k's ("thự" starts "thực", "dang" starts "dàng"
// whose tone is not typed yet, "đa" does not start "dàng").
func exactPrefix(q, k string) bool {
	qb, qt := splitTone(q)
	kb, kt := splitTone(k)
	return strings.HasPrefix(kb, qb) && (qt == "" || qt == kt)
}

// spellingClass is the first n characters of an exact key's letters: the
// spelling of a common prefix that a word has ("đ" or "d" for "d"). A
// common prefix's postings are kept per class, which tells the typed
// letters apart but not the tone.
func spellingClass(k string, n int) string {
	base, _ := splitTone(k)
	for i := range base {
		if n == 0 {
			return base[:i]
		}
		n--
	}
	return base
}
