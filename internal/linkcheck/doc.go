// Package linkcheck finds links inside a built site that lead nowhere.
//
// It reads every HTML file under a folder, as a CDN would serve it, and
// checks each internal href, src, srcset and form action: the path must be
// a generated file or a folder with an index.html, and a #fragment must be
// the id of an element in the page it points to. External addresses
// (http, https, mailto, tel) and data: URLs are left alone: they are not
// the site's to break. Feeds, the sitemap and other non-HTML files are
// only targets, never read for links.
package linkcheck
