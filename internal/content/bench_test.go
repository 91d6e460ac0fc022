package content

import (
	"os"
	"testing"

	"github.com/minhbach/minhbach/internal/diag"
)

// The Đà Nẵng plan is the longest bundled plan: 38 tasks in 60 KB.
const benchPlan = "../../content/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022.md"

// BenchmarkFrontMatter splits a plan into front matter and body and
// decodes the front matter, as load does for every file.
func BenchmarkFrontMatter(b *testing.B) {
	src, err := os.ReadFile(benchPlan)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		f, err := Split(benchPlan, src)
		if err != nil {
			b.Fatal(err)
		}
		var fm map[string]any
		if !f.Decode(&fm, &diag.List{}) {
			b.Fatal("front matter does not decode")
		}
	}
}

// BenchmarkMarkdown parses a plan's body into goldmark's tree.
func BenchmarkMarkdown(b *testing.B) {
	src, err := os.ReadFile(benchPlan)
	if err != nil {
		b.Fatal(err)
	}
	f, err := Split(benchPlan, src)
	if err != nil {
		b.Fatal(err)
	}
	p := NewParser()
	b.SetBytes(int64(len(f.Body)))
	for b.Loop() {
		p.Parse(f)
	}
}
