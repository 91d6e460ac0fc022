package importer

import (
	"strings"
	"unicode"

	"github.com/minhbach/minhbach/internal/vnfold"
)

// signature is the signature block at the end of a plan: the signer's
// title as printed ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") and name.
type signature struct {
	first, last int      // indices of its first and last line
	parts       []string // the title, one part per printed line
	notes       []string // "(Đã ký)" and the like, between title and name
	name        string
	line        int // source line of the name
	titleLine   int // source line where the title starts
}

func (s signature) title() string { return strings.Join(s.parts, " / ") }

// lines are the signature's lines as they are written in the body.
func (s signature) lines() []string {
	out := append(append([]string{}, s.parts...), s.notes...)
	return append(out, s.name)
}

// findSignature looks for the signer's name among the last lines before
// the appendices, with the title printed in capitals above it. It reads raw
// lines: a signature is laid out line by line and must not be unwrapped.
func findSignature(lines []Line) (signature, bool) {
	end := len(lines)
	for i, l := range lines {
		if isAppendixTitle(plain(l.Text)) {
			end = i
			break
		}
	}
	seen := 0
	for i := end - 1; i >= 0 && seen < 12; i-- {
		if isBlank(lines[i].Text) || !hasWords(lines[i].Text) {
			continue
		}
		seen++
		p := strings.Trim(plain(lines[i].Text), "* ")
		if !isPersonName(p) {
			continue
		}
		s := signature{first: i, last: i, name: p, line: lines[i].N}
		var titles []string
		j := i - 1
		for ; j >= 0; j-- {
			t := strings.Trim(plain(lines[j].Text), "* ")
			if isBlank(t) || !hasWords(t) {
				continue
			}
			if signedNote(t) {
				s.notes = append([]string{t}, s.notes...)
				continue
			}
			if !isCaps(t) || strings.HasPrefix(t, "-") {
				break
			}
			titles = append([]string{t}, titles...)
			s.first, s.titleLine = j, lines[j].N
		}
		if len(titles) == 0 && !(j >= 0 && strings.HasPrefix(vnfold.Fold(plain(lines[j].Text)), "- luu")) {
			return signature{}, false
		}
		for _, t := range titles {
			if n := len(s.parts); n > 0 && len(strings.Fields(s.parts[n-1])) == 1 {
				s.parts[n-1] += " " + t // "CHỦ" / "TỊCH": one word cut off
				continue
			}
			s.parts = append(s.parts, t)
		}
		return s, true
	}
	return signature{}, false
}

// signatureStart reports whether a line starts a signer's title: "TM.",
// "KT.", "TL.", "Q.", "TUQ." (signing for or on behalf of).
func signatureStart(s string) bool {
	f := vnfold.Fold(strings.TrimSpace(s))
	for _, p := range []string{"tm.", "kt.", "tl.", "q.", "tuq."} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// signedNote reports whether a line only says the document was signed.
func signedNote(s string) bool {
	f := vnfold.Fold(strings.Trim(s, "()[] "))
	return f == "da ky" || f == "da ky va dong dau" || f == "ky ten, dong dau"
}

// isPersonName reports whether s is a person's name: two to six words,
// each a capital followed by small letters ("Lê Trung Chinh").
func isPersonName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 6 || runeLen(s) > 40 {
		return false
	}
	for _, w := range words {
		for i, r := range w {
			if i == 0 && !unicode.IsUpper(r) {
				return false
			}
			if i > 0 && !unicode.IsLower(r) && !unicode.IsMark(r) {
				return false
			}
		}
		if runeLen(w) < 2 {
			return false
		}
	}
	return true
}
