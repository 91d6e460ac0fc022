package deploy

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestPlan(t *testing.T) {
	local := []localFile{
		{key: "s/assets/site.0123456789.css", sitePath: "/assets/site.0123456789.css", md5: "c1", immutable: true},
		{key: "s/index.html", sitePath: "/index.html", md5: "h1"},
		{key: "s/new.html", sitePath: "/new.html", md5: "n1"},
		{key: "s/tim-kiem/chi-muc/abcdef0123/p/0.bin", sitePath: "/tim-kiem/chi-muc/abcdef0123/p/0.bin", md5: "p1", immutable: true},
	}
	remote := []Object{
		{Key: "s/assets/site.0123456789.css", ETag: "c1"},
		{Key: "s/index.html", ETag: "h0"},
		{Key: "s/old.html", ETag: "o0"},
		{Key: "s/folder/", ETag: "d41d8cd98f00b204e9800998ecf8427e"},
		{Key: "s/tim-kiem/chi-muc/9999999999/p/0.bin", ETag: "p0"},
	}
	keys := func(p plan) (up, del []string) {
		for _, f := range p.uploads {
			up = append(up, strings.TrimPrefix(f.key, "s/"))
		}
		for _, o := range p.deletes {
			del = append(del, strings.TrimPrefix(o.Key, "s/"))
		}
		return up, del
	}
	tests := []struct {
		name      string
		opts      Options
		uploads   string
		deletes   string
		unchanged int
	}{
		{"sync", Options{Delete: true}, "tim-kiem/chi-muc/abcdef0123/p/0.bin index.html new.html", "old.html tim-kiem/chi-muc/9999999999/p/0.bin", 1},
		{"keep", Options{Delete: false}, "tim-kiem/chi-muc/abcdef0123/p/0.bin index.html new.html", "", 1},
		{"all", Options{Delete: true, UploadAll: true}, "assets/site.0123456789.css tim-kiem/chi-muc/abcdef0123/p/0.bin index.html new.html", "old.html tim-kiem/chi-muc/9999999999/p/0.bin", 0},
	}
	for _, tt := range tests {
		p := makePlan(local, remote, "s/", cachePolicy{}, tt.opts)
		up, del := keys(p)
		if strings.Join(up, " ") != tt.uploads || strings.Join(del, " ") != tt.deletes || p.unchanged != tt.unchanged {
			t.Errorf("%s: uploads %v, deletes %v, %d unchanged", tt.name, up, del, p.unchanged)
		}
		// The folder marker and the hashed index file are not counted.
		if p.counted != 3 {
			t.Errorf("%s: %d objects counted, want 3", tt.name, p.counted)
		}
	}
}

func TestLimits(t *testing.T) {
	// A bucket of 100 pages and 200 search index files, and a build that
	// dropped some pages and replaced the whole index.
	mk := func(pagesGone int) plan {
		p := plan{counted: 100}
		for i := range pagesGone {
			p.deletes = append(p.deletes, Object{Key: fmt.Sprintf("p/trang-%d/index.html", i)})
		}
		for i := range 200 {
			p.deletes = append(p.deletes, Object{Key: fmt.Sprintf("p/tim-kiem/chi-muc/0123456789/p/%d.bin", i)})
		}
		return p
	}
	limits := Options{MaxDelete: 30, MaxDeletePercent: 25}
	tests := []struct {
		name    string
		gone    int
		opts    Options
		refused string // "" when allowed
	}{
		{"index files are not counted", 0, limits, ""},
		{"a few pages", 10, limits, ""},
		{"at the share", 25, limits, ""},
		{"over the share", 26, limits, "run again with --max-delete-percent 26 (or --force)"},
		{"over the count", 31, Options{MaxDelete: 30, MaxDeletePercent: 100}, "run again with --max-delete 31 (or --force)"},
		{"share raised", 26, Options{MaxDelete: 30, MaxDeletePercent: 26}, ""},
		{"forced", 100, Options{Force: true}, ""},
		{"the floor", percentFloor, Options{MaxDelete: 1000, MaxDeletePercent: 1}, ""},
		{"above the floor", percentFloor + 1, Options{MaxDelete: 1000, MaxDeletePercent: 1}, "(11%)"},
		{"zero count", 1, Options{MaxDelete: 0, MaxDeletePercent: 100}, "--max-delete 0 allows"},
	}
	for _, tt := range tests {
		err := checkLimits(mk(tt.gone), "p/", "s3://b/p/", cachePolicy{}, tt.opts)
		var le *LimitError
		switch {
		case tt.refused == "" && err != nil:
			t.Errorf("%s: refused: %v", tt.name, err)
		case tt.refused != "" && (!errors.As(err, &le) || !strings.Contains(err.Error(), tt.refused)):
			t.Errorf("%s: got %v, want a refusal saying %q", tt.name, err, tt.refused)
		}
	}
}

func TestNormalizePrefix(t *testing.T) {
	for in, want := range map[string]string{"": "", "/": "", "site": "site/", "/a/b/": "a/b/"} {
		if got, err := NormalizePrefix(in); got != want || err != nil {
			t.Errorf("NormalizePrefix(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"a//b", "a/../b", "./a"} {
		if _, err := NormalizePrefix(bad); err == nil {
			t.Errorf("NormalizePrefix(%q) is accepted", bad)
		}
	}
}
