package agency

import (
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/vnfold"
)

// unit is a word for a level of locality as names begin with it, and the
// ways plans write it.
type unit struct {
	folded string   // "thanh pho"
	forms  []string // "thành phố", "TP"
}

// units are the unit words, longest first so "thị xã" is not read as "xã".
var units = []unit{
	{"thanh pho", []string{"thành phố", "TP"}},
	{"thi xa", []string{"thị xã", "TX"}},
	{"thi tran", []string{"thị trấn", "TT"}},
	{"dac khu", []string{"đặc khu"}},
	{"tinh", []string{"tỉnh"}},
	{"huyen", []string{"huyện"}},
	{"quan", []string{"quận"}},
	{"phuong", []string{"phường"}},
	{"xa", []string{"xã"}},
}

// unitOf returns the folded unit word a locality's name begins with, and
// the rest of the name ("Đà Nẵng").
func unitOf(name string) (string, string) {
	f := vnfold.Fold(name)
	for _, u := range units {
		if strings.HasPrefix(f, u.folded+" ") {
			words := len(strings.Fields(u.folded))
			rest := strings.Fields(name)[words:]
			return u.folded, strings.Join(rest, " ")
		}
	}
	return "", name
}

// inRunningText writes a locality's name as it reads after an agency's:
// "Thành phố Đà Nẵng" → "thành phố Đà Nẵng".
func inRunningText(name string) string {
	u, rest := unitOf(name)
	if u == "" {
		return name
	}
	words := strings.Fields(name)
	n := len(strings.Fields(u))
	return strings.ToLower(strings.Join(words[:n], " ")) + " " + rest
}

// token is a word of a name, folded, with where it is in the text.
type token struct {
	word       string
	start, end int
}

// tokenize splits text into words: runs of letters and digits, folded
// (no case, no diacritics, "đ" as "d"). "và" and "&" join names and are
// dropped, so "Văn hóa - Thông tin", "Văn hóa & Thông tin" and "Văn hóa và
// Thông tin" are the same words.
func tokenize(text string) []token {
	var out []token
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := vnfold.Fold(text[start:end])
		if w != "va" {
			out = append(out, token{w, start, end})
		}
		start = -1
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// Tokens returns the folded words of a name, as matching compares them.
func Tokens(name string) []string {
	var out []string
	for _, t := range tokenize(name) {
		out = append(out, t.word)
	}
	return out
}

// Mentions reads a field's text in a plan of the locality whose chain is
// given (from the top down to the plan's locality): the text is split into
// names, a group stays one mention, and each name is matched against the
// registry, longest alias first. What no alias matches is kept as written,
// with Agency nil.
func (r *Registry) Mentions(text string, chain []*model.Locality) []model.Mention {
	var out []model.Mention
	for _, name := range Split(text) {
		out = append(out, r.name(name, chain)...)
	}
	return out
}

// name matches one name of a field. A name may hold more than one agency
// when the document forgot a comma ("Phòng Văn hoá&Thông tin và cá sở,
// ngành"), so the matches are looked for anywhere in it.
func (r *Registry) name(name string, chain []*model.Locality) []model.Mention {
	toks := tokenize(name)
	e, n, a := r.longest(toks, 0, chain)
	if n == len(toks) && n > 0 {
		return []model.Mention{mention(name, e, a)}
	}
	if isGroup(toks) {
		return []model.Mention{{Text: name, Group: true}}
	}
	var out []model.Mention
	rest := 0 // byte offset of the text not yet read
	for i := 0; i < len(toks); {
		if i > 0 {
			e, n, a = r.longest(toks, i, chain)
		}
		if n == 0 {
			i++
			continue
		}
		if gap := trimJoin(name[rest:toks[i].start]); gap != "" {
			out = append(out, leftover(gap))
		}
		end := toks[i+n-1].end
		out = append(out, mention(name[toks[i].start:end], e, a))
		rest, i = end, i+n
	}
	if gap := trimJoin(name[rest:]); gap != "" {
		out = append(out, leftover(gap))
	}
	return out
}

func mention(text string, e *entry, a *model.Agency) model.Mention {
	return model.Mention{Text: text, Agency: a, Group: e.group, Reviewed: e.alias && a == nil && !e.group}
}

func leftover(text string) model.Mention {
	return model.Mention{Text: text, Group: IsGroup(text)}
}

// trimJoin trims the punctuation and joining words between two names.
func trimJoin(s string) string {
	for {
		t := strings.TrimFunc(s, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '(' && r != ')'
		})
		for _, w := range []string{"và", "với", "phối hợp"} {
			if vnfold.Equal(t, w) {
				return ""
			}
		}
		for _, w := range []string{"và ", "với ", "phối hợp "} {
			if vnfold.HasPrefix(t, w) {
				t = t[len(w):]
			}
		}
		for _, w := range []string{" và", " với"} {
			if len(t) >= len(w) && vnfold.Equal(t[len(t)-len(w):], w) {
				t = t[:len(t)-len(w)]
			}
		}
		if t == s {
			return t
		}
		s = t
	}
}

// longest finds the longest alias that matches the tokens at i and means
// an agency in the chain. It returns the entry, the number of tokens it
// covers (0 for none) and the agency (nil for a group or a reviewed name).
func (r *Registry) longest(toks []token, i int, chain []*model.Locality) (*entry, int, *model.Agency) {
	if i >= len(toks) {
		return nil, 0, nil
	}
	var best *entry
	var bestAgency *model.Agency
	bestN := 0
	for _, e := range r.index[toks[i].word] {
		if len(e.tokens) < bestN || !hasPrefix(toks[i:], e.tokens) {
			continue
		}
		n, a, ok := r.resolve(e, toks[i+len(e.tokens):], chain)
		if ok && len(e.tokens)+n > bestN {
			best, bestAgency, bestN = e, a, len(e.tokens)+n
		}
	}
	return best, bestN, bestAgency
}

func hasPrefix(toks []token, words []string) bool {
	if len(toks) < len(words) {
		return false
	}
	for i, w := range words {
		if toks[i].word != w {
			return false
		}
	}
	return true
}

// resolve says what a matching alias means in a plan of the chain's last
// locality: extra is how many tokens after the alias it also covers (a
// locality's name after a kind's alias).
func (r *Registry) resolve(e *entry, after []token, chain []*model.Locality) (extra int, a *model.Agency, ok bool) {
	switch {
	case e.alias:
		if !inScope(e.scope, chain) {
			return 0, nil, false
		}
		if e.target == "" {
			return 0, nil, true
		}
		a = r.byID(e.target, localityMap(chain))
		return 0, a, a != nil
	case e.body != nil:
		if !inScope(e.scope, chain) {
			return 0, nil, false
		}
		var l *model.Locality
		for _, c := range chain {
			if c.Path == e.body.scope {
				l = c
			}
		}
		return 0, r.bodyAgency(e.body, l), true
	}
	for i := len(chain) - 1; i >= 0; i-- { // the deepest locality the alias can mean
		l := chain[i]
		if !e.kind.levels[l.Level] {
			continue
		}
		lw := r.localityWords(l)
		if e.unit != "" && e.unit != lw.unit {
			continue
		}
		if e.named {
			name := lw.name
			if !hasPrefix(after, name) {
				continue
			}
			extra = len(name)
		}
		return extra, r.kindAgency(e.kind, l), true
	}
	return 0, nil, false
}

// localityWords is how aliases see a locality's name: its unit word,
// folded, and the words of the rest ("thanh pho"; "da", "nang").
type localityWords struct {
	unit string
	name []string
}

// localityWords reads a locality's name once for all the aliases that try it.
func (r *Registry) localityWords(l *model.Locality) localityWords {
	if lw, ok := r.names[l]; ok {
		return lw
	}
	u, rest := unitOf(l.Name)
	lw := localityWords{unit: u, name: Tokens(rest)}
	r.names[l] = lw
	return lw
}

// localityMap finds the locality an [[alias]]'s target names among the
// chain's, for byID.
func localityMap(chain []*model.Locality) map[string]*model.Locality {
	m := map[string]*model.Locality{}
	for _, l := range chain {
		m[l.Path] = l
	}
	return m
}

func inScope(scope string, chain []*model.Locality) bool {
	if scope == "" {
		return true
	}
	for _, l := range chain {
		if l.Path == scope {
			return true
		}
	}
	return false
}

// IsGroup reports whether a name stands for many bodies: "các sở, ban,
// ngành", "UBND các quận, huyện", "các cơ quan, đơn vị liên quan". Such a
// name starts with "các", or has it as its second or third word.
func IsGroup(name string) bool { return isGroup(tokenize(name)) }

func isGroup(toks []token) bool {
	for i := 0; i < len(toks) && i < 3; i++ {
		if toks[i].word == "cac" {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
