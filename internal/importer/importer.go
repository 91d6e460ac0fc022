// Package importer turns the plain text of a plan, as copied out of a PDF
// or saved from Word, into the canonical Markdown of docs/content-format.md.
//
// It works in small steps, each of which can be tested alone:
//
//	Decode      bytes → NFC text with "\n" line ends (UTF-8, UTF-16)
//	SplitLines  text → numbered lines
//	ReadHeader  the top lines → number, date, issuer, title
//	Unwrap      hard-wrapped lines → logical lines (blocks)
//	classify    blocks → items: numbered items, fields, lists, tables …
//	(doc steps) numbering, tasks, phases, headings, tables, checks
//	writeBody   items → Markdown
//
// and checks the result with the build's own reader (internal/recognize),
// so the report says what the build will see. Nothing of the text is
// dropped: what fits no structure stays in the body as prose, and the report
// names its line.
package importer

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/recognize"
	"github.com/minhbach/minhbach/internal/vnfold"
	"github.com/minhbach/minhbach/internal/vntime"
)

// Result is an imported plan.
type Result struct {
	Markdown []byte
	Front    Front
	Unit     Unit   // the unit the issuer governs, for the locality's _index.md
	Slug     string // "ke-hoach-46-kh-ubnd-2022"; empty when number or date is missing
	Report   *Report
}

// Import reads a plan's text and writes it as canonical Markdown. name is
// the file name shown in messages. It fails only when the text cannot be
// read or is not a plan; everything else is in the report.
func Import(name string, src []byte) (*Result, error) {
	text, err := Decode(name, src)
	if err != nil {
		return nil, err
	}
	lines := SplitLines(text)
	h, err := ReadHeader(name, lines)
	if err != nil {
		return nil, err
	}
	n := &notes{}
	for _, l := range lines[:h.End] {
		if !isBlank(l.Text) && !hasWords(l.Text) {
			n.layout(l.N)
		}
	}
	for _, l := range h.Unread(lines) {
		n.unplaced(l.N, "this header line was not read into any field; it is kept in the comment at the top of the file: %q", short(plain(l.Text)))
	}
	rest := lines[h.End:]
	blocks, sig, hasSig := bodyBlocks(rest)
	d := &doc{items: classify(blocks, n), notes: n}
	d.appendices()
	d.tables()
	d.fixColonless()
	d.numbering()
	d.findTasks()
	d.phases()
	d.headings()
	d.checks()
	d.noteTrailing()
	d.attach()

	front, rep := d.front(h, sig, hasSig)
	rep.File = name
	headerLines := headerComment(lines[:h.End])
	firstLine, lastLine := 1, 1
	if h.End > 0 {
		lastLine = lines[h.End-1].N
	}
	body, source := writeBody(d.items)
	fm := front.toml(headerLines, firstLine, lastLine)
	md := fm + "\n" + body
	offset := strings.Count(fm, "\n") + 1

	res := &Result{Markdown: []byte(md), Front: front, Unit: h.Unit, Report: rep}
	if front.Number != "" && !front.Issued.IsZero() {
		res.Slug = "ke-hoach-" + vnfold.Slug(front.Number) + "-" + fmt.Sprint(front.Issued.Year())
	}
	verify(res, source, offset)
	return res, nil
}

// bodyBlocks unwraps the body, keeping the signature block as it is laid
// out (its lines must not be joined into one).
func bodyBlocks(rest []Line) ([]block, signature, bool) {
	sig, ok := findSignature(rest)
	if !ok {
		return Unwrap(rest), sig, false
	}
	blocks := Unwrap(rest[:sig.first])
	var lines []int
	for _, l := range rest[sig.first : sig.last+1] {
		if hasWords(l.Text) {
			lines = append(lines, l.N)
		}
	}
	blocks = append(blocks, block{kind: signatureBlock, lines: lines, text: strings.Join(sig.lines(), "\n")})
	return append(blocks, Unwrap(rest[sig.last+1:])...), sig, true
}

// headerComment is the header as printed, line by line, without the
// lines that have no words.
func headerComment(lines []Line) []string {
	var out []string
	for _, l := range lines {
		if hasWords(l.Text) {
			out = append(out, strings.ReplaceAll(plain(l.Text), "\t", " "))
		}
	}
	return out
}

// noteTrailing names the text that comes after the signature or after an
// appendix's table: it is kept, but belongs to no part of the plan.
func (d *doc) noteTrailing() {
	after := ""
	for _, it := range d.items {
		switch it.kind {
		case signatureItem:
			after = "the signature"
		case tableItem:
			after = "the table"
		case appendixItem:
			after = ""
		case paraItem, bulletItem:
			if after != "" {
				d.notes.unplaced(it.line, "text after %s is kept as a paragraph: %q", after, short(plain(it.text)))
			}
		}
	}
}

func short(s string) string {
	if runeLen(s) <= 60 {
		return s
	}
	return string([]rune(s)[:57]) + "…"
}

var implementsRe = regexp.MustCompile(`(?i:số)\s+(\d+(?:/\d{4})?\s*/\s*\p{Lu}[\p{L}\d]*(?:\s*[-/]\s*[\p{L}\d]+)*)`)

// front fills the front matter from the header, the preamble, the
// signature and the appendices, and says in the report where each field
// came from and which are missing.
func (d *doc) front(h *Header, sig signature, hasSig bool) (Front, *Report) {
	preamble := d.preamble()
	issuerHow := d.completeHeader(h, preamble)
	f := Front{
		Title:      planTitle(h.Title, h.TitleCaps, d.caseBook()),
		Number:     h.Number,
		Issued:     h.Issued,
		Issuer:     h.Issuer,
		Implements: implementsOf(preamble, h.Number),
		TasksFrom:  d.tasksFrom(),
	}
	if hasSig {
		f.Signer, f.SignerTitle = sig.name, sig.title()
	}
	rep := &Report{
		Fields:      sources(h, f, sig, issuerHow, preamble),
		Missing:     missing(f, hasSig),
		Notes:       d.notes.list,
		LayoutLines: d.notes.layoutLines,
	}
	d.count(rep)
	if n, ok := d.proseNote(f.TasksFrom); ok {
		rep.Notes = append(rep.Notes, n)
	}
	return f, rep
}

// completeHeader reads from the body what the header does not print: the
// issuer from the preamble's own words, the number and date from an
// appendix's "(Kèm theo Kế hoạch số … ngày …)". It returns where the issuer
// came from, for the report.
func (d *doc) completeHeader(h *Header, preamble []item) string {
	how := ""
	if h.Issuer == "" {
		for _, p := range preamble {
			if h.readIssuerText(p.text, p.line) {
				how = "from the preamble; the header does not print it"
				break
			}
		}
	}
	if h.Number == "" || h.Issued.IsZero() {
		for _, it := range d.items {
			if strings.Contains(vnfold.Fold(it.text), "kem theo ke hoach so") {
				if num, date := h.readAttached(plain(it.text), it.line); num || date {
					break
				}
			}
		}
	}
	return how
}

// caseBook learns the case of words from the body's prose.
func (d *doc) caseBook() *caseBook {
	var texts []string
	for _, it := range d.items {
		if it.kind != tableItem {
			texts = append(texts, plain(it.text))
		}
	}
	return newCaseBook(texts)
}

// sources says, for the report, the line each front matter field was read
// from and how.
func sources(h *Header, f Front, sig signature, issuerHow string, preamble []item) []FieldSource {
	var out []FieldSource
	add := func(field, value string, line int, how string) {
		if value != "" {
			out = append(out, FieldSource{field, value, line, how})
		}
	}
	titleHow := ""
	if h.TitleCaps {
		titleHow = "printed in capitals; written in the case the body uses for its words: check it"
	}
	add("title", f.Title, h.TitleLine, titleHow)
	add("issuer", f.Issuer, h.IssuerLine, issuerHow)
	add("number", f.Number, h.NumberLine, h.numberHow)
	if !f.Issued.IsZero() {
		add("issued", f.Issued.Format("2006-01-02"), h.IssuedLine, h.issuedHow)
	}
	add("signer", f.Signer, sig.line, "")
	add("signer_title", f.SignerTitle, sig.titleLine, "")
	if len(f.Implements) > 0 {
		add("implements", strings.Join(f.Implements, ", "), preamble[0].line, "the documents the preamble names")
	}
	return out
}

// proseNote tells about numbered items that state a lead or a deadline in
// running text (Huế's "X chủ trì, phối hợp Y … (Thời gian thực hiện: …)")
// when the body has no task with fields.
func (d *doc) proseNote(tasksFrom string) (Note, bool) {
	if len(d.prose) == 0 || d.hasFieldTasks() {
		return Note{}, false
	}
	what := "they are kept as paragraphs"
	if tasksFrom != "" {
		what += ", and the tasks are taken from " + tasksFrom
	} else {
		what += `; to make them tasks, give each a list of fields ("- Cơ quan chủ trì: …", "- Thời gian thực hiện: …")`
	}
	return Note{Line: d.prose[0], Kind: Check, Msg: fmt.Sprintf("%d numbered items state their lead or deadline in running text (lines %s); %s", len(d.prose), lineList(d.prose), what)}, true
}

// preamble is the text before the first numbered section.
func (d *doc) preamble() []item {
	var out []item
	for _, it := range d.items {
		if it.kind != paraItem {
			break
		}
		out = append(out, it)
	}
	return out
}

// implementsOf lists the documents the preamble names by number
// ("Quyết định số 06/QĐ-TTg"), in order, without the plan's own.
func implementsOf(preamble []item, own string) []string {
	var out []string
	seen := map[string]bool{own: true}
	for _, p := range preamble {
		for _, m := range implementsRe.FindAllStringSubmatch(p.text, -1) {
			num := strings.Join(strings.Fields(m[1]), "")
			num = strings.TrimRight(num, "-/")
			if !seen[num] {
				seen[num] = true
				out = append(out, num)
			}
		}
	}
	return out
}

// hasFieldTasks reports whether the body states a task with fields.
func (d *doc) hasFieldTasks() bool {
	for _, it := range d.items {
		if it.kind == markedItem && it.task {
			return true
		}
	}
	return false
}

// tasksFrom names the appendix the tasks come from when the body states no
// task with fields and an appendix lists tasks in columns.
func (d *doc) tasksFrom() string {
	if d.hasFieldTasks() {
		return ""
	}
	name := ""
	for _, it := range d.items {
		switch it.kind {
		case appendixItem:
			name = appendixName(it.text)
		case tableItem:
			if name != "" && it.table.taskColumns() && it.table.taskRows() > 0 {
				return name
			}
		}
	}
	return ""
}

var appendixNameRe = regexp.MustCompile(`^(?i:phụ lục|phu luc)\s+([IVXLC]+|\d+)\b`)

// appendixName is the name the build gives an appendix: "Phụ lục" and its
// numeral.
func appendixName(heading string) string {
	if m := appendixNameRe.FindStringSubmatch(plain(heading)); m != nil {
		return "Phụ lục " + m[1]
	}
	return ""
}

// missing lists the front matter fields the text does not state.
func missing(f Front, hasSig bool) []string {
	var out []string
	if f.Title == "" {
		out = append(out, `title: the "KẾ HOẠCH" line has no subject under it; add title = "Kế hoạch …"`)
	}
	if f.Number == "" {
		out = append(out, `number: the text prints no "Số: …"; add number = "…/KH-UBND" as the original prints it`)
	}
	if f.Issued.IsZero() {
		out = append(out, `issued: the text prints no "…, ngày … tháng … năm …"; add issued = YYYY-MM-DD from the original`)
	}
	if f.Issuer == "" {
		out = append(out, `issuer: the text names no "Ủy ban nhân dân …" in its header or preamble; add issuer = "Ủy ban nhân dân …" from the original`)
	}
	if !hasSig {
		out = append(out, `signer, signer_title: no signature block found (a title such as "CHỦ TỊCH" above a name); add them if the original shows them`)
	}
	return out
}

// count fills the report's counts from the items.
func (d *doc) count(rep *Report) {
	for _, it := range d.items {
		switch {
		case it.kind == tableItem:
			rep.Tables++
			rep.TableRows += len(it.table.rows)
		case it.kind == phaseItem && it.heading:
			rep.Phases++
		}
		if it.heading {
			rep.Headings++
			if it.mark.kind == romanMark {
				rep.Sections++
			}
		}
		if it.task && it.group {
			rep.Groups++
		}
	}
}

// verify reads the written file as the build will, and puts what it finds
// in the report: the tasks, and every problem, at its line in the file and
// in the source.
func verify(res *Result, source map[int]int, offset int) {
	rep := res.Report
	f, err := content.Split("plan.md", res.Markdown)
	if err != nil {
		rep.Build = append(rep.Build, BuildProblem{Msg: err.Error()})
		return
	}
	var diags diag.List
	md := content.NewParser().Parse(f)
	r := recognize.Plan(md, &diags)
	tasks := r.Tasks
	if res.Front.TasksFrom != "" {
		for _, a := range r.Appendices {
			if vnfold.Equal(a.Name, res.Front.TasksFrom) {
				tasks = recognize.TasksFromAppendix(a, &diags)
			}
		}
	}
	rep.Tasks, rep.Phases = len(tasks), len(r.Phases)
	rep.TaskIDs = nil
	for _, dg := range diags.Items() {
		rep.Build = append(rep.Build, BuildProblem{Line: dg.Line, Source: source[dg.Line-offset], Severity: dg.Severity.String(), Msg: dg.Msg})
	}
	var noLead, noDue []string
	for _, t := range tasks {
		rep.TaskIDs = append(rep.TaskIDs, t.ID)
		if p, bad := deadlineProblem(t); bad {
			p.Source = source[p.Line-offset]
			rep.Build = append(rep.Build, p)
		}
		// What "minhbach check" warns about (internal/check): the text may
		// have lost the field, or the plan may state none.
		if strings.TrimSpace(t.LeadText) == "" && t.LeadPos.Line == 0 {
			noLead = append(noLead, t.ID)
		}
		if strings.TrimSpace(t.Due) == "" && t.DuePos.Line == 0 {
			noDue = append(noDue, t.ID)
		}
	}
	if len(noLead) > 0 {
		rep.Notes = append(rep.Notes, Note{Kind: Check, Msg: fmt.Sprintf(`%d tasks have no lead field (%s): compare them with the original; if it names no agency, write "- Cơ quan chủ trì:" with nothing after it, which says so`, len(noLead), strings.Join(noLead, " "))})
	}
	if len(noDue) > 0 {
		rep.Notes = append(rep.Notes, Note{Kind: Check, Msg: fmt.Sprintf(`%d tasks have no deadline field (%s): compare them with the original; if it states none, write "- Thời gian thực hiện:" with nothing after it, which says so`, len(noDue), strings.Join(noDue, " "))})
	}
}

// deadlineProblem says what the build will say about a deadline it cannot
// read: an error for a date that does not exist, a warning for text in no
// form it knows.
func deadlineProblem(t *model.Task) (BuildProblem, bool) {
	d, err := vntime.Parse(t.Due)
	p := BuildProblem{Line: t.DuePos.Line}
	if p.Line == 0 {
		p.Line = t.Pos.Line
	}
	switch {
	case err != nil:
		p.Severity, p.Msg = "error", fmt.Sprintf("task %s: deadline %q: %v", t.ID, t.Due, err)
	case d.Kind == vntime.Unknown:
		p.Severity, p.Msg = "warning", fmt.Sprintf("task %s: the build cannot read the deadline %q and will show it with no date", t.ID, t.Due)
	default:
		return p, false
	}
	return p, true
}

// BuildProblem is something the build will report in the written file.
type BuildProblem struct {
	Line     int // line in the written file
	Source   int // line in the source text, 0 when unknown
	Severity string
	Msg      string
}
