// Package gzparts writes a gzip file as a series of members, one for each
// part of its content, and keeps each part's member by the key of what it
// was drawn from, so that a rebuild compresses again only the parts that
// changed.
//
// RFC 1952 (2.2) defines a gzip file as a series of members whose
// contents are read one after the other: gzip -d, zcat, Go's gzip.Reader,
// Python's gzip module and zlib's inflate with automatic gzip detection
// all read such a file as one stream. A site-wide task file of a national
// portal is a few MB compressed at the best level; compressing all of it
// again after one task's edit was half of serve's rebuild.
package gzparts

import (
	"bytes"
	"compress/gzip"
	"io"
	"sync"
)

// Part is one part of a file.
type Part struct {
	// Key hashes everything the part's bytes are drawn from, its place in
	// the file included (whether it opens or closes the file); 0 for a
	// part that is never kept.
	Key uint64
	// Encode writes the part's bytes.
	Encode func(io.Writer) error
}

// Members holds the compressed parts of one build, for the next. A nil
// *Members compresses every part and keeps none: a build that no rebuild
// follows holds no more than the file it writes.
type Members struct {
	prev map[uint64][]byte // the previous build's, read only

	mu   sync.Mutex
	next map[uint64][]byte
}

// New returns the Members of a build that a rebuild follows; prev is the
// previous build's, or nil.
func New(prev *Members) *Members {
	m := &Members{next: map[uint64][]byte{}}
	if prev != nil {
		m.prev = prev.next
		m.next = make(map[uint64][]byte, len(prev.next))
	}
	return m
}

// Write compresses parts into out as tightly as gzip can, one member each,
// with no name or time in the headers, so that the same parts always give
// the same bytes. A part whose key the previous build compressed is not
// encoded again.
func (m *Members) Write(out *bytes.Buffer, parts []Part) error {
	var zw *gzip.Writer
	for _, p := range parts {
		if member, ok := m.lookup(p.Key); ok {
			out.Write(member)
			m.store(p.Key, member)
			continue
		}
		start := out.Len()
		if zw == nil {
			var err error
			if zw, err = gzip.NewWriterLevel(out, gzip.BestCompression); err != nil {
				return err
			}
		} else {
			zw.Reset(out)
		}
		if err := p.Encode(zw); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		if m.keeps(p.Key) {
			m.store(p.Key, bytes.Clone(out.Bytes()[start:]))
		}
	}
	return nil
}

// Carry keeps the members of parts for the next build without writing
// them, for a file kept whole because its key is unchanged: otherwise the
// next edit of one part would compress all the others again.
func (m *Members) Carry(parts []Part) {
	for _, p := range parts {
		if member, ok := m.lookup(p.Key); ok {
			m.store(p.Key, member)
		}
	}
}

// keeps reports whether a part of this key is kept for the next build.
func (m *Members) keeps(key uint64) bool { return m != nil && key != 0 }

func (m *Members) lookup(key uint64) ([]byte, bool) {
	if !m.keeps(key) {
		return nil, false
	}
	member, ok := m.prev[key]
	return member, ok
}

func (m *Members) store(key uint64, member []byte) {
	if !m.keeps(key) {
		return
	}
	m.mu.Lock()
	m.next[key] = member
	m.mu.Unlock()
}
