package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

// sampleHBars is tasks by lead agency, with a long agency name.
func sampleHBars() *HBars {
	return &HBars{
		ID:     "theo-co-quan",
		Title:  "Nhiệm vụ theo cơ quan chủ trì",
		Desc:   "Số nhiệm vụ mỗi cơ quan chủ trì, chia theo trạng thái.",
		XLabel: "Số nhiệm vụ",
		Series: []Series{{Done, "Hoàn thành"}, {Active, "Đang thực hiện"}, {PastDue, "Quá hạn"}, {NoReport, "Chưa có báo cáo"}},
		Rows: []HRow{
			{Label: "Công an tỉnh", Values: []int{12, 5, 3, 1}},
			{Label: "Sở Thông tin và Truyền thông", Values: []int{8, 9, 0, 2}},
			{Label: "Văn phòng Ủy ban nhân dân tỉnh (Trung tâm Phục vụ hành chính công tỉnh) và các đơn vị trực thuộc có liên quan", Values: []int{4, 2, 6}},
			{Label: "Sở Lao động – Thương binh và Xã hội", Values: []int{0, 0, 0, 0}},
		},
	}
}

// bigHBars is n rows of four series.
func bigHBars(n int) *HBars {
	h := sampleHBars()
	h.ID = "big"
	h.Rows = nil
	for i := range n {
		h.Rows = append(h.Rows, HRow{
			Label:  "Ủy ban nhân dân huyện số " + strconv.Itoa(i+1) + " và các xã, thị trấn trực thuộc",
			Values: []int{i % 7, i % 3, i % 5, i % 2},
		})
	}
	return h
}

// hbarRows returns the row groups of a parsed HBars: the <g>s with a
// tooltip and a bold total.
func hbarRows(root *node) []*node {
	var rows []*node
	for _, g := range root.named("g") {
		if g.title() == "" {
			continue
		}
		for _, c := range g.children {
			if c.name == "text" && c.attrs["font-weight"] == "bold" {
				rows = append(rows, g)
				break
			}
		}
	}
	return rows
}

// segments returns the bar parts of a row group.
func segments(row *node) []*node {
	var out []*node
	for _, c := range row.children {
		if c.name == "rect" && c.title() != "" {
			out = append(out, c)
		}
	}
	return out
}

func attrFloat(t *testing.T, n *node, k string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(n.attrs[k], 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>: %v", n.name, k, n.attrs[k], err)
	}
	return f
}

func TestHBarsIsValidSVG(t *testing.T) {
	tests := []struct {
		name   string
		bars   *HBars
		wantID string
	}{
		{"sample", sampleHBars(), "theo-co-quan"},
		{"empty", &HBars{ID: "e", Title: "Trống", Desc: "Không có nhiệm vụ"}, "e"},
		{"no series", &HBars{ID: "s", Rows: []HRow{{Label: "Sở Y tế"}}}, "s"},
		{"all zero", &HBars{ID: "z", Series: []Series{{Done, "Xong"}}, Rows: []HRow{{Label: "A", Values: []int{0}}}}, "z"},
		{"empty label", &HBars{ID: "n", Series: []Series{{Done, "Xong"}}, Rows: []HRow{{Values: []int{3}}}}, "n"},
		{"ragged and negative values", &HBars{ID: "r", Series: []Series{{Done, "Xong"}, {PastDue, "Quá hạn"}}, Rows: []HRow{
			{Label: "A", Values: []int{3}}, {Label: "B", Values: []int{1, -4, 9}}}}, "r"},
		{"huge values", &HBars{ID: "h", Series: []Series{{Done, ""}, {Active, ""}}, Rows: []HRow{{Label: "A", Values: []int{123456, 7}}}}, "h"},
		{"unknown status", &HBars{ID: "u", Series: []Series{{"lạ", ""}, {Done, ""}}, Rows: []HRow{{Label: "A", Values: []int{1, 2}}}}, "u"},
		{"id needing cleaning", &HBars{ID: "06 kế", Series: []Series{{Done, "Xong"}}, Rows: []HRow{{Label: "A", Values: []int{1}}}}, "chart-06-k-"},
		{"two hundred rows", bigHBars(200), "big"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSVG(t, tt.bars.SVG(), tt.wantID)
		})
	}
}

// TestHBarsLengthsAreProportional checks that every part is as long as its
// value in one scale, and that parts abut from the left edge.
func TestHBarsLengthsAreProportional(t *testing.T) {
	tests := []struct {
		name   string
		series []Series
		rows   [][]int
	}{
		{"one series", []Series{{Done, "Xong"}}, [][]int{{10}, {5}}},
		{"two series", []Series{{Done, "Xong"}, {PastDue, "Quá hạn"}}, [][]int{{2, 3}, {4, 6}, {0, 7}}},
		{"odd scale", []Series{{Done, ""}, {Active, ""}, {DueSoon, ""}}, [][]int{{13, 1, 7}, {3, 0, 2}, {1, 1, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &HBars{ID: "p", Series: tt.series}
			for i, v := range tt.rows {
				h.Rows = append(h.Rows, HRow{Label: "Hàng " + strconv.Itoa(i), Values: v})
			}
			rows := hbarRows(checkSVG(t, h.SVG(), "p"))
			if len(rows) != len(tt.rows) {
				t.Fatalf("%d rows, want %d", len(rows), len(tt.rows))
			}
			unit, x0 := 0.0, math.NaN()
			for i, vals := range tt.rows {
				segs := segments(rows[i])
				k := 0
				end := math.NaN()
				for _, v := range vals {
					if v == 0 {
						continue
					}
					if k >= len(segs) {
						t.Fatalf("row %d: %d parts, want more", i, len(segs))
					}
					x, w := attrFloat(t, segs[k], "x"), attrFloat(t, segs[k], "width")
					if unit == 0 {
						unit, x0 = w/float64(v), x
					}
					if math.Abs(w-float64(v)*unit) > 0.01 {
						t.Errorf("row %d part %d: width %v for %d, want %v", i, k, w, v, float64(v)*unit)
					}
					want := end
					if k == 0 {
						want = x0
					}
					if math.Abs(x-want) > 0.01 {
						t.Errorf("row %d part %d starts at %v, want %v", i, k, x, want)
					}
					end = x + w
					k++
				}
				if k != len(segs) {
					t.Errorf("row %d: %d parts, want %d", i, len(segs), k)
				}
			}
		})
	}
}

func TestHBarsHalfAsLong(t *testing.T) {
	h := &HBars{ID: "p", Series: []Series{{Done, "Xong"}}, Rows: []HRow{{Label: "A", Values: []int{10}}, {Label: "B", Values: []int{5}}}}
	rows := hbarRows(checkSVG(t, h.SVG(), "p"))
	a, b := attrFloat(t, segments(rows[0])[0], "width"), attrFloat(t, segments(rows[1])[0], "width")
	if a != 2*b {
		t.Errorf("widths %v and %v for 10 and 5", a, b)
	}
}

func TestHBarsTotalsAndTooltips(t *testing.T) {
	h := sampleHBars()
	rows := hbarRows(checkSVG(t, h.SVG(), "theo-co-quan"))
	if len(rows) != len(h.Rows) {
		t.Fatalf("%d row groups, want %d", len(rows), len(h.Rows))
	}
	for i, r := range h.Rows {
		sum := 0
		for _, v := range r.Values {
			sum += v
		}
		var total string
		for _, txt := range rows[i].named("text") {
			if txt.attrs["font-weight"] == "bold" {
				total = txt.text
			}
		}
		if total != strconv.Itoa(sum) {
			t.Errorf("row %q shows total %q, want %d", r.Label, total, sum)
		}
		if !strings.HasPrefix(rows[i].title(), r.Label+": "+strconv.Itoa(sum)+"\n") {
			t.Errorf("row %q tooltip %q", r.Label, rows[i].title())
		}
		k := 0
		for si, v := range r.Values {
			if v == 0 {
				continue
			}
			want := fmt.Sprintf("%s: %s %d", r.Label, h.Series[si].Label, v)
			if got := segments(rows[i])[k].title(); got != want {
				t.Errorf("part tooltip %q, want %q", got, want)
			}
			k++
		}
	}
}

func TestHBarsLabelsWrapAboveTheBar(t *testing.T) {
	h := sampleHBars()
	rows := hbarRows(checkSVG(t, h.SVG(), "theo-co-quan"))
	for i, r := range h.Rows {
		var lines []*node
		barY := 0.0 // the bar's top, from its total, as an empty bar has no parts
		for _, c := range rows[i].children {
			switch {
			case c.name != "text":
			case c.attrs["font-weight"] == "":
				lines = append(lines, c)
			default:
				barY = attrFloat(t, c, "y") - 12
			}
		}
		if len(lines) == 0 || len(lines) > 2 {
			t.Fatalf("row %q: %d label lines", r.Label, len(lines))
		}
		if segs := segments(rows[i]); len(segs) > 0 && attrFloat(t, segs[0], "y") != barY {
			t.Errorf("row %q: total not level with the bar", r.Label)
		}
		for _, line := range lines {
			if y := attrFloat(t, line, "y"); y > barY {
				t.Errorf("row %q: label line at y=%v below its bar at %v", r.Label, y, barY)
			}
			if w := textWidth(line.text, fontSize, false); w > hbarsW-2*pad {
				t.Errorf("row %q: line %q is %vpx wide", r.Label, line.text, w)
			}
		}
		joined := strings.Join(rows[i].texts()[:len(lines)], " ")
		if cut := strings.HasSuffix(joined, ellipsis); cut != (i == 2) {
			t.Errorf("row %q drawn as %q", r.Label, joined)
		}
	}
}

func TestHBarsFitAPhone(t *testing.T) {
	for _, h := range []*HBars{sampleHBars(), bigHBars(200)} {
		root := checkSVG(t, h.SVG(), cleanID(h.ID))
		if w := attrFloat(t, root, "width"); w > 344 {
			t.Errorf("%s: width %v, want at most 344", h.ID, w)
		}
		for _, r := range root.named("rect") {
			if r.parent.name == "g" && r.title() != "" {
				if right := attrFloat(t, r, "x") + attrFloat(t, r, "width"); right > hbarsW-pad {
					t.Errorf("%s: bar ends at %v", h.ID, right)
				}
			}
		}
	}
}

func TestHBarsLegendOnlyForSeveralSeries(t *testing.T) {
	one := &HBars{ID: "o", Series: []Series{{Done, "Hoàn thành"}}, Rows: []HRow{{Label: "A", Values: []int{2}}}}
	if s := one.SVG(); strings.Contains(s, ">Hoàn thành<") {
		t.Errorf("one series has a legend:\n%s", s)
	}
	two := sampleHBars()
	root := checkSVG(t, two.SVG(), "theo-co-quan")
	texts := strings.Join(root.texts(), "|")
	for _, s := range two.Series {
		if !strings.Contains(texts, "|"+s.Label) {
			t.Errorf("legend lacks %q", s.Label)
		}
	}
}

func TestHBarsEscapeText(t *testing.T) {
	nasty := `<i>"a" & 'b'</i>`
	h := &HBars{ID: "x", Title: nasty, Desc: nasty, XLabel: nasty, Series: []Series{{Done, nasty}, {Active, nasty}},
		Rows: []HRow{{Label: nasty, Values: []int{1, 2}}}}
	s := h.SVG()
	if strings.Contains(s, "<i>") {
		t.Errorf("unescaped text in\n%s", s)
	}
	root := checkSVG(t, s, "x")
	if root.children[0].text != nasty {
		t.Errorf("title %q", root.children[0].text)
	}
	if rows := hbarRows(root); len(rows) != 1 || !strings.HasPrefix(rows[0].title(), nasty+": 3") {
		t.Errorf("row tooltip lost the label")
	}
}

func TestEmptyHBarsIsSmallButNamed(t *testing.T) {
	root := checkSVG(t, (&HBars{ID: "e", Title: "Theo cơ quan", Desc: "Chưa có nhiệm vụ"}).SVG(), "e")
	if root.children[0].text != "Theo cơ quan" || root.children[1].text != "Chưa có nhiệm vụ" {
		t.Errorf("title, desc = %q, %q", root.children[0].text, root.children[1].text)
	}
	if len(root.named("rect")) != 1 {
		t.Errorf("an empty chart draws more than its ground")
	}
}

func TestHBarsAreDeterministic(t *testing.T) {
	first := sampleHBars().SVG()
	for range 10 {
		if sampleHBars().SVG() != first {
			t.Fatal("two renderings of the same bars differ")
		}
	}
	var b strings.Builder
	if err := sampleHBars().WriteSVG(&b); err != nil || b.String() != first {
		t.Errorf("WriteSVG differs from SVG (err %v)", err)
	}
}

func TestWrapText(t *testing.T) {
	tests := []struct {
		in    string
		room  float64
		max   int
		want  []string
		isCut bool
	}{
		{"", 100, 2, nil, false},
		{"Công an tỉnh", 200, 2, []string{"Công an tỉnh"}, false},
		{"  Công   an  tỉnh ", 200, 2, []string{"Công an tỉnh"}, false},
		{"Thành phố Hồ Chí Minh", 60, 3, []string{"Thành", "phố Hồ", "Chí Minh"}, false},
		{"Thành phố Hồ Chí Minh", 60, 2, []string{"Thành", "phố Hồ…"}, true},
		{"Siêuuuuuuuuuuuuuuuu dài", 60, 3, []string{"Siêuuu…", "dài"}, true},
	}
	for _, tt := range tests {
		got, cut := wrapText(tt.in, tt.room, tt.max)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") || cut != tt.isCut {
			t.Errorf("wrapText(%q, %v, %d) = %q, %v; want %q, %v", tt.in, tt.room, tt.max, got, cut, tt.want, tt.isCut)
		}
		for _, line := range got {
			if textWidth(line, fontSize, false) > tt.room {
				t.Errorf("wrapText(%q, %v): line %q too wide", tt.in, tt.room, line)
			}
		}
	}
}

func BenchmarkHBars(b *testing.B) {
	h := bigHBars(200)
	b.ReportAllocs()
	for b.Loop() {
		_ = h.SVG()
	}
}

func ExampleHBars() {
	h := HBars{
		ID:     "theo-co-quan",
		Title:  "Nhiệm vụ theo cơ quan chủ trì",
		Desc:   "Số nhiệm vụ mỗi cơ quan chủ trì, theo trạng thái.",
		XLabel: "Số nhiệm vụ",
		Series: []Series{{Status: Done, Label: "Hoàn thành"}, {Status: PastDue, Label: "Quá hạn"}},
		Rows: []HRow{
			{Label: "Công an tỉnh", Values: []int{10, 2}},
			{Label: "Sở Thông tin và Truyền thông", Values: []int{5, 0}},
		},
	}
	svg := h.SVG()
	fmt.Println(strings.HasPrefix(svg, "<svg "), strings.Count(svg, "<title>")) // a tooltip per row and per part
	// Output: true 5
}
