package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/status"
)

// Everything that differs between the Vietnamese and the English site but
// is not a plain string: addresses, dates, numbers, and marking the
// documents' own words as Vietnamese. The formats themselves are strings of
// i18n/<lang>.toml, so that each language is written in one place.

// Prefix is the path under which the language's pages live: "" or "/en".
func (r *Renderer) Prefix() string { return r.opts.Prefix }

// pageURL is the address of a page of this language: base path, language
// prefix, page path. Files other than pages (data, calendars, feeds) are
// shared by the languages and get no prefix; anchors and absolute URLs
// stay as they are.
func (r *Renderer) pageURL(p string) string {
	if strings.HasPrefix(p, "#") || strings.Contains(p, "://") {
		return p
	}
	if isFile(p) {
		return joinBase(r.basePath, p)
	}
	return joinBase(r.basePath, r.opts.Prefix+p)
}

// isFile tells a shared file ("/du-lieu/nhiem-vu.json") from a page ("/",
// "/dia-phuong/da-nang/", "/404.html").
func isFile(p string) bool {
	last := p[strings.LastIndexByte(p, '/')+1:]
	return strings.Contains(last, ".") && !strings.HasSuffix(last, ".html")
}

// Date writes d the language's short way: "10/3/2022" or "10 Mar 2022".
func (r *Renderer) Date(d model.Date) string { return r.formatDate("date_short", d) }

// LongDate writes d in words: "ngày 10 tháng 3 năm 2022", "10 March 2022".
func (r *Renderer) LongDate(d model.Date) string { return r.formatDate("date_long", d) }

func (r *Renderer) formatDate(key string, d model.Date) string {
	if d.IsZero() {
		return ""
	}
	month := r.strings.MustT("month_" + strconv.Itoa(int(d.Month)))
	return r.strings.MustF(key, d.Day, int(d.Month), d.Year, month)
}

// Int writes n with the language's thousands separator.
func (r *Renderer) Int(n int) string { return FormatInt(n, r.strings.MustT("thousands_sep")) }

// vi marks text quoted from a document as Vietnamese on pages of another
// language, so that screen readers pronounce it as Vietnamese.
func (r *Renderer) vi(text string) template.HTML {
	escaped := template.HTMLEscapeString(text)
	if r.opts.Prefix == "" || text == "" {
		return template.HTML(escaped)
	}
	return template.HTML(`<span lang="vi">` + escaped + `</span>`)
}

// viattr is vi for an element that holds document text: ` lang="vi"` on
// pages of another language, nothing on Vietnamese pages.
func (r *Renderer) viattr() template.HTMLAttr {
	if r.opts.Prefix == "" {
		return ""
	}
	return ` lang="vi"`
}

// state names a reported state ("hoàn thành") in the interface language.
func (r *Renderer) state(s string) string {
	if style := (status.Status{Report: &model.Report{State: s}}).StateStyle(); style != "" {
		if t, err := r.strings.T("state_" + style); err == nil {
			return t
		}
	}
	return s
}
