package gzparts

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// counted makes parts of the given keys and texts, counting how many
// times each is encoded.
func counted(encoded map[string]int, keys []uint64, texts ...string) []Part {
	parts := make([]Part, len(texts))
	for i, s := range texts {
		parts[i] = Part{Key: keys[i], Encode: func(w io.Writer) error {
			encoded[s]++
			_, err := io.WriteString(w, s)
			return err
		}}
	}
	return parts
}

func write(t *testing.T, m *Members, parts []Part) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := m.Write(&b, parts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func gunzip(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(plain)
}

func TestMembersReadAsOneStream(t *testing.T) {
	texts := []string{"[\n{\"id\":\"1.1\"}", ",\n{\"id\":\"1.2\"}", "\n]\n"}
	data := write(t, nil, counted(map[string]int{}, []uint64{1, 2, 3}, texts...))
	want := strings.Join(texts, "")
	if got := gunzip(t, data); got != want {
		t.Errorf("Go's reader: %q, want %q", got, want)
	}
	// The reader most data users have: gzip itself.
	path, err := exec.LookPath("gzip")
	if err != nil {
		t.Skip("no gzip command to check with")
	}
	cmd := exec.Command(path, "-dc")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != want {
		t.Errorf("gzip -dc: %q, want %q", out, want)
	}
}

func TestRebuildCompressesOnlyChangedParts(t *testing.T) {
	encoded := map[string]int{}
	first := New(nil)
	before := write(t, first, counted(encoded, []uint64{1, 2, 3}, "a", "b", "c"))

	second := New(first)
	after := write(t, second, counted(encoded, []uint64{1, 20, 3}, "a", "B", "c"))
	if encoded["a"] != 1 || encoded["c"] != 1 || encoded["B"] != 1 {
		t.Errorf("encoded %v: want a and c once, B once", encoded)
	}
	if got := gunzip(t, after); got != "aBc" {
		t.Errorf("rebuild reads %q, want %q", got, "aBc")
	}
	// Kept members give the bytes compressing anew gives.
	fresh := write(t, nil, counted(map[string]int{}, []uint64{1, 20, 3}, "a", "B", "c"))
	if !bytes.Equal(after, fresh) {
		t.Error("a rebuild's file differs from a fresh build's")
	}
	if bytes.Equal(before, after) {
		t.Error("the edit changed no byte")
	}
}

func TestOnlyLastBuildsMembersAreKept(t *testing.T) {
	encoded := map[string]int{}
	first := New(nil)
	write(t, first, counted(encoded, []uint64{1, 2}, "a", "b"))
	second := New(first)
	write(t, second, counted(encoded, []uint64{1}, "a"))
	third := New(second)
	write(t, third, counted(encoded, []uint64{1, 2}, "a", "b"))
	if encoded["a"] != 1 || encoded["b"] != 2 {
		t.Errorf("encoded %v: want a once, b twice (the second build dropped it)", encoded)
	}
}

func TestCarryKeepsMembersOfAKeptFile(t *testing.T) {
	encoded := map[string]int{}
	first := New(nil)
	write(t, first, counted(encoded, []uint64{1, 2}, "a", "b"))
	second := New(first)
	second.Carry(counted(encoded, []uint64{1, 2}, "a", "b"))
	third := New(second)
	write(t, third, counted(encoded, []uint64{1, 2}, "a", "b"))
	if encoded["a"] != 1 || encoded["b"] != 1 {
		t.Errorf("encoded %v: want each once", encoded)
	}
}

func TestKeyZeroIsNeverKept(t *testing.T) {
	encoded := map[string]int{}
	first := New(nil)
	write(t, first, counted(encoded, []uint64{0}, "a"))
	write(t, New(first), counted(encoded, []uint64{0}, "a"))
	if encoded["a"] != 2 {
		t.Errorf("a part of key 0 was encoded %d times, want 2", encoded["a"])
	}
}

func TestEncodeErrorIsReturned(t *testing.T) {
	bad := errors.New("bad record")
	err := New(nil).Write(&bytes.Buffer{}, []Part{{Key: 1, Encode: func(io.Writer) error { return bad }}})
	if !errors.Is(err, bad) {
		t.Errorf("got %v, want %v", err, bad)
	}
}
