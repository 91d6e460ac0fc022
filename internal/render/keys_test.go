package render

import (
	"testing"
)

// keyHash tells apart how a text is split into strings, and any one byte
// changed, wherever it falls in the eight-byte words.
func TestKeyHash(t *testing.T) {
	sum := func(words ...string) uint64 {
		h := newKeyHash()
		for _, w := range words {
			h.string(w)
		}
		return h.Sum64()
	}
	if sum("ab", "c") == sum("a", "bc") || sum("ab", "") == sum("ab") || sum("") == sum() {
		t.Error("two splits of one text hash alike")
	}
	first, again := sum("Kế hoạch", "46/KH-UBND"), sum("Kế hoạch", "46/KH-UBND")
	if first != again {
		t.Error("one input, two sums")
	}
	text := "Kế hoạch số 46/KH-UBND ngày 25/02/2022" // 43 bytes: five words and a tail
	seen := map[uint64]int{sum(text): -1}
	for i := range len(text) {
		b := []byte(text)
		b[i] ^= 0x20
		s := sum(string(b))
		if j, dup := seen[s]; dup {
			t.Errorf("byte %d changed hashes as byte %d changed", i, j)
		}
		seen[s] = i
	}
	if sum(text+"\x00") == sum(text) {
		t.Error("a trailing zero byte is not told apart")
	}
	h := newKeyHash()
	h.uint(1)
	h.Reset()
	if h.Sum64() != newKeyHash().Sum64() {
		t.Error("Reset does not start over")
	}
}
