package importer

import (
	"fmt"
	"strings"

	"github.com/minhbach/minhbach/internal/recognize"
	"github.com/minhbach/minhbach/internal/vnfold"
	"github.com/minhbach/minhbach/internal/vntime"
)

// table is a table of the document: rows whose cells were separated by
// tabs, made whole again where a page break or a shifted cell broke them.
type table struct {
	header []string
	rows   []row
	fixes  []string // what was corrected, for a comment before the table
}

type row struct {
	cells []string
	line  int
}

// tables gathers runs of row items into tables.
func (d *doc) tables() {
	var out []item
	for i := 0; i < len(d.items); i++ {
		it := d.items[i]
		if it.kind != tableItem {
			out = append(out, it)
			continue
		}
		var rows []rawRow
		for ; i < len(d.items) && d.items[i].kind == tableItem; i++ {
			r := d.items[i]
			rows = append(rows, rawRow{cells: splitCells(r.text), line: r.line, blankBefore: r.blankBefore})
		}
		i--
		it.table = buildTable(rows, d.notes)
		out = append(out, it)
	}
	d.items = out
}

type rawRow struct {
	cells       []string
	line        int
	blankBefore bool
}

func splitCells(s string) []string {
	cells := strings.Split(s, "\t")
	for i, c := range cells {
		c = strings.TrimSpace(htmlToMarkdown(c))
		c = strings.Join(strings.Fields(c), " ")
		cells[i] = strings.ReplaceAll(c, "|", `\|`)
	}
	return cells
}

// buildTable finds the header, joins rows split by a page break, evens the
// number of cells and moves a deadline found in the wrong column. Every
// change is noted; no text is dropped.
func buildTable(raw []rawRow, n *notes) *table {
	t := &table{}
	if len(raw) > 0 && isHeaderRow(raw[0].cells) {
		t.header = trimEmptyTail(raw[0].cells)
		raw = raw[1:]
	}
	for _, r := range raw {
		if len(t.rows) > 0 && continuesRow(r) {
			prev := &t.rows[len(t.rows)-1]
			for i, c := range r.cells {
				if c == "" {
					continue
				}
				for len(prev.cells) <= i {
					prev.cells = append(prev.cells, "")
				}
				prev.cells[i] = strings.TrimSpace(prev.cells[i] + " " + c)
			}
			n.correct(r.line, "this table row continues the row on line %d (a page break split it); its cells were joined to that row's", prev.line)
			t.fixes = append(t.fixes, fmt.Sprintf("dòng %d là phần tiếp của hàng ở dòng %d (bị ngắt trang); đã ghép từng ô vào hàng đó", r.line, prev.line))
			continue
		}
		t.rows = append(t.rows, row{cells: r.cells, line: r.line})
	}
	width := len(t.header)
	if width == 0 {
		for _, r := range t.rows {
			width = max(width, len(trimEmptyTail(r.cells)))
		}
		width = max(width, 1)
		t.header = make([]string, width)
		n.check(firstLine(raw), "this table has no header row: an empty header was written; add the column names from the original")
	}
	for i := range t.rows {
		t.rows[i].cells = fitCells(t.rows[i], width, t, n)
	}
	t.moveDeadlines(n)
	return t
}

func firstLine(raw []rawRow) int {
	if len(raw) == 0 {
		return 0
	}
	return raw[0].line
}

// isHeaderRow reports whether a row names columns: its first cell is not a
// number ("STT", "TT", "Nội dung").
func isHeaderRow(cells []string) bool {
	if len(cells) == 0 || cells[0] == "" {
		return false
	}
	c := strings.Trim(cells[0], "*")
	return c != "" && !strings.ContainsAny(c[:1], "0123456789") && !isRomanCell(c)
}

func isRomanCell(s string) bool {
	return recognize.IsRoman(strings.Trim(strings.TrimSpace(s), "*."))
}

// continuesRow reports whether a row is the rest of the row before it: its
// first cell (the number) is empty and it comes after a page break or
// starts in the middle of a sentence.
func continuesRow(r rawRow) bool {
	if len(r.cells) == 0 || r.cells[0] != "" {
		return false
	}
	for _, c := range r.cells[1:] {
		if c != "" {
			return r.blankBefore || startsLower(c)
		}
	}
	return false
}

func trimEmptyTail(cells []string) []string {
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// fitCells gives a row as many cells as the header: missing cells are
// added empty; extra cells with text are joined to the last column.
func fitCells(r row, width int, t *table, n *notes) []string {
	cells := r.cells
	if len(cells) > width {
		extra := cells[width:]
		cells = cells[:width]
		if text := strings.TrimSpace(strings.Join(extra, " ")); text != "" {
			cells[width-1] = strings.TrimSpace(cells[width-1] + " " + text)
			n.correct(r.line, "this table row has more cells than the header; the extra text was added to the last column")
			t.fixes = append(t.fixes, fmt.Sprintf("hàng ở dòng %d có nhiều ô hơn tiêu đề; phần thừa đã ghép vào cột cuối", r.line))
		}
		return cells
	}
	if len(cells) < width {
		n.check(r.line, "this table row has %d cells but the header has %d: empty cells were added at the end; check the row against the original", len(cells), width)
		t.fixes = append(t.fixes, fmt.Sprintf("hàng ở dòng %d chỉ có %d ô (tiêu đề có %d); đã thêm ô trống ở cuối", r.line, len(cells), width))
		for len(cells) < width {
			cells = append(cells, "")
		}
	}
	return cells
}

// columnOf returns the first column whose header contains one of words.
func (t *table) columnOf(words ...string) int {
	for i, h := range t.header {
		f := vnfold.Fold(h)
		for _, w := range words {
			if strings.Contains(f, w) {
				return i
			}
		}
	}
	return -1
}

// moveDeadlines moves a deadline printed in an agency column into the empty
// deadline column of its row ("Quý I năm 2022" under "Cơ quan phối hợp").
func (t *table) moveDeadlines(n *notes) {
	due := t.columnOf("thoi gian", "thoi han")
	if due < 0 {
		return
	}
	agencies := []int{t.columnOf("phoi hop"), t.columnOf("chu tri", "thuc hien")}
	for i := range t.rows {
		r := &t.rows[i]
		if r.cells[due] != "" || (len(r.cells) > 0 && isRomanCell(r.cells[0])) {
			continue
		}
		for _, j := range agencies {
			if j < 0 || j == due || r.cells[j] == "" || !isDeadline(r.cells[j]) {
				continue
			}
			r.cells[due], r.cells[j] = r.cells[j], ""
			n.correct(r.line, "the deadline %q was in the column %q; it was moved to %q", r.cells[due], t.header[j], t.header[due])
			t.fixes = append(t.fixes, fmt.Sprintf("hàng ở dòng %d: thời gian (%q) ở sai cột %q, đã chuyển sang cột %q", r.line, r.cells[due], t.header[j], t.header[due]))
			break
		}
	}
}

// isDeadline reports whether a cell reads as a deadline the build knows.
func isDeadline(s string) bool {
	d, err := vntime.Parse(s)
	if err != nil {
		return false
	}
	switch d.Kind {
	case vntime.Window, vntime.By, vntime.From, vntime.Milestones, vntime.Ongoing, vntime.Recurring:
		return true
	}
	return false
}

// taskColumns reports whether a table lists tasks the way the build reads
// them with tasks_from: a column for the task and one for its lead or
// deadline (internal/recognize/appendix_tasks.go).
func (t *table) taskColumns() bool {
	title := t.columnOf("noi dung", "nhiem vu", "cong viec")
	lead := t.columnOf("chu tri", "co quan thuc hien", "don vi thuc hien")
	due := t.columnOf("thoi gian", "thoi han")
	return title >= 0 && (lead >= 0 || due >= 0)
}

// taskRows counts the rows that are not section rows.
func (t *table) taskRows() int {
	n := 0
	for _, r := range t.rows {
		if len(r.cells) > 0 && !isRomanCell(r.cells[0]) {
			n++
		}
	}
	return n
}

// markdown writes the table as GFM.
func (t *table) markdown() string {
	var b strings.Builder
	writeRow(&b, t.header)
	b.WriteString("|")
	for range t.header {
		b.WriteString("---|")
	}
	b.WriteByte('\n')
	for _, r := range t.rows {
		writeRow(&b, r.cells)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func writeRow(b *strings.Builder, cells []string) {
	b.WriteString("|")
	for _, c := range cells {
		if c == "" {
			b.WriteString(" |")
		} else {
			b.WriteString(" " + c + " |")
		}
	}
	b.WriteByte('\n')
}
