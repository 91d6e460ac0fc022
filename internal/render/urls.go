package render

import (
	"path"
	"strings"

	"github.com/minhbach/minhbach/internal/model"
)

// The URL of every page is decided here and nowhere else.

// LocalityURL is "/dia-phuong/<path>/".
func LocalityURL(l *model.Locality) string { return "/dia-phuong/" + l.Path + "/" }

// PlanURL is "/dia-phuong/<path>/<plan>/".
func PlanURL(p *model.Plan) string { return LocalityURL(p.Locality) + p.Slug + "/" }

// TaskURL is "/dia-phuong/<path>/<plan>/<task>/".
func TaskURL(t *model.Task) string { return PlanURL(t.Plan) + t.Slug + "/" }

// UpdateURL is "/dia-phuong/<path>/<update>/".
func UpdateURL(u *model.Update) string { return LocalityURL(u.Locality) + u.Slug + "/" }

// FeedURL is the Atom feed of a locality and its descendants,
// "/dia-phuong/<path>/feed.xml", or of the whole site, "/feed.xml", when l
// is nil.
func FeedURL(l *model.Locality) string {
	if l == nil {
		return "/feed.xml"
	}
	return LocalityURL(l) + "feed.xml"
}

// OutputFile maps a URL path to the file that serves it: "/a/b/" is
// "a/b/index.html", "/404.html" is "404.html".
func OutputFile(url string) string {
	p := strings.TrimPrefix(url, "/")
	if p != "" && !strings.HasSuffix(p, "/") {
		return p
	}
	// A rebuild asks for every page's file, so a clean path, as the URL
	// makers give, is only appended to.
	if strings.Contains(p, "//") || strings.Contains(p, "/.") || strings.HasPrefix(p, ".") {
		return path.Join(p, "index.html")
	}
	return p + "index.html"
}

// joinBase prefixes a site path with the base path ("/" or "/portal/").
func joinBase(base, url string) string {
	if strings.HasPrefix(url, "#") || strings.Contains(url, "://") {
		return url
	}
	return strings.TrimSuffix(base, "/") + url
}

// relativeURL is the link from the page at site path from (a folder,
// ending in "/") to site path to: "../../van-ban/x/".
func relativeURL(from, to string) string {
	depth := strings.Count(strings.Trim(from, "/"), "/") + 1
	if from == "/" {
		depth = 0
	}
	return strings.Repeat("../", depth) + strings.TrimPrefix(to, "/")
}
