// Package catalog reads the catalogue of the programme's recurring tasks
// (data/catalog.toml) and links plans' tasks to its items by keywords, so
// that the site can compare localities item by item.
//
// A task carries out an item when its title, or one paragraph of its
// description, contains every entry of one of the item's keyword lists. An
// entry is a word or a phrase; it must occur as whole words, in order, with
// only spaces or punctuation between them. Text and keywords are compared
// folded (vnfold.Fold): without case or diacritics, "đ" as "d", because
// plans are often typed without them. Folding makes some words one: "thuế"
// (tax) and "thuê" (rent, as in "thuê bao") both read "thue". An entry
// starting with "-" excludes, so that the catalogue can tell them apart:
// ["dữ liệu thuế", "-thuê bao"].
package catalog

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/vnfold"
)

// Parse reads the catalogue. Problems are added to diags at their line and
// column in file; an item with an error is left out, so that what is
// returned can be used as it is.
func Parse(file string, data []byte, diags *diag.List) []*model.CatalogItem {
	src := normalize(data)
	lay := scan(src)

	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		line, col := 0, 0
		msg := err.Error()
		var perr toml.ParseError
		if errors.As(err, &perr) {
			line, col = perr.Position.Line, lay.runeCol(perr.Position.Line, perr.Position.Start)
			msg = perr.Message
		}
		diags.Errorf(file, line, col, `the catalogue is not valid TOML (%s): start each item with a line [[item]], then write its fields as key = "value", lists as ["a", "b"]`, msg)
		return nil
	}

	for _, key := range sortedKeys(raw) {
		if key != "item" {
			p := lay.top.key(key)
			diags.Errorf(file, p.line, p.col, "unknown key %q: the catalogue holds only [[item]] tables, so put every field under a line [[item]]", key)
		}
	}
	v, ok := raw["item"]
	if !ok {
		return nil
	}
	tables, ok := v.([]map[string]any)
	if !ok {
		p := lay.top.key("item")
		diags.Errorf(file, p.line, p.col, "item must be a list of tables: write each item as a line [[item]] followed by its fields")
		return nil
	}

	var items []*model.CatalogItem
	seen := map[string]int{} // id → line of the item that has it
	for i, t := range tables {
		b := lay.item(i)
		it, ok := parseItem(file, t, b, diags)
		if !ok {
			continue
		}
		if line, dup := seen[it.ID]; dup {
			p := b.value("id")
			diags.Errorf(file, p.line, p.col, "id %q is already used by the item on line %d: give each item its own id", it.ID, line)
			continue
		}
		seen[it.ID] = b.line
		items = append(items, it)
	}
	return items
}

// parseItem checks one [[item]] table; ok is false when it has an error.
func parseItem(file string, t map[string]any, b *block, diags *diag.List) (it *model.CatalogItem, ok bool) {
	ok = true
	for _, key := range sortedKeys(t) {
		switch key {
		case "id", "name", "short", "group", "basis", "keywords":
		default:
			p := b.key(key)
			diags.Errorf(file, p.line, p.col, "unknown field %q: an item has only the fields id, name, short, group, basis and keywords", key)
			ok = false
		}
	}
	// str returns the string value of key, "" when it is missing or not a string.
	str := func(key string) string {
		v, present := t[key]
		if !present {
			return ""
		}
		s, isString := v.(string)
		if !isString {
			p := b.value(key)
			diags.Errorf(file, p.line, p.col, `%s must be a string: write it in double quotes, as %s = "…"`, key, key)
			ok = false
			return ""
		}
		return strings.TrimSpace(s)
	}
	it = &model.CatalogItem{ID: str("id"), Name: str("name"), Short: str("short"), Group: str("group"), Basis: str("basis")}
	// blank: the key is missing or empty; str has reported any other type.
	blank := func(key string) bool {
		v, present := t[key]
		s, isString := v.(string)
		return !present || isString && strings.TrimSpace(s) == ""
	}

	if blank("id") {
		p := b.value("id")
		diags.Errorf(file, p.line, p.col, `item has no id: add id = "…", the address of its page under /so-sanh/, such as "ket-noi-bao-hiem"`)
		ok = false
	} else if slug := vnfold.Slug(it.ID); it.ID != "" && slug != it.ID {
		p := b.value("id")
		diags.Errorf(file, p.line, p.col, "id %q is not a URL slug: write id = %q (lowercase, no diacritics, words joined by -)", it.ID, slug)
		ok = false
	}
	if blank("name") {
		p := b.value("name")
		diags.Errorf(file, p.line, p.col, `item has no name: add name = "…", the task in the programme's words, such as "Kết nối Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu quốc gia về bảo hiểm"`)
		ok = false
	}
	if blank("group") {
		p := b.value("group")
		diags.Warnf(file, p.line, p.col, `item has no group: add group = "…", the part of the programme it belongs to, so that it is listed with its kind`)
	}

	kw, present := t["keywords"]
	if !present {
		diags.Errorf(file, b.line, 1, `item has no keywords: add keywords = [["…"]], lists of words that the title of a task carrying out this item contains`)
		return it, false
	}
	lists, isLists := keywordLists(kw)
	if !isLists {
		p := b.value("keywords")
		diags.Errorf(file, p.line, p.col, `keywords must be a list of lists of words: write keywords = [["dân cư", "dữ liệu bảo hiểm"], ["bhxh"]]`)
		return it, false
	}
	if len(lists) == 0 {
		p := b.value("keywords")
		diags.Errorf(file, p.line, p.col, `item has no keywords: add keywords = [["…"]], lists of words that the title of a task carrying out this item contains`)
		return it, false
	}
	for _, list := range lists {
		if len(list) == 0 {
			p := b.value("keywords")
			diags.Errorf(file, p.line, p.col, "a keyword list is empty: put in it the words a task's title must contain, or remove it")
			ok = false
			continue
		}
		must, bad := 0, false
		for _, w := range list {
			if len(words(strings.TrimPrefix(w, "-"))) == 0 {
				p := b.find("keywords", w)
				diags.Errorf(file, p.line, p.col, "keyword %q has no letters or digits: write a word or phrase, or remove it", w)
				bad = true
			} else if !strings.HasPrefix(w, "-") {
				must++
			}
		}
		if must == 0 && !bad {
			p := b.find("keywords", list[0])
			diags.Errorf(file, p.line, p.col, "this keyword list only excludes words (those starting with -): add a word that a task's title must contain")
		}
		ok = ok && must > 0 && !bad
	}
	it.Keywords = lists
	return it, ok
}

// keywordLists converts the decoded keywords value, trimming each entry.
func keywordLists(v any) ([][]string, bool) {
	outer, ok := v.([]any)
	if !ok {
		return nil, false
	}
	lists := make([][]string, 0, len(outer))
	for _, l := range outer {
		inner, ok := l.([]any)
		if !ok {
			return nil, false
		}
		list := make([]string, 0, len(inner))
		for _, w := range inner {
			s, ok := w.(string)
			if !ok {
				return nil, false
			}
			list = append(list, strings.TrimSpace(s))
		}
		lists = append(lists, list)
	}
	return lists, true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// normalize does what content.Split does to a content file, so that the
// catalogue's keywords are spelt like the plans' titles.
func normalize(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if !norm.NFC.IsNormal(data) {
		data = norm.NFC.Bytes(data)
	}
	return string(data)
}

// words folds s and splits it into words: runs of letters and digits.
func words(s string) []string {
	var out []string
	f := vnfold.Fold(s)
	start := -1
	for i, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, f[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, f[start:])
	}
	return out
}

// Where the TOML puts things. The decoder does not tell where a key is, so
// the lines are scanned for table headers and keys; values that span lines
// (a long keywords list) are skipped by counting brackets.

// pos is a 1-based line and column (in characters, as an editor counts).
type pos struct{ line, col int }

// block is the top of the file or one [[item]] table.
type block struct {
	line   int            // the header's line; 1 for the top of the file
	keys   map[string]pos // where each key is written
	values map[string]pos // where each key's value starts
	lines  []string       // the file's lines, to find a keyword in
	end    int            // the line after the block's last
}

type layout struct {
	lines []string
	top   *block
	items []*block
}

func scan(src string) *layout {
	lines := strings.Split(src, "\n")
	newBlock := func(line int) *block {
		return &block{line: line, keys: map[string]pos{}, values: map[string]pos{}, lines: lines, end: len(lines) + 1}
	}
	lay := &layout{lines: lines, top: newBlock(1)}
	cur := lay.top
	depth := 0 // brackets and braces still open from earlier lines
	multi := false
	for i, l := range lines {
		n := i + 1
		if depth == 0 && !multi {
			t := strings.TrimSpace(l)
			if strings.HasPrefix(t, "[") {
				h, _, _ := strings.Cut(t, "#")
				name := strings.Trim(strings.TrimSpace(h), "[] \t")
				if _, dup := lay.top.keys[name]; !dup {
					lay.top.keys[name] = pos{n, runeCol(l, strings.Index(l, "["))}
				}
				cur.end = n
				cur = newBlock(n) // a table other than [[item]] is scanned but not kept
				if strings.ReplaceAll(h, " ", "") == "[[item]]" {
					lay.items = append(lay.items, cur)
				}
				continue
			}
			if k, v, ok := keyAt(l); ok {
				if _, dup := cur.keys[k]; !dup {
					cur.keys[k] = pos{n, runeCol(l, len(l)-len(strings.TrimLeft(l, " \t")))}
					cur.values[k] = pos{n, runeCol(l, v)}
				}
				depth, multi = brackets(l[v:], 0, false)
				continue
			}
		}
		depth, multi = brackets(l, depth, multi)
	}
	return lay
}

// keyAt reads "key = value" and returns the key and the offset of the value.
func keyAt(l string) (key string, value int, ok bool) {
	t := strings.TrimLeft(l, " \t")
	var k string
	switch {
	case strings.HasPrefix(t, `"`):
		end := strings.Index(t[1:], `"`)
		if end < 0 {
			return "", 0, false
		}
		k, t = t[1:end+1], t[end+2:]
	default:
		end := strings.IndexFunc(t, func(r rune) bool {
			return !(r == '_' || r == '-' || r == '.' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9'))
		})
		if end <= 0 {
			return "", 0, false
		}
		k, t = t[:end], t[end:]
	}
	rest := strings.TrimLeft(t, " \t")
	if !strings.HasPrefix(rest, "=") {
		return "", 0, false
	}
	rest = rest[1:]
	return k, len(l) - len(strings.TrimLeft(rest, " \t")), true
}

// brackets follows s from the given depth, skipping strings and comments,
// and says how deep it ends and whether inside a multi-line string.
func brackets(s string, depth int, multi bool) (int, bool) {
	for i := 0; i < len(s); i++ {
		if multi {
			if strings.HasPrefix(s[i:], `"""`) || strings.HasPrefix(s[i:], `'''`) {
				multi = false
				i += 2
			}
			continue
		}
		switch c := s[i]; c {
		case '#':
			return depth, false
		case '[', '{':
			depth++
		case ']', '}':
			depth = max(depth-1, 0)
		case '"', '\'':
			if strings.HasPrefix(s[i:], string([]byte{c, c, c})) {
				multi = true
				i += 2
				continue
			}
			for i++; i < len(s) && s[i] != c; i++ {
				if c == '"' && s[i] == '\\' {
					i++
				}
			}
		}
	}
	return depth, multi
}

func runeCol(line string, byteOff int) int {
	byteOff = min(max(byteOff, 0), len(line))
	return utf8.RuneCountInString(line[:byteOff]) + 1
}

// runeCol turns the byte offset of a parse error into a column of line.
func (lay *layout) runeCol(line, offset int) int {
	if line < 1 || line > len(lay.lines) {
		return 1
	}
	start := 0
	for _, l := range lay.lines[:line-1] {
		start += len(l) + 1
	}
	return runeCol(lay.lines[line-1], offset-start)
}

// item returns the i-th [[item]] block, or the top of the file when the
// items are not written as [[item]] tables.
func (lay *layout) item(i int) *block {
	if i < len(lay.items) {
		return lay.items[i]
	}
	return lay.top
}

// key is where key is written in the block, or the block's header.
func (b *block) key(key string) pos {
	if p, ok := b.keys[key]; ok {
		return p
	}
	return pos{b.line, 1}
}

// value is where key's value starts, or the block's header.
func (b *block) value(key string) pos {
	if p, ok := b.values[key]; ok {
		return p
	}
	return pos{b.line, 1}
}

// find is where the string word is written in key's value, or where the
// value starts.
func (b *block) find(key, word string) pos {
	p := b.value(key)
	quoted := `"` + word + `"`
	for n := p.line; n < b.end && n <= len(b.lines); n++ {
		l := b.lines[n-1]
		if n > p.line {
			if _, _, isKey := keyAt(l); isKey {
				break
			}
		}
		if i := strings.Index(l, quoted); i >= 0 {
			return pos{n, runeCol(l, i)}
		}
	}
	return p
}

// Matcher links tasks to catalogue items. Build one with NewMatcher for
// the whole catalogue and match every task with it: the keywords are
// folded, split into words and numbered once, each keyword list is
// indexed under its rarest entry. Matching a task then folds and splits
// its text once and checks
// only the lists whose rarest entry it contains. A Matcher is not changed
// by use, so it is safe for concurrent use.
type Matcher struct {
	items   []*model.CatalogItem
	vocab   map[string]int32 // every word of every keyword → its number
	phrases [][]int32        // every distinct entry, as word numbers
	byFirst [][]int32        // entries by the number of their first word
	lists   []list
	byRare  [][]int32 // lists by the entry they are indexed under
}

// list is one keyword list of an item, by entry number.
type list struct {
	item      int
	must, not []int32
}

// NewMatcher prepares items for matching. Entries without a word and lists
// without an entry that must be present, which Parse reports, never match.
func NewMatcher(items []*model.CatalogItem) *Matcher {
	m := &Matcher{items: items, vocab: map[string]int32{}}
	phraseIDs := map[string]int32{}
	phrase := func(s string) (int32, bool) {
		ws := words(s)
		if len(ws) == 0 {
			return 0, false
		}
		key := strings.Join(ws, " ")
		if id, ok := phraseIDs[key]; ok {
			return id, true
		}
		ids := make([]int32, len(ws))
		for i, w := range ws {
			id, ok := m.vocab[w]
			if !ok {
				id = int32(len(m.vocab))
				m.vocab[w] = id
				m.byFirst = append(m.byFirst, nil)
			}
			ids[i] = id
		}
		id := int32(len(m.phrases))
		phraseIDs[key] = id
		m.phrases = append(m.phrases, ids)
		m.byFirst[ids[0]] = append(m.byFirst[ids[0]], id)
		return id, true
	}
	for i, it := range items {
		for _, kw := range it.Keywords {
			l := list{item: i}
			for _, w := range kw {
				neg := strings.HasPrefix(w, "-")
				id, ok := phrase(strings.TrimPrefix(w, "-"))
				switch {
				case !ok:
				case neg:
					l.not = append(l.not, id)
				default:
					l.must = append(l.must, id)
				}
			}
			if len(l.must) > 0 {
				m.lists = append(m.lists, l)
			}
		}
	}

	uses := make([]int, len(m.phrases))
	for _, l := range m.lists {
		for _, p := range l.must {
			uses[p]++
		}
	}
	m.byRare = make([][]int32, len(m.phrases))
	for i, l := range m.lists {
		rare := l.must[0]
		for _, p := range l.must[1:] {
			if uses[p] < uses[rare] {
				rare = p
			}
		}
		m.byRare[rare] = append(m.byRare[rare], int32(i))
	}
	return m
}

// Match returns the items t carries out, in catalogue order: those with a
// keyword list whose entries t's title, or one paragraph of its
// description, all contain. The description counts because some plans put
// the task's words there under a heading that only names a part of the
// programme ("4. Phục vụ phát triển công dân số"). t.CatalogSet is not
// looked at: whoever links tasks decides whether to match at all.
func (m *Matcher) Match(t *model.Task) []*model.CatalogItem {
	hit := make([]bool, len(m.items))
	found := m.matchText(t.Title, hit)
	for _, d := range t.Description {
		found = m.matchText(d, hit) || found
	}
	if !found {
		return nil
	}
	var out []*model.CatalogItem
	for i, h := range hit {
		if h {
			out = append(out, m.items[i])
		}
	}
	return out
}

// matchText marks in hit the items one text carries out.
func (m *Matcher) matchText(text string, hit []bool) bool {
	ws := m.wordIDs(text)
	if len(ws) == 0 {
		return false
	}
	present := make([]bool, len(m.phrases))
	var seen []int32
	for i, w := range ws {
		if w < 0 {
			continue
		}
		for _, p := range m.byFirst[w] {
			if !present[p] && hasPhrase(ws[i:], m.phrases[p]) {
				present[p] = true
				seen = append(seen, p)
			}
		}
	}
	found := false
	for _, p := range seen {
		for _, li := range m.byRare[p] {
			l := &m.lists[li]
			if !hit[l.item] && all(present, l.must, true) && all(present, l.not, false) {
				hit[l.item] = true
				found = true
			}
		}
	}
	return found
}

// wordIDs folds text and numbers its words as words splits them; a word
// no keyword has is -1. It returns nil when no word of text is known.
func (m *Matcher) wordIDs(text string) []int32 {
	ws := words(text)
	out := make([]int32, len(ws))
	known := false
	for i, w := range ws {
		id, ok := m.vocab[w]
		if !ok {
			id = -1
		}
		known = known || ok
		out[i] = id
	}
	if !known {
		return nil
	}
	return out
}

func hasPhrase(ws, phrase []int32) bool {
	return len(ws) >= len(phrase) && slices.Equal(ws[:len(phrase)], phrase)
}

func all(present []bool, ps []int32, want bool) bool {
	for _, p := range ps {
		if present[p] != want {
			return false
		}
	}
	return true
}
