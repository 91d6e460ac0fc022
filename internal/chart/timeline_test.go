package chart

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/vntime"
)

func oneGroup(rows ...Row) []Group { return []Group{{Name: "Nhóm", Rows: rows}} }

func TestTimelineIsValidSVG(t *testing.T) {
	tests := []struct {
		name   string
		tl     *Timeline
		wantID string
	}{
		{"sample", sampleTimeline(), "kh-06"},
		{"empty", &Timeline{ID: "e", Title: "Trống", Desc: "Không có nhiệm vụ"}, "e"},
		{"groups without rows", &Timeline{ID: "g", Groups: []Group{{Name: "I"}, {Name: "II"}}}, "g"},
		{"no ID", &Timeline{Groups: oneGroup(Row{Label: "1", Mark: Bar, Start: date(2022, 1, 1), End: date(2022, 2, 1)})}, "chart"},
		{"ID needing cleaning", &Timeline{ID: "Kế hoạch 1/2024", Groups: oneGroup(Row{Label: "1", Mark: Span, Note: "Thường xuyên"})}, "K--ho-ch-1-2024"},
		{"ID starting with a digit", &Timeline{ID: "06", Groups: oneGroup(Row{Label: "1", Mark: NoDate})}, "chart-06"},
		{"no dates at all", &Timeline{ID: "nd", Text: vnText(), Groups: oneGroup(
			Row{Label: "1", Mark: Span, Note: "Thường xuyên", Status: Active},
			Row{Label: "2", Mark: Repeating, Every: vntime.Monthly, Note: "Hằng tháng"},
			Row{Label: "3", Mark: NoDate, Note: "Khi có chỉ đạo"},
			Row{Label: "4", Mark: OpenEnded},
		)}, "nd"},
		{"explicit bounds clip the marks", &Timeline{ID: "b", Start: date(2023, 1, 1), End: date(2023, 12, 31), AsOf: date(2024, 9, 30), Groups: oneGroup(
			Row{Label: "1", Mark: Bar, Start: date(2022, 1, 1), End: date(2024, 6, 30), Status: Active},
			Row{Label: "2", Mark: Points, Points: []vntime.Date{date(2021, 5, 1), date(2023, 5, 1)}},
		)}, "b"},
		{"malformed rows", &Timeline{ID: "m", Groups: oneGroup(
			Row{Label: "1", Mark: Bar, Start: date(2023, 6, 1), End: date(2023, 1, 1)},
			Row{Label: "2", Mark: Bar, Start: date(2023, 6, 1)},
			Row{Label: "3", Mark: By, Start: date(2023, 6, 1)},
			Row{Label: "4", Mark: Points},
			Row{Label: "5", Mark: Mark(99), Status: "chưa rõ"},
			Row{Label: "6", Mark: Repeating, Every: "fortnight"},
			Row{Label: "7", Mark: Repeating, Every: "day"},
			Row{Label: "8", Mark: Repeating, Every: vntime.Weekly},
		)}, "m"},
		{"a mistyped year", &Timeline{ID: "y", Groups: oneGroup(
			Row{Label: "1", Mark: Bar, Start: date(2022, 1, 1), End: date(20224, 1, 1)},
		)}, "y"},
		{"many rows", bigTimeline(40), "big"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSVG(t, tt.tl.SVG(), tt.wantID)
		})
	}
}

func TestEmptyTimelineIsSmallButNamed(t *testing.T) {
	s := (&Timeline{ID: "e", Title: "Tiến độ", Desc: "Chưa có nhiệm vụ nào"}).SVG()
	root := checkSVG(t, s, "e")
	if root.children[0].text != "Tiến độ" || root.children[1].text != "Chưa có nhiệm vụ nào" {
		t.Errorf("title, desc = %q, %q", root.children[0].text, root.children[1].text)
	}
	if w, _ := strconv.Atoi(root.attrs["width"]); w > 360 {
		t.Errorf("empty chart is %dpx wide", w)
	}
}

func TestTimelineEscapesText(t *testing.T) {
	nasty := `<b>"Tên" & 'kế hoạch'</b>`
	tl := &Timeline{
		ID: "x", Title: nasty, Desc: nasty, AsOf: date(2023, 6, 30),
		Text: TimelineText{AsOf: nasty, Quarters: [4]string{"<I>", "&", `"`, "'"}, Legend: map[Status]string{Active: nasty}, MarkLegend: map[Mark]string{NoDate: nasty}},
		Groups: []Group{{Name: nasty, Rows: []Row{
			{Label: "<1>", Title: nasty, Mark: Bar, Start: date(2023, 1, 1), End: date(2023, 12, 31), Status: Active},
			{Label: "&2", Title: nasty, Mark: NoDate, Note: nasty, Status: Active},
		}}},
	}
	s := tl.SVG()
	if strings.Contains(s, "<b>") || strings.Contains(s, "<I>") || strings.Contains(s, "<1>") || strings.Contains(s, "& ") {
		t.Errorf("unescaped text in\n%s", s)
	}
	root := checkSVG(t, s, "x")
	if root.children[0].text != nasty || root.children[1].text != nasty {
		t.Errorf("title/desc do not round-trip: %q, %q", root.children[0].text, root.children[1].text)
	}
	found := map[string]bool{}
	for _, txt := range root.texts() {
		found[txt] = true
	}
	for _, want := range []string{nasty, "<1>", "&2"} {
		if !found[want] {
			t.Errorf("no text %q among %q", want, root.texts())
		}
	}
}

func TestEscapeDropsCharactersXMLCannotHold(t *testing.T) {
	var w svgWriter
	w.elem("text", "a\x00b\x1bc\xffd\uFFFEe")
	if got, want := w.b.String(), "<text>a\uFFFDb\uFFFDc\uFFFDd\uFFFDe</text>"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	parseSVG(t, w.b.String())
}

// rowGroup returns the <g> of the row whose label is label.
func rowGroup(t *testing.T, root *node, label string) *node {
	t.Helper()
	for _, g := range root.named("g") {
		if tip := g.title(); tip == label || strings.HasPrefix(tip, label+" ") || strings.HasPrefix(tip, label+"\n") {
			return g
		}
	}
	t.Fatalf("no row %q", label)
	return nil
}

// barRange returns the x range of a row's bar: its rect of bar height.
func barRange(t *testing.T, g *node) (x1, x2 float64) {
	t.Helper()
	for _, r := range g.named("rect") {
		if r.attrs["height"] == strconv.Itoa(barH) {
			x, _ := strconv.ParseFloat(r.attrs["x"], 64)
			w, _ := strconv.ParseFloat(r.attrs["width"], 64)
			return x, x + w
		}
	}
	t.Fatalf("row %q has no bar", g.title())
	return 0, 0
}

func TestLaterWindowsAreFurtherRight(t *testing.T) {
	windows := []struct{ start, end vntime.Date }{
		{date(2022, 1, 1), date(2022, 3, 31)},
		{date(2022, 2, 15), date(2022, 6, 30)},
		{date(2022, 4, 1), date(2022, 12, 31)},
		{date(2023, 7, 1), date(2023, 9, 30)},
		{date(2024, 12, 31), date(2024, 12, 31)},
	}
	var rows []Row
	for i, w := range windows {
		rows = append(rows, Row{Label: fmt.Sprint("r", i), Mark: Bar, Start: w.start, End: w.end, Status: Active})
	}
	root := checkSVG(t, (&Timeline{ID: "w", Groups: oneGroup(rows...)}).SVG(), "w")
	prev1, prev2 := -1.0, -1.0
	for i, w := range windows {
		x1, x2 := barRange(t, rowGroup(t, root, fmt.Sprint("r", i)))
		if x1 <= prev1 || x2 <= prev2 {
			t.Errorf("window %v–%v at %v–%v is not right of the one before (%v–%v)", w.start.ISO(), w.end.ISO(), x1, x2, prev1, prev2)
		}
		prev1, prev2 = x1, x2
	}
	// A quarter's window fills exactly one quarter column, whatever its days.
	q1a, q1b := barRange(t, rowGroup(t, root, "r0"))
	if got := q1b - q1a; got != 56 {
		t.Errorf("a quarter's window is %vpx wide, want 56", got)
	}
}

func TestAsOfLine(t *testing.T) {
	rows := oneGroup(Row{Label: "1", Mark: Bar, Start: date(2023, 1, 1), End: date(2023, 12, 31), Status: Active})
	tests := []struct {
		name       string
		tl         Timeline
		line       bool
		wantText   string
		wantNoText string
	}{
		{"inside", Timeline{AsOf: date(2023, 6, 30)}, true, "Đối chiếu", ""},
		{"within two years widens the axis", Timeline{AsOf: date(2024, 9, 30)}, true, "Đối chiếu", ""},
		{"far after", Timeline{AsOf: date(2030, 1, 1)}, false, "Đối chiếu →", ""},
		{"after the given end", Timeline{AsOf: date(2024, 9, 30), End: date(2023, 12, 31)}, false, "Đối chiếu →", ""},
		{"before the given start", Timeline{AsOf: date(2022, 5, 1), Start: date(2023, 1, 1)}, false, "← Đối chiếu", ""},
		{"none", Timeline{}, false, "", "Đối chiếu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := tt.tl
			tl.ID, tl.Groups, tl.Text.AsOf = "a", rows, "Đối chiếu"
			root := checkSVG(t, tl.SVG(), "a")
			lines := 0
			for _, l := range root.named("line") {
				if l.attrs["stroke"] == asOfColour {
					lines++
				}
			}
			if got := lines == 1; got != tt.line {
				t.Errorf("as-of lines: %d, want line %v", lines, tt.line)
			}
			texts := strings.Join(root.texts(), "|")
			if tt.wantText != "" && !strings.Contains("|"+texts+"|", "|"+tt.wantText+"|") {
				t.Errorf("no text %q in %q", tt.wantText, texts)
			}
			if tt.wantNoText != "" && strings.Contains(texts, tt.wantNoText) {
				t.Errorf("text %q in %q", tt.wantNoText, texts)
			}
		})
	}
}

func TestAsOfLineIsAtTheEndOfItsDay(t *testing.T) {
	tl := &Timeline{ID: "a", AsOf: date(2023, 6, 30), Groups: oneGroup(
		Row{Label: "1", Mark: Bar, Start: date(2023, 1, 1), End: date(2023, 12, 31)})}
	root := checkSVG(t, tl.SVG(), "a")
	for _, l := range root.named("line") {
		if l.attrs["stroke"] == asOfColour {
			// The axis starts at 64 (label column) with 56px quarters:
			// the end of 30 June is the start of Q3, 64+2×56.
			if l.attrs["x1"] != "176" {
				t.Errorf("as-of line at x=%s, want 176", l.attrs["x1"])
			}
		}
	}
}

func TestLegendShowsOnlyUsedStyles(t *testing.T) {
	tl := &Timeline{ID: "l", Text: vnText(), Groups: oneGroup(
		Row{Label: "1", Mark: Bar, Start: date(2022, 1, 1), End: date(2022, 3, 31), Status: Done},
		Row{Label: "2", Mark: Span, Note: "Thường xuyên", Status: PastDue},
		Row{Label: "3", Mark: Bar, End: date(2022, 6, 30), Status: PastDue},
	)}
	root := checkSVG(t, tl.SVG(), "l")
	texts := map[string]bool{}
	for _, s := range root.texts() {
		texts[s] = true
	}
	legend := vnText()
	for s, label := range legend.Legend {
		if want := s == Done || s == PastDue; texts[label] != want {
			t.Errorf("legend has %q (%s): %v, want %v", label, s, texts[label], want)
		}
	}
	for m, label := range legend.MarkLegend {
		if want := m == Span || m == By; texts[label] != want {
			t.Errorf("legend has %q (mark %d): %v, want %v", label, m, texts[label], want)
		}
	}
	var patterns []string
	for _, p := range root.named("pattern") {
		patterns = append(patterns, p.attrs["id"])
	}
	if strings.Join(patterns, " ") != "l-pat-past-due" {
		t.Errorf("patterns %q, want only l-pat-past-due", patterns)
	}
}

func TestLegendNamesAStatusWithoutLabel(t *testing.T) {
	tl := &Timeline{ID: "l", Groups: oneGroup(Row{Label: "1", Mark: NoDate, Status: Paused})}
	if texts := checkSVG(t, tl.SVG(), "l").texts(); !strings.Contains(strings.Join(texts, "|"), "paused") {
		t.Errorf("the paused style is not explained: %q", texts)
	}
}

func TestMarks(t *testing.T) {
	ax := func(rows ...Row) *node {
		rows = append(rows, Row{Label: "axis", Mark: Bar, Start: date(2022, 1, 1), End: date(2022, 12, 31)})
		return checkSVG(t, (&Timeline{ID: "m", Groups: oneGroup(rows...)}).SVG(), "m")
	}
	count := func(g *node, name string, pred func(*node) bool) int {
		n := 0
		for _, e := range g.named(name) {
			if pred == nil || pred(e) {
				n++
			}
		}
		return n
	}
	ticks := func(g *node) int {
		for _, p := range g.named("path") {
			return strings.Count(p.attrs["d"], "M")
		}
		return 0
	}
	tests := []struct {
		name  string
		row   Row
		check func(t *testing.T, g *node)
	}{
		{"by: line and diamond", Row{Mark: Bar, End: date(2022, 6, 30)}, func(t *testing.T, g *node) {
			if count(g, "line", nil) != 1 || count(g, "polygon", nil) != 1 {
				t.Errorf("want a line and a diamond")
			}
		}},
		{"open-ended: bar and arrow", Row{Mark: OpenEnded, Start: date(2022, 7, 1)}, func(t *testing.T, g *node) {
			if count(g, "polygon", nil) != 1 || count(g, "rect", func(n *node) bool { return n.attrs["height"] == "12" }) != 1 {
				t.Errorf("want a bar and an arrow head")
			}
		}},
		{"points: a diamond each", Row{Mark: Points, Points: []vntime.Date{date(2022, 3, 1), date(2022, 6, 1), date(2022, 9, 1)}}, func(t *testing.T, g *node) {
			if n := count(g, "polygon", nil); n != 3 {
				t.Errorf("%d diamonds, want 3", n)
			}
		}},
		{"span: dashed line and note", Row{Mark: Span, Note: "Thường xuyên"}, func(t *testing.T, g *node) {
			if count(g, "line", func(n *node) bool { return n.attrs["stroke-dasharray"] != "" }) != 1 || g.texts()[1] != "Thường xuyên" {
				t.Errorf("want a dashed line and the note")
			}
		}},
		{"monthly: a tick a month", Row{Mark: Repeating, Every: vntime.Monthly, Note: "Hằng tháng"}, func(t *testing.T, g *node) {
			if n := ticks(g); n != 11 { // the axis line marks January
				t.Errorf("%d ticks over a year, want 11", n)
			}
		}},
		{"half-yearly", Row{Mark: Repeating, Every: vntime.HalfYearly}, func(t *testing.T, g *node) {
			if n := ticks(g); n != 1 {
				t.Errorf("%d ticks over a year, want 1", n)
			}
		}},
		{"daily: a band", Row{Mark: Repeating, Every: "day"}, func(t *testing.T, g *node) {
			if ticks(g) != 0 || count(g, "rect", nil) != 3 { // background, chip, band
				t.Errorf("want a band, not ticks")
			}
		}},
		{"no date: the note only", Row{Mark: NoDate, Note: "Khi có chỉ đạo"}, func(t *testing.T, g *node) {
			if count(g, "line", nil)+count(g, "polygon", nil)+count(g, "path", nil) != 0 || g.texts()[1] != "Khi có chỉ đạo" {
				t.Errorf("want only the note")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.row.Label = "x"
			tt.check(t, rowGroup(t, ax(tt.row), "x"))
		})
	}
}

func TestLongNoteIsCutWithFullTextInTooltip(t *testing.T) {
	note := strings.Repeat("Khi Bộ Công an triển khai hệ thống ", 10)
	tl := &Timeline{ID: "n", Groups: oneGroup(
		Row{Label: "1", Title: "Kết nối", Mark: NoDate, Note: note},
		Row{Label: "2", Mark: Bar, Start: date(2022, 1, 1), End: date(2022, 12, 31)},
	)}
	g := rowGroup(t, checkSVG(t, tl.SVG(), "n"), "1")
	drawn := g.texts()[1]
	if !strings.HasSuffix(drawn, "…") || len(drawn) >= len(note) {
		t.Errorf("note drawn as %q", drawn)
	}
	if tip := g.title(); tip != "1 Kết nối\n"+note {
		t.Errorf("tooltip %q", tip)
	}
}

func TestRowTooltipHasISODates(t *testing.T) {
	tests := []struct {
		row  Row
		want string
	}{
		{Row{Label: "1", Title: "A", Mark: Bar, Start: date(2022, 1, 1), End: date(2022, 3, 31)}, "1 A\n2022-01-01 – 2022-03-31"},
		{Row{Label: "1", Title: "A", Mark: Bar, End: date(2024, 9, 30)}, "1 A\n… – 2024-09-30"},
		{Row{Label: "1", Mark: OpenEnded, Start: date(2024, 7, 1)}, "1\n2024-07-01 – …"},
		{Row{Label: "1", Mark: Points, Points: []vntime.Date{date(2023, 3, 31), date(2023, 6, 30)}}, "1\n2023-03-31, 2023-06-30"},
		{Row{Label: "1", Mark: Repeating, Every: vntime.Monthly, Note: "Hằng tháng"}, "1\nHằng tháng"},
	}
	for _, tt := range tests {
		if got := tt.row.tooltip(); got != tt.want {
			t.Errorf("tooltip = %q, want %q", got, tt.want)
		}
	}
}

func TestBounds(t *testing.T) {
	rows := oneGroup(
		Row{Mark: Bar, Start: date(2022, 2, 10), End: date(2022, 5, 1)},
		Row{Mark: Points, Points: []vntime.Date{date(2023, 8, 1)}},
		Row{Mark: Span},
	)
	tests := []struct {
		name          string
		tl            Timeline
		first, last   vntime.Date
		wantQuarters  int
		wantUndatable bool
	}{
		{"rows rounded out to quarters", Timeline{Groups: rows}, date(2022, 1, 1), date(2023, 9, 30), 7, false},
		{"as-of within two years", Timeline{Groups: rows, AsOf: date(2024, 9, 30)}, date(2022, 1, 1), date(2024, 9, 30), 11, false},
		{"as-of too far", Timeline{Groups: rows, AsOf: date(2026, 1, 1)}, date(2022, 1, 1), date(2023, 9, 30), 7, false},
		{"as-of before", Timeline{Groups: rows, AsOf: date(2021, 3, 1)}, date(2021, 1, 1), date(2023, 9, 30), 11, false},
		{"given bounds", Timeline{Groups: rows, Start: date(2022, 5, 5), End: date(2022, 11, 1)}, date(2022, 4, 1), date(2022, 12, 31), 3, false},
		{"only as-of", Timeline{Groups: oneGroup(Row{Mark: NoDate}), AsOf: date(2024, 9, 30)}, date(2024, 7, 1), date(2024, 9, 30), 1, false},
		{"no dates", Timeline{Groups: oneGroup(Row{Mark: Span})}, vntime.Date{}, vntime.Date{}, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := tt.tl.layout()
			if !l.dated != tt.wantUndatable {
				t.Fatalf("dated = %v", l.dated)
			}
			if tt.wantUndatable {
				return
			}
			if l.ax.first != tt.first || l.ax.last() != tt.last || l.ax.nq != tt.wantQuarters {
				t.Errorf("axis %s–%s (%d quarters), want %s–%s (%d)", l.ax.first.ISO(), l.ax.last().ISO(), l.ax.nq, tt.first.ISO(), tt.last.ISO(), tt.wantQuarters)
			}
		})
	}
}

func TestQuarterNames(t *testing.T) {
	vn := [4]string{"Quý I", "Quý II", "Quý III", "Quý IV"}
	if got := quarterNames(vn, 56); got != vn {
		t.Errorf("56px: %q", got)
	}
	if got, want := quarterNames(vn, 40), [4]string{"I", "II", "III", "IV"}; got != want {
		t.Errorf("40px: %q, want %q", got, want)
	}
	if got, want := quarterNames([4]string{"Q1", "Q2", "Q3", "Q4"}, 48), [4]string{"Q1", "Q2", "Q3", "Q4"}; got != want {
		t.Errorf("Q1..Q4: %q", got)
	}
	if got, want := quarterNames([4]string{}, 48), [4]string{"I", "II", "III", "IV"}; got != want {
		t.Errorf("empty: %q", got)
	}
}

func TestLongPlansUseNarrowerQuarters(t *testing.T) {
	tl := &Timeline{ID: "long", Text: vnText(), Groups: oneGroup(Row{Mark: Bar, Start: date(2022, 1, 1), End: date(2030, 12, 31)})}
	l := tl.layout()
	if l.ax.nq != 36 || l.ax.qw != 48 {
		t.Errorf("%d quarters of %vpx, want 36 of 48", l.ax.nq, l.ax.qw)
	}
	if l.quarters[2] != "Quý III" { // still fits at 48px

		t.Errorf("quarter names %q at 48px", l.quarters)
	}
}

func TestTimelineIsDeterministic(t *testing.T) {
	first := sampleTimeline().SVG()
	for range 20 { // the legend maps iterate in a new order each time
		if sampleTimeline().SVG() != first {
			t.Fatal("two renderings of the same timeline differ")
		}
	}
}

func TestStyleContrast(t *testing.T) {
	for _, s := range statusOrder() {
		if c := contrast(t, styleOf(s).ink); c < 3 {
			t.Errorf("%s ink %s: contrast %.2f < 3", s, styleOf(s).ink, c)
		}
	}
	// Done and DoneLate are told apart by their flat green fills too.
	for _, s := range []Status{Done, DoneLate} {
		if c := contrast(t, styleOf(s).bg); c < 3 {
			t.Errorf("%s fill: contrast %.2f < 3", s, c)
		}
	}
	for name, c := range map[string]string{"text": textColour, "as-of": asOfColour} {
		if r := contrast(t, c); r < 4.5 {
			t.Errorf("%s colour %s: contrast %.2f < 4.5", name, c, r)
		}
	}
	for name, c := range map[string]string{"year lines": yearColour, "mark legend": neutralInk} {
		if r := contrast(t, c); r < 3 {
			t.Errorf("%s colour %s: contrast %.2f < 3", name, c, r)
		}
	}
}

func TestUnknownStatusIsNoReport(t *testing.T) {
	if got := Status("whatever").known(); got != NoReport {
		t.Errorf("known() = %q", got)
	}
}

// bigTimeline is a plan of n rows in groups of 10, with every mark.
func bigTimeline(n int) *Timeline {
	tl := &Timeline{ID: "big", Title: "Kế hoạch lớn", Desc: "Nhiều nhiệm vụ", AsOf: date(2024, 9, 30), Text: vnText()}
	statuses := statusOrder()
	for i := range n {
		if i%10 == 0 {
			tl.Groups = append(tl.Groups, Group{Name: fmt.Sprintf("Nhóm %d", i/10+1)})
		}
		start := date(2022, 1, 1).AddDays(i * 3 % 900)
		r := Row{
			Label:  fmt.Sprintf("%d.%d", i/10+1, i%10+1),
			Title:  fmt.Sprintf("Nhiệm vụ số %d <thí điểm> & \"nhân rộng\"", i),
			Mark:   []Mark{Bar, Bar, Bar, OpenEnded, Points, Span, Repeating, NoDate, Bar}[i%9],
			Start:  start,
			End:    start.AddDays(90 + i%200),
			Points: []vntime.Date{start, start.AddDays(100), start.AddDays(200)},
			Every:  vntime.Monthly,
			Note:   "Thường xuyên, hằng tháng báo cáo kết quả về Công an tỉnh",
			Status: statuses[i%len(statuses)],
		}
		if i%9 == 8 {
			r.Start = vntime.Date{}
		}
		g := &tl.Groups[len(tl.Groups)-1]
		g.Rows = append(g.Rows, r)
	}
	return tl
}

func BenchmarkTimeline500(b *testing.B) {
	tl := bigTimeline(500)
	b.ReportAllocs()
	var size int
	for b.Loop() {
		size = len(tl.SVG())
	}
	b.ReportMetric(float64(size), "bytes/op-output")
}
