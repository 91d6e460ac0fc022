package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// File is one file of the index: its path under Dir and its bytes.
type File struct {
	Path string // "index.json", "t/3f2a9c1b7d.json" …
	Data []byte
}

// options tune the cut of the index. Build uses defaultOptions(); tests use
// small values to exercise every kind of file on a small corpus.
type options struct {
	shardBytes  int // a dictionary shard is cut once it reaches this size
	inlineDocs  int // a term in this many documents or fewer keeps its postings in the dictionary
	heavyBytes  int // a prefix whose expansion would fetch more than this gets its own postings
	recordsPer  int // documents per record file
	recordBlock int // record files per folder
	verifyMax   int // see VerifyMax
	groupCap    int // see GroupCap
	maxWords    int // see MaxWords
	budget      int // see Budget
	postings    int // see PostingBudget
	hashLetters int // length of a name made from a hash of the content
}

func defaultOptions() options {
	return options{
		shardBytes:  4 << 10,
		inlineDocs:  8,
		heavyBytes:  24 << 10,
		recordsPer:  RecordsPerShard,
		recordBlock: RecordBlock,
		verifyMax:   VerifyMax,
		groupCap:    GroupCap,
		maxWords:    MaxWords,
		budget:      Budget,
		postings:    PostingBudget,
		hashLetters: 10,
	}
}

// manifest is index.json. The script reads every field; keep search.js in
// step with it.
type manifest struct {
	Format     int          `json:"format"`
	Kinds      [4]int       `json:"kinds"`      // documents of each kind; numbers run tasks, plans, agencies, localities
	Records    int          `json:"records"`    // documents per record file
	RecordMax  int          `json:"recordMax"`  // bytes of the largest record file
	Block      int          `json:"block"`      // record files per folder under r/
	Blocks     []string     `json:"blocks"`     // the name of each such folder
	Verify     int          `json:"verify"`     // VerifyMax
	Cap        int          `json:"cap"`        // GroupCap
	Words      int          `json:"words"`      // MaxWords
	Budget     int          `json:"budget"`     // Budget
	Postings   int          `json:"postings"`   // PostingBudget
	Shards     []string     `json:"shards"`     // first term of each dictionary shard; the first is ""
	ShardFiles []string     `json:"shardFiles"` // the name of each shard's file under t/
	Prefixes   []heavyEntry `json:"prefixes"`   // prefixes with their own postings, sorted
}

// heavyEntry is a prefix too common to expand, with its own postings: in
// index.json [prefix, documents, file name, file bytes, [[class, documents] …]].
// The file holds one list per spelling class (see spellingClass), in the
// order given; their union is every document with a word the prefix starts.
type heavyEntry struct {
	Prefix  string
	DF      int
	File    string // under x/
	Size    int
	Classes []classEntry
}

type classEntry struct {
	Class string
	DF    int
}

func (h heavyEntry) MarshalJSON() ([]byte, error) {
	classes := make([]any, len(h.Classes))
	for i, c := range h.Classes {
		classes[i] = []any{c.Class, c.DF}
	}
	return marshal([]any{h.Prefix, h.DF, h.File, h.Size, classes})
}

func (h *heavyEntry) UnmarshalJSON(b []byte) error {
	var classes [][]json.RawMessage
	if err := json.Unmarshal(b, &[]any{&h.Prefix, &h.DF, &h.File, &h.Size, &classes}); err != nil {
		return err
	}
	h.Classes = make([]classEntry, len(classes))
	for i, c := range classes {
		if len(c) != 2 {
			return fmt.Errorf("prefix %q: class of %d fields", h.Prefix, len(c))
		}
		if err := unmarshalAll(c, &h.Classes[i].Class, &h.Classes[i].DF); err != nil {
			return err
		}
	}
	return nil
}

// formatVersion 2 names files by their content, so that a rebuild
// rewrites only the files an edit changes; 1 put them all in one folder
// named by a hash of the whole index.
const formatVersion = 2

// term is one folded word of the corpus and the documents of each of its
// spellings.
type term struct {
	fold     string
	exacts   []string   // sorted
	postings [][]uint32 // per spelling, ascending
	df       int        // documents with any spelling
	file     string     // posting file name, "" when inline
	size     int        // bytes a query fetches for its postings (the file, or its part of the shard)
}

// Build makes the index of docs. Documents are numbered by kind (tasks,
// plans, agencies, localities), each kind in the order given; the same docs
// give the same bytes.
func Build(docs []Doc) ([]File, error) {
	return build(docs, defaultOptions(), oneOff())
}

func build(docs []Doc, o options, ix *Indexer) ([]File, error) {
	docs = slices.Clone(docs)
	slices.SortStableFunc(docs, func(a, b Doc) int { return int(a.Kind) - int(b.Kind) })
	m := manifest{Format: formatVersion, Records: o.recordsPer, Verify: o.verifyMax, Cap: o.groupCap,
		Words: o.maxWords, Budget: o.budget, Postings: o.postings}
	for _, d := range docs {
		if d.Kind >= numKinds {
			return nil, fmt.Errorf("search: %s: unknown kind %d", d.URL, d.Kind)
		}
		m.Kinds[d.Kind]++
	}
	terms := ix.collectTerms(docs)
	files := newFileSet(o.hashLetters)
	postingFiles(terms, o.inlineDocs, files)
	shards, shardOf, err := cutShards(terms, o.shardBytes)
	if err != nil {
		return nil, err
	}
	for _, s := range shards {
		m.Shards = append(m.Shards, s.first)
		m.ShardFiles = append(m.ShardFiles, files.add("t/", s.data, ".json"))
	}
	m.Prefixes = heavyPrefixes(terms, shards, shardOf, len(docs), o, files)
	recs, err := ix.recordFiles(docs, o.recordsPer)
	if err != nil {
		return nil, err
	}
	m.Block = o.recordBlock
	for start := 0; start < len(recs); start += o.recordBlock {
		block := recs[start:min(start+o.recordBlock, len(recs))]
		name := hashName(o.hashLetters, block...)
		m.Blocks = append(m.Blocks, name)
		for i, r := range block {
			m.RecordMax = max(m.RecordMax, len(r))
			files.list = append(files.list, File{Path: "r/" + name + "/" + strconv.Itoa(start+i) + ".json", Data: r})
		}
	}
	data, err := marshal(m)
	if err != nil {
		return nil, fmt.Errorf("search: index.json: %w", err)
	}
	return append([]File{{Path: "index.json", Data: data}}, files.list...), nil
}

// fileSet gathers the files of the index named by their content: a file
// keeps its name while its bytes are the same, so that a rebuild rewrites
// only the files an edit changes, and a CDN may cache each for ever.
type fileSet struct {
	letters int
	list    []File
	names   map[string]bool // paths in list
}

func newFileSet(letters int) *fileSet { return &fileSet{letters: letters, names: map[string]bool{}} }

// add names data by its hash, adds it under dir with ext unless a file of
// the same bytes is there already, and returns the name.
func (fs *fileSet) add(dir string, data []byte, ext string) string {
	name := hashName(fs.letters, data)
	path := dir + name + ext
	if !fs.names[path] {
		fs.names[path] = true
		fs.list = append(fs.list, File{Path: path, Data: data})
	}
	return name
}

// hashName is the first letters of the hex SHA-256 of the lengths and
// bytes of parts.
func hashName(letters int, parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d\x00", len(p))
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))[:letters]
}

// collectTerms gathers every word of every document's indexed text, sorted
// by folded form. Documents are read in order, so posting lists come out
// ascending, and a word a document repeats is the list's last entry: it
// counts once without sorting the document's words.
func (ix *Indexer) collectTerms(docs []Doc) []*term {
	postings := make([][]uint32, len(ix.vocab.spellings)) // by spelling
	var seen map[string][]uint32
	if ix.remembers() {
		seen = make(map[string][]uint32, len(docs))
	}
	var words []uint32
	for i, d := range docs {
		n := uint32(i)
		text := IndexedText(d.Kind, d.Label, d.Title, d.Context)
		if ids, ok := ix.docs[text]; ok { // each spelling once already
			for _, id := range ids {
				postings[id] = append(postings[id], n)
			}
			seen[text] = ids
			continue
		}
		words = ix.vocab.spellingsOf(text, words[:0])
		if grow := len(ix.vocab.spellings) - len(postings); grow > 0 {
			postings = append(postings, make([][]uint32, grow)...)
		}
		var ids []uint32
		for _, id := range words {
			if p := postings[id]; len(p) == 0 || p[len(p)-1] != n {
				postings[id] = append(p, n)
				if seen != nil {
					ids = append(ids, id)
				}
			}
		}
		if seen != nil {
			seen[text] = ids
		}
	}
	if seen != nil {
		ix.docs = seen // what this build did not read is forgotten
	}
	byFold := map[string]*term{}
	var terms []*term
	for id, p := range postings {
		if len(p) == 0 {
			continue
		}
		sp := ix.vocab.spellings[id]
		t := byFold[sp.fold]
		if t == nil {
			t = &term{fold: sp.fold}
			byFold[sp.fold] = t
			terms = append(terms, t)
		}
		t.exacts = append(t.exacts, sp.exact)
		t.postings = append(t.postings, p)
	}
	for _, t := range terms {
		sortSpellings(t)
		if len(t.postings) == 1 {
			t.df = len(t.postings[0])
		} else {
			t.df = unionLen(t.postings...)
		}
	}
	slices.SortFunc(terms, func(a, b *term) int { return strings.Compare(a.fold, b.fold) })
	return terms
}

// sortSpellings orders a term's spellings by key, so that the output does
// not depend on which document came first.
func sortSpellings(t *term) {
	idx := make([]int, len(t.exacts))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return t.exacts[idx[a]] < t.exacts[idx[b]] })
	exacts := make([]string, len(idx))
	postings := make([][]uint32, len(idx))
	for i, j := range idx {
		exacts[i], postings[i] = t.exacts[j], t.postings[j]
	}
	t.exacts, t.postings = exacts, postings
}

// postingFiles adds p/NAME.bin for every term in more than inlineDocs
// documents.
func postingFiles(terms []*term, inlineDocs int, files *fileSet) {
	for _, t := range terms {
		total := 0
		for _, p := range t.postings {
			total += len(p)
		}
		if total <= inlineDocs {
			continue
		}
		var data []byte
		for _, p := range t.postings {
			data = encodePostings(data, p)
		}
		t.file = files.add("p/", data, ".bin")
		t.size = len(data)
	}
}

// entryJSON is a term as a dictionary shard holds it:
// [fold, df, [[exact, df] …], file name, file bytes] for a term with a
// posting file, and [fold, df, [[exact, df, [first, gap …]] …]] for one
// kept inline.
func entryJSON(t *term) ([]byte, error) {
	variants := make([]any, len(t.exacts))
	for i, e := range t.exacts {
		if t.file == "" {
			variants[i] = []any{e, len(t.postings[i]), gaps(t.postings[i])}
		} else {
			variants[i] = []any{e, len(t.postings[i])}
		}
	}
	entry := []any{t.fold, t.df, variants}
	if t.file != "" {
		entry = append(entry, t.file, t.size)
	}
	return marshal(entry)
}

type shard struct {
	first string // "" for the first shard
	data  []byte
}

// cutShards cuts the sorted terms into shards of about target bytes, and
// returns which shard holds each term.
func cutShards(terms []*term, target int) ([]shard, []int, error) {
	var shards []shard
	shardOf := make([]int, len(terms))
	var buf bytes.Buffer
	first := ""
	flush := func() {
		buf.WriteByte(']')
		shards = append(shards, shard{first: first, data: bytes.Clone(buf.Bytes())})
		buf.Reset()
	}
	for i, t := range terms {
		e, err := entryJSON(t)
		if err != nil {
			return nil, nil, fmt.Errorf("search: term %q: %w", t.fold, err)
		}
		if buf.Len() > 0 && buf.Len()+len(e) > target {
			flush()
			first = t.fold
		}
		if buf.Len() == 0 {
			buf.WriteByte('[')
		} else {
			buf.WriteByte(',')
		}
		buf.Write(e)
		if t.file == "" {
			t.size = len(e)
		}
		shardOf[i] = len(shards)
	}
	if buf.Len() == 0 {
		buf.WriteByte('[')
	}
	flush()
	return shards, shardOf, nil
}

// heavyPrefixes finds the prefixes a query could not expand within
// o.heavyBytes (the postings of every term starting with it, and every
// dictionary shard past the first that those terms span), and adds the
// documents of each as x/NAME.bin. Typing "d" then costs one file of at
// most an eighth of a byte a document.
func heavyPrefixes(terms []*term, shards []shard, shardOf []int, ndocs int, o options, files *fileSet) []heavyEntry {
	cum := make([]int, len(terms)+1) // cum[i]: bytes of the postings of terms[:i]
	for i, t := range terms {
		cum[i+1] = cum[i] + t.size
	}
	shardCum := make([]int, len(shards)+1)
	firsts := make([]string, len(shards))
	for i, s := range shards {
		shardCum[i+1] = shardCum[i] + len(s.data)
		firsts[i] = s.first
	}
	var heavy []heavyEntry
	var data [][]byte
	seen := map[string]bool{}
	for _, t := range terms {
		for _, p := range prefixes(t.fold) {
			if seen[p] {
				continue
			}
			seen[p] = true
			lo, hi := prefixRange(terms, p)
			first := shardFor(firsts, p)
			last := max(first, shardOf[hi-1])
			if cum[hi]-cum[lo]+shardCum[last+1]-shardCum[first+1] <= o.heavyBytes {
				continue
			}
			h, d := classPostings(p, terms[lo:hi], ndocs)
			heavy = append(heavy, h)
			data = append(data, d)
		}
	}
	// Add the files in prefix order, so that the output does not depend on
	// the order prefixes were met in.
	idx := make([]int, len(heavy))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return heavy[idx[a]].Prefix < heavy[idx[b]].Prefix })
	out := make([]heavyEntry, len(heavy))
	for n, i := range idx {
		out[n] = heavy[i]
		out[n].File = files.add("x/", data[i], ".bin")
		out[n].Size = len(data[i])
	}
	return out
}

// prefixes lists every prefix of a term that ends on a whole character,
// the term itself included ("an" is a prefix of "anh" as well as a term).
func prefixes(fold string) []string {
	var out []string
	for k := range fold {
		if k > 0 {
			out = append(out, fold[:k])
		}
	}
	return append(out, fold)
}

// shardFor returns the shard whose range holds s: the last one whose first
// term is not after it.
func shardFor(firsts []string, s string) int {
	return max(0, sort.Search(len(firsts), func(i int) bool { return firsts[i] > s })-1)
}

// prefixRange returns the range of the sorted terms that start with p.
func prefixRange(terms []*term, p string) (lo, hi int) {
	lo = sort.Search(len(terms), func(i int) bool { return terms[i].fold >= p })
	hi = lo + sort.Search(len(terms)-lo, func(i int) bool { return !strings.HasPrefix(terms[lo+i].fold, p) })
	return lo, hi
}

// classPostings gathers the documents of the terms that prefix p starts,
// one list per spelling class, and encodes them.
func classPostings(p string, terms []*term, ndocs int) (heavyEntry, []byte) {
	n := utf8.RuneCountInString(p)
	sets := map[string][]uint64{}
	all := make([]uint64, (ndocs+63)/64)
	for _, t := range terms {
		for i, e := range t.exacts {
			c := spellingClass(e, n)
			set := sets[c]
			if set == nil {
				set = make([]uint64, len(all))
				sets[c] = set
			}
			for _, d := range t.postings[i] {
				set[d/64] |= 1 << (d % 64)
				all[d/64] |= 1 << (d % 64)
			}
		}
	}
	h := heavyEntry{Prefix: p, DF: len(bitsetDocs(all))}
	var data []byte
	for _, c := range slices.Sorted(maps.Keys(sets)) {
		docs := bitsetDocs(sets[c])
		h.Classes = append(h.Classes, classEntry{Class: c, DF: len(docs)})
		data = encodePostings(data, docs)
	}
	return h, data
}

// bitsetDocs lists the documents set in a bitset.
func bitsetDocs(set []uint64) []uint32 {
	var docs []uint32
	for w, word := range set {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			docs = append(docs, uint32(w*64+b))
			word &^= 1 << b
		}
	}
	return docs
}

// recordJSON is r/N.json: the documents' labels, titles, contexts and URLs.
// Contexts and URL folders repeat within a file (a plan's tasks), so each is
// written once and referred to by number: a record is
// [label, title, context number, folder number, last segment].
type recordJSON struct {
	Contexts []string `json:"c"`
	Folders  []string `json:"u"`
	Docs     [][]any  `json:"d"`
}

func (ix *Indexer) recordFiles(docs []Doc, per int) ([][]byte, error) {
	var files [][]byte
	var made map[uint64][]byte
	if ix.remembers() {
		made = map[uint64][]byte{}
	}
	for start := 0; start < len(docs); start += per {
		end := min(start+per, len(docs))
		var key uint64
		if made != nil {
			key = ix.recordKey(docs[start:end])
			if data, ok := ix.records[key]; ok {
				made[key] = data
				files = append(files, data)
				continue
			}
		}
		var r recordJSON
		ctx, dirs := map[string]int{}, map[string]int{}
		index := func(m map[string]int, list *[]string, s string) int {
			i, ok := m[s]
			if !ok {
				i = len(*list)
				m[s] = i
				*list = append(*list, s)
			}
			return i
		}
		for _, d := range docs[start:end] {
			dir, last := splitURL(d.URL)
			r.Docs = append(r.Docs, []any{d.Label, d.Title, index(ctx, &r.Contexts, d.Context), index(dirs, &r.Folders, dir), last})
		}
		data, err := marshal(r)
		if err != nil {
			return nil, fmt.Errorf("search: records: %w", err)
		}
		if made != nil {
			made[key] = data
		}
		files = append(files, data)
	}
	if made != nil {
		ix.records = made
	}
	return files, nil
}

// splitURL cuts "/a/b/c/" into "/a/b/" and "c/".
func splitURL(u string) (dir, last string) {
	trimmed := strings.TrimSuffix(u, "/")
	i := strings.LastIndexByte(trimmed, '/')
	if i < 0 {
		return "", u
	}
	return u[:i+1], u[i+1:]
}

// marshal writes v as compact JSON without HTML escaping ("&" stays "&":
// the script never parses the index as HTML).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
