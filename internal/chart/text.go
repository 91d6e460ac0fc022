package chart

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The chart is laid out at build time, with no font to measure, so text
// widths are estimated from character classes. The figures are those of
// DejaVu Sans, the widest of the faces the chart is likely shown in (Linux
// and most printers' fallback); Roboto, San Francisco and Segoe UI are
// narrower, so a label estimated to fit does fit, at the cost of cutting a
// long note a little early on a phone.

const ellipsis = "…"

// runeEm is the estimated advance of r in em.
func runeEm(r rune) float64 {
	switch r {
	case ' ':
		return 0.32
	case 'i', 'I', 'j', 'l', 'ì', 'í', 'ỉ', 'ĩ', 'ị', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị', '|', '!', '.', ',', ':', ';', '\'':
		return 0.3
	case 'f', 'r', 't', '(', ')', '[', ']', '-', '/':
		return 0.42
	case 'm', 'w', 'M', 'W':
		return 0.98
	case '…', '→', '←', '—':
		return 1.0
	}
	switch {
	case r >= '0' && r <= '9':
		return 0.64
	case r < utf8.RuneSelf && r >= 'a' && r <= 'z':
		return 0.63
	case unicode.Is(unicode.Mn, r): // combining accents of decomposed Vietnamese
		return 0
	case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r):
		return 1.0
	case unicode.IsUpper(r):
		return 0.76
	case unicode.IsLower(r):
		return 0.63
	}
	return 0.66
}

// boldScale is how much wider bold text is.
const boldScale = 1.1

// textWidth estimates the width in px of s at size px.
func textWidth(s string, size float64, bold bool) float64 {
	em := 0.0
	for _, r := range s {
		em += runeEm(r)
	}
	if bold {
		em *= boldScale
	}
	return em * size
}

// truncate returns s, or as much of it as fits in max px followed by "…",
// and whether it cut. It never splits a letter from its combining accents.
// It works in one pass over s, as notes can be long.
func truncate(s string, max, size float64, bold bool) (string, bool) {
	if textWidth(s, size, bold) <= max {
		return s, false
	}
	scale := size
	if bold {
		scale *= boldScale
	}
	room := max - runeEm('…')*scale
	w, cut := 0.0, 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		w += runeEm(r) * scale
		if w > room {
			break
		}
		i += n
		if next, _ := utf8.DecodeRuneInString(s[i:]); !unicode.Is(unicode.Mn, next) {
			cut = i
		}
	}
	// Cut at a word when one ends in the second half: Vietnamese words
	// are short syllables, and a whole word reads better than a part.
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut/2 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ") + ellipsis, true
}
