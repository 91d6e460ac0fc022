package citation

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// kindWords maps the lowercase NFC names of document types, as plans write
// them before a number, to the canonical Kind. Qualified names ("Kế hoạch
// phối hợp") fold into their type so that pages can group by Kind.
var kindWords = map[string]string{
	"báo cáo":                "Báo cáo",
	"bộ luật":                "Bộ luật",
	"chỉ thị":                "Chỉ thị",
	"chương trình":           "Chương trình",
	"chương trình hành động": "Chương trình",
	"công điện":              "Công điện",
	"công văn":               "Công văn",
	"đề án":                  "Đề án",
	"hướng dẫn":              "Hướng dẫn",
	"kế hoạch":               "Kế hoạch",
	"kế hoạch liên tịch":     "Kế hoạch",
	"kế hoạch phối hợp":      "Kế hoạch",
	"kết luận":               "Kết luận",
	"luật":                   "Luật",
	"nghị định":              "Nghị định",
	"nghị quyết":             "Nghị quyết",
	"nghị quyết liên tịch":   "Nghị quyết liên tịch",
	"pháp lệnh":              "Pháp lệnh",
	"phương án":              "Phương án",
	"quy chế":                "Quy chế",
	"quy định":               "Quy định",
	"quyết định":             "Quyết định",
	"thông báo":              "Thông báo",
	"thông báo kết luận":     "Thông báo",
	"thông tư":               "Thông tư",
	"thông tư liên tịch":     "Thông tư liên tịch",
	"tờ trình":               "Tờ trình",
	"văn bản":                "Văn bản",
}

// kindSuffixes is kindWords' keys, longest first, so that "thông báo kết
// luận" wins over "kết luận".
var kindSuffixes = func() []string {
	keys := make([]string, 0, len(kindWords))
	for k := range kindWords {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	return keys
}()

// typeCodes maps the type code that opens a document's code, with "Đ"
// folded to "D", to its Kind. Lowercase letters are significant: "TTg" is
// the Prime Minister (an issuer), "TT" a Thông tư, "TTr" a Tờ trình.
var typeCodes = map[string]string{
	"BC":   "Báo cáo",
	"CD":   "Công điện",
	"CT":   "Chỉ thị",
	"CTr":  "Chương trình",
	"CV":   "Công văn",
	"DA":   "Đề án",
	"HD":   "Hướng dẫn",
	"KL":   "Kết luận",
	"ND":   "Nghị định",
	"NQ":   "Nghị quyết",
	"NQLT": "Nghị quyết liên tịch",
	"QC":   "Quy chế",
	"QD":   "Quyết định",
	"QyD":  "Quy định",
	"TB":   "Thông báo",
	"TT":   "Thông tư",
	"TTLT": "Thông tư liên tịch",
	"TTr":  "Tờ trình",
}

// maxKindLookback bounds how far before a number kindBefore reads, which
// keeps Find linear: the longest name plus " số: " and some spacing.
const maxKindLookback = 64

// kindBefore returns the Kind named by the words just before offset i
// ("Quyết định số ", "QUYẾT ĐỊNH ", "Kế hoạch phối hợp số: "), or "".
func kindBefore(s string, i int) string {
	w := trimFiller(s[max(0, i-maxKindLookback):i])
	if hasCombining(w) {
		w = trimFiller(norm.NFC.String(w))
	}
	if rest, ok := cutSuffixFold(w, "số"); ok && endsWord(rest) {
		w = trimFiller(rest)
	}
	for _, k := range kindSuffixes {
		if rest, ok := cutSuffixFold(w, k); ok && endsWord(rest) {
			return kindWords[k]
		}
	}
	return ""
}

// cutSuffixFold is strings.CutSuffix ignoring case, for a lowercase suffix;
// it does not allocate, since it runs for every number found.
func cutSuffixFold(s, suffix string) (string, bool) {
	for suffix != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		want, m := utf8.DecodeLastRuneInString(suffix)
		if n == 0 || lowerVN(r) != want {
			return s, false
		}
		s, suffix = s[:len(s)-n], suffix[:len(suffix)-m]
	}
	return s, true
}

// lowerVN lowercases r, reading the look-alike Ð (U+00D0) as Đ.
func lowerVN(r rune) rune {
	if r == 'Ð' || r == 'ð' {
		return 'đ'
	}
	return unicode.ToLower(r)
}

// hasCombining reports whether s has combining diacritics (U+0300–U+036F),
// the sign of decomposed Vietnamese that must be composed before matching.
func hasCombining(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 0xCC || s[i] == 0xCD {
			return true
		}
	}
	return false
}

// trimFiller drops what may stand between a name and a number: spaces, a
// colon ("Số: 31/KH-UBND") and Markdown emphasis ("**Quyết định** số").
func trimFiller(w string) string {
	return strings.TrimRightFunc(w, func(r rune) bool {
		return unicode.IsSpace(r) || r == ':' || r == '*' || r == '_'
	})
}

// endsWord reports whether a word may start right after rest.
func endsWord(rest string) bool {
	r, _ := utf8.DecodeLastRuneInString(rest)
	return rest == "" || !isWordRune(r)
}

// kindOfCode returns the Kind implied by a number's first code segment.
func kindOfCode(first string) string {
	// Fold "Đ" and "Ð" to "D" so that "QĐ", "QÐ" and "QD" are one code.
	var buf [16]byte
	f := buf[:0]
	for _, r := range first {
		switch {
		case r == 'Đ' || r == 'Ð':
			r = 'D'
		case r >= utf8.RuneSelf || len(f) == len(buf):
			return "" // no type code has other letters or is this long
		}
		f = append(f, byte(r))
	}
	if k, ok := typeCodes[string(f)]; ok {
		return k
	}
	if len(f) >= 2 && f[0] == 'K' && f[1] == 'H' {
		return "Kế hoạch" // KH, KHPH, KHLT…
	}
	return ""
}

// isTypeCode reports whether a code segment is a document type, not an issuer.
func isTypeCode(first string) bool { return kindOfCode(first) != "" }

// isQH reports whether a segment is a Quốc hội code ("QH15"), which numbers
// laws and the Assembly's resolutions alike.
func isQH(first string) bool {
	rest, ok := strings.CutPrefix(first, "QH")
	if !ok || rest == "" {
		return false
	}
	for i := 0; i < len(rest); i++ {
		if !isDigit(rest[i]) {
			return false
		}
	}
	return true
}
