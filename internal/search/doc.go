// Package search builds the site's search index at generation time and runs
// queries over it the way the browser's script (layouts/assets/search/) does.
//
// Citizens look for a service by name, often without diacritics: a query
// matches words folded the Vietnamese way ("dang ky khai sinh" finds "Đăng
// ký khai sinh", "d" finds "đ"), every word must match, and the last word
// matches as a prefix because it is the word being typed. Results are
// grouped by kind (tasks, plans, agencies, localities); in each group,
// matches written with the query's own diacritics come first ("hoà" and
// "hòa" are the same spelling, the tone's place does not count; a tone not
// yet typed on the last word matches any), then matches where the last word
// is a whole word, then the site's order.
//
// A portal may hold 100,000 tasks, and one query must fetch under 300 KB.
// Vietnamese words are syllables, and common ones ("thực", "hiện", "dân")
// are in most titles, so the index is cut so that a query fetches only what
// it needs:
//
//   - index.json, the manifest: how many documents of each kind, where the
//     dictionary is cut into shards and the names of their files, the
//     prefixes too common to expand, the names of the record folders, and
//     the limits of a query.
//   - t/NAME.json, dictionary shards: contiguous ranges of folded terms,
//     each with its spellings (exact keys), their document frequencies,
//     and the document numbers inline when there are few, else the name
//     and size of the term's posting file.
//   - p/NAME.bin, one term's postings: the document numbers of each
//     spelling, as gaps or as a bitmap, whichever is smaller (a term in
//     every document costs one bit a document).
//   - x/NAME.bin, a common prefix's postings ("d", "th"), one list per
//     spelling ("d", "đ"): every document with a word that starts with it,
//     so that typing one letter fetches one file.
//   - r/NAME/N.json, display records of RecordsPerShard consecutive
//     documents, so that only the shown results are fetched; RecordBlock
//     consecutive record files share a folder.
//
// A query fetches the rarest word's postings first and intersects; once
// VerifyMax candidates or fewer are left it stops fetching postings and
// checks the remaining words against the candidates' records, which it
// fetches to show them anyway. So the postings of a very common word are
// fetched only when the other words leave many candidates. A query counts
// the bytes of every file it uses, at the sizes the index states before
// fetching: past PostingBudget it skips the most common words left (and
// says so), and it shows fewer results rather than fetch records past
// Budget. The tests measure a 100,000-task portal (scale_test.go).
//
// Every file but the manifest is named by a hash of its content (a record
// file by its folder's, a hash of the folder's files), so that a CDN may
// cache it for ever, a reader never mixes two builds' files, and a rebuild
// after one task's edit writes the few files that changed rather than the
// whole index again.
package search

// Kind is what a document is; results are grouped by it, in this order.
type Kind uint8

// The kinds of document, in the order of the groups of results.
const (
	Task Kind = iota
	Plan
	Agency
	Locality
	numKinds
)

// String names the kind as the script's group ids do.
func (k Kind) String() string {
	switch k {
	case Task:
		return "task"
	case Plan:
		return "plan"
	case Agency:
		return "agency"
	case Locality:
		return "locality"
	}
	return "unknown"
}

// Doc is one thing a citizen can find.
type Doc struct {
	Kind    Kind
	Label   string // shown before the title: a task's id ("5.1.1"), a plan's number; "" for others
	Title   string // the task, the plan's title, the agency's or locality's name
	Context string // where it belongs: "46/KH-UBND · Thành phố Đà Nẵng", a locality's parents
	URL     string // language-neutral site path, "/dia-phuong/da-nang/"; the script adds the page's base
}

// Where the index is written, as a site path; the search page passes
// Manifest to its script.
const (
	Dir      = "/tim-kiem/chi-muc/"
	Manifest = Dir + "index.json"
)

// Limits of a query, shared with search.js through the manifest.
const (
	// RecordsPerShard is how many documents' records a record file holds:
	// few, because results are spread over the corpus and each shown
	// result may cost one file.
	RecordsPerShard = 8
	// RecordBlock is how many record files share a folder named by their
	// hash, which the manifest lists: a 100,000-task portal has some 400
	// folders, 4 KB of the manifest, and an edit rewrites the 32 files of
	// one.
	RecordBlock = 32
	// VerifyMax is the candidate count at or under which a query stops
	// fetching postings and checks its remaining words against the
	// candidates' records.
	VerifyMax = 20
	// GroupCap is how many results of each kind a query shows.
	GroupCap = 20
	// MaxWords is how many words of a query are searched; the rest are
	// reported as skipped.
	MaxWords = 10
	// Budget is what one query may fetch, in bytes as written: it fetches
	// less, showing fewer results, rather than more.
	Budget = 300_000
	// PostingBudget is what a query may have fetched, postings included,
	// before it stops fetching postings; the most common words left are
	// then skipped (and reported) unless few candidates are left to check.
	PostingBudget = 170_000
)
