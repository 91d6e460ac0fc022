package server

import (
	_ "embed"
	"html"
)

// Internal paths of the preview. They live under one prefix that a site's
// own files are unlikely to use; the preview answers them before the site.
const (
	internalPrefix = "/__minhbach/"
	scriptPath     = internalPrefix + "reload.js"
	eventsPath     = internalPrefix + "events"
)

// reloadJS is the script the preview adds to every page it serves. It is a
// file served from the preview's own path, never an inline script, so that
// pages keep working under a Content-Security-Policy without
// 'unsafe-inline'.
//
//go:embed reload.js
var reloadJS []byte

// scriptTag is the element added to a page; data-build names the build the
// page came from, so that a tab that loaded the page just before a rebuild
// still learns it is out of date when it connects.
func scriptTag(build string) string {
	return `<script src="` + scriptPath + `" data-build="` + html.EscapeString(build) + `" defer></script>`
}

// injectScript returns page with the script tag before its last </body>,
// or at its end when it has none.
func injectScript(page []byte, build string) []byte {
	tag := scriptTag(build)
	at := lastIndexFold(page, "</body")
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:at]...)
	out = append(out, tag...)
	return append(out, page[at:]...)
}

// lastIndexFold finds the last occurrence of the lower-case ASCII string
// lower in b, ignoring ASCII case. Folding only ASCII keeps byte offsets
// valid whatever the page's Vietnamese text contains.
func lastIndexFold(b []byte, lower string) int {
	for i := len(b) - len(lower); i >= 0; i-- {
		if matchFold(b[i:i+len(lower)], lower) {
			return i
		}
	}
	return -1
}

func matchFold(b []byte, lower string) bool {
	for i := range len(lower) {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
