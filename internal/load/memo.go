package load

import (
	"encoding/binary"
	"hash/crc64"
	"maps"
	"slices"

	"github.com/minhbach/minhbach/internal/catalog"
	"github.com/minhbach/minhbach/internal/citation"
	"github.com/minhbach/minhbach/internal/model"
)

// Matching every lead and support text against the agency registry is most
// of linking a site, and a rebuild in serve matches the same texts against
// the same registry as the load before. mentionMemo keeps what each text
// gave, by locality, for as long as the registry and every locality file
// read as they did (registrySum): the registry's file, the localities'
// own agencies and aliases, and the names of the localities are all a
// match depends on.
type mentionMemo struct {
	sum        uint64
	byLocality map[string]savedMentions // by locality path: the last load's
	next       map[string]savedMentions // this load's, kept for the next
}

// savedMentions are a locality's matched texts.
type savedMentions struct {
	leads    map[string][2][]savedMention
	supports map[string][]savedMention
}

// savedMention is a mention with its agency named by id, which the next
// load's registry turns into that load's agency.
type savedMention struct {
	text, agency    string
	group, reviewed bool
}

func save(ms []model.Mention) []savedMention {
	out := make([]savedMention, len(ms))
	for i, m := range ms {
		out[i] = savedMention{text: m.Text, group: m.Group, reviewed: m.Reviewed}
		if m.Agency != nil {
			out[i].agency = m.Agency.ID
		}
	}
	return out
}

// mentionMemo returns the memo for a registry whose inputs hash to sum:
// the last load's, when they hashed the same, else an empty one. A nil
// Cache gives a nil memo, which remembers nothing.
func (c *Cache) mentionMemo(sum uint64) *mentionMemo {
	if c == nil {
		return nil
	}
	m := c.mentions
	if m == nil || m.sum != sum {
		m = &mentionMemo{sum: sum}
		c.mentions = m
	}
	m.next = map[string]savedMentions{}
	return m
}

// of returns what the last load matched in the locality at path, and the
// maps to keep this load's matches in (nil maps for a nil memo).
func (m *mentionMemo) of(path string) (last, next savedMentions) {
	if m == nil {
		return savedMentions{}, savedMentions{}
	}
	next = savedMentions{leads: map[string][2][]savedMention{}, supports: map[string][]savedMention{}}
	m.next[path] = next
	return m.byLocality[path], next
}

// done keeps only what this load matched, so that the memo holds the
// texts the site has now, not every text it ever had.
func (m *mentionMemo) done() {
	if m != nil {
		m.byLocality, m.next = m.next, nil
	}
}

// registrySum hashes what matching a name depends on: the registry file,
// and every locality's path and file, which hold the localities' names,
// levels, agencies and aliases.
func registrySum(registry []byte, localities map[string]*model.Locality) uint64 {
	s := crc64.Update(0, sumTable, registry)
	for _, path := range slices.Sorted(maps.Keys(localities)) {
		s = crc64.Update(s, sumTable, []byte(path))
		s = crc64.Update(s, sumTable, []byte{0})
		s = crc64.Update(s, sumTable, binary.LittleEndian.AppendUint64(nil, localities[path].Sum))
	}
	return s
}

// catalogMemo keeps which catalogue items each task's title and
// description matched, for as long as the catalogue reads the same: a
// rebuild takes the tasks of every unchanged file from the Cache, the
// same tasks with the same texts, and need not match them again.
type catalogMemo struct {
	sum        uint64
	last, next map[*model.Task][]int // the items' places in the catalogue
}

// catalogMemo returns the memo for a catalogue whose bytes hash to sum; a
// nil Cache gives a nil memo, which remembers nothing.
func (c *Cache) catalogMemo(sum uint64) *catalogMemo {
	if c == nil {
		return nil
	}
	m := c.catalog
	if m == nil || m.sum != sum {
		m = &catalogMemo{sum: sum}
		c.catalog = m
	}
	m.next = map[*model.Task][]int{}
	return m
}

// match gives the items m matches for t, from the memo when it has t.
func (memo *catalogMemo) match(m *catalog.Matcher, items []*model.CatalogItem, t *model.Task) []*model.CatalogItem {
	if memo == nil {
		return m.Match(t)
	}
	places, ok := memo.last[t]
	if !ok {
		for _, it := range m.Match(t) {
			places = append(places, slices.Index(items, it))
		}
	}
	memo.next[t] = places
	var out []*model.CatalogItem
	for _, i := range places {
		out = append(out, items[i])
	}
	return out
}

// done keeps only the tasks of this load.
func (memo *catalogMemo) done() {
	if memo != nil {
		memo.last, memo.next = memo.next, nil
	}
}

// citationMemo keeps the citations found in each plan: a rebuild takes
// the plans of every unchanged file from the Cache, with the same texts,
// and need not scan them again.
type citationMemo struct {
	last, next map[*model.Plan][]citation.Citation
}

// citationMemo returns the memo; a nil Cache gives a nil memo, which
// remembers nothing.
func (c *Cache) citationMemo() *citationMemo {
	if c == nil {
		return nil
	}
	if c.citations == nil {
		c.citations = &citationMemo{}
	}
	c.citations.next = map[*model.Plan][]citation.Citation{}
	return c.citations
}

// find gives the citations of p, from the memo when it has p.
func (memo *citationMemo) find(p *model.Plan) []citation.Citation {
	if memo == nil {
		return citations(p)
	}
	cs, ok := memo.last[p]
	if !ok {
		cs = citations(p)
	}
	memo.next[p] = cs
	return cs
}

// done keeps only the plans of this load.
func (memo *citationMemo) done() {
	if memo != nil {
		memo.last, memo.next = memo.next, nil
	}
}
