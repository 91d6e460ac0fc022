package linkcheck

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Broken is one reference that leads nowhere.
type Broken struct {
	File   string // the page that holds it, relative to the site folder, with slashes
	Ref    string // the address as the page writes it
	Reason string // what is missing
}

func (b Broken) String() string { return b.File + ": " + b.Ref + ": " + b.Reason }

// page is what one HTML file contributes: the ids its fragments can name
// and the addresses it refers to.
type page struct {
	ids  map[string]bool
	refs []string
	base string // the href of its <base>, if any
}

// refAttrs are the attributes whose values are addresses the browser
// follows or fetches. srcset is split into its candidates separately.
var refAttrs = map[string]bool{"href": true, "src": true, "action": true, "poster": true, "xlink:href": true}

// external are the schemes of addresses outside the site; data: URLs carry
// their content with them. Any other scheme in a page is reported.
var external = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true, "data": true}

// Check reads every .html file under dir and returns each internal
// reference that does not resolve to a generated file (or a folder with an
// index.html) or whose #fragment names no element id in its target. The
// list is in file order, each file's references in the order they appear,
// each distinct reference once per file. An error means dir could not be
// read, not that links are broken.
func Check(dir string) ([]Broken, error) {
	files, pages, err := read(dir)
	if err != nil {
		return nil, err
	}
	var broken []Broken
	for _, name := range sortedKeys(pages) {
		seen := map[string]bool{}
		for _, ref := range pages[name].refs {
			if seen[ref] {
				continue
			}
			seen[ref] = true
			if reason := resolve(dir, name, pages[name].base, ref, files, pages); reason != "" {
				broken = append(broken, Broken{File: name, Ref: ref, Reason: reason})
			}
		}
	}
	return broken, nil
}

// read lists every file under dir and parses the HTML ones.
func read(dir string) (map[string]bool, map[string]*page, error) {
	files := map[string]bool{}
	pages := map[string]*page{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		files[rel] = true
		if strings.HasSuffix(rel, ".html") {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			pages[rel] = parse(string(b))
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("reading the site in %s: %w", dir, err)
	}
	return files, pages, nil
}

// parse collects the ids and references of one document.
func parse(doc string) *page {
	p := &page{ids: map[string]bool{}}
	for _, t := range startTags(doc) {
		if id, ok := t.get("id"); ok {
			p.ids[id] = true
		}
		if name, ok := t.get("name"); ok && t.name == "a" {
			p.ids[name] = true // HTML falls back to <a name> for a fragment
		}
		if t.name == "base" {
			if href, ok := t.get("href"); ok && p.base == "" {
				p.base = strings.TrimSpace(href)
			}
			continue
		}
		for _, a := range t.attrs {
			switch {
			case refAttrs[a.name]:
				p.refs = append(p.refs, strings.TrimSpace(a.value))
			case a.name == "srcset":
				p.refs = append(p.refs, srcset(a.value)...)
			}
		}
	}
	return p
}

// srcset returns the URLs of a srcset value: comma-separated candidates,
// each a URL optionally followed by a width or density descriptor.
func srcset(v string) []string {
	var out []string
	for _, c := range strings.Split(v, ",") {
		if f := strings.Fields(c); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

// resolve returns why ref, found in the page name, leads nowhere, or ""
// when it resolves or is not the site's to check.
func resolve(dir, name, baseHref, ref string, files map[string]bool, pages map[string]*page) string {
	u, err := url.Parse(ref)
	if err != nil {
		return "not a valid address: " + err.Error()
	}
	if u.Scheme != "" {
		if external[strings.ToLower(u.Scheme)] {
			return ""
		}
		return "a " + u.Scheme + ": address, which leads outside the site"
	}
	if u.Host != "" {
		return "" // //host/path is another site
	}
	if name == "404.html" && u.Path != "" && !strings.HasPrefix(u.Path, "/") {
		return "404.html is served at any address that has no page, so its links must start with /"
	}
	base := &url.URL{Path: "/" + name}
	if baseHref != "" {
		b, err := url.Parse(baseHref)
		if err != nil {
			return "the page's <base href> is not a valid address: " + err.Error()
		}
		if b.Scheme != "" || b.Host != "" {
			return "" // relative to another site
		}
		base = base.ResolveReference(b)
	}
	target := base.ResolveReference(u)
	file, ok := lookup(target.Path, files)
	if !ok {
		return "no file " + target.Path + " in the site"
	}
	return fragment(dir, file, target.Fragment, pages)
}

// lookup returns the file a URL path is served from: the file itself, or
// the index.html of a folder (with or without the final slash).
func lookup(p string, files map[string]bool) (string, bool) {
	rel := strings.TrimPrefix(path.Clean("/"+p), "/")
	if strings.HasSuffix(p, "/") || rel == "" {
		idx := path.Join(rel, "index.html")
		return idx, files[idx]
	}
	if files[rel] {
		return rel, true
	}
	idx := path.Join(rel, "index.html")
	return idx, files[idx]
}

// fragment returns why frag names no element in file, or "". An empty
// fragment and "top" mean the top of the page in HTML. Fragments are
// checked in HTML and SVG files; in other files they are not ids.
func fragment(dir, file, frag string, pages map[string]*page) string {
	if frag == "" || strings.EqualFold(frag, "top") {
		return ""
	}
	p, ok := pages[file]
	if !ok && strings.HasSuffix(file, ".svg") {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
		if err != nil {
			return "cannot read " + file + ": " + err.Error()
		}
		p = parse(string(b))
		pages[file] = p
		ok = true
	}
	if !ok || p.ids[frag] {
		return ""
	}
	return fmt.Sprintf("no element with id %q in %s", frag, file)
}

func sortedKeys(m map[string]*page) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
