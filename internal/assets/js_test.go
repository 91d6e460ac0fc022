package assets

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	minhbach "github.com/minhbach/minhbach"
)

func TestJSBundlesTheSearchScript(t *testing.T) {
	a, err := JS(minhbach.Defaults, "search.js", "")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^/assets/search\.[0-9a-f]{10}\.js$`).MatchString(a.Path) {
		t.Errorf("path %q, want /assets/search.<hash>.js", a.Path)
	}
	js := string(a.Contents)
	for _, bad := range []string{"import ", "export ", "innerHTML", ".style"} {
		if strings.Contains(js, bad) {
			t.Errorf("bundle contains %q", bad)
		}
	}
	// The modules are in it: the engine's index name and the UI's element ids.
	for _, want := range []string{"index.json", "tim-kiem-q", "replaceState"} {
		if !strings.Contains(js, want) {
			t.Errorf("bundle lacks %q", want)
		}
	}
	if strings.Count(js, "\n") > 2 {
		t.Errorf("bundle of %d lines is not minified", strings.Count(js, "\n"))
	}
	again, err := JS(minhbach.Defaults, "search.js", "")
	if err != nil || again.Path != a.Path {
		t.Errorf("second bundle %q, %v; want %q", again.Path, err, a.Path)
	}
	// A browser-like engine parses it, if node is installed.
	if node, err := exec.LookPath("node"); err == nil {
		file := filepath.Join(t.TempDir(), "search.js")
		if err := os.WriteFile(file, a.Contents, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(node, "--check", file).CombinedOutput(); err != nil {
			t.Errorf("node --check: %v\n%s", err, out)
		}
	}
}

// Run from a site's folder, where esbuild also finds the entry on the disk
// (and names it "./layouts/…"), the bundle is the same.
func TestJSFromTheSiteFolder(t *testing.T) {
	want, err := JS(minhbach.Defaults, "search.js", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("../..")
	got, err := JS(os.DirFS("."), "search.js", filepath.Join("layouts", "assets"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Path != want.Path {
		t.Errorf("bundle %s from the site folder, %s from the defaults", got.Path, want.Path)
	}
}

// A site's own module replaces the generator's, and the hash follows.
func TestJSReadsModulesFromTheSite(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/assets/app.js":       {Data: []byte(`import { greet } from "./lib/greet.js"; greet("xin chào");`)},
		"layouts/assets/lib/greet.js": {Data: []byte(`export function greet(s) { document.title = s; }`)},
	}
	a, err := JS(fsys, "app.js", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Path, "/assets/app.") || !strings.Contains(string(a.Contents), "document.title") {
		t.Errorf("bundle %s: %s", a.Path, a.Contents)
	}
	fsys["layouts/assets/lib/greet.js"] = &fstest.MapFile{Data: []byte(`export function greet(s) { document.title = s + "!"; }`)}
	b, err := JS(fsys, "app.js", "")
	if err != nil || b.Path == a.Path {
		t.Errorf("changed module: %s, %v; the hash should change", b.Path, err)
	}
}

func TestJSErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/assets/broken.js":  {Data: []byte("const x = ;\n")},
		"layouts/assets/missing.js": {Data: []byte(`import "./nowhere.js";`)},
		"layouts/assets/escape.js":  {Data: []byte(`import "../../secret.js";`)},
	}
	tests := []struct{ entry, want string }{
		{"broken.js", "layouts/assets/broken.js:1:11: "},
		{"missing.js", "nowhere.js"},
		{"escape.js", "outside layouts/assets/"},
		{"absent.js", "absent.js"},
		{"../site.css", "want a .js file"},
	}
	for _, tt := range tests {
		_, err := JS(fsys, tt.entry, "")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("JS(%q) = %v, want an error with %q", tt.entry, err, tt.want)
		}
	}
}
