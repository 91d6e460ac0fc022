package site

import (
	"slices"
	"strings"

	"github.com/minhbach/minhbach/internal/assets"
	"github.com/minhbach/minhbach/internal/headers"
	"github.com/minhbach/minhbach/internal/render"
	"github.com/minhbach/minhbach/internal/search"
)

// headersFile is where Netlify and Cloudflare Pages look for the headers
// to serve a site with; neither serves the file itself.
const headersFile = "/_headers"

// writeHeaders writes /_headers: the security policy for every response,
// and long caching for the files named by their content's hash, the bundled
// assets and the search index's folder. A _headers already written (a
// site's own, from static/) is kept, as robots.txt is: call writeHeaders
// after copying static/ and writing the search index.
func writeHeaders(w *writer, bundled []assets.Asset) error {
	w.mu.Lock()
	_, own := w.files[render.OutputFile(headersFile)]
	folders := searchFolders(w.files)
	w.mu.Unlock()
	if own {
		return nil
	}
	paths := folders
	for _, a := range bundled {
		paths = append(paths, a.Path)
	}
	data, err := headers.File(paths)
	if err != nil {
		return err
	}
	return w.write(headersFile, data)
}

// searchFolders returns the site paths of the folders under search.Dir that
// hold written files. Every file of the index but its manifest sits in a
// folder (t/, p/, x/, r/) and is named by a hash of its content, or sits
// in a folder so named (package search says so), so each such folder is
// fingerprinted.
func searchFolders(written map[string]file) []string {
	dir := strings.TrimPrefix(search.Dir, "/")
	var out []string
	for name := range written {
		rest, ok := strings.CutPrefix(name, dir)
		if !ok {
			continue
		}
		if folder, _, nested := strings.Cut(rest, "/"); nested {
			out = append(out, search.Dir+folder+"/")
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
