package importer

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/recognize"
	"github.com/minhbach/minhbach/internal/vnfold"
)

// itemKind is the role a block plays in the plan's Markdown.
type itemKind int

const (
	paraItem      itemKind = iota // a paragraph of prose
	markedItem                    // a numbered item: a heading or a numbered paragraph
	fieldItem                     // "- Label: value"
	bulletItem                    // a list item
	phaseItem                     // "* Giai đoạn 2023 - 2025:" → a heading
	appendixItem                  // "Phụ lục II …" → a heading
	tableItem                     // rows separated by tabs → a GFM table
	signatureItem                 // the signature block
	mergedItem                    // joined into the item before it; not written
)

// item is a block with its role.
type item struct {
	kind        itemKind
	line        int    // first source line
	text        string // the text to write, without list marker or heading marks
	blankBefore bool   // a blank line came before it in the source

	mark    mark
	parent  int // index of the numbered item this one is numbered under, or -1
	heading bool
	level   int  // heading level
	task    bool // a numbered heading followed by fields
	group   bool // a task heading with tasks under it: its fields are defaults

	label, value string
	field        recognize.Field
	fixNote      string // a comment to write after the list: what was corrected

	sub    bool // a "+" item: nested under the item before it
	nested bool // written nested under the list item before it
	star   bool // written with "*" so that it starts a list of its own

	table     *table
	signature []string
}

// doc is the body of a plan as items, with what was found on the way.
type doc struct {
	items []item
	notes *notes
	prose []int // lines of numbered items that state a lead or deadline in running text
}

var phaseRe = regexp.MustCompile(`^(giai doan|nam \d|trong nam \d|tu nam \d|den nam \d)`)

// isPhaseText reports whether a bullet names a phase ("* Trong năm 2022:").
func isPhaseText(s string) bool {
	p := strings.TrimSpace(plain(s))
	return strings.HasSuffix(p, ":") && runeLen(p) <= 80 && phaseRe.MatchString(vnfold.Fold(p))
}

// classify gives every block its first role, from how the block looks.
func classify(blocks []block, n *notes) []item {
	var out []item
	for i := range blocks {
		b := &blocks[i]
		switch b.kind {
		case layoutBlock:
			n.layout(b.line())
			continue
		case rowBlock:
			out = append(out, item{kind: tableItem, line: b.line(), text: b.text, parent: -1, blankBefore: b.blankBefore})
			continue
		case signatureBlock:
			out = append(out, item{kind: signatureItem, line: b.line(), text: b.text, parent: -1, signature: strings.Split(b.text, "\n")})
			continue
		}
		out = append(out, classifyText(b))
	}
	return out
}

func classifyText(b *block) item {
	it := item{kind: paraItem, line: b.line(), text: b.text, parent: -1}
	p := plain(b.text)
	if isAppendixTitle(p) {
		it.kind, it.text = appendixItem, p
		return it
	}
	if label, value, f, ok := fieldLine(p); ok {
		it.kind, it.label, it.value, it.field = fieldItem, label, value, f
		return it
	}
	if g := bulletRe.FindString(strings.TrimSpace(b.text)); g != "" && !strings.ContainsAny(g[:1], "0123456789") {
		inner := strings.TrimSpace(strings.TrimSpace(b.text)[len(g):])
		if m := parseMark(plain(inner)); m.kind == parenMark || m.kind == letterMark {
			it.kind, it.mark, it.text = markedItem, m, plain(inner)
			return it
		}
		if isPhaseText(inner) {
			it.kind, it.text = phaseItem, strings.TrimSuffix(plain(inner), ":")
			return it
		}
		it.kind, it.text, it.sub = bulletItem, inner, strings.HasPrefix(g, "+")
		return it
	}
	if m := parseMark(p); m.kind != noMark {
		it.kind, it.mark, it.text = markedItem, m, p
		return it
	}
	if isPhaseText(p) {
		it.kind, it.text = phaseItem, strings.TrimSuffix(p, ":")
	}
	return it
}

// fixColonless turns a line that is a field but lacks the ":" after its
// label into a field, next to other fields only, and says so in a comment.
func (d *doc) fixColonless() {
	for i := range d.items {
		it := &d.items[i]
		if it.kind != paraItem && it.kind != bulletItem {
			continue
		}
		label, value, ok := colonlessLabel(plain(it.text))
		if !ok {
			continue
		}
		near := (i > 0 && d.items[i-1].kind == fieldItem) || (i+1 < len(d.items) && d.items[i+1].kind == fieldItem)
		if !near {
			continue
		}
		orig := plain(it.text)
		it.kind, it.label, it.value, it.field, it.sub = fieldItem, label, value, recognize.FieldOf(label), false
		d.notes.correct(it.line, "the field %q has no \":\" after its label; a \":\" was added", orig)
		it.fixNote = `Nguồn: dòng "` + orig + `" thiếu dấu ":" sau nhãn; đã thêm dấu ":" để tách nhãn và giá trị.`
	}
}

// numbering links every numbered item to the item it is numbered under:
// "5.1.1" under "5.1.", "(1)" under "a)", "a)" under "2.", all under "II.".
func (d *doc) numbering() {
	var stack []int
	for i := range d.items {
		it := &d.items[i]
		switch it.kind {
		case appendixItem:
			stack = stack[:0]
			continue
		case markedItem:
		default:
			continue
		}
		for len(stack) > 0 && !canParent(d.items[stack[len(stack)-1]].mark, it.mark) {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			it.parent = stack[len(stack)-1]
		}
		stack = append(stack, i)
	}
}

func canParent(a, m mark) bool {
	switch a.kind {
	case romanMark:
		return m.kind != romanMark
	case dottedMark:
		if m.kind == dottedMark {
			return m.depth() > a.depth() && strings.HasPrefix(m.value, a.value+".")
		}
		return m.kind == letterMark || m.kind == parenMark
	case letterMark:
		return m.kind == parenMark
	}
	return false
}

// findTasks marks every numbered item followed by fields, after optional
// paragraphs or lists of description, as a task.
func (d *doc) findTasks() {
	for i := range d.items {
		if d.items[i].kind != markedItem {
			continue
		}
		for j := i + 1; j < len(d.items); j++ {
			k := d.items[j].kind
			if k == paraItem || k == bulletItem {
				continue
			}
			d.items[i].task = k == fieldItem
			break
		}
	}
	// A task with tasks numbered under it is a group: its fields are
	// defaults for them.
	for i := range d.items {
		if d.items[i].task && d.items[i].parent >= 0 {
			for p := d.items[i].parent; p >= 0; p = d.items[p].parent {
				if d.items[p].task {
					d.items[p].group = true
				}
			}
		}
	}
}

// phases turns "* Giai đoạn …:" bullets into phase headings, unless they
// stand among a task's fields, and makes the paragraphs right under a phase
// its targets (list items), as the build reads phases.
func (d *doc) phases() {
	owner := -1
	for i := range d.items {
		it := &d.items[i]
		switch it.kind {
		case markedItem:
			owner = i
		case appendixItem:
			owner = -1
		case phaseItem:
			if owner >= 0 && d.items[owner].task && !d.items[owner].group {
				it.kind, it.text = bulletItem, it.text+":"
				continue
			}
			it.parent = owner
			for j := i + 1; j < len(d.items) && d.items[j].kind == paraItem; j++ {
				d.items[j].kind = bulletItem
				d.notes.note(d.items[j].line, "the paragraph under the phase %q is written as its target (a list item)", it.text)
			}
		}
	}
}

// headings decides which numbered items are headings: Roman sections,
// tasks, items with headings under them, and short titles. Long numbered
// sentences stay paragraphs, as they are prose.
func (d *doc) headings() {
	hasChild := make([]bool, len(d.items))
	for i := len(d.items) - 1; i >= 0; i-- {
		it := &d.items[i]
		switch it.kind {
		case phaseItem:
			it.heading = true
		case appendixItem:
			it.heading = true
		case markedItem:
			it.heading = it.mark.kind == romanMark || it.task || hasChild[i] || shortTitle(it.text)
		}
		if it.heading && it.parent >= 0 {
			hasChild[it.parent] = true
		}
	}
	d.likeSiblings()
	d.levels()
}

// likeSiblings makes a short numbered line a heading when the item before
// it at the same level is one ("9. Trạm Y tế xã" then "10. Mặt trận …, Hội
// cựu chiến binh."), however it ends.
func (d *doc) likeSiblings() {
	prev := map[[2]int]bool{} // (parent, kind) → the last sibling was a heading
	for i := range d.items {
		it := &d.items[i]
		if it.kind != markedItem {
			continue
		}
		key := [2]int{it.parent, int(it.mark.kind)}
		if !it.heading && prev[key] && runeLen(it.text) <= 100 && d.hasListUnder(i) {
			it.heading = true
		}
		prev[key] = it.heading
	}
}

// hasListUnder reports whether list items follow item i before the next
// numbered item: the content of a heading.
func (d *doc) hasListUnder(i int) bool {
	for j := i + 1; j < len(d.items); j++ {
		switch d.items[j].kind {
		case bulletItem, fieldItem:
			return true
		case paraItem:
			continue
		}
		return false
	}
	return false
}

// shortTitle reports whether a numbered line reads as a title, not a
// sentence: no full stop at its end and short.
func shortTitle(s string) bool {
	n := runeLen(s)
	switch lastRune(s) {
	case '.', ';', '!', '?':
		return false
	case ':':
		return n <= 100
	}
	return n <= 150
}

// levels gives headings their Markdown level: "##" for Roman numerals and
// appendices, one deeper per level of numbering under them.
func (d *doc) levels() {
	last := 1 // level of the latest heading outside the numbering (none yet)
	for i := range d.items {
		it := &d.items[i]
		if !it.heading {
			continue
		}
		switch {
		case it.kind == appendixItem || it.mark.kind == romanMark:
			it.level = 2
		default:
			base := 1
			for p := it.parent; p >= 0; p = d.items[p].parent {
				if d.items[p].heading {
					base = d.items[p].level
					break
				}
			}
			if it.parent < 0 && it.kind == markedItem {
				base = last
			}
			it.level = min(base+1, 6)
		}
		if it.kind == appendixItem || it.mark.kind == romanMark {
			last = it.level
		}
	}
}

// appendices joins an appendix's title lines into its heading ("Phụ lục I"
// + "DANH MỤC …" → "Phụ lục I. DANH MỤC …").
func (d *doc) appendices() {
	var out []item
	for i := 0; i < len(d.items); i++ {
		it := d.items[i]
		out = append(out, it)
		if it.kind != appendixItem {
			continue
		}
		var title []string
		for i+1 < len(d.items) {
			next := d.items[i+1]
			p := plain(next.text)
			if next.kind != paraItem || !isCaps(p) || strings.HasPrefix(vnfold.Fold(p), "(kem theo") {
				break
			}
			title = append(title, p)
			i++
		}
		if len(title) > 0 {
			h := &out[len(out)-1]
			head := strings.TrimRight(h.text, " .:")
			h.text = head + ". " + strings.Join(title, " ")
		}
	}
	d.items = out
}

// attach handles the lists around a task's fields, so that the build reads
// the fields as one list and nothing else as fields: "+" items, and items
// after an empty "Chỉ tiêu:", nest under the item above; a list before the
// fields or after them is written with "*", which starts a list of its own;
// a paragraph between two fields continues the field above (a page break
// cut it off).
func (d *doc) attach() {
	inFields, targets, star := false, false, false
	for i := range d.items {
		it := &d.items[i]
		inList := i > 0 && (d.items[i-1].kind == fieldItem || d.items[i-1].kind == bulletItem)
		switch it.kind {
		case fieldItem:
			inFields, targets, star = true, it.field == recognize.Targets && it.value == "", false
		case bulletItem:
			switch {
			case inList && (it.sub || (inFields && targets)):
				it.nested = true
			case inList && inFields:
				inFields, star = false, true
			case !inList:
				inFields, star = false, d.beforeFields(i)
			}
			it.star = star && !it.nested
		case paraItem:
			if i > 0 && d.items[i-1].kind == fieldItem && i+1 < len(d.items) && d.items[i+1].kind == fieldItem {
				prev := &d.items[i-1]
				prev.value = strings.TrimSpace(prev.value + " " + it.text)
				d.notes.note(it.line, "joined to the field on line %d above it (the line was cut off from it)", prev.line)
				it.kind = mergedItem
			}
			inFields, targets, star = false, false, false
		default:
			inFields, targets, star = false, false, false
		}
	}
	out := d.items[:0]
	for _, it := range d.items {
		if it.kind != mergedItem {
			out = append(out, it)
		}
	}
	d.items = out
}

// beforeFields reports whether the list starting at item i is followed
// directly by fields: a list describing a task before its fields.
func (d *doc) beforeFields(i int) bool {
	for ; i < len(d.items) && d.items[i].kind == bulletItem; i++ {
	}
	return i < len(d.items) && d.items[i].kind == fieldItem
}

// checks notes what an editor should look at: numbered items without fields
// beside tasks, gaps in the numbering, and tasks written as prose.
func (d *doc) checks() {
	for i := range d.items {
		it := &d.items[i]
		if it.kind != markedItem || !it.heading || it.task || it.mark.kind == romanMark {
			continue
		}
		if d.hasHeadingUnder(i) {
			continue
		}
		for j := range d.items {
			s := &d.items[j]
			if j != i && s.kind == markedItem && s.parent == it.parent && s.mark.kind == it.mark.kind && s.task && !s.group {
				d.notes.unplaced(it.line, "item %s has no fields (\"- Cơ quan chủ trì: …\", \"- Thời gian thực hiện: …\") while item %s beside it is a task: add its fields, or the build will stop here", it.mark.text, s.mark.text)
				break
			}
		}
	}
	d.numberGaps()
	var prose []int
	for _, it := range d.items {
		if it.kind == markedItem && !it.heading && proseTaskRe.MatchString(vnfold.Fold(it.text)) {
			prose = append(prose, it.line)
		}
	}
	if len(prose) > 0 {
		d.prose = prose
	}
}

var proseTaskRe = regexp.MustCompile(`\S \S+ chu tri,? phoi hop|\(\*?thoi gian (thuc hien|hoan thanh)`)

func (d *doc) hasHeadingUnder(i int) bool {
	for j := i + 1; j < len(d.items); j++ {
		for p := d.items[j].parent; p >= 0; p = d.items[p].parent {
			if p == i && d.items[j].heading {
				return true
			}
		}
	}
	return false
}

// numberGaps notes where a Roman or dotted number skips one ("II." then
// "IV."): an item may have been lost when the text was copied.
func (d *doc) numberGaps() {
	last := map[[2]int]int{} // (parent, kind) → last number seen
	for _, it := range d.items {
		if it.kind != markedItem || it.mark.kind == letterMark {
			continue
		}
		n := lastNumber(it.mark)
		if n <= 0 {
			continue
		}
		key := [2]int{it.parent, int(it.mark.kind)}
		if prev, ok := last[key]; ok && n != prev+1 && n > prev {
			d.notes.check(it.line, "the numbering jumps to %s here (the item before is number %d): check that nothing is missing", it.mark.text, prev)
		}
		last[key] = n
	}
}

func lastNumber(m mark) int {
	if m.kind == romanMark {
		return romanValue(m.value)
	}
	parts := strings.Split(m.value, ".")
	n, _ := strconv.Atoi(parts[len(parts)-1])
	return n
}

func romanValue(s string) int {
	vals := map[rune]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}
	total, prev := 0, 0
	for i := len(s) - 1; i >= 0; i-- {
		v := vals[rune(s[i])]
		if v < prev {
			total -= v
		} else {
			total += v
			prev = v
		}
	}
	return total
}
