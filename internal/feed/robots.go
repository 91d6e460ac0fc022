package feed

// Robots returns a robots.txt (RFC 9309) that lets every crawler read every
// page and, when sitemap is not empty, names the sitemap's absolute URL.
// Without an absolute URL there is no Sitemap line: the protocol needs one,
// and a relative line would be ignored or misread.
func Robots(sitemap string) []byte {
	out := "# Every page of this site may be crawled.\nUser-agent: *\nAllow: /\n"
	if sitemap != "" && checkAbsolute(sitemap) == nil {
		out += "\nSitemap: " + sitemap + "\n"
	}
	return []byte(out)
}
