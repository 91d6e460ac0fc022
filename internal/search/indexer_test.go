package search

import (
	"bytes"
	"slices"
	"testing"
)

// An Indexer's rebuilds must give the bytes a one-off build gives: what it
// remembers of the documents before an edit must not leak into the index
// after it.
func TestIndexerRebuildEqualsOneOffBuild(t *testing.T) {
	docs := syntheticPortal(600)
	edits := []struct {
		name string
		edit func([]Doc) []Doc
	}{
		{"a title edited", func(d []Doc) []Doc {
			d[7].Title = "Cấp căn cước điện tử cho trẻ em dưới 14 tuổi"
			return d
		}},
		{"a word no document had", func(d []Doc) []Doc { d[3].Title += " Zyxwvut"; return d }},
		{"the new word gone again", func(d []Doc) []Doc { d[3].Title = syntheticPortal(600)[3].Title; return d }},
		{"a document removed", func(d []Doc) []Doc { return slices.Delete(d, 10, 11) }},
		{"a document added", func(d []Doc) []Doc {
			return slices.Insert(d, 20, Doc{Kind: Task, Label: "9.9", Title: "Số hoá hồ sơ hộ tịch", Context: "1/KH-UBND · Xã Mới", URL: "/x/9-9/"})
		}},
		{"a context changed, the title not", func(d []Doc) []Doc { d[30].Context = "2/KH-UBND · Xã Khác"; return d }},
		{"two documents with one title", func(d []Doc) []Doc { d[40].Title = d[41].Title; return d }},
		{"the same documents", func(d []Doc) []Doc { return d }},
	}
	ix := NewIndexer()
	if _, err := ix.Build(docs); err != nil {
		t.Fatal(err)
	}
	for _, e := range edits {
		docs = e.edit(slices.Clone(docs))
		got, err := ix.Build(docs)
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		want, err := Build(docs)
		if err != nil {
			t.Fatalf("%s: %v", e.name, err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d files, a one-off build makes %d", e.name, len(got), len(want))
		}
		for i := range want {
			if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
				t.Fatalf("%s: file %d is %s (%d bytes), a one-off build's is %s (%d bytes)",
					e.name, i, got[i].Path, len(got[i].Data), want[i].Path, len(want[i].Data))
			}
		}
	}
	if len(ix.docs) > len(docs) || len(ix.records) > (len(docs)+RecordsPerShard-1)/RecordsPerShard {
		t.Errorf("the Indexer holds %d documents and %d record files after a build of %d documents", len(ix.docs), len(ix.records), len(docs))
	}
}
