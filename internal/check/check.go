// Package check finds what an editor should look at before publishing,
// beyond what stops a build: tasks missing a lead or a deadline, plan
// numbers that do not look like document numbers, and links inside the
// site that lead nowhere. It reports warnings; `minhbach check` prints them
// with the build's own errors.
package check

import (
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/render"
)

// Site runs every editorial check on a loaded site.
func Site(site *model.Site, diags *diag.List) {
	pages := pageURLs(site)
	for _, l := range site.Localities {
		links(l.Intro, render.LocalityURL(l), pages, diags)
	}
	for _, p := range site.Plans {
		planNumber(p, diags)
		for _, t := range p.Tasks {
			taskFields(t, diags)
		}
		links(p.Body, render.PlanURL(p), pages, diags)
	}
	for _, u := range site.Updates {
		links(u.Body, render.UpdateURL(u), pages, diags)
	}
}

// taskFields warns about a task with no lead or no deadline field: most
// often a field the editor did not copy. A field written with nothing
// after its label says the plan states none, and is not warned about: the
// site then says "văn bản không ghi" without inventing text.
func taskFields(t *model.Task, diags *diag.List) {
	if strings.TrimSpace(t.LeadText) == "" && t.LeadPos.Line == 0 {
		diags.Warnf(t.Pos.File, t.Pos.Line, t.Pos.Col,
			"task %s has no lead agency field: add \"- Cơ quan chủ trì: …\" as the plan states it; if the plan names none, write the label with nothing after it (\"- Cơ quan chủ trì:\") to say so", t.ID)
	}
	if strings.TrimSpace(t.Due) == "" && t.DuePos.Line == 0 {
		diags.Warnf(t.Pos.File, t.Pos.Line, t.Pos.Col,
			"task %s has no deadline field: add \"- Thời gian thực hiện: …\" as the plan states it; if the plan states none, write the label with nothing after it (\"- Thời gian thực hiện:\") to say so", t.ID)
	}
}

func planNumber(p *model.Plan, diags *diag.List) {
	if p.Number != "" && !model.IsDocumentNumber(p.Number) {
		diags.Warnf(p.Pos.File, p.Pos.Line, p.Pos.Col,
			"number = %q does not look like a document number: write it as printed under the issuer's name, e.g. \"46/KH-UBND\"", p.Number)
	}
}

// pageURLs lists the site paths that have a page, for link checks.
func pageURLs(site *model.Site) map[string]bool {
	urls := map[string]bool{"/": true, "/dia-phuong/": true, "/du-lieu/": true, "/han-chot/": true,
		"/du-lieu/nhiem-vu.json": true, "/du-lieu/han-chot.ics": true}
	for _, l := range site.Localities {
		urls[render.LocalityURL(l)] = true
		urls[render.DueURL(l)] = true
		urls[render.CalendarURL(l)] = true
		for _, u := range l.Updates {
			urls[render.UpdateURL(u)] = true
		}
	}
	for _, p := range site.Plans {
		urls[render.PlanURL(p)] = true
		for _, t := range p.Tasks {
			urls[render.TaskURL(t)] = true
		}
	}
	return urls
}

// links warns about each link in a document that points inside the site
// (a path, or an anchor on the same page) where there is nothing.
func links(md *content.Markdown, pageURL string, pages map[string]bool, diags *diag.List) {
	if md == nil || md.Root == nil {
		return
	}
	ids := anchors(md.Root)
	_ = ast.Walk(md.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		link, ok := n.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		dest := string(link.Destination)
		line, col := md.NodePosition(link)
		switch brokenLink(dest, pageURL, pages, ids) {
		case invalidAddress:
			diags.Warnf(md.File.Path, line, col, "link %q is not a valid address: check its spelling", dest)
		case noAnchor:
			diags.Warnf(md.File.Path, line, col, "link %q names no heading, task or table on this page: use an id shown in the page's address bar after #, e.g. #nv-5-1-1", dest)
		case noPage:
			diags.Warnf(md.File.Path, line, col, "link %q leads to no page of the site: link to a page that exists, such as /dia-phuong/da-nang/, or to the plan's own tasks with #nv-…", dest)
		}
		return ast.WalkContinue, nil
	})
}

// linkProblem is what is wrong with a link inside the site.
type linkProblem int

const (
	linkOK linkProblem = iota
	invalidAddress
	noAnchor
	noPage
)

// brokenLink says what is wrong with a link destination; links that lead
// outside the site are not ours to check.
func brokenLink(dest, pageURL string, pages, ids map[string]bool) linkProblem {
	u, err := url.Parse(dest)
	switch {
	case err != nil:
		return invalidAddress
	case u.Scheme != "" || u.Host != "":
		return linkOK
	case u.Path == "":
		if u.Fragment != "" && !ids[u.Fragment] {
			return noAnchor
		}
		return linkOK
	}
	target := u.Path
	if !strings.HasPrefix(target, "/") {
		target = path.Join(pageURL, target)
	}
	if !strings.Contains(path.Base(target), ".") && !strings.HasSuffix(target, "/") {
		target += "/"
	}
	if !pages[target] {
		return noPage
	}
	return linkOK
}

// anchors collects the ids a document's page will have: its headings',
// its tasks' and its Phụ lục rows'.
func anchors(root ast.Node) map[string]bool {
	ids := map[string]bool{}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			if v, ok := n.AttributeString("id"); ok {
				if b, ok := v.([]byte); ok {
					ids[string(b)] = true
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return ids
}
