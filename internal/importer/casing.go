package importer

import (
	"strings"
	"unicode"
)

// caseBook remembers how the body of a document writes each word in the
// middle of a sentence, alone and next to its neighbours. A title printed in
// capitals is written back in the document's own case from it: "ĐỀ ÁN" →
// "Đề án" because the body writes "Đề án", while "đề xuất" stays lower.
type caseBook struct {
	pairs map[[2]string]map[string]int // (left, word) and (word, right) → form → count
	words map[string]map[string]int
}

// newCaseBook reads the words of texts. The first word of a sentence says
// nothing about case and is skipped.
func newCaseBook(texts []string) *caseBook {
	cb := &caseBook{pairs: map[[2]string]map[string]int{}, words: map[string]map[string]int{}}
	for _, t := range texts {
		toks := strings.Fields(t)
		for i, tok := range toks {
			core, _, _ := splitToken(tok)
			if core == "" || i == 0 || endsSentence(toks[i-1]) {
				continue
			}
			low := strings.ToLower(core)
			add(cb.words, low, core)
			if l, _, _ := splitToken(toks[i-1]); l != "" {
				addPair(cb.pairs, [2]string{"<" + strings.ToLower(l), low}, core)
			}
			if i+1 < len(toks) {
				if r, _, _ := splitToken(toks[i+1]); r != "" {
					addPair(cb.pairs, [2]string{low, strings.ToLower(r) + ">"}, core)
				}
			}
		}
	}
	return cb
}

func add(m map[string]map[string]int, key, form string) {
	if m[key] == nil {
		m[key] = map[string]int{}
	}
	m[key][form]++
}

func addPair(m map[[2]string]map[string]int, key [2]string, form string) {
	if m[key] == nil {
		m[key] = map[string]int{}
	}
	m[key][form]++
}

// splitToken cuts a token into its word and the punctuation around it:
// "“PHÁT" → "PHÁT" with prefix "“".
func splitToken(tok string) (core, prefix, suffix string) {
	start := strings.IndexFunc(tok, isWordRune)
	if start < 0 {
		return "", tok, ""
	}
	end := strings.LastIndexFunc(tok, isWordRune)
	_, size := firstRune(tok[end:])
	return tok[start : end+size], tok[:start], tok[end+size:]
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// best returns the most frequent form, ties broken by the lowercase one.
func best(forms map[string]int) (string, bool) {
	var out string
	n := 0
	for f, c := range forms {
		if c > n || (c == n && f > out) {
			out, n = f, c
		}
	}
	return out, n > 0
}

// sentence writes a subject printed in capitals in the document's case.
// A word after an opening quote starts a name and takes a capital, as the
// documents write "Đề án “Phát triển …”".
func (cb *caseBook) sentence(caps string) string {
	toks := strings.Fields(caps)
	low := make([]string, len(toks))
	for i, t := range toks {
		c, _, _ := splitToken(t)
		low[i] = strings.ToLower(c)
	}
	out := make([]string, len(toks))
	for i, t := range toks {
		core, pre, suf := splitToken(t)
		if core == "" {
			out[i] = t
			continue
		}
		form := low[i]
		var forms map[string]int
		if i > 0 && cb.pairs[[2]string{"<" + low[i-1], low[i]}] != nil {
			forms = cb.pairs[[2]string{"<" + low[i-1], low[i]}]
		} else if i+1 < len(toks) && cb.pairs[[2]string{low[i], low[i+1] + ">"}] != nil {
			forms = cb.pairs[[2]string{low[i], low[i+1] + ">"}]
		} else {
			forms = cb.words[low[i]]
		}
		if f, ok := best(forms); ok {
			form = f
		}
		if strings.ContainsAny(pre, "“\"«") {
			form = upperFirst(form)
		}
		out[i] = pre + form + suf
	}
	return strings.Join(out, " ")
}

// planTitle makes the plan's title from the subject under "KẾ HOẠCH":
// "Kế hoạch triển khai …". A subject in mixed case keeps its case except
// for its first letter, which the sentence now continues.
func planTitle(subject string, caps bool, cb *caseBook) string {
	if subject == "" {
		return ""
	}
	if caps {
		subject = cb.sentence(subject)
	} else {
		first := strings.Fields(subject)[0]
		core, _, _ := splitToken(first)
		if f, ok := best(cb.words[strings.ToLower(core)]); !ok || f == strings.ToLower(f) {
			subject = lowerFirst(subject)
		}
	}
	return "Kế hoạch " + subject
}
