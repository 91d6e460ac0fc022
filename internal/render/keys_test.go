package render

import (
	"encoding/binary"
	"hash/fnv"
	"testing"
)

// keyHash is FNV-1a over each value's bytes, a string's length first.
func TestKeyHashIsFNV1a(t *testing.T) {
	for _, words := range [][]string{{}, {""}, {"a"}, {"Kế hoạch", "46/KH-UBND"}, {"ab", "c"}} {
		h, want := newKeyHash(), fnv.New64a()
		for _, w := range words {
			h.string(w)
			_, _ = want.Write(binary.LittleEndian.AppendUint64(nil, uint64(len(w))))
			_, _ = want.Write([]byte(w))
		}
		if h.Sum64() != want.Sum64() {
			t.Errorf("%q: %x, want %x", words, h.Sum64(), want.Sum64())
		}
	}
	a, b := newKeyHash(), newKeyHash()
	a.string("ab")
	a.string("c")
	b.string("a")
	b.string("bc")
	if a.Sum64() == b.Sum64() {
		t.Error(`"ab","c" and "a","bc" hash alike`)
	}
}
