package render

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/model"
)

func TestFormatInt(t *testing.T) {
	for n, want := range map[int]string{0: "0", 38: "38", 1234: "1.234", 100000: "100.000", 1234567: "1.234.567", -1234: "-1.234"} {
		if got := FormatInt(n, "."); got != want {
			t.Errorf("FormatInt(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestOutputFile(t *testing.T) {
	for url, want := range map[string]string{"/": "index.html", "/dia-phuong/da-nang/": "dia-phuong/da-nang/index.html", "/404.html": "404.html", "/du-lieu/nhiem-vu.json": "du-lieu/nhiem-vu.json",
		"/a//b/": "a/b/index.html", "/a/./b/": "a/b/index.html", "/a/../b/": "b/index.html"} {
		if got := OutputFile(url); got != want {
			t.Errorf("OutputFile(%q) = %q, want %q", url, got, want)
		}
	}
}

func TestBasePath(t *testing.T) {
	for base, want := range map[string]string{"/": "/", "": "/", "https://example.gov.vn/": "/", "https://example.gov.vn/portal": "/portal/"} {
		if got := basePath(base); got != want {
			t.Errorf("basePath(%q) = %q, want %q", base, got, want)
		}
	}
	if got := joinBase("/portal/", "/dia-phuong/"); got != "/portal/dia-phuong/" {
		t.Errorf("joinBase = %q", got)
	}
}

// Every key Go code passes to MustT or MustF is in goStrings, so that New
// can check the language has it.
func TestGoStringsListsEveryKeyUsedInGo(t *testing.T) {
	listed := map[string]bool{}
	for _, k := range goStrings() {
		listed[k] = true
	}
	files, _ := filepath.Glob("*.go")
	used := regexp.MustCompile(`Must[TF]\("([a-z0-9_-]+)"`)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(src), -1) {
			key := m[1]
			if strings.HasSuffix(key, "_") { // a prefix completed at run time
				continue
			}
			if !listed[key] {
				t.Errorf("%s uses string %q, which goStrings does not list", f, key)
			}
		}
	}
}

func TestRelativeURL(t *testing.T) {
	for _, tt := range []struct{ from, to, want string }{
		{"/", "/van-ban/x/", "van-ban/x/"},
		{"/dia-phuong/", "/van-ban/x/", "../van-ban/x/"},
		{"/dia-phuong/da-nang/kh-1/", "/van-ban/06-qd-ttg/", "../../../van-ban/06-qd-ttg/"},
	} {
		if got := relativeURL(tt.from, tt.to); got != tt.want {
			t.Errorf("relativeURL(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

func dateOf(y, m, d int) model.Date { return model.Date{Year: y, Month: time.Month(m), Day: d} }
