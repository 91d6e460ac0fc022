package search

import (
	"encoding/binary"
	"errors"
	"slices"
)

// A posting list is the ascending document numbers of one spelling of a
// term. Written to a file it is one of:
//
//	0x00, uvarint first, uvarint gap …          (count from the dictionary)
//	0x01, uvarint start, uvarint n, n bytes       (bit i of byte j: document start+8j+i)
//
// whichever is shorter: gaps cost a byte for a term in one document of 128
// or more, a bitmap an eighth of a byte per document in its range, so the
// largest list of a 130,000-document index is 16 KB.
const (
	tagGaps   = 0
	tagBitmap = 1
)

// encodePostings appends the shorter encoding of docs to dst.
func encodePostings(dst []byte, docs []uint32) []byte {
	if len(docs) == 0 {
		return append(dst, tagGaps)
	}
	gapLen := 0
	prev := uint32(0)
	for i, d := range docs {
		if i == 0 {
			gapLen += uvarintLen(uint64(d))
		} else {
			gapLen += uvarintLen(uint64(d - prev))
		}
		prev = d
	}
	start := docs[0] &^ 7
	nbytes := int((docs[len(docs)-1]-start)/8 + 1)
	bitmapLen := uvarintLen(uint64(start)) + uvarintLen(uint64(nbytes)) + nbytes
	if gapLen <= bitmapLen {
		dst = append(dst, tagGaps)
		prev = 0
		for i, d := range docs {
			if i == 0 {
				dst = binary.AppendUvarint(dst, uint64(d))
			} else {
				dst = binary.AppendUvarint(dst, uint64(d-prev))
			}
			prev = d
		}
		return dst
	}
	dst = append(dst, tagBitmap)
	dst = binary.AppendUvarint(dst, uint64(start))
	dst = binary.AppendUvarint(dst, uint64(nbytes))
	bits := make([]byte, nbytes)
	for _, d := range docs {
		off := d - start
		bits[off/8] |= 1 << (off % 8)
	}
	return append(dst, bits...)
}

func uvarintLen(x uint64) int {
	n := 1
	for x >= 0x80 {
		x >>= 7
		n++
	}
	return n
}

var errCorrupt = errors.New("search index: corrupt postings")

// decodePostings reads one list of n documents from b and returns it and
// what follows it.
func decodePostings(b []byte, n int) ([]uint32, []byte, error) {
	if len(b) == 0 {
		return nil, nil, errCorrupt
	}
	tag := b[0]
	b = b[1:]
	next := func() (uint64, error) {
		v, size := binary.Uvarint(b)
		if size <= 0 {
			return 0, errCorrupt
		}
		b = b[size:]
		return v, nil
	}
	docs := make([]uint32, 0, n)
	switch tag {
	case tagGaps:
		prev := uint64(0)
		for i := range n {
			v, err := next()
			if err != nil {
				return nil, nil, err
			}
			if i > 0 {
				v += prev
			}
			docs = append(docs, uint32(v))
			prev = v
		}
	case tagBitmap:
		start, err := next()
		if err != nil {
			return nil, nil, err
		}
		nbytes, err := next()
		if err != nil || nbytes > uint64(len(b)) {
			return nil, nil, errCorrupt
		}
		for j, c := range b[:nbytes] {
			for i := range 8 {
				if c&(1<<i) != 0 {
					docs = append(docs, uint32(start)+uint32(8*j+i))
				}
			}
		}
		b = b[nbytes:]
	default:
		return nil, nil, errCorrupt
	}
	if len(docs) != n {
		return nil, nil, errCorrupt
	}
	return docs, b, nil
}

// gaps writes docs as the first number and the gaps after it, the form a
// dictionary holds a short list in.
func gaps(docs []uint32) []uint32 {
	out := make([]uint32, len(docs))
	prev := uint32(0)
	for i, d := range docs {
		out[i] = d - prev
		prev = d
	}
	return out
}

// ungap undoes gaps.
func ungap(g []uint32) []uint32 {
	out := make([]uint32, len(g))
	sum := uint32(0)
	for i, d := range g {
		sum += d
		out[i] = sum
	}
	return out
}

// intersect returns the documents in both ascending lists.
func intersect(a, b []uint32) []uint32 {
	var out []uint32
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// union returns the documents in any of the ascending lists, ascending.
func union(lists ...[]uint32) []uint32 {
	var out []uint32
	for _, l := range lists {
		out = append(out, l...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// unionLen is len(union(lists...)) for ascending lists, merged rather
// than sorted: a build counts the documents of every term with several
// spellings, and sorting them was a tenth of an index's rebuild.
func unionLen(lists ...[]uint32) int {
	merged := lists[0]
	for _, l := range lists[1:] {
		merged = mergeUnion(make([]uint32, 0, len(merged)+len(l)), merged, l)
	}
	return len(merged)
}

// mergeUnion appends to out the union of the ascending lists a and b.
func mergeUnion(out, a, b []uint32) []uint32 {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// contains reports whether the ascending list holds d.
func contains(list []uint32, d uint32) bool {
	_, ok := slices.BinarySearch(list, d)
	return ok
}
