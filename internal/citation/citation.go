// Package citation finds the numbers of legal and administrative documents
// cited in plan text ("Quyết định số 06/QĐ-TTg", "107/2021/NĐ-CP") so that
// the site can link every mention of a document to that document's page.
//
// Recognition is a hand-written, single-pass scanner rather than one big
// regular expression: the rules that matter in Vietnamese official text
// (dates are not numbers, "TTg" is a code, "QĐ - TTg" is one number, "Đề án
// 06/CP" is a name) need look-behind and small decisions that RE2 cannot
// express, and a scanner keeps Find linear in the length of the text.
package citation

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Citation is a document number found in text.
type Citation struct {
	// Start and End are the byte offsets of the number itself ("06/QĐ-TTg"),
	// without the words that name the document or trailing punctuation.
	Start, End int
	// Number is the number as written, for display: NFC, "Ð" (U+00D0)
	// replaced by "Đ", dashes made ASCII and spaces removed ("06/QĐ-TTg").
	Number string
	// ID is the number as a URL segment, the same for every spelling of one
	// document: lowercase ASCII, "đ" → "d", "/" → "-" ("06-qd-ttg").
	ID string
	// Kind is the type of document in Vietnamese ("Quyết định", "Luật"), as
	// the text names it before the number or else as its type code implies;
	// "" when neither says.
	Kind string
}

// Find returns the citations in text, in order.
func Find(text string) []Citation {
	return scan(text, 0, len(text))
}

// scan finds the citations whose numbers lie within s[lo:hi]. Text before lo
// is still read for context (the word naming the document, the character
// before the number), which lets Link scan one text node of a larger source.
// A rejected number is skipped whole, so each byte is parsed at most once
// or twice and Find stays linear.
func scan(s string, lo, hi int) []Citation {
	var out []Citation
	prevEnd := -1
	prevKind := ""
	for i := lo; i < hi; {
		if !isDigit(s[i]) {
			i++
			continue
		}
		if !leftBoundary(s, i) {
			i = skipDigits(s, i, hi)
			continue
		}
		if n, ok := parseNumber(s, i, hi); ok {
			kind, codeKind := kindBefore(s, i), kindOfCode(n.first)
			if kind == "Đề án" {
				// "Đề án 06/CP" (also "06/CP-BCA") is the programme's name,
				// not a document number; a Đề án has its own "ĐA" code or
				// is cited by the number of the Quyết định approving it.
				if codeKind == "" {
					i = n.end
					continue
				}
				kind = codeKind
			}
			if n.segs == 1 && !n.year && kind == "" {
				// A bare "1911/QĐ" is only a number when the text says what
				// document it is.
				i = n.end
				continue
			}
			if kind == "" {
				kind = codeKind
			}
			if kind == "" && prevEnd >= 0 && listGap(s[prevEnd:i]) {
				kind = prevKind
			}
			if kind == "" && isQH(n.first) && n.segs == 1 {
				kind = "Luật"
			}
			num := normalize(s[i:n.end])
			out = append(out, Citation{Start: i, End: n.end, Number: num, ID: makeID(num), Kind: kind})
			prevEnd, prevKind = n.end, kind
			i = n.end
			continue
		}
		i = skipDigits(s, i, hi)
	}
	return out
}

func skipDigits(s string, i, hi int) int {
	for i < hi && isDigit(s[i]) {
		i++
	}
	return i
}

// number is the shape of a candidate number found by parseNumber.
type number struct {
	end   int
	segs  int    // code segments: "QĐ-TTg" has 2
	first string // the first code segment, which names the type ("QĐ")
	year  bool   // has "/YYYY" before the code
}

// parseNumber reads "digits[letter][/YYYY]/CODE" at i. A date such as
// "06/01/2022" fails because what follows the first "/" is neither a year
// followed by "/" nor a code starting with a capital letter.
func parseNumber(s string, i, hi int) (number, bool) {
	var n number
	j := skipDigits(s, i, hi)
	if j+1 < hi && isASCIILetter(s[j]) && s[j+1] == '/' {
		j++ // "12a/QĐ-UBND"
	}
	if j >= hi || s[j] != '/' {
		return n, false
	}
	j++
	if j+4 < hi && isDigit(s[j]) && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) && s[j+4] == '/' {
		n.year = true
		j += 5
	}
	e, ok := parseSeg(s, j, hi)
	if !ok {
		return n, false
	}
	n.first, n.segs, j = s[j:e], 1, e
	for j < hi {
		if p, spaced, ok := parseDash(s, j, hi); ok {
			// "1911/QĐ - TTg": a spaced dash only joins a lone type code to
			// its issuer, so that "06/CP - BCA" or "46/KH-UBND - UBND
			// thành phố" do not swallow the following words.
			if spaced && (n.segs > 1 || !isTypeCode(n.first)) {
				break
			}
			if e, ok := parseSeg(s, p, hi); ok {
				n.segs, j = n.segs+1, e
				continue
			}
			break
		}
		if s[j] == '/' {
			// Joint plans have codes with slashes inside:
			// "62/KHPH-TCDA06/CPTW-BCĐĐA06/CPHP".
			if e, ok := parseSeg(s, j+1, hi); ok {
				n.segs, j = n.segs+1, e
				continue
			}
		}
		break
	}
	n.end = j
	return n, true
}

// parseDash reads a hyphen or dash at j, with at most one space either side.
func parseDash(s string, j, hi int) (p int, spaced, ok bool) {
	p = j
	if p < hi && s[p] == ' ' {
		p, spaced = p+1, true
	}
	r, size := decodeRune(s, p, hi)
	if !isDash(r) {
		return j, false, false
	}
	p += size
	if p < hi && s[p] == ' ' {
		p, spaced = p+1, true
	}
	return p, spaced, true
}

// parseSeg reads one code segment at p: a capital letter, then capitals,
// digits and inner "&" or ".", then at most one lowercase ASCII letter after
// two capitals ("TTg", "TTr", "CTr"). It must not run into a word. The
// only other lowercase letter allowed is the y of "QyĐ".
func parseSeg(s string, p, hi int) (int, bool) {
	r, size := decodeRune(s, p, hi)
	if !isCodeUpper(r) {
		return p, false
	}
	q, upper, dot := p+size, 1, -1
	if r == 'Q' && strings.HasPrefix(s[q:hi], "y") {
		if next, _ := decodeRune(s, q+1, hi); next == 'Đ' || next == 'Ð' || next == 'D' {
			q++ // "QyĐ", the code of a Quy định
		}
	}
	for q < hi {
		r, size = decodeRune(s, q, hi)
		switch {
		case isCodeUpper(r):
			upper++
		case isDigitRune(r):
		case r == '&' || r == '.':
			next, _ := decodeRune(s, q+size, hi)
			if !isCodeUpper(next) && !isDigitRune(next) {
				return finishSeg(s, q, hi, dot)
			}
			if r == '.' && dot < 0 {
				dot = q
			}
		default:
			if upper >= 2 && r >= 'a' && r <= 'z' {
				q += size
			}
			return finishSeg(s, q, hi, dot)
		}
		q += size
	}
	return finishSeg(s, q, hi, dot)
}

// finishSeg checks that the segment ending at q is not glued to a word; if it
// is and the segment has a dot, the dot is taken as the end of the number
// ("UBND.Trong" → "UBND").
func finishSeg(s string, q, hi, dot int) (int, bool) {
	if r, _ := decodeRune(s, q, hi); q < hi && isWordRune(r) {
		if dot >= 0 {
			return dot, true
		}
		return q, false
	}
	return q, true
}

// leftBoundary reports whether a number may start at i: not inside a word, a
// numeral ("1.911", "2,5") or a longer slash-separated run ("06/01/2022").
func leftBoundary(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, size := utf8.DecodeLastRuneInString(s[:i])
	switch {
	case isWordRune(r), r == '/', r == '&', r == '_':
		return false
	case r == '.' || r == ',':
		p, _ := utf8.DecodeLastRuneInString(s[:i-size])
		return !unicode.IsDigit(p)
	}
	return true
}

// listGap reports whether the text between two numbers only joins them in a
// list ("708/BTTTT-CATTT và 1552/BTTTT-THH"), so that the second is of the
// same kind as the first.
func listGap(gap string) bool {
	if len(gap) > 24 {
		return false
	}
	for gap != "" {
		r, size := utf8.DecodeRuneInString(gap)
		if unicode.IsSpace(r) || r == ',' || r == ';' || r == ':' {
			gap = gap[size:]
			continue
		}
		w := gap
		if n := strings.IndexFunc(gap, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' || r == ':' }); n >= 0 {
			w = gap[:n]
		}
		switch w {
		case "và", "hoặc", "số", "Và", "Hoặc", "Số":
		default:
			return false
		}
		gap = gap[len(w):]
	}
	return true
}

// normalize turns the text of a number into its display form.
func normalize(raw string) string {
	s := strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '\u00a0':
			return -1
		case isDash(r):
			return '-'
		case r == 'Ð': // U+00D0, the Icelandic Eth that looks like Đ
			return 'Đ'
		}
		return r
	}, raw)
	if isASCII(s) || norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// makeID folds a normalised number into a URL segment.
func makeID(num string) string {
	b := make([]byte, 0, len(num))
	dash := false
	add := func(c byte) {
		if dash && len(b) > 0 {
			b = append(b, '-')
		}
		dash = false
		b = append(b, c)
	}
	for _, r := range num {
		switch {
		case isDigitRune(r):
			add(byte(r))
		case r < utf8.RuneSelf && isASCIILetter(byte(r)):
			add(byte(unicode.ToLower(r)))
		case r == 'Đ' || r == 'đ' || r == 'Ð' || r == 'ð':
			add('d')
		default:
			dash = true
		}
	}
	return string(b)
}

func decodeRune(s string, p, hi int) (rune, int) {
	if p >= hi {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRuneInString(s[p:hi])
}

func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isDigitRune(r rune) bool   { return '0' <= r && r <= '9' }
func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isDash(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011' || r == '\u2013'
}

// isCodeUpper reports whether r may be a letter of a code. Codes are
// initials written without diacritics except Đ ("HĐND", "BKHĐT"), so "5/CHỈ
// TIÊU" is not a number and IDs fold to ASCII.
func isCodeUpper(r rune) bool {
	return 'A' <= r && r <= 'Z' || r == 'Đ' || r == 'Ð'
}

// IDOf returns the ID of a document number written on its own, as in a
// plan's front matter ("46/KH-UBND"), or "" when it is not one.
func IDOf(number string) string {
	if cs := Find("Số " + number); len(cs) == 1 {
		return cs[0].ID
	}
	return ""
}
