package render

import (
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/recognize"
)

// A plan's parsed text, a goldmark tree, takes several times the memory of
// the text itself: a build of the whole country cannot hold every plan's
// tree until its page is drawn. So a build has the loader drop each tree
// once the plan's tasks are read (load.Options.DropPlanText), and the
// plan's page parses its text again just before it is drawn (Page.Prepare),
// marks it up as the loader did (task and Phụ lục anchors), links its
// citations and Phụ lục downloads, and drops the tree once drawn in every
// language (Page.Release). At most one tree per worker is then alive, for
// the cost of reading each plan twice.

// prepareText returns the Prepare of p's page: p's text parsed and marked
// up again when the loader dropped it, nothing when it is there.
func (r *Renderer) prepareText(p *model.Plan, documents map[string]*model.Document) func() error {
	return func() error {
		if p.Body == nil || p.Body.Root != nil {
			return nil
		}
		if err := p.Body.Reread(r.opts.ReadText); err != nil {
			return err
		}
		md := r.parser.Parse(p.Body.File)
		// Only its marks on the tree are wanted: what it finds was read,
		// and reported, by the loader.
		recognize.Plan(md, &diag.List{})
		p.Body.Root = md.Root
		linkCitations(p, documents)
		linkAppendixDownloads(p)
		return nil
	}
}

// releaseBody drops a plan's parsed text once its page is drawn; the text
// itself (Source) stays for the next build, unless Options.DropTexts says
// there is none.
func (r *Renderer) releaseBody(p *model.Plan) func() {
	return func() {
		switch {
		case p.Body == nil:
		case r.opts.DropTexts:
			p.Body.DropText()
		default:
			p.Body.Root = nil
		}
	}
}
