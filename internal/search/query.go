package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Fetcher returns the bytes of an index file, by its path relative to
// index.json ("index.json", "t/3f2a9c1b7d.json").
type Fetcher func(path string) ([]byte, error)

// Result is what a query found.
type Result struct {
	Total   int      // documents matching every word searched
	Groups  []Group  // the kinds with results, tasks first
	Skipped []string // words not searched, as typed: past MaxWords, or too common to fetch within the budget
	Fetched int      // bytes of the files the query used, as written
}

// Group is the results of one kind.
type Group struct {
	Kind  Kind
	Total int   // every match of this kind
	Hits  []Hit // the best GroupCap of them, fewer if their records would break the budget
}

// Hit is one result.
type Hit struct {
	N     int  // document number
	Exact bool // every word matched with the query's own diacritics
	Whole bool // the last word matched a whole word, not only its start
	Doc   Doc  // as its record holds it
}

// Query runs q over the index that fetch reads, as search.js does: the same
// files, in the same order of need, give the same results. Results rank
// matches with the query's diacritics first, then matches of the last word
// as a whole word, then by document number (the site's order).
//
// A query keeps within Budget by the sizes the index states: it fetches
// postings, rarest word first, until PostingBudget, and shows fewer results
// rather than fetch records past Budget. search.js counts a file it has
// cached from an earlier query as if fetched again, so that both decide
// alike.
func Query(fetch Fetcher, q string) (*Result, error) {
	s := &searcher{fetch: fetch, used: map[string]bool{}, shards: map[int][]*dictEntry{},
		files: map[string][][]uint32{}, records: map[int]*recordJSON{}}
	return s.query(q)
}

type searcher struct {
	fetch   Fetcher
	m       manifest
	used    map[string]bool // files this query has used
	spent   int             // their bytes
	shards  map[int][]*dictEntry
	files   map[string][][]uint32 // decoded posting files by name
	records map[int]*recordJSON
}

// get fetches a file and counts its bytes against the query's budget.
func (s *searcher) get(path string) ([]byte, error) {
	data, err := s.fetch(path)
	if err != nil {
		return nil, err
	}
	if !s.used[path] {
		s.used[path] = true
		s.spent += len(data)
	}
	return data, nil
}

// dictEntry is one term of a dictionary shard.
type dictEntry struct {
	Fold     string
	DF       int
	Variants []variant
	File     string // the posting file's name; "": the postings are inline
	Size     int    // bytes of the posting file
}

type variant struct {
	Exact string
	DF    int
	Docs  []uint32 // inline postings, nil when in a file
}

func (e *dictEntry) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if len(raw) < 3 {
		return fmt.Errorf("dictionary entry %s: too short", b)
	}
	if len(raw) > 4 {
		if err := unmarshalAll(raw[3:5], &e.File, &e.Size); err != nil {
			return err
		}
	}
	var vs [][]json.RawMessage
	if err := unmarshalAll(raw[:3], &e.Fold, &e.DF, &vs); err != nil {
		return err
	}
	for _, v := range vs {
		var x variant
		if len(v) < 2 {
			return fmt.Errorf("dictionary entry %q: short spelling", e.Fold)
		}
		if err := unmarshalAll(v[:2], &x.Exact, &x.DF); err != nil {
			return err
		}
		if e.File == "" {
			var g []uint32
			if len(v) < 3 {
				return fmt.Errorf("dictionary entry %q: no postings", e.Fold)
			}
			if err := json.Unmarshal(v[2], &g); err != nil {
				return err
			}
			x.Docs = ungap(g)
		}
		e.Variants = append(e.Variants, x)
	}
	return nil
}

func unmarshalAll(raw []json.RawMessage, into ...any) error {
	for i, r := range raw {
		if err := json.Unmarshal(r, into[i]); err != nil {
			return err
		}
	}
	return nil
}

// word is one word of a query and what the index says of it.
type word struct {
	tok   Token
	last  bool         // the word being typed: a prefix
	entry *dictEntry   // the whole term; nil when the index has none
	terms []*dictEntry // the last word's expansion: every term it starts
	heavy *heavyEntry  // the last word's own postings, when too common to expand
	df    int          // documents, or an upper bound: which word to fetch first
	state wordState
	// Once fetched:
	fold, exact, whole []uint32
}

// wordState is how a query word is searched.
type wordState uint8

const (
	pending wordState = iota // to be checked against the candidates' records
	fetched                  // by its postings
	skipped                  // not at all: too common to fetch within the budget
)

func (s *searcher) query(q string) (*Result, error) {
	words, skipped := parseQuery(q, -1)
	if len(words) == 0 {
		return &Result{Skipped: skipped}, nil
	}
	if err := s.loadJSON("index.json", &s.m); err != nil {
		return nil, err
	}
	if s.m.Format != formatVersion {
		return nil, fmt.Errorf("search index: format %d, want %d", s.m.Format, formatVersion)
	}
	if err := s.m.check(); err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	words, skipped = parseQuery(q, s.m.Words)
	res := &Result{Skipped: skipped}
	if err := s.loadShards(words); err != nil {
		return nil, err
	}
	if !s.lookUp(words) {
		res.Fetched = s.spent
		return res, nil
	}
	cands, more, err := s.candidates(words)
	if err != nil {
		return nil, err
	}
	for _, w := range more {
		res.Skipped = append(res.Skipped, w.tok.Text)
	}
	if len(cands) > 0 {
		flags, unchecked, err := s.verify(words, cands)
		if err != nil {
			return nil, err
		}
		for _, w := range unchecked {
			res.Skipped = append(res.Skipped, w.tok.Text)
		}
		if err := s.rank(res, words, cands, flags); err != nil {
			return nil, err
		}
	}
	res.Fetched = s.spent
	return res, nil
}

// parseQuery splits a query into its words, the last one being typed, each
// once; past limit words (when limit ≥ 0), the rest are skipped, and the
// last searched word is then a whole word.
func parseQuery(q string, limit int) ([]*word, []string) {
	toks := Tokenize(q)
	var words []*word
	var skipped []string
	seen := map[Token]bool{}
	for i, t := range toks {
		w := &word{tok: t, last: i == len(toks)-1}
		key := Token{Fold: t.Fold, Exact: t.Exact}
		if w.last {
			key.Text = "…" // the word being typed is another word than the same whole word
		}
		switch {
		case seen[key]:
		case limit >= 0 && len(words) >= limit:
			skipped = append(skipped, t.Text)
		default:
			words = append(words, w)
		}
		seen[key] = true
	}
	return words, skipped
}

// loadShards fetches the dictionary shards the words need: the one that
// would hold each word, and for the last word every shard its expansion
// spans unless the prefix has postings of its own.
func (s *searcher) loadShards(words []*word) error {
	need := map[int]bool{}
	for _, w := range words {
		first := shardFor(s.m.Shards, w.tok.Fold)
		need[first] = true
		if w.last {
			w.heavy = s.heavyFor(w.tok.Fold)
			if w.heavy == nil {
				for i := first + 1; i < len(s.m.Shards) && strings.HasPrefix(s.m.Shards[i], w.tok.Fold); i++ {
					need[i] = true
				}
			}
		}
	}
	for _, i := range sortedKeys(need) {
		if _, ok := s.shards[i]; ok {
			continue
		}
		var entries []*dictEntry
		if err := s.loadJSON(s.shardPath(i), &entries); err != nil {
			return err
		}
		s.shards[i] = entries
	}
	return nil
}

func (s *searcher) heavyFor(p string) *heavyEntry {
	i := sort.Search(len(s.m.Prefixes), func(i int) bool { return s.m.Prefixes[i].Prefix >= p })
	if i < len(s.m.Prefixes) && s.m.Prefixes[i].Prefix == p {
		return &s.m.Prefixes[i]
	}
	return nil
}

// lookUp finds each word in the dictionary. It reports false when a word
// cannot match: every word must.
func (s *searcher) lookUp(words []*word) bool {
	for _, w := range words {
		first := shardFor(s.m.Shards, w.tok.Fold)
		w.entry = findEntry(s.shards[first], w.tok.Fold)
		switch {
		case !w.last:
			if w.entry == nil {
				return false
			}
			w.df = w.entry.DF
		case w.heavy != nil:
			w.df = w.heavy.DF
		default:
			for i := first; i < len(s.m.Shards) && (i == first || strings.HasPrefix(s.m.Shards[i], w.tok.Fold)); i++ {
				for _, e := range s.shards[i] {
					if strings.HasPrefix(e.Fold, w.tok.Fold) {
						w.terms = append(w.terms, e)
						w.df += e.DF
					}
				}
			}
			if len(w.terms) == 0 {
				return false
			}
		}
	}
	return true
}

func findEntry(entries []*dictEntry, fold string) *dictEntry {
	i := sort.Search(len(entries), func(i int) bool { return entries[i].Fold >= fold })
	if i < len(entries) && entries[i].Fold == fold {
		return entries[i]
	}
	return nil
}

// candidates fetches postings, rarest word first, intersecting as it goes,
// until every word is fetched, or few enough candidates are left that
// checking their records is cheaper than fetching more postings, or the
// next word's postings would pass PostingBudget: it returns the words left
// unsearched then.
func (s *searcher) candidates(words []*word) ([]uint32, []*word, error) {
	order := slices.Clone(words)
	slices.SortStableFunc(order, func(a, b *word) int { return a.df - b.df })
	var cands []uint32
	for i, w := range order {
		if i > 0 && len(cands) <= s.m.Verify {
			break
		}
		if i > 0 && s.spent+s.postingCost(w) > s.m.Postings {
			for _, rest := range order[i:] {
				rest.state = skipped
			}
			return cands, order[i:], nil
		}
		if err := s.postings(w); err != nil {
			return nil, nil, err
		}
		if i == 0 {
			cands = w.fold
		} else {
			cands = intersect(cands, w.fold)
		}
		if len(cands) == 0 {
			return nil, nil, nil
		}
	}
	return cands, nil, nil
}

// postingCost is the bytes of the files a word's postings need that the
// query has not used yet.
func (s *searcher) postingCost(w *word) int {
	cost := 0
	add := func(path string, size int) {
		if !s.used[path] {
			cost += size
		}
	}
	terms := w.terms
	if !w.last || w.heavy != nil {
		terms = nil
		if w.entry != nil {
			terms = []*dictEntry{w.entry}
		}
	}
	for i, e := range terms {
		if e.File != "" && !slices.ContainsFunc(terms[:i], func(o *dictEntry) bool { return o.File == e.File }) {
			add(postingPath(e.File), e.Size)
		}
	}
	if w.heavy != nil {
		add(prefixPath(w.heavy.File), w.heavy.Size)
	}
	return cost
}

// postings fetches a word's documents: all (fold), those spelt as typed
// (exact), and for the last word those where it is a whole word.
func (s *searcher) postings(w *word) error {
	w.state = fetched
	if !w.last {
		lists, err := s.lists(w.entry)
		if err != nil {
			return err
		}
		w.fold = union(lists...)
		for i, v := range w.entry.Variants {
			if v.Exact == w.tok.Exact {
				w.exact = lists[i]
			}
		}
		return nil
	}
	if w.heavy != nil {
		return s.heavyPostings(w)
	}
	var all, exact, whole [][]uint32
	for _, e := range w.terms {
		lists, err := s.lists(e)
		if err != nil {
			return err
		}
		all = append(all, lists...)
		if e.Fold == w.tok.Fold {
			whole = append(whole, lists...)
		}
		for i, v := range e.Variants {
			if exactPrefix(w.tok.Exact, v.Exact) {
				exact = append(exact, lists[i])
			}
		}
	}
	w.fold, w.exact, w.whole = union(all...), union(exact...), union(whole...)
	return nil
}

// heavyPostings reads a common prefix's own postings, one list per
// spelling class, and the whole term's, if any, for whole-word matches.
// The classes tell the typed letters apart but not the tone: once a tone is
// typed, only the whole word can match it exactly.
func (s *searcher) heavyPostings(w *word) error {
	var exact [][]uint32
	if w.entry != nil {
		lists, err := s.lists(w.entry)
		if err != nil {
			return err
		}
		w.whole = union(lists...)
		for i, v := range w.entry.Variants {
			if exactPrefix(w.tok.Exact, v.Exact) {
				exact = append(exact, lists[i])
			}
		}
	}
	path := prefixPath(w.heavy.File)
	data, err := s.get(path)
	if err != nil {
		return err
	}
	base, tone := splitTone(w.tok.Exact)
	var all [][]uint32
	for _, c := range w.heavy.Classes {
		var docs []uint32
		docs, data, err = decodePostings(data, c.DF)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		all = append(all, docs)
		if c.Class == base && tone == "" {
			exact = append(exact, docs)
		}
	}
	w.fold, w.exact = union(all...), union(exact...)
	return nil
}

// lists returns the posting list of each spelling of a term.
func (s *searcher) lists(e *dictEntry) ([][]uint32, error) {
	if e.File == "" {
		out := make([][]uint32, len(e.Variants))
		for i, v := range e.Variants {
			out[i] = v.Docs
		}
		return out, nil
	}
	if l, ok := s.files[e.File]; ok {
		return l, nil
	}
	data, err := s.get(postingPath(e.File))
	if err != nil {
		return nil, err
	}
	out := make([][]uint32, len(e.Variants))
	for i, v := range e.Variants {
		out[i], data, err = decodePostings(data, v.DF)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", postingPath(e.File), err)
		}
	}
	s.files[e.File] = out
	return out, nil
}

// docFlags is what checking a document's text found.
type docFlags struct{ exact, whole bool }

// verify checks the words whose postings were not fetched against the
// candidates' records, and drops the candidates they do not match. It
// returns the flags those words give each remaining candidate, or nil when
// every word was fetched. When the records would take the query past
// Budget, the words are skipped instead, and returned.
func (s *searcher) verify(words []*word, cands []uint32) (map[uint32]docFlags, []*word, error) {
	var rest []*word
	for _, w := range words {
		if w.state == pending {
			rest = append(rest, w)
		}
	}
	if len(rest) == 0 {
		return nil, nil, nil
	}
	if s.spent+s.recordCost(cands) >= s.m.Budget {
		for _, w := range rest {
			w.state = skipped
		}
		return nil, rest, nil
	}
	if err := s.loadRecords(cands); err != nil {
		return nil, nil, err
	}
	flags := map[uint32]docFlags{}
	for _, n := range cands {
		d := s.doc(int(n))
		toks := Tokenize(IndexedText(d.Kind, d.Label, d.Title, d.Context))
		f := docFlags{exact: true}
		ok := true
		for _, w := range rest {
			match, exact, whole := matchText(w, toks)
			if !match {
				ok = false
				break
			}
			f.exact = f.exact && exact
			if w.last {
				f.whole = whole
			}
		}
		if ok {
			flags[n] = f
		}
	}
	return flags, nil, nil
}

// recordCost is what the record files of the documents would cost, those
// not used yet counted at the largest record file's size.
func (s *searcher) recordCost(docs []uint32) int {
	files := map[int]bool{}
	for _, n := range docs {
		f := int(n) / s.m.Records
		if !s.used[s.recordPath(f)] {
			files[f] = true
		}
	}
	return len(files) * s.m.RecordMax
}

// matchText is what the postings of w would say of a document with these
// words: whether it matches, with the typed diacritics, and (for the last
// word) as a whole word. For a common prefix, the diacritics are read as
// its postings keep them: the spelling class, the tone of the whole word.
func matchText(w *word, toks []Token) (match, exact, whole bool) {
	base, tone := splitTone(w.tok.Exact)
	n := utf8.RuneCountInString(w.tok.Fold)
	for _, t := range toks {
		if !w.last {
			if t.Fold == w.tok.Fold {
				match = true
				exact = exact || t.Exact == w.tok.Exact
			}
			continue
		}
		if !strings.HasPrefix(t.Fold, w.tok.Fold) {
			continue
		}
		match = true
		whole = whole || t.Fold == w.tok.Fold
		if w.heavy != nil {
			exact = exact || tone == "" && spellingClass(t.Exact, n) == base ||
				t.Fold == w.tok.Fold && exactPrefix(w.tok.Exact, t.Exact)
		} else {
			exact = exact || exactPrefix(w.tok.Exact, t.Exact)
		}
	}
	return match, exact, whole
}

// rank groups the matches by kind, orders each group, and reads the
// records of the hits it shows.
func (s *searcher) rank(res *Result, words []*word, cands []uint32, flags map[uint32]docFlags) error {
	last := words[len(words)-1]
	var groups [numKinds][]Hit
	for _, n := range cands {
		h := Hit{N: int(n), Exact: true}
		if flags != nil {
			f, ok := flags[n]
			if !ok {
				continue
			}
			h.Exact, h.Whole = f.exact, f.whole
		}
		for _, w := range words {
			if w.state == fetched {
				h.Exact = h.Exact && contains(w.exact, n)
			}
		}
		if last.last && last.state == fetched {
			h.Whole = contains(last.whole, n)
		}
		k := s.kindOf(int(n))
		groups[k] = append(groups[k], h)
		res.Total++
	}
	for k, hits := range groups {
		if len(hits) > 0 {
			slices.SortStableFunc(hits, func(a, b Hit) int { return score(b) - score(a) })
			res.Groups = append(res.Groups, Group{Kind: Kind(k), Total: len(hits), Hits: hits})
		}
	}
	shown := s.show(res.Groups)
	if err := s.loadRecords(shown); err != nil {
		return err
	}
	for _, g := range res.Groups {
		for i := range g.Hits {
			g.Hits[i].Doc = s.doc(g.Hits[i].N)
		}
	}
	return nil
}

// show cuts each group to GroupCap hits, taking the groups' best in turn
// and stopping before the record files of the hits would take the query
// past Budget (counting a file not yet used at the largest record file's
// size). It returns the documents shown.
func (s *searcher) show(groups []Group) []uint32 {
	counts := make([]int, len(groups))
	fresh := map[int]bool{}
	cost := 0
	var shown []uint32
	for round := 0; round < s.m.Cap; round++ {
		for g := range groups {
			if round >= len(groups[g].Hits) {
				continue
			}
			n := groups[g].Hits[round].N
			f := n / s.m.Records
			if !s.used[s.recordPath(f)] && !fresh[f] {
				if s.spent+cost+s.m.RecordMax >= s.m.Budget {
					return s.cut(groups, counts, shown)
				}
				fresh[f] = true
				cost += s.m.RecordMax
			}
			counts[g] = round + 1
			shown = append(shown, uint32(n))
		}
	}
	return s.cut(groups, counts, shown)
}

func (s *searcher) cut(groups []Group, counts []int, shown []uint32) []uint32 {
	for g := range groups {
		groups[g].Hits = groups[g].Hits[:counts[g]]
	}
	slices.Sort(shown)
	return shown
}

func score(h Hit) int {
	n := 0
	if h.Exact {
		n += 2
	}
	if h.Whole {
		n++
	}
	return n
}

func (s *searcher) kindOf(n int) Kind {
	for k, count := range s.m.Kinds {
		if n < count {
			return Kind(k)
		}
		n -= count
	}
	return numKinds
}

// loadRecords fetches the record files that hold the documents.
func (s *searcher) loadRecords(docs []uint32) error {
	need := map[int]bool{}
	for _, n := range docs {
		need[int(n)/s.m.Records] = true
	}
	for _, i := range sortedKeys(need) {
		if _, ok := s.records[i]; ok {
			continue
		}
		var r recordJSON
		if err := s.loadJSON(s.recordPath(i), &r); err != nil {
			return err
		}
		s.records[i] = &r
	}
	return nil
}

// doc reads document n from its loaded record file.
func (s *searcher) doc(n int) Doc {
	r := s.records[n/s.m.Records]
	if r == nil || n%s.m.Records >= len(r.Docs) || len(r.Docs[n%s.m.Records]) < 5 {
		return Doc{Kind: s.kindOf(n)}
	}
	rec := r.Docs[n%s.m.Records]
	str := func(v any) string { x, _ := v.(string); return x }
	num := func(v any) int { x, _ := v.(float64); return int(x) }
	d := Doc{Kind: s.kindOf(n), Label: str(rec[0]), Title: str(rec[1])}
	if c := num(rec[2]); c < len(r.Contexts) {
		d.Context = r.Contexts[c]
	}
	if u := num(rec[3]); u < len(r.Folders) {
		d.URL = r.Folders[u]
	}
	d.URL += str(rec[4])
	return d
}

// check reports a manifest that names fewer files than its counts need,
// which would send a query past the end of its lists.
func (m *manifest) check() error {
	docs := 0
	for _, n := range m.Kinds {
		docs += n
	}
	switch {
	case len(m.Shards) == 0 || len(m.ShardFiles) != len(m.Shards):
		return fmt.Errorf("%d shards but %d shard files", len(m.Shards), len(m.ShardFiles))
	case m.Records <= 0 || m.Block <= 0:
		return fmt.Errorf("%d records per file, %d files per folder", m.Records, m.Block)
	case len(m.Blocks)*m.Block*m.Records < docs:
		return fmt.Errorf("%d record folders for %d documents", len(m.Blocks), docs)
	}
	return nil
}

// The paths of the index's files, relative to index.json (see doc.go).
func (s *searcher) shardPath(i int) string { return "t/" + s.m.ShardFiles[i] + ".json" }
func postingPath(name string) string       { return "p/" + name + ".bin" }
func prefixPath(name string) string        { return "x/" + name + ".bin" }

func (s *searcher) recordPath(f int) string {
	return "r/" + s.m.Blocks[f/s.m.Block] + "/" + strconv.Itoa(f) + ".json"
}

func (s *searcher) loadJSON(path string, v any) error {
	data, err := s.get(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("search index %s: %w", path, err)
	}
	return nil
}

func sortedKeys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
