package citation

import (
	"os"
	"path/filepath"
	"testing"
)

// seedTexts returns the raw seed documents and the published plans, or skips
// the test when the tree is not there.
func seedTexts(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"/work/shared/seeds/*.txt"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	_ = filepath.WalkDir("../../content/dia-phuong", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(path) == ".md" {
			files = append(files, path)
		}
		return nil
	})
	if len(files) == 0 {
		t.Skip("no seeds or content")
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}
