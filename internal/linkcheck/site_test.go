package linkcheck_test

import (
	"path/filepath"
	"testing"

	"github.com/minhbach/minhbach/internal/linkcheck"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/site"
)

// TestBundledSite builds the bundled content in both languages and finds
// no internal link, image, script, stylesheet or #fragment that leads nowhere.
func TestBundledSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole bundled site")
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(site.Options{Source: "../..", Out: out, AsOf: model.Date{Year: 2024, Month: 9, Day: 30}}); err != nil {
		t.Fatal(err)
	}
	broken, err := linkcheck.Check(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Error(b)
	}
	if len(broken) > 0 {
		t.Errorf("%d broken references in the built site", len(broken))
	}
}
