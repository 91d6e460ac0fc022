// Package agency reads the agencies named in a task's lead and support
// fields: it splits a field into names and separates "X chủ trì, phối hợp Y".
package agency

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/vnfold"
)

// heads are the words an agency name starts with (folded). A piece after a
// comma or "và" that starts with one of them is a new agency; anything else
// continues the previous name ("Sở Văn hóa, Thể thao và Du lịch").
var heads = []string{
	"bao hiem", "ban ", "bo ", "buu dien", "chi cuc", "chi nhanh", "cong an", "cong ty",
	"cuc ", "dai ", "dien luc", "doan ", "hoi ", "huyen doan", "kho bac", "lien doan",
	"mat tran", "ngan hang", "phong ", "quan doi", "so ", "tap doan", "thanh doan",
	"thanh tra", "tinh doan", "toa an", "tong cong ty", "tong dai", "trung tam", "truong ",
	"to ", "uy ban", "van phong", "vien ", "cac ", "bo chi huy", "cong thong tin",
	"ban chi dao", "to cong tac", "nguoi dung dau", "thu truong", "chu tich",
}

// Split splits a lead or support field into agency names. It cuts on ";",
// on "," and on "và" only where a new agency begins, so names that contain
// "và" or "&" stay whole and generic groups ("các sở, ban, ngành") stay one.
func Split(field string) []string {
	var out []string
	for _, part := range splitOutside(field, ';') {
		var names []string
		for _, piece := range splitOutside(part, ',') {
			piece = strings.TrimSpace(piece)
			if piece == "" {
				continue
			}
			if len(names) > 0 && !startsAgency(piece) {
				names[len(names)-1] += ", " + piece
				continue
			}
			names = append(names, piece)
		}
		for _, n := range names {
			out = append(out, splitAnd(n)...)
		}
	}
	for i := range out {
		out[i] = clean(out[i])
	}
	return compact(out)
}

// splitAnd cuts a name on " và " where the words after it start a new agency,
// except in "HĐND và UBND", which is one office.
func splitAnd(name string) []string {
	var out []string
	rest := name
	for {
		cut := -1
		for i := 0; ; {
			j := strings.Index(rest[i:], " và ")
			if j < 0 {
				break
			}
			j += i
			after := rest[j+len(" và "):]
			before := vnfold.Fold(lastWord(rest[:j]))
			if startsAgency(after) && before != "hdnd" && before != "hđnd" {
				cut = j
				break
			}
			i = j + 1
		}
		if cut < 0 {
			return append(out, rest)
		}
		out = append(out, rest[:cut])
		rest = rest[cut+len(" và "):]
	}
}

// startsAgency reports whether s begins a new agency name: lowercase text
// continues a list ("ban, ngành") unless it starts a group with "các";
// capitalised text starts one when its first word is a known head word or an
// acronym ("UBND", "VNPT").
func startsAgency(s string) bool {
	s = strings.TrimSpace(s)
	r, _ := utf8.DecodeRuneInString(s)
	f := vnfold.Fold(s) + " "
	if unicode.IsLower(r) {
		return strings.HasPrefix(f, "cac ")
	}
	if isAcronym(firstWord(s)) {
		return true
	}
	for _, h := range heads {
		if strings.HasPrefix(f, h) {
			return true
		}
	}
	return false
}

func isAcronym(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && r != '&' {
			return false
		}
	}
	return true
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

func lastWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[i+1:]
	}
	return s
}

// splitOutside splits s on sep where sep is not inside parentheses.
func splitOutside(s string, sep rune) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + utf8.RuneLen(r)
			}
		}
	}
	return append(out, s[start:])
}

func clean(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ".;,: ")
	s = strings.TrimSpace(s)
	if vnfold.HasPrefix(s, "và ") {
		s = strings.TrimSpace(s[len("và "):])
	}
	return s
}

func compact(names []string) []string {
	out := names[:0]
	for _, n := range names {
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

// leadPhrases join a lead and its support in one sentence, as in
// "Văn phòng HĐND và UBND xã chủ trì, phối hợp Công an xã".
var leadPhrases = []string{" chủ trì, phối hợp với ", " chủ trì, phối hợp ", " chủ trì phối hợp với ", " chủ trì phối hợp ", " chủ trì; phối hợp "}

// SplitRoles separates "X chủ trì, phối hợp Y" into X and Y. Text without
// such a phrase is all lead.
func SplitRoles(field string) (lead, support string) {
	for _, p := range leadPhrases {
		if start, end := vnfold.Index(field, p); start >= 0 {
			return strings.TrimSpace(field[:start]), strings.TrimSpace(field[end:])
		}
	}
	return field, ""
}
