package importer

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/recognize"
)

func TestDecode(t *testing.T) {
	const want = "Đà Nẵng\nngày 10"
	tests := []struct {
		name string
		src  []byte
	}{
		{"UTF-8", []byte(want)},
		{"UTF-8 with BOM", append([]byte("\xEF\xBB\xBF"), want...)},
		{"CRLF", []byte("Đà Nẵng\r\nngày 10")},
		{"CR", []byte("Đà Nẵng\rngày 10")},
		{"NFD", []byte("Đa\u0300 Na\u0306\u0303ng\nngày 10")},
		{"UTF-16 LE", utf16Bytes([]byte(want), false)},
		{"UTF-16 BE", utf16Bytes([]byte(want), true)},
	}
	for _, tt := range tests {
		got, err := Decode("f.txt", tt.src)
		if err != nil || got != want {
			t.Errorf("%s: Decode = %q, %v; want %q", tt.name, got, err, want)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		line int
		msg  string
	}{
		{"legacy encoding", []byte("KẾ HOẠCH\nabc\nx\xa9y\n"), 3, "not UTF-8"},
		{"odd UTF-16", []byte{0xFF, 0xFE, 'a', 0, 'b'}, 0, "odd number of bytes"},
		{"UTF-16 without BOM", utf16Bytes([]byte("Kế hoạch số 46 của thành phố"), false)[2:], 0, "without a byte order mark"},
	}
	for _, tt := range tests {
		_, err := Decode("f.txt", tt.src)
		var e *Error
		if !errors.As(err, &e) || e.Line != tt.line || !strings.Contains(e.Msg, tt.msg) {
			t.Errorf("%s: error %v, want line %d and %q", tt.name, err, tt.line, tt.msg)
		}
	}
}

func TestSplitLinesTidiesSpaces(t *testing.T) {
	got := SplitLines("1.  Tăng\u00a0cường  \n a \t b\t\n\u200bx\n")
	want := []Line{{1, "1. Tăng cường"}, {2, "a\tb\t"}, {3, "x"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SplitLines = %+v, want %+v", got, want)
	}
}

func TestParseMark(t *testing.T) {
	tests := []struct {
		in    string
		kind  markKind
		value string
	}{
		{"I. MỤC ĐÍCH, YÊU CẦU", romanMark, "I"},
		{"IV. TỔ CHỨC THỰC HIỆN", romanMark, "IV"},
		{"1. Mục đích", dottedMark, "1"},
		{"5.1.1. Kết nối", dottedMark, "5.1.1"},
		{"1.1 Bám sát", dottedMark, "1.1"},
		{"(3) Đánh giá", parenMark, "3"},
		{"đ) Nhóm xây dựng", letterMark, "đ"},
		{"a) Công an thành phố", letterMark, "a"},
		// Wrapped lines that only look numbered.
		{"2022.", noMark, ""},
		{"11 năm 2021 của Thủ tướng", noMark, ""},
		{"1.5 triệu người", noMark, ""},
		{"II/2022.", noMark, ""},
		{"2. năm sau", noMark, ""},
		{"99. Việc", noMark, ""},
	}
	for _, tt := range tests {
		m := parseMark(tt.in)
		if m.kind != tt.kind || m.value != tt.value {
			t.Errorf("parseMark(%q) = %v %q, want %v %q", tt.in, m.kind, m.value, tt.kind, tt.value)
		}
	}
}

func TestFieldLines(t *testing.T) {
	tests := []struct {
		in    string
		field recognize.Field
		value string
	}{
		{"- Cơ quan chủ trì: Văn phòng UBND thành phố.", recognize.Lead, "Văn phòng UBND thành phố."},
		{"Cơ quan thực hiện: Các cơ quan, ban, ngành xã.", recognize.Lead, "Các cơ quan, ban, ngành xã."},
		{"- Đơn vị chủ trì đề xuất kiểm tra: Sở Thông tin và Truyền thông;", recognize.Lead, "Sở Thông tin và Truyền thông;"},
		{"- Thời gian, địa điểm thực hiện: Tại bộ phận một cửa", recognize.Due, "Tại bộ phận một cửa"},
		{"- Chỉ tiêu thực hiện:", recognize.Targets, ""},
		{"- Lưu: VT.", recognize.NoField, ""},
		{"• Cơ quan phối hợp: Sở Y tế.", recognize.Support, "Sở Y tế."},
		{"Phối hợp với Công an xã, Văn phòng HĐND và UBND xã và các đơn vị có liên quan:", recognize.NoField, ""},
	}
	for _, tt := range tests {
		_, value, f, _ := fieldLine(tt.in)
		if f != tt.field || (f != recognize.NoField && value != tt.value) {
			t.Errorf("fieldLine(%q) = %v %q, want %v %q", tt.in, f, value, tt.field, tt.value)
		}
	}
	label, value, ok := colonlessLabel("- Thời gian hoàn thành trong quý II năm 2022.")
	if !ok || label != "Thời gian hoàn thành" || value != "trong quý II năm 2022." {
		t.Errorf("colonlessLabel = %q %q %v", label, value, ok)
	}
	if _, _, ok := colonlessLabel("- Thời gian thực hiện: Trong năm 2022."); ok {
		t.Error("a field with its colon was read as lacking it")
	}
}

func texts(blocks []block) []string {
	var out []string
	for _, b := range blocks {
		out = append(out, b.text)
	}
	return out
}

func lines(s string) []Line { return SplitLines(s) }

// Unwrap joins what a PDF wrapped and keeps apart what the document
// separates; each case is a situation of the seed documents.
func TestUnwrap(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"heading in capitals wrapped", "III. NỘI DUNG THỰC\nHIỆN\n1. Nghiên cứu tổng\nhợp những vấn đề",
			[]string{"III. NỘI DUNG THỰC HIỆN", "1. Nghiên cứu tổng hợp những vấn đề"}},
		{"field values wrapped", "- Cơ quan chủ trì: Văn phòng UBND\nthành phố.\n- Cơ quan phối hợp: Công an thành phố;\ncác sở, ban, ngành.",
			[]string{"- Cơ quan chủ trì: Văn phòng UBND thành phố.", "- Cơ quan phối hợp: Công an thành phố; các sở, ban, ngành."}},
		{"short title, then a paragraph", "2.2. Công an thành phố\nNgoài các nhiệm vụ được phân công tại\nmục III Kế hoạch này",
			[]string{"2.2. Công an thành phố", "Ngoài các nhiệm vụ được phân công tại mục III Kế hoạch này"}},
		{"a function word goes on", "5.1.1. Kết nối, chia sẻ dữ liệu giữa\nCơ sở dữ liệu quốc gia.",
			[]string{"5.1.1. Kết nối, chia sẻ dữ liệu giữa Cơ sở dữ liệu quốc gia."}},
		{"a page break inside a sentence", "- 100% người dân sử dụng dịch vụ mức độ 4\n\nđược định danh.\n\nThực hiện việc đổi mới.",
			[]string{"- 100% người dân sử dụng dịch vụ mức độ 4 được định danh.", "Thực hiện việc đổi mới."}},
		{"a year range cut at its dash", "giai đoạn 2022\n- 2025, tầm nhìn",
			[]string{"giai đoạn 2022 - 2025, tầm nhìn"}},
		{"an agency cut at its dash inside a field", "- Cơ quan chủ trì: Sở Lao động\n- Thương binh và Xã hội.\n- Thời gian thực hiện: Năm 2022.",
			[]string{"- Cơ quan chủ trì: Sở Lao động - Thương binh và Xã hội.", "- Thời gian thực hiện: Năm 2022."}},
		{"labels without dashes", "Nghiên cứu, rà soát.\n\nCơ quan thực hiện: Các cơ quan.\n\nThời gian hoàn thành: Trong tháng 3 năm 2022.",
			[]string{"Nghiên cứu, rà soát.", "Cơ quan thực hiện: Các cơ quan.", "Thời gian hoàn thành: Trong tháng 3 năm 2022."}},
		{"table rows and layout", "STT\tNội dung\n1\tViệc\n---\t--\n|",
			[]string{"STT\tNội dung", "1\tViệc", "---\t--", "|"}},
		{"a label with its value on the next line", "- Thời gian thực hiện:\nTrong quý I năm 2022.\n- Chỉ tiêu:\n+ 100% hồ sơ.",
			[]string{"- Thời gian thực hiện: Trong quý I năm 2022.", "- Chỉ tiêu:", "+ 100% hồ sơ."}},
		{"indentation by tabs is not a table", "\tThực hiện Quyết định số 06/QĐ-TTg\n\tngày 06/01/2022.",
			[]string{"Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022."}},
		{"an emphasis span cut by a line break", "*(Kèm theo Kế hoạch số 1/KH-UBND*\n*của UBND thành phố Huế)*",
			[]string{"*(Kèm theo Kế hoạch số 1/KH-UBND của UBND thành phố Huế)*"}},
	}
	for _, tt := range tests {
		if got := texts(Unwrap(lines(tt.in))); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestReadHeader(t *testing.T) {
	tests := []struct {
		name, in              string
		number, issued        string
		issuer, unitKind      string
		title                 string
		caps                  bool
		numberLine, issuerLin int
	}{
		{name: "Đà Nẵng, wrapped in a layout table",
			in:     "ỦY\nBAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố:\n46/KH-UBND\n|\nĐà\nNẵng, ngày 10 tháng 3 năm 2022\nKẾ HOẠCH\nTRIỂN KHAI ĐỀ ÁN\nTRÊN ĐỊA BÀN THÀNH PHỐ\nThực hiện Quyết định",
			number: "46/KH-UBND", issued: "2022-03-10", issuer: "Ủy ban nhân dân thành phố Đà Nẵng", unitKind: "thành phố",
			title: "TRIỂN KHAI ĐỀ ÁN TRÊN ĐỊA BÀN THÀNH PHỐ", caps: true, numberLine: 9, issuerLin: 1},
		{name: "Lạc Hồng: no issuer, spaced number",
			in:     "\nSố: 11 /KH-UBND\n\nLạc Hồng, ngày 10 tháng 4 năm 2022\n\nKẾ HOẠCH\n\nTriển khai thực hiện Đề án\n\nThực hiện Kế hoạch số",
			number: "11/KH-UBND", issued: "2022-04-10", title: "Triển khai thực hiện Đề án", numberLine: 2},
		{name: "a province over a district",
			in:     "UBND TỈNH THỪA THIÊN HUẾ\nUBND THÀNH PHỐ HUẾ\nSố: 2274/KH-UBND\nHuế, ngày 07 tháng 4 năm 2022\nKẾ HOẠCH\nTRIỂN KHAI ĐỀ ÁN 06\nI. MỤC TIÊU",
			number: "2274/KH-UBND", issued: "2022-04-07", issuer: "Ủy ban nhân dân thành phố Huế", unitKind: "thành phố",
			title: "TRIỂN KHAI ĐỀ ÁN 06", caps: true, numberLine: 3, issuerLin: 2},
		{name: "a commune",
			in:     "UBND XÃ LẠC HỒNG\n-------\nSố: 11/KH-UBND\nLạc Hồng, ngày 10 tháng 4 năm 2022\nKẾ HOẠCH\nTriển khai Đề án 06\n",
			number: "11/KH-UBND", issued: "2022-04-10", issuer: "Ủy ban nhân dân xã Lạc Hồng", unitKind: "xã",
			title: "Triển khai Đề án 06", numberLine: 3, issuerLin: 1},
		{name: "a date in figures, a header in tab-separated columns",
			in:     "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN VĂN LÂM\tĐộc lập - Tự do - Hạnh phúc\nSố: 5/KH-UBND\tVăn Lâm, ngày 3/2/2023\nKẾ HOẠCH\nViệc\n",
			number: "5/KH-UBND", issued: "2023-02-03", issuer: "Ủy ban nhân dân huyện Văn Lâm", unitKind: "huyện",
			title: "Việc", numberLine: 3, issuerLin: 1},
		{name: "Markdown from a converter, a date that does not exist",
			in:    "## **KẾ HOẠCH**\n\n### **Triển khai thực hiện Đề án**\n\nHuế, ngày 31 tháng 2 năm 2022",
			title: "Triển khai thực hiện Đề án"},
	}
	for _, tt := range tests {
		h, err := ReadHeader("f.txt", lines(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		issued := ""
		if !h.Issued.IsZero() {
			issued = h.Issued.Format("2006-01-02")
		}
		got := []any{h.Number, issued, h.Issuer, h.Unit.Kind, h.Title, h.TitleCaps, h.NumberLine, h.IssuerLine}
		want := []any{tt.number, tt.issued, tt.issuer, tt.unitKind, tt.title, tt.caps, tt.numberLine, tt.issuerLin}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %v\nwant %v", tt.name, got, want)
		}
	}
	_, err := ReadHeader("news.txt", lines("UBND thành phố ban hành công văn số 5289/UBND-CATP\nCụ thể, …"))
	var e *Error
	if !errors.As(err, &e) || e.Line != 1 || !strings.Contains(e.Msg, "does not look like a plan") {
		t.Errorf("a news item read as a plan: %v", err)
	}
}

func TestUnitLevel(t *testing.T) {
	tests := []struct {
		unit  Unit
		depth int
		name  string
		level string
	}{
		{Unit{"thành phố", "Đà Nẵng"}, 1, "Thành phố Đà Nẵng", "tinh"},
		{Unit{"thành phố", "Huế"}, 2, "Thành phố Huế", "huyen"},
		{Unit{"thành phố", "Bắc Ninh"}, 2, "Thành phố Bắc Ninh", "huyen"},
		{Unit{"thành phố", "Bắc Ninh"}, 1, "Thành phố Bắc Ninh", "tinh"},
		{Unit{"tỉnh", "Hưng Yên"}, 1, "Tỉnh Hưng Yên", "tinh"},
		{Unit{"huyện", "Văn Lâm"}, 2, "Huyện Văn Lâm", "huyen"},
		{Unit{"xã", "Lạc Hồng"}, 3, "Xã Lạc Hồng", "xa"},
		{Unit{"phường", "Hải Châu I"}, 3, "Phường Hải Châu I", "xa"},
		{Unit{}, 1, "", ""},
	}
	for _, tt := range tests {
		if n, l := tt.unit.LocalityName(), tt.unit.Level(tt.depth); n != tt.name || l != tt.level {
			t.Errorf("%v at depth %d = %q %q, want %q %q", tt.unit, tt.depth, n, l, tt.name, tt.level)
		}
	}
}

func TestFindSignature(t *testing.T) {
	tests := []struct {
		name, in    string
		signer      string
		title       string
		notFound    bool
		first, last int
	}{
		{name: "title over name", in: "- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn Tùng\n\nNguồn tra cứu: x",
			signer: "Nguyễn Văn Tùng", title: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", first: 1, last: 3},
		{name: "a title cut in two", in: "- Lưu: VT (NC).\n|\nCHỦ\nTỊCH\n(Đã ký)\nLê Trung Chinh\n|",
			signer: "Lê Trung Chinh", title: "CHỦ TỊCH", first: 2, last: 5},
		{name: "bold, before the appendices", in: "**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**\n\n**Võ Lê Nhật**\n\n**Phụ lục I**\n**Nguyễn Văn An**",
			signer: "Võ Lê Nhật", title: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", first: 0, last: 3},
		{name: "no signature", in: "3. Quá trình triển khai thực hiện.\nNơi nhận:\n- Lưu: VT.", notFound: true},
	}
	for _, tt := range tests {
		s, ok := findSignature(lines(tt.in))
		if ok == tt.notFound {
			t.Errorf("%s: found = %v", tt.name, ok)
			continue
		}
		if ok && (s.name != tt.signer || s.title() != tt.title || s.first != tt.first || s.last != tt.last) {
			t.Errorf("%s: %q %q lines %d–%d, want %q %q lines %d–%d", tt.name, s.name, s.title(), s.first, s.last, tt.signer, tt.title, tt.first, tt.last)
		}
	}
}

func TestBuildTable(t *testing.T) {
	rows := []rawRow{
		{cells: splitCells("TT\tThủ tục\tCơ quan thực hiện\tCơ quan phối hợp\tThời gian thực hiện"), line: 1},
		{cells: splitCells("<b>I</b>\t<b>MỤC</b>\t\t\t"), line: 2},
		{cells: splitCells("10\tĐăng ký khai tử\tPhòng Tư pháp\tQuý I năm 2022\t"), line: 3},
		{cells: splitCells("12\tLiên thông cho trẻ\tPhòng Tư pháp, Bảo\tTháng 5/2022\t"), line: 4},
		{cells: splitCells("\tdưới 6 tuổi\thiểm xã hội tỉnh\t\t"), line: 6, blankBefore: true},
		{cells: splitCells("16\tĐăng ký biến động\tPhòng Tài nguyên"), line: 7},
		{cells: splitCells("17\tCấp đổi\tSở A\tSở B\tTháng 5/2022\tthừa | ra"), line: 8},
	}
	n := &notes{}
	tb := buildTable(rows, n)
	want := `| TT | Thủ tục | Cơ quan thực hiện | Cơ quan phối hợp | Thời gian thực hiện |
|---|---|---|---|---|
| **I** | **MỤC** | | | |
| 10 | Đăng ký khai tử | Phòng Tư pháp | | Quý I năm 2022 |
| 12 | Liên thông cho trẻ dưới 6 tuổi | Phòng Tư pháp, Bảo hiểm xã hội tỉnh | | Tháng 5/2022 |
| 16 | Đăng ký biến động | Phòng Tài nguyên | | |
| 17 | Cấp đổi | Sở A | Sở B | Tháng 5/2022 thừa \| ra |`
	if got := tb.markdown(); got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
	kinds := map[NoteKind]int{}
	for _, x := range n.list {
		kinds[x.Kind]++
	}
	if kinds[Corrected] != 4 || kinds[Check] != 1 || len(tb.fixes) != 5 {
		t.Errorf("notes %v, fixes %q", n.list, tb.fixes)
	}
	if tb.taskColumns() {
		t.Error("a table of procedures read as a table of tasks")
	}
}

func TestCaseBook(t *testing.T) {
	cb := newCaseBook([]string{
		"Thực hiện Đề án phát triển ứng dụng dữ liệu tại thành phố Đà Nẵng và đề xuất với UBND.",
		"Các sở đề xuất triển khai Đề án 06/CP trên địa bàn thành phố Đà Nẵng.",
	})
	got := planTitle("TRIỂN KHAI ĐỀ ÁN “PHÁT TRIỂN ỨNG DỤNG” TRÊN ĐỊA BÀN THÀNH PHỐ ĐÀ NẴNG, ĐỀ XUẤT VỚI UBND", true, cb)
	want := "Kế hoạch triển khai Đề án “Phát triển ứng dụng” trên địa bàn thành phố Đà Nẵng, đề xuất với UBND"
	if got != want {
		t.Errorf("planTitle = %q, want %q", got, want)
	}
	if got := planTitle("Triển khai thực hiện Đề án", false, cb); got != "Kế hoạch triển khai thực hiện Đề án" {
		t.Errorf("planTitle = %q", got)
	}
}

// Whatever the text lacks is left out of the front matter and named in
// the report; the file cannot then be named, so it has no slug.
func TestImportLeavesOutWhatTheTextDoesNotState(t *testing.T) {
	res, err := Import("f.txt", []byte("KẾ HOẠCH\nTRIỂN KHAI ĐỀ ÁN 06\nI. NHIỆM VỤ\n1. Kết nối dữ liệu.\n- Cơ quan chủ trì: Công an tỉnh.\n- Thời gian thực hiện: Năm 2022.\n"))
	if err != nil {
		t.Fatal(err)
	}
	fm := strings.SplitN(string(res.Markdown), "+++", 3)[1]
	for _, key := range []string{"number", "issued", "issuer", "signer"} {
		if strings.Contains(fm, "\n"+key+" ") {
			t.Errorf("front matter has %s although the text does not state it:\n%s", key, fm)
		}
	}
	if res.Slug != "" {
		t.Errorf("slug %q without number and date", res.Slug)
	}
	missing := strings.Join(res.Report.Missing, "\n")
	for _, want := range []string{"number:", "issued:", "issuer:", "signer, signer_title:"} {
		if !strings.Contains(missing, want) {
			t.Errorf("report does not say %q is missing:\n%s", want, missing)
		}
	}
	if res.Report.Tasks != 1 {
		t.Errorf("%d tasks, want 1", res.Report.Tasks)
	}
}

// A field whose label lacks its ":" is corrected, and the file says so
// where it happened.
func TestImportCorrectsAMissingColonAndSaysSo(t *testing.T) {
	src := "Số: 1/KH-UBND\nHà Nội, ngày 1 tháng 2 năm 2024\nKẾ HOẠCH\nVIỆC\nI. NHIỆM VỤ\n1. Kết nối dữ liệu.\n- Cơ quan chủ trì: Công an.\n- Thời gian hoàn thành trong quý II năm 2022.\n2. Số hóa.\n- Cơ quan chủ trì: Sở Tư pháp.\n"
	res, err := Import("f.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	md := string(res.Markdown)
	for _, want := range []string{
		"- Thời gian hoàn thành: trong quý II năm 2022.\n\n<!-- Nguồn: dòng \"Thời gian hoàn thành trong quý II năm 2022.\" thiếu dấu \":\"",
		"### 2. Số hóa.\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("output lacks %q:\n%s", want, md)
		}
	}
	if len(res.Report.Build) != 0 {
		t.Errorf("the build would report %v", res.Report.Build)
	}
}

// Phases: "* Giai đoạn …:" becomes a heading, and a paragraph under it its
// target, as the build reads phases.
func TestImportPhases(t *testing.T) {
	src := "KẾ HOẠCH\nVIỆC\nI. MỤC TIÊU\n2.1. Nhóm tiện ích:\n* Trong năm 2022:\n- Hoàn thành kết nối.\nGiai đoạn 2024 - 2025:\nTiếp tục làm giàu dữ liệu.\n"
	res, err := Import("f.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	md := string(res.Markdown)
	want := "### 2.1. Nhóm tiện ích\n\n#### Trong năm 2022\n\n- Hoàn thành kết nối.\n\n#### Giai đoạn 2024 - 2025\n\n- Tiếp tục làm giàu dữ liệu.\n"
	if !strings.Contains(md, want) {
		t.Errorf("output:\n%s\nwant it to contain:\n%s", md, want)
	}
	if res.Report.Phases != 2 {
		t.Errorf("%d phases, want 2", res.Report.Phases)
	}
}

// A numbered item without fields beside tasks is written as a heading, so
// that the build stops there, and the report names its line.
func TestImportNamesATaskWithoutFields(t *testing.T) {
	src := "KẾ HOẠCH\nVIỆC\nI. NHIỆM VỤ\n1. Kết nối\n- Cơ quan chủ trì: Công an.\n2. Số hóa\n3. Đào tạo\n- Cơ quan chủ trì: Sở.\n"
	res, err := Import("f.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, n := range res.Report.Notes {
		if n.Kind == Unplaced && n.Line == 6 && strings.Contains(n.Msg, "has no fields") {
			found = true
		}
	}
	if !found {
		t.Errorf("report notes %v do not name line 6", res.Report.Notes)
	}
	if len(res.Report.Build) != 1 || res.Report.Build[0].Source != 6 {
		t.Errorf("build problems %+v, want one at source line 6", res.Report.Build)
	}
}

// Lists around a task's fields stay lists of their own, so that the build
// reads the fields, and only them, as fields.
func TestImportListsAroundFields(t *testing.T) {
	src := "KẾ HOẠCH\nVIỆC\nI. NHIỆM VỤ\n1. Kết nối dữ liệu:\n- kết nối hộ tịch;\n- kết nối thuế.\n- Cơ quan chủ trì: Công an.\n- Chỉ tiêu thực hiện:\n+ 100% hồ sơ.\n+ 90% người dân.\n- Thời gian thực hiện: Năm 2022.\n- Ghi chú thêm.\n+ chi tiết.\n"
	res, err := Import("f.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := "### 1. Kết nối dữ liệu\n\n* kết nối hộ tịch;\n* kết nối thuế.\n- Cơ quan chủ trì: Công an.\n- Chỉ tiêu thực hiện:\n  - 100% hồ sơ.\n  - 90% người dân.\n- Thời gian thực hiện: Năm 2022.\n* Ghi chú thêm.\n  - chi tiết.\n"
	if md := string(res.Markdown); !strings.Contains(md, want) {
		t.Errorf("output:\n%s\nwant it to contain:\n%s", md, want)
	}
	if res.Report.Tasks != 1 || len(res.Report.Build) != 0 {
		t.Errorf("%d tasks, build problems %+v", res.Report.Tasks, res.Report.Build)
	}
}

// Text that Markdown would read as a code block or HTML is escaped, so
// that it cannot swallow the tasks after it.
func TestImportEscapesMarkdown(t *testing.T) {
	src := "KẾ HOẠCH\nVIỆC\nI. NHIỆM VỤ:\n```Go\n\n<!-- Ghi chú\n\n- ```x\n# Không phải tiêu đề\n1. Kết nối.\n- Cơ quan chủ trì: Công an.\n"
	res, err := Import("f.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.Tasks != 1 || len(res.Report.Build) != 0 {
		t.Errorf("%d tasks, build problems %+v:\n%s", res.Report.Tasks, res.Report.Build, res.Markdown)
	}
	for _, want := range []string{"\n\\```Go\n", "\n\\<!-- Ghi chú\n", "\n- \\```x\n", "\nKhông phải tiêu đề\n"} {
		if !strings.Contains(string(res.Markdown), want) {
			t.Errorf("output lacks %q:\n%s", want, res.Markdown)
		}
	}
}
