package citation

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// found is what a test expects of one citation: the text it spans and its
// fields. An empty Number or ID means "same as raw" / not checked.
type found struct {
	raw, number, id, kind string
}

// findCases are real sentences from /work/shared/seeds and content/dia-phuong,
// one for every form of number they contain, plus the forms the brief names.
var findCases = []struct {
	name string
	text string
	want []found
}{
	// Quyết định of the Prime Minister: "QĐ-TTg" with the lowercase g.
	{"QĐ-TTg with date", "Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ",
		[]found{{"06/QĐ-TTg", "06/QĐ-TTg", "06-qd-ttg", "Quyết định"}}},
	{"QĐ-TTg with year", "đáp ứng các yêu cầu tại Quyết định số 34/2021/QĐ-TTg ngày 08 tháng 11 năm 2021",
		[]found{{"34/2021/QĐ-TTg", "34/2021/QĐ-TTg", "34-2021-qd-ttg", "Quyết định"}}},
	{"QĐ-TTg long date", "dữ liệu quốc gia khác theo Quyết định số 1911/QĐ-TTg ngày 15 tháng 11 năm 2021 của",
		[]found{{"1911/QĐ-TTg", "1911/QĐ-TTg", "1911-qd-ttg", "Quyết định"}}},
	{"spaced dash", "chuyên ngành theo Quyết định số 1911/QĐ - TTg ngày 15/11/2021 của Thủ tướng",
		[]found{{"1911/QĐ - TTg", "1911/QĐ-TTg", "1911-qd-ttg", "Quyết định"}}},
	{"without số", "trên địa bàn thành phố theo Quyết định 766/QĐ-TTg ngày 23-6-2022 của Thủ tướng Chính phủ.",
		[]found{{"766/QĐ-TTg", "766/QĐ-TTg", "766-qd-ttg", "Quyết định"}}},
	{"trailing full stop", "đơn giản hóa so với thời điểm ban hành Quyết định 06/QĐ-TTg. + 90% hồ sơ",
		[]found{{"06/QĐ-TTg", "06/QĐ-TTg", "06-qd-ttg", "Quyết định"}}},
	{"name written twice", "(tại Phụ lục I kèm theo Quyết định số Quyết định số 06/QĐ-TTg ngày 06/01/2022 của",
		[]found{{"06/QĐ-TTg", "06/QĐ-TTg", "06-qd-ttg", "Quyết định"}}},
	{"two kinds in a row", "quy định tại Quyết định số 468/QĐ-TTg ngày 27/3/2021, Nghị định số 107/2021/NĐ-CP 06/12/2021. Phối hợp",
		[]found{
			{"468/QĐ-TTg", "468/QĐ-TTg", "468-qd-ttg", "Quyết định"},
			{"107/2021/NĐ-CP", "107/2021/NĐ-CP", "107-2021-nd-cp", "Nghị định"},
		}},
	{"Nghị định list", "tại Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 và Nghị định 107/2021/NĐ-CP ngày 06/12/2021, gắn",
		[]found{
			{"45/2020/NĐ-CP", "45/2020/NĐ-CP", "45-2020-nd-cp", "Nghị định"},
			{"107/2021/NĐ-CP", "107/2021/NĐ-CP", "107-2021-nd-cp", "Nghị định"},
		}},
	{"trailing comma", "Căn cứ quy định của Nghị định số 61/2018/NĐ-CP, Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của",
		[]found{
			{"61/2018/NĐ-CP", "61/2018/NĐ-CP", "61-2018-nd-cp", "Nghị định"},
			{"107/2021/NĐ-CP", "107/2021/NĐ-CP", "107-2021-nd-cp", "Nghị định"},
		}},
	{"Luật with a title", "(1) Tổ chức triển khai Luật Căn cước số 26/2023/QH15 ngày 27/11/2023 có hiệu lực",
		[]found{{"26/2023/QH15", "26/2023/QH15", "26-2023-qh15", "Luật"}}},
	{"Kế hoạch", "Thực hiện Kế hoạch số 80/KH-UBND ngày 03 tháng 3 năm 2022 của Ủy ban nhân dân Tỉnh",
		[]found{{"80/KH-UBND", "80/KH-UBND", "80-kh-ubnd", "Kế hoạch"}}},
	{"Kế hoạch three parts", "nhiệm vụ cụ thể tại Kế hoạch số 83/KH-UBND-CATP ngày 30-3-2024 của UBND thành phố",
		[]found{{"83/KH-UBND-CATP", "83/KH-UBND-CATP", "83-kh-ubnd-catp", "Kế hoạch"}}},
	{"Kế hoạch phối hợp with slashes", "43 mô hình điểm theo Kế hoạch phối hợp số 62/KHPH-TCDA06/CPTW-BCĐĐA06/CPHP ngày 28/6/2023 giữa Tổ công",
		[]found{{"62/KHPH-TCDA06/CPTW-BCĐĐA06/CPHP", "62/KHPH-TCDA06/CPTW-BCĐĐA06/CPHP", "62-khph-tcda06-cptw-bcdda06-cphp", "Kế hoạch"}}},
	{"header Số:", "Độc lập - Tự do - Hạnh phúc --------------- | Số: 46/KH-UBND | Đà Nẵng, ngày 10 tháng 3 năm 2022",
		[]found{{"46/KH-UBND", "46/KH-UBND", "46-kh-ubnd", "Kế hoạch"}}},
	{"lowercase công văn", "UBND thành phố ban hành công văn số 5289/UBND-CATP ngày 23-9-2024 yêu cầu các sở",
		[]found{{"5289/UBND-CATP", "5289/UBND-CATP", "5289-ubnd-catp", "Công văn"}}},
	{"Công văn", "của Chủ tịch UBND thành phố tại Công văn số 1953/UBND-CATP ngày 15-4-2024 về việc",
		[]found{{"1953/UBND-CATP", "1953/UBND-CATP", "1953-ubnd-catp", "Công văn"}}},
	{"Công văn of a ministry", "Bộ Thông tin và Truyển thong tại Công văn số 708/BTTTT-CATTT ngày 2-3-2024 về việc",
		[]found{{"708/BTTTT-CATTT", "708/BTTTT-CATTT", "708-btttt-cattt", "Công văn"}}},
	{"Công văn before full stop", "an ninh mạng tại Công văn số 1552/BTTTT-THH ngày 26-4-2024. Tiếp tục",
		[]found{{"1552/BTTTT-THH", "1552/BTTTT-THH", "1552-btttt-thh", "Công văn"}}},
	{"Công văn followed by comma", "tầm nhìn đến 2030; Công văn số 969/VPCP-KSTT, ngày 15/02/2022 của Văn Phòng Chính phủ",
		[]found{{"969/VPCP-KSTT", "969/VPCP-KSTT", "969-vpcp-kstt", "Công văn"}}},
	{"Đ inside an issuer", "thực hiện Đề án theo Công văn số 933/BKHĐT-QPAN ngày 16/02/2022 của Bộ Kế hoạch và Đầu tư",
		[]found{{"933/BKHĐT-QPAN", "933/BKHĐT-QPAN", "933-bkhdt-qpan", "Công văn"}}},
	{"Chỉ thị", "về triển khai thực hiện Chỉ thị số 04/CT-TTg ngày 11-2-2024 của Thủ tưởng Chính phủ",
		[]found{{"04/CT-TTg", "04/CT-TTg", "04-ct-ttg", "Chỉ thị"}}},
	{"Công điện", "(sau đây viết tắt là: Đề án 06); Công điện số 104/CĐ-TTg ngày 29/01/2022 của Thủ tướng",
		[]found{{"104/CĐ-TTg", "104/CĐ-TTg", "104-cd-ttg", "Công điện"}}},
	{"Nghị quyết after Đề án 06/CP", "(sau đây gọi tắt là Đề án 06/CP) ; Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ",
		[]found{{"01/NQ-CP", "01/NQ-CP", "01-nq-cp", "Nghị quyết"}}},
	{"Nghị quyết", "kết quả xét nghiệm theo Nghị quyết số 128/NQ-CP ngày 11/10/2021 của Chính phủ",
		[]found{{"128/NQ-CP", "128/NQ-CP", "128-nq-cp", "Nghị quyết"}}},
	{"Thông báo", "dự toán ngân sách nhà nước năm 2024; Thông báo số 06/TB-VPCP ngày 10/01/2024 của Văn phòng",
		[]found{{"06/TB-VPCP", "06/TB-VPCP", "06-tb-vpcp", "Thông báo"}}},
	{"front matter list", `implements = ["06/QĐ-TTg", "104/CĐ-TTg", "969/VPCP-KSTT"]`,
		[]found{
			{"06/QĐ-TTg", "06/QĐ-TTg", "06-qd-ttg", "Quyết định"},
			{"104/CĐ-TTg", "104/CĐ-TTg", "104-cd-ttg", "Công điện"},
			{"969/VPCP-KSTT", "969/VPCP-KSTT", "969-vpcp-kstt", ""},
		}},

	// Forms named in the brief that the seeds do not contain.
	{"Nghị định", "Nghị định số 107/2021/NĐ-CP", []found{{"107/2021/NĐ-CP", "107/2021/NĐ-CP", "107-2021-nd-cp", "Nghị định"}}},
	{"Kế hoạch KHPH", "Kế hoạch số 62/KHPH-CAT-UBND", []found{{"62/KHPH-CAT-UBND", "62/KHPH-CAT-UBND", "62-khph-cat-ubnd", "Kế hoạch"}}},
	{"Chỉ thị 07", "Chỉ thị số 07/CT-TTg", []found{{"07/CT-TTg", "07/CT-TTg", "07-ct-ttg", "Chỉ thị"}}},
	{"Thông tư", "Thông tư số 59/2021/TT-BCA", []found{{"59/2021/TT-BCA", "59/2021/TT-BCA", "59-2021-tt-bca", "Thông tư"}}},
	{"Nghị quyết 06", "Nghị quyết số 06/NQ-CP", []found{{"06/NQ-CP", "06/NQ-CP", "06-nq-cp", "Nghị quyết"}}},
	{"Quy định", "Quy định số 12/QyĐ-UBND", []found{{"12/QyĐ-UBND", "12/QyĐ-UBND", "12-qyd-ubnd", "Quy định"}}},
	{"Đề án with a number", "Đề án số 01/ĐA-UBND", []found{{"01/ĐA-UBND", "01/ĐA-UBND", "01-da-ubnd", "Đề án"}}},
	{"letter suffix", "Quyết định số 12a/QĐ-UBND", []found{{"12a/QĐ-UBND", "12a/QĐ-UBND", "12a-qd-ubnd", "Quyết định"}}},
	{"Tờ trình TTr", "Tờ trình số 45/TTr-UBND", []found{{"45/TTr-UBND", "45/TTr-UBND", "45-ttr-ubnd", "Tờ trình"}}},
	{"in parentheses", "(Quyết định số 06/QĐ-TTg)", []found{{"06/QĐ-TTg", "06/QĐ-TTg", "06-qd-ttg", "Quyết định"}}},
	{"before semicolon", "Chỉ thị số 07/CT-TTg; và", []found{{"07/CT-TTg", "07/CT-TTg", "07-ct-ttg", "Chỉ thị"}}},
	{"dot then a word", "Công văn số 12/UBND-VP.Trong đó", []found{{"12/UBND-VP", "12/UBND-VP", "12-ubnd-vp", "Công văn"}}},
	{"inner dot", "Công văn số 12/UBND.VP-KT", []found{{"12/UBND.VP-KT", "12/UBND.VP-KT", "12-ubnd-vp-kt", "Công văn"}}},
	{"ampersand", "Quyết định số 5/QĐ-BNN&PTNT", []found{{"5/QĐ-BNN&PTNT", "5/QĐ-BNN&PTNT", "5-qd-bnn-ptnt", "Quyết định"}}},
	{"trailing dash", "Quyết định số 06/QĐ-TTg- nội dung", []found{{"06/QĐ-TTg", "06/QĐ-TTg", "06-qd-ttg", "Quyết định"}}},
	{"spaced dash after issuer stops", "Kế hoạch số 46/KH-UBND - UBND thành phố", []found{{"46/KH-UBND", "46/KH-UBND", "46-kh-ubnd", "Kế hoạch"}}},
	{"lone type code named", "theo Quyết định số 1911/QĐ của", []found{{"1911/QĐ", "1911/QĐ", "1911-qd", "Quyết định"}}},
}

// kindCases check how Kind is read from the words before the number, from the
// type code, and from a list.
var kindCases = []struct {
	name, text string
	kinds      []string
}{
	{"upper case name", "QUYẾT ĐỊNH SỐ 06/QĐ-TTg", []string{"Quyết định"}},
	{"title case name", "Quyết Định Số 06/QĐ-TTg", []string{"Quyết định"}},
	{"name in bold", "**Quyết định** số 06/QĐ-TTg", []string{"Quyết định"}},
	{"colon after số", "Kế hoạch số: 31/KH-UBND", []string{"Kế hoạch"}},
	{"name on the previous line", "Nghị định số\n107/2021/NĐ-CP", []string{"Nghị định"}},
	{"from QĐ", "theo 1911/QĐ-TTg", []string{"Quyết định"}},
	{"from QD", "theo 1911/QD-TTg", []string{"Quyết định"}},
	{"from NĐ", "107/2021/NĐ-CP", []string{"Nghị định"}},
	{"from KH prefix", "62/KHPH-CAT-UBND", []string{"Kế hoạch"}},
	{"from CT", "07/CT-TTg", []string{"Chỉ thị"}},
	{"from TT", "59/2021/TT-BCA", []string{"Thông tư"}},
	{"from NQ", "06/NQ-CP", []string{"Nghị quyết"}},
	{"from TB", "06/TB-VPCP", []string{"Thông báo"}},
	{"from QyĐ", "12/QyĐ-UBND", []string{"Quy định"}},
	{"TTg is an issuer not a type", "1234/TTg-KSTT", []string{""}},
	{"QH alone is a law", "26/2023/QH15", []string{"Luật"}},
	{"QH named Nghị quyết", "Nghị quyết số 30/2021/QH15", []string{"Nghị quyết"}},
	{"word beats code", "Công văn số 12/KH-UBND", []string{"Công văn"}},
	{"list carries the name", "Công văn số 708/BTTTT-CATTT và 1552/BTTTT-THH", []string{"Công văn", "Công văn"}},
	{"list with commas", "các Công văn số 969/VPCP-KSTT, 933/BKHĐT-QPAN", []string{"Công văn", "Công văn"}},
	{"code beats list", "Quyết định số 06/QĐ-TTg và 107/2021/NĐ-CP", []string{"Quyết định", "Nghị định"}},
	{"list broken by words", "Công văn số 708/BTTTT-CATTT của Bộ, 1552/BTTTT-THH", []string{"Công văn", ""}},
	{"word is a whole word", "Quyết định nghị quyết 06/NQ-CP", []string{"Nghị quyết"}},
	{"not part of a longer word", "xluật 26/2023/QH15", []string{"Luật"}},
	{"Thông báo kết luận", "Thông báo kết luận số 06/TB-VPCP", []string{"Thông báo"}},
	{"Đề án approved by a Quyết định", "Đề án 06/QĐ-TTg", []string{"Quyết định"}},
	{"Thông tư liên tịch", "Thông tư liên tịch số 01/2015/TTLT-BCA-BQP", []string{"Thông tư liên tịch"}},
}

// notNumbers are real strings from the seeds (and common shapes) that look
// like numbers but are not.
var notNumbers = []string{
	"ngày 06/01/2022 của Thủ tướng",
	"ngày 06/12/2021.",
	"ngày 15/02/2022",
	"ngày 23-9-2024 yêu cầu",
	"ngày 30-9-2024",
	"hoàn thành trong tháng 02/2024.",
	"Tháng 5/2022",
	"| 12/2022* |",
	"100 % công dân",
	"đạt 100%",
	"1/2 số hồ sơ",
	"24/7",
	"giai đoạn 2022 - 2025",
	"(sau đây gọi tắt là Đề án 06/CP) ;",
	"của Đề án 06/CP.",
	"43 mô hình điểm về Đè án 06/CP của các sở",
	"- Tổ Công tác triển khai Đề án 06/CP - BCA;",
	"Đề án 06/CP-BCA",
	"Cấp điện mới từ lưới điện hạ áp (220/380V)",
	"tổ dân phố/thôn",
	"nhà số 12/3 Lê Lợi",
	"kiệt 12/K34",
	"5/CHỈ TIÊU",
	"“5 - 4 - 3 - 2 - 1, gồm:",
	"06/QĐ-ttg", // lowercase codes are not codes, and 06/QĐ alone names no type
	"06/Quyết định",
	"TCDA06/CPTW",
	"1.911/QĐ-TTg",
	"06/QĐ-TTgx",
	"06/ΩΔ-TTg",
	"Quyết định số 5/CHỈ TIÊU",
	"Quyết định số 5/Ủ-BND",
}

func check(t *testing.T, text string, got []Citation, want []found) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("Find(%q) = %+v, want %d citations", text, got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if raw := text[g.Start:g.End]; raw != w.raw {
			t.Errorf("Find(%q)[%d] spans %q, want %q", text, i, raw, w.raw)
		}
		if g.Number != w.number || g.ID != w.id || g.Kind != w.kind {
			t.Errorf("Find(%q)[%d] = %q %q %q, want %q %q %q", text, i, g.Number, g.ID, g.Kind, w.number, w.id, w.kind)
		}
	}
}

func TestFind(t *testing.T) {
	for _, tc := range findCases {
		t.Run(tc.name, func(t *testing.T) {
			check(t, tc.text, Find(tc.text), tc.want)
		})
	}
}

func TestFindNotNumbers(t *testing.T) {
	for _, text := range notNumbers {
		if got := Find(text); len(got) != 0 {
			t.Errorf("Find(%q) = %+v, want none", text, got)
		}
	}
}

func TestFindKind(t *testing.T) {
	for _, tc := range kindCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.text)
			if len(got) != len(tc.kinds) {
				t.Fatalf("Find(%q) = %+v, want %d citations", tc.text, got, len(tc.kinds))
			}
			for i, k := range tc.kinds {
				if got[i].Kind != k {
					t.Errorf("Find(%q)[%d].Kind = %q, want %q", tc.text, i, got[i].Kind, k)
				}
			}
		})
	}
}

// The same document spelt with "Đ", "D", "Ð" (U+00D0) or in NFD gets one ID;
// Number keeps the text's spelling but never the look-alike Ð.
func TestFindSpellings(t *testing.T) {
	cases := []struct{ text, number string }{
		{"Quyết định số 06/QĐ-TTg", "06/QĐ-TTg"},
		{"Quyết định số 06/QD-TTg", "06/QD-TTg"},
		{"Quyết định số 06/Q\u00d0-TTg", "06/QĐ-TTg"},
		{"Quyết định số 06/QĐ\u2013TTg", "06/QĐ-TTg"},
		{"Quyết định số 06/QĐ -TTg", "06/QĐ-TTg"},
		{norm.NFD.String("Quyết định số 06/QĐ-TTg"), "06/QĐ-TTg"},
	}
	for _, tc := range cases {
		got := Find(tc.text)
		if len(got) != 1 {
			t.Errorf("Find(%q) = %+v, want one", tc.text, got)
			continue
		}
		c := got[0]
		if c.Number != tc.number || c.ID != "06-qd-ttg" || c.Kind != "Quyết định" {
			t.Errorf("Find(%q) = %q %q %q", tc.text, c.Number, c.ID, c.Kind)
		}
	}
}

// Every number in the seeds and in the published plans must be found, and
// "Đề án 06/CP", the programme's name, must not be.
func TestFindSeeds(t *testing.T) {
	want := []string{
		"01/NQ-CP", "04/CT-TTg", "06/QĐ-TTg", "06/TB-VPCP", "104/CĐ-TTg", "107/2021/NĐ-CP",
		"128/NQ-CP", "1552/BTTTT-THH", "1911/QĐ-TTg", "11/KH-UBND", "2274/KH-UBND", "1953/UBND-CATP", "26/2023/QH15",
		"31/KH-UBND", "34/2021/QĐ-TTg", "45/2020/NĐ-CP", "46/KH-UBND", "468/QĐ-TTg",
		"5289/UBND-CATP", "61/2018/NĐ-CP", "62/KHPH-TCDA06/CPTW-BCĐĐA06/CPHP", "708/BTTTT-CATTT",
		"766/QĐ-TTg", "80/KH-UBND", "83/KH-UBND-CATP", "933/BKHĐT-QPAN", "969/VPCP-KSTT",
	}
	got := map[string]bool{}
	for _, text := range seedTexts(t) {
		for _, c := range Find(text) {
			got[c.Number] = true
		}
	}
	for _, n := range want {
		if !got[n] {
			t.Errorf("seeds: %s not found", n)
		}
		delete(got, n)
	}
	for n := range got {
		t.Errorf("seeds: unexpected %s", n)
	}
}

func TestFindInvariantsOnSeeds(t *testing.T) {
	for _, text := range seedTexts(t) {
		checkInvariants(t, text, Find(text))
	}
}

var idShape = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func checkInvariants(t *testing.T, text string, cs []Citation) {
	t.Helper()
	prev := 0
	for _, c := range cs {
		if c.Start < prev || c.Start >= c.End || c.End > len(text) {
			t.Fatalf("Find(%q): bad span %d:%d after %d", text, c.Start, c.End, prev)
		}
		if !idShape.MatchString(c.ID) {
			t.Fatalf("Find(%q): bad ID %q", text, c.ID)
		}
		if c.Number == "" || strings.ContainsAny(c.Number, " \u00d0") {
			t.Fatalf("Find(%q): bad Number %q", text, c.Number)
		}
		prev = c.End
	}
}

func FuzzFind(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.text)
	}
	for _, s := range notNumbers {
		f.Add(s)
	}
	f.Add("1/A/A/A-B - C 2/Đ.Đ&X 3a/2024/QH15 4/TTg-\u00d0")
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, Find(text))
	})
}

// benchText is a paragraph as the plans write them, dense with dates and
// numbers.
var benchText = strings.Repeat("Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ "+
	"phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số "+
	"quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030 (sau đây gọi tắt là Đề án 06/CP) ; Nghị quyết số "+
	"01/NQ-CP ngày 05/01/2024 của Chính phủ; Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 và Nghị định "+
	"107/2021/NĐ-CP ngày 06/12/2021; Kế hoạch phối hợp số 62/KHPH-TCDA06/CPTW-BCĐĐA06/CPHP ngày 28/6/2023; "+
	"100 % công dân trên địa bàn được tuyên truyền, hoàn thành trong tháng 02/2024. ", 20)

func BenchmarkFind(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Find(benchText)
	}
}

// BenchmarkFindLong checks that Find stays linear: ten times the text should
// take about ten times as long.
func BenchmarkFindLong(b *testing.B) {
	text := strings.Repeat(benchText, 10)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text)
	}
}

func TestIDOf(t *testing.T) {
	tests := map[string]string{"46/KH-UBND": "46-kh-ubnd", "1911/QĐ-TTg": "1911-qd-ttg", "107/2021/NĐ-CP": "107-2021-nd-cp", "Kế hoạch 1": "", "": ""}
	for in, want := range tests {
		if got := IDOf(in); got != want {
			t.Errorf("IDOf(%q) = %q, want %q", in, got, want)
		}
	}
}
