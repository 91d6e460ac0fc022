package search

import (
	"hash/maphash"
	"strings"
)

// Indexer builds the index of a site again and again as it is edited, as
// serve does. It remembers the words of each document and the bytes of
// each record file, so that a rebuild after one task's edit folds and
// encodes again only what the edit changed: tokenizing every title was
// half of the index's share of such a rebuild. The zero value is not
// ready; use NewIndexer. An Indexer is not safe for concurrent use.
type Indexer struct {
	vocab   vocabulary
	docs    map[string][]uint32 // a document's indexed text → its spellings, each once
	records map[uint64][]byte   // a record file's bytes by recordKey of its documents
	seed    maphash.Seed
}

// NewIndexer returns an Indexer that remembers what each build read.
func NewIndexer() *Indexer {
	return &Indexer{vocab: newVocabulary(), docs: map[string][]uint32{}, records: map[uint64][]byte{}, seed: maphash.MakeSeed()}
}

// oneOff returns an Indexer for one build, which remembers nothing.
func oneOff() *Indexer { return &Indexer{vocab: newVocabulary()} }

// Build makes the index of docs, as the package's Build does, reusing what
// the previous build of this Indexer read when a document is unchanged.
func (ix *Indexer) Build(docs []Doc) ([]File, error) { return build(docs, defaultOptions(), ix) }

// remembers says whether the Indexer keeps what a build read for the next
// one; a one-off build's does not.
func (ix *Indexer) remembers() bool { return ix.docs != nil }

// spelling is one exact form of a folded word: a term's spellings are
// matched apart.
type spelling struct{ fold, exact string }

// vocabulary numbers the spellings of a corpus, normalising each distinct
// word as written once: a portal's titles repeat a few thousand syllables.
type vocabulary struct {
	words     map[string]int32 // a word as written → its spelling; -1 when it folds to nothing
	ids       map[spelling]uint32
	spellings []spelling // by number
}

func newVocabulary() vocabulary {
	return vocabulary{words: map[string]int32{}, ids: map[spelling]uint32{}}
}

// spellingsOf appends to out the spelling of each word of s, in order,
// repeats included.
func (v *vocabulary) spellingsOf(s string, out []uint32) []uint32 {
	eachWord(s, func(word string) {
		id, ok := v.words[word]
		if !ok {
			id = -1
			if t, valid := newToken(word); valid {
				id = int32(v.number(spelling{t.Fold, t.Exact}))
			}
			v.words[strings.Clone(word)] = id
		}
		if id >= 0 {
			out = append(out, uint32(id))
		}
	})
	return out
}

func (v *vocabulary) number(sp spelling) uint32 {
	id, ok := v.ids[sp]
	if !ok {
		id = uint32(len(v.spellings))
		v.ids[sp] = id
		v.spellings = append(v.spellings, sp)
	}
	return id
}

// recordKey hashes what a record file shows of docs.
func (ix *Indexer) recordKey(docs []Doc) uint64 {
	var h maphash.Hash
	h.SetSeed(ix.seed)
	for _, d := range docs {
		for _, s := range [...]string{d.Label, d.Title, d.Context, d.URL} {
			var n [8]byte
			for i, l := 0, len(s); i < 8; i, l = i+1, l>>8 {
				n[i] = byte(l)
			}
			h.Write(n[:])
			h.WriteString(s)
		}
	}
	return h.Sum64()
}
