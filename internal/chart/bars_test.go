package chart

import (
	"strconv"
	"strings"
	"testing"
)

func TestBarsIsValidSVG(t *testing.T) {
	tests := []struct {
		name   string
		bars   *Bars
		wantID string
	}{
		{"sample", sampleBars(), "huyen-a"},
		{"empty", &Bars{ID: "e", Title: "Trống", Desc: "Không có nhiệm vụ"}, "e"},
		{"no series", &Bars{ID: "s", Columns: []Column{{Label: "I/2022"}}}, "s"},
		{"all zero", &Bars{ID: "z", Series: []Series{{Done, "Xong"}}, Columns: []Column{{Label: "I/2022", Values: []int{0}}}}, "z"},
		{"ragged and negative values", &Bars{ID: "r", Series: []Series{{Done, "Xong"}, {PastDue, "Quá hạn"}}, Columns: []Column{
			{Label: "I/2022", Values: []int{3}}, {Label: "II/2022", Values: []int{1, -4, 9}}}}, "r"},
		{"long labels", &Bars{ID: "l", Series: []Series{{Active, ""}}, Columns: []Column{
			{Label: "Không có ngày", Values: []int{2}},
			{Label: "Một nhãn cột rất dài không có dấu gạch chéo nào cả", Values: []int{1}}}}, "l"},
		{"forty columns", bigBars(40), "big"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSVG(t, tt.bars.SVG(), tt.wantID)
		})
	}
}

func TestBarsTotalsAreSums(t *testing.T) {
	b := sampleBars()
	root := checkSVG(t, b.SVG(), "huyen-a")
	var cols []*node
	for _, g := range root.named("g") {
		if g.title() != "" && strings.Contains(g.title(), ": ") {
			cols = append(cols, g)
		}
	}
	if len(cols) != len(b.Columns) {
		t.Fatalf("%d column groups, want %d", len(cols), len(b.Columns))
	}
	for i, c := range b.Columns {
		sum := 0
		for _, v := range c.Values {
			sum += v
		}
		var total string
		for _, txt := range cols[i].named("text") {
			if txt.attrs["font-weight"] == "bold" {
				total = txt.text
			}
		}
		if total != strconv.Itoa(sum) {
			t.Errorf("column %q shows total %q, want %d", c.Label, total, sum)
		}
		if !strings.HasPrefix(cols[i].title(), c.Label+": "+strconv.Itoa(sum)+"\n") {
			t.Errorf("column %q tooltip %q", c.Label, cols[i].title())
		}
	}
}

func TestBarsHeightsAreProportional(t *testing.T) {
	b := &Bars{ID: "p", Series: []Series{{Done, "Xong"}, {PastDue, "Quá hạn"}}, Columns: []Column{
		{Label: "A", Values: []int{2, 3}}, {Label: "B", Values: []int{4, 6}}}}
	root := checkSVG(t, b.SVG(), "p")
	var heights []float64
	for _, r := range root.named("rect") {
		if strings.HasPrefix(r.attrs["fill"], "url(") || r.attrs["fill"] == styleOf(Done).bg {
			if r.parent.name == "g" && r.parent.title() != "" {
				h, _ := strconv.ParseFloat(r.attrs["height"], 64)
				heights = append(heights, h)
			}
		}
	}
	if len(heights) != 4 {
		t.Fatalf("%d bar parts, want 4", len(heights))
	}
	if heights[0]*2 != heights[2] || heights[1]*2 != heights[3] || heights[0]*3 != heights[1]*2 {
		t.Errorf("part heights %v are not in proportion to 2, 3, 4, 6", heights)
	}
}

func TestBarsEscapeText(t *testing.T) {
	nasty := `<i>"a" & 'b'</i>`
	b := &Bars{ID: "x", Title: nasty, Desc: nasty, YLabel: nasty, Series: []Series{{Done, nasty}}, Columns: []Column{{Label: nasty, Values: []int{1}}}}
	s := b.SVG()
	if strings.Contains(s, "<i>") {
		t.Errorf("unescaped text in\n%s", s)
	}
	root := checkSVG(t, s, "x")
	if root.children[0].text != nasty {
		t.Errorf("title %q", root.children[0].text)
	}
}

func TestEmptyBarsIsSmallButNamed(t *testing.T) {
	root := checkSVG(t, (&Bars{ID: "e", Title: "Theo quý", Desc: "Chưa có nhiệm vụ"}).SVG(), "e")
	if root.children[0].text != "Theo quý" || root.children[1].text != "Chưa có nhiệm vụ" {
		t.Errorf("title, desc = %q, %q", root.children[0].text, root.children[1].text)
	}
}

func TestBarsAreDeterministic(t *testing.T) {
	first := sampleBars().SVG()
	for range 10 {
		if sampleBars().SVG() != first {
			t.Fatal("two renderings of the same bars differ")
		}
	}
}

func TestNiceScale(t *testing.T) {
	tests := []struct{ max, step, top int }{
		{0, 1, 1}, {1, 1, 1}, {3, 1, 3}, {5, 1, 5}, {6, 2, 6}, {7, 2, 8}, {10, 2, 10},
		{11, 5, 15}, {13, 5, 15}, {26, 10, 30}, {49, 10, 50}, {51, 20, 60}, {99, 20, 100}, {101, 50, 150}, {1234, 500, 1500},
	}
	for _, tt := range tests {
		if step, top := niceScale(tt.max); step != tt.step || top != tt.top {
			t.Errorf("niceScale(%d) = %d, %d; want %d, %d", tt.max, step, top, tt.step, tt.top)
		}
	}
}

func TestSplitLabel(t *testing.T) {
	tests := []struct {
		label string
		want  []string
	}{
		{"I/2022", []string{"I", "2022"}},
		{"Quý I/2022", []string{"Quý I", "2022"}},
		{"2022", []string{"2022"}},
		{"Không có ngày", []string{"Không", "có ngày"}},
		{"Khôngcóngày", []string{"Khôngcóngày"}},
	}
	for _, tt := range tests {
		if got := splitLabel(tt.label, minColW-10); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("splitLabel(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}

// bigBars is n columns of six series.
func bigBars(n int) *Bars {
	b := sampleBars()
	b.ID = "big"
	b.Columns = nil
	for i := range n {
		b.Columns = append(b.Columns, Column{
			Label:  []string{"I", "II", "III", "IV"}[i%4] + "/" + strconv.Itoa(2022+i/4),
			Values: []int{i % 7, i % 3, i % 5, i % 2, i % 4, i % 6},
		})
	}
	return b
}

func BenchmarkBars40(b *testing.B) {
	bars := bigBars(40)
	b.ReportAllocs()
	for b.Loop() {
		_ = bars.SVG()
	}
}
