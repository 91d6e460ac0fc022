// Package recognize finds the structure of a plan in its Markdown: tasks
// (numbered headings followed by labelled fields), the groups and sections
// above them, phase targets, and Phụ lục tables.
package recognize

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"github.com/minhbach/minhbach/internal/agency"
	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/vnfold"
)

// Result is what a plan's body holds.
type Result struct {
	Tasks      []*model.Task
	Appendices []*model.Appendix
	Phases     []*model.Phase
}

// heading is a heading of the body with the blocks up to the next heading.
type heading struct {
	node     *ast.Heading
	level    int
	text     string
	mark     marker
	parent   *heading
	children []*heading
	blocks   []ast.Node
	fields   *ast.List
	defaults *model.Task // a group's fields, read once for the tasks under it
}

// Plan recognises the tasks, phases and appendices of a plan body. Problems
// are added to diags with their place in the file.
func Plan(md *content.Markdown, diags *diag.List) *Result {
	r := &recognizer{md: md, diags: diags}
	r.outline()
	res := &Result{}
	for _, h := range r.all {
		r.findFields(h)
	}
	appendices := map[string]*model.Appendix{}
	for _, h := range r.all {
		switch {
		case isPhase(h):
			res.Phases = append(res.Phases, r.phase(h))
		case isAppendix(h):
			a := r.appendix(h)
			if a == nil {
				continue
			}
			// Its page anchor and its download files are named by its slug.
			if prev, dup := appendices[a.Slug]; dup {
				r.diags.Errorf(a.Pos.File, a.Pos.Line, a.Pos.Col,
					"%q is already the name of the Phụ lục on line %d: number each Phụ lục of a plan differently (Phụ lục I, Phụ lục II …)", a.Name, prev.Pos.Line)
				continue
			}
			appendices[a.Slug] = a
			res.Appendices = append(res.Appendices, a)
		}
	}
	res.Tasks = r.tasks()
	return res
}

type recognizer struct {
	md    *content.Markdown
	diags *diag.List
	all   []*heading
	roots []*heading // headings with no heading above them
}

// outline builds the heading tree and gives each heading its blocks.
func (r *recognizer) outline() {
	var stack []*heading
	for n := r.md.Root.FirstChild(); n != nil; n = n.NextSibling() {
		hn, ok := n.(*ast.Heading)
		if !ok {
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.blocks = append(top.blocks, n)
			}
			continue
		}
		text := strings.TrimRight(r.md.Text(hn), ": ")
		h := &heading{node: hn, level: hn.Level, text: text, mark: parseMarker(text)}
		for len(stack) > 0 && stack[len(stack)-1].level >= h.level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			h.parent = stack[len(stack)-1]
			h.parent.children = append(h.parent.children, h)
		} else {
			r.roots = append(r.roots, h)
		}
		stack = append(stack, h)
		r.all = append(r.all, h)
	}
}

// findFields marks the first list under a numbered heading whose first item
// carries a known label as that heading's fields.
func (r *recognizer) findFields(h *heading) {
	if h.mark.kind == unnumbered {
		return
	}
	for _, b := range h.blocks {
		l, ok := b.(*ast.List)
		if !ok || l.FirstChild() == nil {
			continue
		}
		label, _, ok := SplitLabel(r.itemText(l.FirstChild()))
		if ok && FieldOf(label) != NoField {
			h.fields = l
			return
		}
	}
}

func (h *heading) hasTaskBelow() bool {
	for _, c := range h.children {
		if c.fields != nil || c.hasTaskBelow() {
			return true
		}
	}
	return false
}

// tasks turns every numbered heading with fields and no tasks below it into
// a task; headings with fields and tasks below are groups whose fields are
// defaults for those tasks.
func (r *recognizer) tasks() []*model.Task {
	var out []*model.Task
	seen := map[string]*model.Task{}
	for _, h := range r.all {
		if h.fields == nil {
			r.checkMissingFields(h)
			continue
		}
		if h.hasTaskBelow() {
			h.defaults = &model.Task{}
			r.readFields(h.defaults, h.fields)
			continue
		}
		t := r.task(h)
		if prev, dup := seen[t.ID]; dup {
			r.diags.Errorf(t.Pos.File, t.Pos.Line, t.Pos.Col,
				"task id %q is already used by the task on line %d: number each task heading differently (ids come from the heading numbers)", t.ID, prev.Pos.Line)
			continue
		}
		seen[t.ID] = t
		out = append(out, t)
	}
	return out
}

// checkMissingFields reports a numbered heading with no fields, no headings
// below it, and a sibling that is a task: its fields are most likely missing.
func (r *recognizer) checkMissingFields(h *heading) {
	if h.mark.kind == unnumbered || h.mark.kind == roman || len(h.children) > 0 {
		return
	}
	siblings := r.roots
	if h.parent != nil {
		siblings = h.parent.children
	}
	for _, s := range siblings {
		if s != h && s.fields != nil && len(s.children) == 0 && s.level == h.level {
			line, col := r.md.NodePosition(h.node)
			r.diags.Errorf(r.md.File.Path, line, col,
				"task heading %q has no fields while the heading %q beside it is a task: add a list under it such as \"- Cơ quan chủ trì: …\" and \"- Thời gian thực hiện: …\", or write it as a paragraph if it is not a task",
				h.mark.value, s.mark.value)
			return
		}
	}
}

func (r *recognizer) task(h *heading) *model.Task {
	var ancestors []marker
	var sections []string
	for p := h.parent; p != nil; p = p.parent {
		ancestors = append([]marker{p.mark}, ancestors...)
		sections = append([]string{p.text}, sections...)
	}
	line, col := r.md.NodePosition(h.node)
	t := &model.Task{
		ID:       qualify(h.mark, ancestors),
		Title:    h.mark.rest,
		Sections: sections,
		Pos:      model.Pos{File: r.md.File.Path, Line: line, Col: col},
	}
	t.Slug = TaskSlug(t.ID)
	t.Anchor = "nv-" + t.Slug
	h.node.SetAttributeString("id", []byte(t.Anchor))
	for _, b := range h.blocks {
		if b == h.fields {
			continue
		}
		if p, ok := b.(*ast.Paragraph); ok {
			t.Description = append(t.Description, r.md.Text(p))
		}
	}
	r.readFields(t, h.fields)
	// Fields a group states once apply to each task under it that lacks them.
	for p := h.parent; p != nil; p = p.parent {
		if p.defaults != nil {
			inherit(t, p.defaults)
		}
	}
	SplitAgencies(t)
	return t
}

func inherit(t, g *model.Task) {
	if t.LeadText == "" {
		t.LeadText, t.LeadPos = g.LeadText, g.LeadPos
	}
	if t.SupportText == "" {
		t.SupportText, t.SupportPos = g.SupportText, g.SupportPos
	}
	if t.Due == "" {
		t.Due, t.DuePos = g.Due, g.DuePos
	}
	if t.Product == "" {
		t.Product = g.Product
	}
	if len(t.Targets) == 0 {
		t.Targets = g.Targets
	}
}

// SplitAgencies splits the lead and support texts into agency names,
// reading "X chủ trì, phối hợp Y" in a lead as X leading and Y supporting.
// The names are not yet matched to the agency registry; load does that
// once it knows the task's locality.
func SplitAgencies(t *model.Task) {
	lead, support := agency.SplitRoles(t.LeadText)
	t.Lead = mentions(agency.Split(lead))
	t.Support = append(mentions(agency.Split(support)), mentions(agency.Split(t.SupportText))...)
}

func mentions(names []string) []model.Mention {
	var out []model.Mention
	for _, n := range names {
		out = append(out, model.Mention{Text: n})
	}
	return out
}

func (r *recognizer) readFields(t *model.Task, list *ast.List) {
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		text := r.itemText(item)
		label, value, ok := SplitLabel(text)
		field := NoField
		if ok {
			field = FieldOf(label)
		}
		at := item
		if c := item.FirstChild(); c != nil {
			at = c // point at the label, not at the list marker
		}
		line, col := r.md.NodePosition(at)
		if field == NoField {
			if ok {
				r.diags.Errorf(r.md.File.Path, line, col,
					"%q is not a field label: each item under a task is \"- Label: value\" with a label such as %s", label, LabelNames)
			} else {
				r.diags.Errorf(r.md.File.Path, line, col,
					"this item has no label: each item under a task is \"- Label: value\" with a label such as %s", LabelNames)
			}
			continue
		}
		switch field {
		case Lead:
			if t.LeadText == "" {
				t.LeadPos = model.Pos{File: r.md.File.Path, Line: line, Col: col}
			}
			t.LeadText = joinField(t.LeadText, value)
		case Support:
			if t.SupportText == "" {
				t.SupportPos = model.Pos{File: r.md.File.Path, Line: line, Col: col}
			}
			t.SupportText = joinField(t.SupportText, value)
		case Due:
			if t.Due == "" {
				t.DuePos = model.Pos{File: r.md.File.Path, Line: line, Col: col}
			}
			t.Due = joinField(t.Due, value)
		case Product:
			t.Product = joinField(t.Product, value)
		case Targets:
			if value != "" {
				t.Targets = append(t.Targets, value)
			}
			t.Targets = append(t.Targets, r.nestedItems(item)...)
		}
	}
}

func joinField(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return strings.TrimRight(a, "; ") + "; " + b
}

// itemText is the text of a list item's first block, without nested lists.
func (r *recognizer) itemText(item ast.Node) string {
	if c := item.FirstChild(); c != nil {
		if _, isList := c.(*ast.List); !isList {
			return r.md.Text(c)
		}
	}
	return ""
}

func (r *recognizer) nestedItems(item ast.Node) []string {
	var out []string
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		if l, ok := c.(*ast.List); ok {
			for it := l.FirstChild(); it != nil; it = it.NextSibling() {
				out = append(out, r.md.Text(it))
			}
		}
	}
	return out
}

// TaskSlug makes a task id into a URL segment. "đ" becomes "dd" so that the
// tasks of group đ) do not collide with those of group d).
func TaskSlug(id string) string {
	return vnfold.Slug(letterDD.Replace(id))
}

var letterDD = strings.NewReplacer("đ", "dd", "Đ", "dd")

var phaseRe = regexp.MustCompile(`^(giai doan|nam \d|trong nam \d|tu nam \d|den nam \d)`)

func isPhase(h *heading) bool {
	if h.mark.kind != unnumbered || !phaseRe.MatchString(vnfold.Fold(h.text)) {
		return false
	}
	for _, b := range h.blocks {
		if _, ok := b.(*ast.List); ok {
			return true
		}
	}
	return false
}

func (r *recognizer) phase(h *heading) *model.Phase {
	p := &model.Phase{Name: h.text}
	if h.parent != nil {
		p.Section = h.parent.text
	}
	for _, b := range h.blocks {
		if l, ok := b.(*ast.List); ok {
			for it := l.FirstChild(); it != nil; it = it.NextSibling() {
				p.Targets = append(p.Targets, r.md.Text(it))
			}
		}
	}
	return p
}

var appendixNameRe = regexp.MustCompile(`^(?i:phụ lục|phu luc)\s+([IVXLC]+|\d+)\b\s*[.:\-–—]?\s*`)

func isAppendix(h *heading) bool {
	return strings.HasPrefix(vnfold.Fold(h.text), "phu luc")
}

// appendix reads the first table under a "Phụ lục" heading (before the next
// heading of the same or a higher level).
func (r *recognizer) appendix(h *heading) *model.Appendix {
	line, col := r.md.NodePosition(h.node)
	a := &model.Appendix{Name: h.text, Pos: model.Pos{File: r.md.File.Path, Line: line, Col: col}}
	if m := appendixNameRe.FindStringSubmatch(h.text); m != nil {
		a.Name = "Phụ lục " + m[1]
		a.Title = strings.TrimSpace(h.text[len(m[0]):])
	}
	a.Slug = vnfold.Slug(a.Name)
	table := r.firstTable(h, a)
	if table == nil {
		r.diags.Errorf(a.Pos.File, line, col,
			"%q has no table: put a Markdown table (\"| STT | Nội dung | … |\" then \"|---|---|\") under the heading, or do not start the heading with \"Phụ lục\"", a.Name)
		return nil
	}
	r.readTable(a, table)
	h.node.SetAttributeString("id", []byte(a.Slug))
	return a
}

func (r *recognizer) firstTable(h *heading, a *model.Appendix) *extast.Table {
	var walk func(h *heading) *extast.Table
	walk = func(h *heading) *extast.Table {
		for _, b := range h.blocks {
			switch n := b.(type) {
			case *extast.Table:
				return n
			case *ast.Paragraph:
				a.Notes = append(a.Notes, r.md.Text(n))
			}
		}
		for _, c := range h.children {
			if t := walk(c); t != nil {
				return t
			}
		}
		return nil
	}
	return walk(h)
}

// readTable reads the rows of an appendix and marks the table for the page:
// a class, column scopes, and an id on each row so that a task taken from a
// row can link to it.
func (r *recognizer) readTable(a *model.Appendix, table *extast.Table) {
	table.SetAttributeString("class", []byte("phu-luc"))
	// The table scrolls sideways on a phone; keyboard users must reach it.
	table.SetAttributeString("tabindex", []byte("0"))
	used := map[string]bool{}
	numeral := ""
	for row := table.FirstChild(); row != nil; row = row.NextSibling() {
		cells := r.cells(row)
		if _, isHeader := row.(*extast.TableHeader); isHeader {
			a.Header = cells
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				c.SetAttributeString("scope", []byte("col"))
			}
			continue
		}
		src, start := r.md.LineAt(row.Pos())
		line, _ := r.md.Position(start)
		if n := countCells(src); n != len(a.Header) {
			r.diags.Errorf(a.Pos.File, line, 1,
				"%s: this row has %d cells but the header has %d: give every row exactly %d cells (write an empty cell as \"| |\"; join a row split by a page break into one line)",
				a.Name, n, len(a.Header), len(a.Header))
		}
		rec := model.Row{Cells: cells, Section: len(cells) > 0 && IsRoman(cells[0]), Line: line}
		if rec.Section {
			numeral = strings.TrimSpace(cells[0])
			row.SetAttributeString("class", []byte("muc"))
		} else {
			rec.Anchor = rowAnchor(a.Slug, numeral, cells, len(a.Rows), used)
			row.SetAttributeString("id", []byte(rec.Anchor))
		}
		a.Rows = append(a.Rows, rec)
	}
}

// rowAnchor gives a row an id made of the appendix, its section and its STT
// ("phu-luc-ii-vi-5"), falling back to its index when the STT is missing or
// repeated.
func rowAnchor(slug, numeral string, cells []string, index int, used map[string]bool) string {
	id := ""
	if len(cells) > 0 {
		id = strings.TrimRight(strings.TrimSpace(cells[0]), ".")
	}
	if numeral != "" && id != "" {
		id = numeral + "." + id
	}
	anchor := slug + "-" + TaskSlug(id)
	if id == "" || used[anchor] {
		anchor = fmt.Sprintf("%s-hang-%d", slug, index+1)
	}
	used[anchor] = true
	return anchor
}

func (r *recognizer) cells(row ast.Node) []string {
	var out []string
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, cellText(c, r.md.Source))
	}
	return out
}

// cellText is the text of a table cell; "<br>" becomes a line break.
func cellText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch t := c.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(src))
				if t.SoftLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(t.Value)
			case *ast.RawHTML:
				var raw bytes.Buffer
				for i := 0; i < t.Segments.Len(); i++ {
					s := t.Segments.At(i)
					raw.Write(s.Value(src))
				}
				if strings.HasPrefix(strings.ToLower(raw.String()), "<br") {
					b.WriteByte('\n')
				}
			default:
				walk(c)
			}
		}
	}
	walk(n)
	// GFM keeps "\|" escaped in a cell's text; the reader means "|".
	lines := strings.Split(strings.ReplaceAll(b.String(), `\|`, "|"), "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// countCells counts the cells of a raw table row, ignoring escaped pipes and
// pipes inside code spans, as GFM does.
func countCells(line []byte) int {
	s := strings.TrimSpace(string(line))
	s = strings.TrimPrefix(s, "|")
	if strings.HasSuffix(s, "|") && !strings.HasSuffix(s, `\|`) {
		s = s[:len(s)-1]
	}
	n, inCode := 1, false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '`':
			inCode = !inCode
		case '|':
			if !inCode {
				n++
			}
		}
	}
	return n
}
