package chart

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// quarters returns n quarter labels from I/2022 on.
func quarters(n int) []string {
	var qs []string
	for i := range n {
		qs = append(qs, []string{"I", "II", "III", "IV"}[i%4]+"/"+strconv.Itoa(2022+i/4))
	}
	return qs
}

var heatStatusLabels = map[Status]string{
	Done: "Hoàn thành", PastDue: "Quá hạn", Active: "Đang thực hiện", DueSoon: "Sắp đến hạn", NoReport: "Chưa có báo cáo",
}

// sampleHeatMap is recurring tasks by locality, using every kind of cell.
func sampleHeatMap() *HeatMap {
	return &HeatMap{
		ID:           "nv-dinh-ky",
		Title:        "Nhiệm vụ định kỳ theo địa phương",
		Desc:         "Quý mỗi huyện hẹn hoàn thành từng nhiệm vụ, và trạng thái.",
		Columns:      []string{"Thành phố Hồ Chí Minh", "Huyện A", "Thị xã Phú Mỹ", "Huyện Côn Đảo"},
		Buckets:      quarters(8),
		Legend:       "Hạn theo quý",
		EmptyText:    "Không có nhiệm vụ",
		StatusLabels: heatStatusLabels,
		Rows: []HeatRow{
			{Label: "Cấp căn cước công dân gắn chip", Cells: []HeatCell{
				{Bucket: 0, Text: "I/2022", Status: Done}, {Bucket: 3, Status: PastDue}, {Bucket: 7, Text: "IV/2023", Status: Active}, {Bucket: -1}}},
			{Label: "Làm sạch dữ liệu dân cư và cập nhật vào Cơ sở dữ liệu quốc gia về dân cư trên địa bàn", Cells: []HeatCell{
				{Bucket: -1, Text: "Thường xuyên", Status: Active}, {Bucket: 5, Text: "II/2023"}, {Bucket: -1, Status: NoReport}}},
			{Label: "Tuyên truyền", Cells: []HeatCell{{Bucket: 2, Text: "III/2022", Status: DueSoon}, {Bucket: 99, Text: "Sai số"}}},
		},
	}
}

// bigHeatMap is n rows by 12 localities over 16 quarters.
func bigHeatMap(n int) *HeatMap {
	h := sampleHeatMap()
	h.ID = "big"
	h.Buckets = quarters(16)
	h.Columns = nil
	for j := range 12 {
		h.Columns = append(h.Columns, "Huyện số "+strconv.Itoa(j+1))
	}
	h.Rows = nil
	statuses := []Status{Done, PastDue, Active, "", DueSoon, NoReport}
	for i := range n {
		r := HeatRow{Label: "Nhiệm vụ định kỳ số " + strconv.Itoa(i+1)}
		for j := range 12 {
			b := (i + j) % 17
			if b == 16 {
				r.Cells = append(r.Cells, HeatCell{Bucket: -1})
				continue
			}
			r.Cells = append(r.Cells, HeatCell{Bucket: b, Text: h.Buckets[b], Status: statuses[(i*j)%len(statuses)]})
		}
		h.Rows = append(h.Rows, r)
	}
	return h
}

// heatCells returns the cell groups of a parsed heat map, in order: the
// <g>s whose tooltip names a row and a column.
func heatCells(root *node) []*node {
	var cells []*node
	for _, g := range root.named("g") {
		if strings.Contains(g.title(), " — ") {
			cells = append(cells, g)
		}
	}
	return cells
}

// cellRect returns a cell's ground: its first <rect>.
func cellRect(t *testing.T, cell *node) *node {
	t.Helper()
	for _, c := range cell.children {
		if c.name == "rect" {
			return c
		}
	}
	t.Fatalf("cell %q has no rect", cell.title())
	return nil
}

func TestHeatMapIsValidSVG(t *testing.T) {
	tests := []struct {
		name   string
		heat   *HeatMap
		wantID string
	}{
		{"sample", sampleHeatMap(), "nv-dinh-ky"},
		{"empty", &HeatMap{ID: "e", Title: "Trống", Desc: "Không có nhiệm vụ"}, "e"},
		{"no columns", &HeatMap{ID: "c", Rows: []HeatRow{{Label: "A"}}}, "c"},
		{"no buckets", &HeatMap{ID: "b", Columns: []string{"A"}, Rows: []HeatRow{{Label: "A", Cells: []HeatCell{{Bucket: 0, Text: "x"}}}}}, "b"},
		{"zero cells are the first bucket", &HeatMap{ID: "z", Columns: []string{"A", "B"}, Buckets: []string{"I/2022"},
			Rows: []HeatRow{{Label: "A", Cells: []HeatCell{{}, {}}}}}, "z"},
		{"unknown status, no labels", &HeatMap{ID: "u", Columns: []string{"A"}, Buckets: []string{"I/2022"},
			Rows: []HeatRow{{Label: "A", Cells: []HeatCell{{Bucket: 0, Status: "lạ"}}}}}, "u"},
		{"long texts", &HeatMap{ID: "l", Columns: []string{strings.Repeat("Rất dài ", 20)}, Buckets: []string{strings.Repeat("Quý ", 40)},
			Rows: []HeatRow{{Label: strings.Repeat("Nhãn ", 50), Cells: []HeatCell{{Bucket: 0, Text: strings.Repeat("Thường xuyên ", 9)}}}}}, "l"},
		{"two hundred rows", bigHeatMap(200), "big"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSVG(t, tt.heat.SVG(), tt.wantID)
		})
	}
}

// TestHeatPalette checks, for every number of buckets a plan may have, that
// the fills are distinct and darken in order, that the text in each has
// 4.5:1 contrast, and that a light cell has an outline of 3:1 on white.
func TestHeatPalette(t *testing.T) {
	for n := 1; n <= 24; n++ {
		h := &HeatMap{ID: "p", Columns: []string{"Huyện A"}, Buckets: quarters(n)}
		for i := range n {
			h.Rows = append(h.Rows, HeatRow{Label: "Việc " + strconv.Itoa(i), Cells: []HeatCell{{Bucket: i}}})
		}
		cells := heatCells(checkSVG(t, h.SVG(), "p"))
		if len(cells) != n {
			t.Fatalf("%d buckets: %d cells", n, len(cells))
		}
		prev := 2.0
		for i, c := range cells {
			r := cellRect(t, c)
			fill := r.attrs["fill"]
			if l := luminance(t, fill); l >= prev {
				t.Errorf("%d buckets: bucket %d fill %s is not darker than the one before", n, i, fill)
			} else {
				prev = l
			}
			texts := c.named("text")
			if len(texts) != 1 || texts[0].text != h.Buckets[i] {
				t.Fatalf("%d buckets: cell %d prints %q, want its bucket %q", n, i, c.texts(), h.Buckets[i])
			}
			if cr := contrastOf(t, texts[0].attrs["fill"], fill); cr < 4.5 {
				t.Errorf("%d buckets: text %s on %s has contrast %.2f", n, texts[0].attrs["fill"], fill, cr)
			}
			if contrast(t, fill) < 3 {
				if s := r.attrs["stroke"]; s == "" || contrast(t, s) < 3 {
					t.Errorf("%d buckets: light fill %s has outline %q", n, fill, s)
				}
			}
		}
	}
}

// TestCellInkAlwaysReadable checks the claim that black or white text
// reads on any fill, not only on the palette's.
func TestCellInkAlwaysReadable(t *testing.T) {
	for v := 0; v < 1<<12; v++ {
		fill := hexColour([3]int{(v >> 8 & 15) * 17, (v >> 4 & 15) * 17, (v & 15) * 17})
		if cr := contrastOf(t, cellInk(fill), fill); cr < 4.5 {
			t.Errorf("text %s on %s: contrast %.2f", cellInk(fill), fill, cr)
		}
	}
}

func TestHeatMapCells(t *testing.T) {
	h := sampleHeatMap()
	cells := heatCells(checkSVG(t, h.SVG(), "nv-dinh-ky"))
	if len(cells) != len(h.Rows)*len(h.Columns) {
		t.Fatalf("%d cells, want %d", len(cells), len(h.Rows)*len(h.Columns))
	}
	tests := []struct {
		row, col int
		title    string
		text     string
		neutral  bool
		withMark bool
	}{
		{0, 0, "Cấp căn cước công dân gắn chip — Thành phố Hồ Chí Minh: I/2022 (Hoàn thành)", "I/2022", false, true},
		{0, 1, "Cấp căn cước công dân gắn chip — Huyện A: IV/2022 (Quá hạn)", "IV/2022", false, true},
		{0, 3, "Cấp căn cước công dân gắn chip — Huyện Côn Đảo: Không có nhiệm vụ", "", false, false},
		{1, 0, h.Rows[1].Label + " — Thành phố Hồ Chí Minh: Thường xuyên (Đang thực hiện)", "Thường xuyên", true, true},
		{1, 2, h.Rows[1].Label + " — Thị xã Phú Mỹ (Chưa có báo cáo)", "", true, true},
		{1, 3, h.Rows[1].Label + " — Huyện Côn Đảo: Không có nhiệm vụ", "", false, false},
		{2, 1, "Tuyên truyền — Huyện A: Sai số", "Sai số", true, false}, // a bucket out of range is no bucket
	}
	for _, tt := range tests {
		c := cells[tt.row*len(h.Columns)+tt.col]
		if c.title() != tt.title {
			t.Errorf("cell %d,%d title %q, want %q", tt.row, tt.col, c.title(), tt.title)
		}
		if got := strings.Join(c.texts(), " "); got != tt.text {
			t.Errorf("cell %d,%d prints %q, want %q", tt.row, tt.col, got, tt.text)
		}
		r := cellRect(t, c)
		if got := r.attrs["fill"] == neutralBg; got != tt.neutral {
			t.Errorf("cell %d,%d neutral = %v", tt.row, tt.col, got)
		}
		// A mark is two rects over the ground: its white frame and itself.
		if marked := len(c.named("rect")) == 3; marked != tt.withMark {
			t.Errorf("cell %d,%d status mark = %v", tt.row, tt.col, marked)
		}
	}
}

func TestHeatMapBucketsDiffer(t *testing.T) {
	h := sampleHeatMap()
	fills := map[string]int{}
	for i := range h.Buckets {
		fills[bucketFill(i, len(h.Buckets))] = i
	}
	if len(fills) != len(h.Buckets) {
		t.Errorf("%d buckets share fills: %v", len(h.Buckets), fills)
	}
	if _, ok := fills[neutralBg]; ok {
		t.Errorf("a bucket looks like a cell without a date")
	}
}

func TestHeatMapLegend(t *testing.T) {
	h := sampleHeatMap()
	root := checkSVG(t, h.SVG(), "nv-dinh-ky")
	texts := "|" + strings.Join(root.texts(), "|") + "|"
	want := append([]string{h.Legend, h.EmptyText}, h.Buckets...)
	for _, s := range []Status{Done, PastDue, Active, DueSoon, NoReport} {
		want = append(want, heatStatusLabels[s])
	}
	for _, s := range want {
		if !strings.Contains(texts, "|"+s+"|") {
			t.Errorf("legend lacks %q", s)
		}
	}
	full := &HeatMap{ID: "f", Columns: []string{"A"}, Buckets: []string{"I/2022"}, EmptyText: "Không có nhiệm vụ",
		Rows: []HeatRow{{Label: "A", Cells: []HeatCell{{Bucket: 0}}}}}
	if strings.Contains(full.SVG(), "Không có nhiệm vụ") {
		t.Errorf("the legend explains empty cells in a chart without any")
	}
}

func TestHeatMapCellsAreWideEnough(t *testing.T) {
	h := sampleHeatMap()
	cells := heatCells(checkSVG(t, h.SVG(), "nv-dinh-ky"))
	for _, c := range cells {
		r := cellRect(t, c)
		if w := attrFloat(t, r, "width") + 3; w < minCellW {
			t.Errorf("cell %q is %vpx wide", c.title(), w)
		}
		for _, txt := range c.named("text") {
			if tw := textWidth(txt.text, fontSize, false); tw > attrFloat(t, r, "width") {
				t.Errorf("cell %q: text %q overflows", c.title(), txt.text)
			}
		}
	}
}

func TestHeatMapLongLabels(t *testing.T) {
	h := sampleHeatMap()
	root := checkSVG(t, h.SVG(), "nv-dinh-ky")
	for _, g := range root.named("g") {
		if g.title() != h.Rows[1].Label || g.parent != root {
			continue
		}
		var lines []string
		for _, c := range g.children {
			if c.name == "text" {
				lines = append(lines, c.text)
			}
		}
		if len(lines) != 2 || !strings.HasSuffix(lines[1], ellipsis) {
			t.Errorf("long row label drawn as %q", lines)
		}
		return
	}
	t.Errorf("no row group titled with the whole long label")
}

func TestHeatMapEscapeText(t *testing.T) {
	nasty := `<i>"a" & 'b'</i>`
	h := &HeatMap{ID: "x", Title: nasty, Desc: nasty, Columns: []string{nasty}, Buckets: []string{nasty}, Legend: nasty, EmptyText: nasty,
		StatusLabels: map[Status]string{Done: nasty}, Rows: []HeatRow{{Label: nasty, Cells: []HeatCell{{Bucket: 0, Text: nasty, Status: Done}}}}}
	s := h.SVG()
	if strings.Contains(s, "<i>") {
		t.Errorf("unescaped text in\n%s", s)
	}
	root := checkSVG(t, s, "x")
	if root.children[0].text != nasty {
		t.Errorf("title %q", root.children[0].text)
	}
	if cells := heatCells(root); len(cells) != 1 || cells[0].title() != nasty+" — "+nasty+": "+nasty+" ("+nasty+")" {
		t.Errorf("cell tooltip lost text")
	}
}

func TestEmptyHeatMapIsSmallButNamed(t *testing.T) {
	for _, h := range []*HeatMap{
		{ID: "e", Title: "Nhiệm vụ định kỳ", Desc: "Chưa có nhiệm vụ"},
		{ID: "e", Title: "Nhiệm vụ định kỳ", Desc: "Chưa có nhiệm vụ", Columns: []string{"Huyện A"}},
		{ID: "e", Title: "Nhiệm vụ định kỳ", Desc: "Chưa có nhiệm vụ", Rows: []HeatRow{{Label: "A"}}},
	} {
		root := checkSVG(t, h.SVG(), "e")
		if root.children[0].text != h.Title || root.children[1].text != h.Desc || len(root.named("rect")) != 1 {
			t.Errorf("empty heat map %q is not the empty chart", h.SVG())
		}
	}
}

func TestHeatMapIsDeterministic(t *testing.T) {
	first := sampleHeatMap().SVG()
	for range 10 {
		if sampleHeatMap().SVG() != first {
			t.Fatal("two renderings of the same heat map differ")
		}
	}
	var b strings.Builder
	if err := sampleHeatMap().WriteSVG(&b); err != nil || b.String() != first {
		t.Errorf("WriteSVG differs from SVG (err %v)", err)
	}
}

func BenchmarkHeatMap(b *testing.B) {
	h := bigHeatMap(200)
	b.ReportAllocs()
	for b.Loop() {
		_ = h.SVG()
	}
}

func ExampleHeatMap() {
	h := HeatMap{
		ID:           "nv-dinh-ky",
		Title:        "Nhiệm vụ định kỳ theo địa phương",
		Desc:         "Quý mỗi huyện hẹn hoàn thành từng nhiệm vụ.",
		Columns:      []string{"Huyện A", "Huyện B"},
		Buckets:      []string{"I/2022", "II/2022"},
		Legend:       "Hạn theo quý",
		EmptyText:    "Không có nhiệm vụ",
		StatusLabels: map[Status]string{Done: "Hoàn thành"},
		Rows: []HeatRow{
			{Label: "Cấp căn cước", Cells: []HeatCell{{Bucket: 0, Text: "I/2022", Status: Done}, {Bucket: -1}}},
		},
	}
	svg := h.SVG()
	fmt.Println(strings.Contains(svg, "<title>Cấp căn cước — Huyện A: I/2022 (Hoàn thành)</title>"))
	// Output: true
}

// TestHeatMapWrapsCellTextNotColumns checks that a long cell text takes
// two lines instead of widening every column.
func TestHeatMapWrapsCellTextNotColumns(t *testing.T) {
	h := sampleHeatMap()
	cells := heatCells(checkSVG(t, h.SVG(), "nv-dinh-ky"))
	if w := attrFloat(t, cellRect(t, cells[0]), "width") + 3; w > textWidth("Thường xuyên", fontSize, false) {
		t.Errorf("columns are %vpx wide, enough for the longest cell text", w)
	}
	if got := cells[len(h.Columns)].texts(); strings.Join(got, "|") != "Thường|xuyên" {
		t.Errorf("long cell text drawn as %q", got)
	}
}
