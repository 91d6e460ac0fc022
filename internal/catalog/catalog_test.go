package catalog_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/catalog"
	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/vnfold"
)

// root is the repository, whose content and catalogue the tests read.
const root = "../.."

// file is the catalogue, as load reads it.
const file = "data/catalog.toml"

// The plans of the bundled content.
const (
	daNang   = "46/KH-UBND"
	lacHong  = "11/KH-UBND"
	hue      = "2274/KH-UBND"
	haiPhong = "31/KH-UBND"
)

var plans = []string{daNang, lacHong, hue, haiPhong}

func TestParse(t *testing.T) {
	src := `# a comment
[[item]]
id = "ket-noi-bao-hiem"
name = "Kết nối CSDL quốc gia về dân cư với CSDL bảo hiểm"
group = "Kết nối, chia sẻ dữ liệu"
basis = "1911/QĐ-TTg"
keywords = [
  ["dân cư", " dữ liệu bảo hiểm "], # spaces around an entry do not count
  ["bhxh"],
]

[[item]]
id = "ioc"
name = "Trung tâm giám sát, điều hành thông minh (IOC)"
group = "Phục vụ chỉ đạo, điều hành"
keywords = [["ioc"], ["dữ liệu thuế", "-thuê bao"]]
`
	var diags diag.List
	items := catalog.Parse(file, []byte(src), &diags)
	for _, d := range diags.Items() {
		t.Error(d)
	}
	want := []model.CatalogItem{
		{ID: "ket-noi-bao-hiem", Name: "Kết nối CSDL quốc gia về dân cư với CSDL bảo hiểm", Group: "Kết nối, chia sẻ dữ liệu", Basis: "1911/QĐ-TTg",
			Keywords: [][]string{{"dân cư", "dữ liệu bảo hiểm"}, {"bhxh"}}},
		{ID: "ioc", Name: "Trung tâm giám sát, điều hành thông minh (IOC)", Group: "Phục vụ chỉ đạo, điều hành",
			Keywords: [][]string{{"ioc"}, {"dữ liệu thuế", "-thuê bao"}}},
	}
	if len(items) != len(want) {
		t.Fatalf("got %d items, want %d", len(items), len(want))
	}
	for i, it := range items {
		w := want[i]
		if it.ID != w.ID || it.Name != w.Name || it.Group != w.Group || it.Basis != w.Basis || fmt.Sprint(it.Keywords) != fmt.Sprint(w.Keywords) {
			t.Errorf("item %d:\n got %+v\nwant %+v", i, *it, w)
		}
	}
}

// TestParseErrors checks each problem's place and message, and that an
// item with an error is left out.
func TestParseErrors(t *testing.T) {
	const ok = `
[[item]]
id = "ok"
name = "Đúng"
group = "Nhóm"
keywords = [["đúng"]]
`
	type problem struct {
		line, col int
		severity  diag.Severity
		msg       string // a part of the English message
	}
	tests := []struct {
		name string
		src  string
		want []problem
		ids  []string // the items Parse returns
	}{
		{
			name: "bad TOML",
			src:  "[[item]]\nid = \"unclosed\nname = \"x\"\n",
			want: []problem{{2, 15, diag.Error, "the catalogue is not valid TOML (strings cannot contain newlines)"}},
		},
		{
			name: "key outside the items",
			src:  "title = \"Danh mục\"\n" + ok,
			want: []problem{{1, 1, diag.Error, `unknown key "title"`}},
			ids:  []string{"ok"},
		},
		{
			name: "item as one table",
			src:  "[item]\nid = \"ok\"\n",
			want: []problem{{1, 1, diag.Error, "item must be a list of tables"}},
		},
		{
			name: "misspelt field",
			src:  "[[item]]\nid = \"a\"\nname = \"A\"\ngroup = \"G\"\nkeyword = [[\"a\"]]\n",
			want: []problem{
				{1, 1, diag.Error, "item has no keywords"},
				{5, 1, diag.Error, `unknown field "keyword"`},
			},
		},
		{
			name: "no id",
			src:  "\n[[item]]\nname = \"A\"\ngroup = \"G\"\nkeywords = [[\"a\"]]\n" + ok,
			want: []problem{{2, 1, diag.Error, "item has no id"}},
			ids:  []string{"ok"},
		},
		{
			name: "empty id",
			src:  "[[item]]\nid = \"\"\nname = \"A\"\ngroup = \"G\"\nkeywords = [[\"a\"]]\n",
			want: []problem{{2, 6, diag.Error, "item has no id"}},
		},
		{
			name: "id not a slug",
			src:  "[[item]]\n  id = \"Kết nối bảo hiểm\"\nname = \"A\"\ngroup = \"G\"\nkeywords = [[\"a\"]]\n",
			want: []problem{{2, 8, diag.Error, `id "Kết nối bảo hiểm" is not a URL slug: write id = "ket-noi-bao-hiem"`}},
		},
		{
			name: "id not a string",
			src:  "[[item]]\nid = 5\nname = \"A\"\ngroup = \"G\"\nkeywords = [[\"a\"]]\n",
			want: []problem{{2, 6, diag.Error, "id must be a string"}},
		},
		{
			name: "duplicate id",
			src:  ok + ok,
			want: []problem{{9, 6, diag.Error, `id "ok" is already used by the item on line 2`}},
			ids:  []string{"ok"},
		},
		{
			name: "no name",
			src:  "[[item]]\nid = \"a\"\ngroup = \"G\"\nkeywords = [[\"a\"]]\n",
			want: []problem{{1, 1, diag.Error, "item has no name"}},
		},
		{
			name: "no group is only a warning",
			src:  "[[item]]\nid = \"a\"\nname = \"A\"\nkeywords = [[\"a\"]]\n",
			want: []problem{{1, 1, diag.Warning, "item has no group"}},
			ids:  []string{"a"},
		},
		{
			name: "keywords not a list of lists",
			src:  "[[item]]\nid = \"a\"\nname = \"A\"\ngroup = \"G\"\nkeywords = [\"bảo hiểm\"]\n",
			want: []problem{{5, 12, diag.Error, "keywords must be a list of lists of words"}},
		},
		{
			name: "no keyword lists",
			src:  "[[item]]\nid = \"a\"\nname = \"A\"\ngroup = \"G\"\nkeywords = []\n",
			want: []problem{{5, 12, diag.Error, "item has no keywords"}},
		},
		{
			name: "empty keyword list",
			src:  "[[item]]\nid = \"a\"\nname = \"A\"\ngroup = \"G\"\nkeywords = [[\"a\"], []]\n",
			want: []problem{{5, 12, diag.Error, "a keyword list is empty"}},
		},
		{
			name: "keyword without a word, on a later line",
			src:  "[[item]]\nid = \"a\"\nname = \"A\"\ngroup = \"G\"\nkeywords = [\n  [\"bảo hiểm\"],\n  [\"dân cư\", \"…\"],\n]\n",
			want: []problem{{7, 14, diag.Error, `keyword "…" has no letters or digits`}},
		},
		{
			name: "list that only excludes",
			src:  "[[item]]\nid = \"a\"\nname = \"A\"\ngroup = \"G\"\nkeywords = [[\"thuế\"], [\"-thuê bao\"]]\n",
			want: []problem{{5, 24, diag.Error, "this keyword list only excludes words"}},
		},
		{
			name: "Windows line endings and a byte order mark",
			src:  "\ufeff[[item]]\r\nid = \"Sai\"\r\nname = \"A\"\r\ngroup = \"G\"\r\nkeywords = [[\"a\"]]\r\n",
			want: []problem{{2, 6, diag.Error, `id "Sai" is not a URL slug`}},
		},
		{
			name: "empty file",
			src:  "# nothing yet\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags diag.List
			items := catalog.Parse(file, []byte(tt.src), &diags)
			got := diags.Items()
			for i := 0; i < max(len(got), len(tt.want)); i++ {
				switch {
				case i >= len(got):
					t.Errorf("missing %d:%d: %s: …%s…", tt.want[i].line, tt.want[i].col, tt.want[i].severity, tt.want[i].msg)
				case i >= len(tt.want):
					t.Errorf("unexpected %v", got[i])
				default:
					g, w := got[i], tt.want[i]
					if g.File != file || g.Line != w.line || g.Col != w.col || g.Severity != w.severity || !strings.Contains(g.Msg, w.msg) {
						t.Errorf("got  %v\nwant data/catalog.toml:%d:%d: %s: …%s…", g, w.line, w.col, w.severity, w.msg)
					}
				}
			}
			var ids []string
			for _, it := range items {
				ids = append(ids, it.ID)
			}
			if !slices.Equal(ids, tt.ids) {
				t.Errorf("items %q, want %q", ids, tt.ids)
			}
		})
	}
}

// TestMatch checks the matching rules on a small catalogue.
func TestMatch(t *testing.T) {
	items := []*model.CatalogItem{
		{ID: "y-te", Keywords: [][]string{{"y tế"}}},
		{ID: "thue", Keywords: [][]string{{"dữ liệu thuế", "-thuê bao"}}},
		{ID: "dat-dai", Keywords: [][]string{{"dân cư", "đất đai"}}},
		{ID: "khieu-nai", Keywords: [][]string{{"khiếu nại tố cáo"}}},
		{ID: "ioc", Keywords: [][]string{{"IOC"}, {"điều hành thông minh"}}},
	}
	tests := []struct {
		name        string
		title       string
		description []string
		want        []string
	}{
		{"whole words", "Sở Y tế chủ trì", nil, []string{"y-te"}},
		{"not inside a word", "Quản lý quy tệ", nil, nil},
		{"not across a joined word", "hệ thống ytế", nil, nil},
		{"case", "SỞ Y TẾ", nil, []string{"y-te"}},
		{"diacritics", "So Y te", nil, []string{"y-te"}},
		{"đ is d", "Kết nối dân cư với dat dai", nil, []string{"dat-dai"}},
		{"entries in any order", "Cơ sở dữ liệu đất đai và dân cư", nil, []string{"dat-dai"}},
		{"every entry of a list", "Cơ sở dữ liệu đất đai", nil, nil},
		{"punctuation inside an entry", "Cơ sở dữ liệu về khiếu nại, tố cáo", nil, []string{"khieu-nai"}},
		{"an entry's words in order", "tố cáo, khiếu nại", nil, nil},
		{"an entry's words together", "khiếu nại và tố cáo", nil, nil},
		{"any list", "Trung tâm giám sát, điều hành thông minh", nil, []string{"ioc"}},
		{"keyword case does not matter", "Khai thác (IOC) của tỉnh", nil, []string{"ioc"}},
		{"a longer word is another word", "các IOCs", nil, nil},
		// Folding makes "thuế" and "thuê" one word: only the catalogue's
		// exclusions tell them apart.
		{"thuế", "Kết nối cơ sở dữ liệu thuế", nil, []string{"thue"}},
		{"thuê reads as thuế", "Kết nối cơ sở dữ liệu thuê", nil, []string{"thue"}},
		{"exclusion", "Kết nối cơ sở dữ liệu thuê bao", nil, nil},
		{"exclusion anywhere in the text", "Dữ liệu thuế; thuê bao", nil, nil},
		{"description", "4. Phục vụ phát triển công dân số", []string{"Mở rộng tiện ích", "Kết nối y tế"}, []string{"y-te"}},
		{"not across title and description", "Dân cư", []string{"Đất đai"}, nil},
		{"catalogue order", "IOC, khiếu nại, tố cáo và y tế", nil, []string{"y-te", "khieu-nai", "ioc"}},
		{"empty", "", nil, nil},
	}
	m := catalog.NewMatcher(items)
	for _, tt := range tests {
		task := &model.Task{Title: tt.title, Description: tt.description}
		got := ids(m.Match(task))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q %q matches %q, want %q", tt.name, tt.title, tt.description, got, tt.want)
		}
	}
}

// foldSamples are texts whose folding is easy to get wrong.
var foldSamples = []string{
	"Đăng ký khai sinh, ĐĂNG KÝ KẾT HÔN",
	"Hue\u0302\u0301 và Đa\u0300 Nă\u0306\u0303ng", // decomposed, as pasted from some Word files
	"“Đúng, đủ, sạch, sống” – CSDL…",
	"Ǆ ǅ ǆ ﬁ Ω Å ẞ ß İ ı ŉ",
	"ỳ ỵ ỷ ỹ Ỳ Ỵ Ỷ Ỹ ơ ư Ơ Ư ă â ê ô",
	"a\u20d0b x\u0345y 漢字 ٣ 123",
}

// TestFoldsLikeVnfold checks that the Matcher splits a text into the same
// folded words as vnfold.Fold does: an item whose one keyword is a whole
// text must match that text.
func TestFoldsLikeVnfold(t *testing.T) {
	texts := append([]string(nil), foldSamples...)
	for r := rune(0); r < 0x2100; r++ {
		texts = append(texts, "x"+string(r)+"y "+string(r)+" "+strings.ToUpper(string(r)))
	}
	for _, task := range loadTasks(t) {
		texts = append(texts, task.Title)
	}
	checkFold(t, texts...)
}

// checkFold makes an item of each text, whose one keyword is the text, and
// checks that each text matches its item.
func checkFold(t *testing.T, texts ...string) {
	t.Helper()
	items := make([]*model.CatalogItem, len(texts))
	for i, text := range texts {
		keyword := "x " + text // a leading "-" would make the keyword exclude
		items[i] = &model.CatalogItem{ID: fmt.Sprint(i), Keywords: [][]string{{keyword}}}
	}
	m := catalog.NewMatcher(items)
	for i, text := range texts {
		if !slices.Contains(m.Match(&model.Task{Title: "x " + text}), items[i]) {
			t.Errorf("%q (folded %q) does not match itself", text, vnfold.Fold(text))
		}
	}
}

// FuzzFold checks TestFoldsLikeVnfold's property on any text.
func FuzzFold(f *testing.F) {
	for _, s := range foldSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			t.Skip()
		}
		checkFold(t, text)
	})
}

func ids(items []*model.CatalogItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

// readCatalog parses the real data/catalog.toml and fails on any problem.
func readCatalog(t testing.TB) []*model.CatalogItem {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, file))
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	items := catalog.Parse(file, data, &diags)
	for _, d := range diags.Items() {
		t.Error(d)
	}
	return items
}

// TestCatalogFile checks the real catalogue and its keywords on the
// wordings of tasks that the bundled plans do not have.
func TestCatalogFile(t *testing.T) {
	items := readCatalog(t)
	if len(items) == 0 {
		t.Fatal("the catalogue is empty")
	}
	// Items of a group stand together, so that a page can list them so.
	var groups []string
	for _, it := range items {
		if it.Group == "" {
			t.Errorf("%s has no group", it.ID)
		}
		if i := slices.Index(groups, it.Group); i >= 0 && i != len(groups)-1 {
			t.Errorf("%s: group %q comes back after %q: keep a group's items together", it.ID, it.Group, groups[len(groups)-1])
		}
		if !slices.Contains(groups, it.Group) {
			groups = append(groups, it.Group)
		}
	}

	m := catalog.NewMatcher(items)
	tests := []struct {
		title string
		want  []string
	}{
		// The essential services as Phụ lục I of 06/QĐ-TTg words them.
		{"Xác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân", []string{"dvc-xac-nhan-cmnd"}},
		{"Cấp lại, đổi thẻ căn cước công dân", []string{"cap-can-cuoc"}},
		{"Đăng ký thường trú", []string{"dvc-cu-tru"}},
		{"Khai báo tạm vắng", []string{"dvc-cu-tru"}},
		{"Thông báo lưu trú", []string{"dvc-cu-tru"}},
		{"Đăng ký, cấp biển số mô tô, xe gắn máy", []string{"dvc-dang-ky-xe-phat-nguoi"}},
		{"Thu tiền nộp phạt xử lý vi phạm hành chính trong lĩnh vực giao thông đường bộ qua thiết bị ghi hình (phạt nguội)", []string{"dvc-dang-ky-xe-phat-nguoi"}},
		{"Đăng ký khai sinh", []string{"dvc-ho-tich"}},
		{"Đăng ký khai tử", []string{"dvc-ho-tich"}},
		{"Đăng ký kết hôn", []string{"dvc-ho-tich"}},
		{"Liên thông đăng ký khai sinh - đăng ký thường trú - cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi", []string{"dvc-lien-thong"}},
		{"Liên thông đăng ký khai tử - Xóa đăng ký thường trú - Trợ cấp mai táng phí", []string{"dvc-lien-thong"}},
		{"Tích hợp tính giảm trừ mức đóng trong gia hạn thẻ bảo hiểm y tế theo hộ gia đình", []string{"dvc-bhyt-ho-gia-dinh"}},
		{"Đăng ký thuế lần đầu, đăng ký thay đổi thông tin đăng ký thuế đối với người nộp thuế là hộ gia đình, cá nhân", []string{"dvc-dang-ky-thue"}},
		{"Đăng ký biến động về quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do thay đổi thông tin về người được cấp Giấy chứng nhận", []string{"dvc-bien-dong-dat-dai"}},
		{"Cấp đổi, cấp lại giấy phép lái xe", []string{"dvc-giay-phep-lai-xe"}},
		{"Đăng kí dự thi tốt nghiệp THPT quốc gia và xét tuyển đại học, cao đẳng", []string{"dvc-thi-tot-nghiep"}},
		{"Giải quyết hưởng trợ cấp thất nghiệp", []string{"dvc-tro-cap-that-nghiep"}},
		{"Cấp điện mới từ lưới điện hạ áp (220/380V)", []string{"dvc-cap-dien"}},
		{"Thay đổi chủ thể hợp đồng mua bán điện", []string{"dvc-cap-dien"}},
		// Other wordings of the items.
		{"KẾT NỐI, CHIA SẺ DỮ LIỆU GIỮA CƠ SỞ DỮ LIỆU QUỐC GIA VỀ DÂN CƯ VỚI CƠ SỞ DỮ LIỆU THUẾ", []string{"ket-noi-thue"}},
		{"Ket noi CSDL quoc gia ve dan cu voi co so du lieu dang ky doanh nghiep", []string{"ket-noi-dang-ky-doanh-nghiep"}},
		{"Kết nối dữ liệu dân cư với dữ liệu BHXH", []string{"ket-noi-bao-hiem"}},
		{"Kết nối Cơ sở dữ liệu quốc gia về dân cư với cơ sở dữ liệu thuê bao di động", []string{"ket-noi-thue-bao"}},
		{"Cấp thẻ Căn cước công dân gắn chip cho công dân đủ 14 tuổi", []string{"chip-can-cuoc", "cap-can-cuoc"}},
		{"Làm sạch dữ liệu dân cư bảo đảm đúng, đủ, sạch, sống", []string{"lam-sach-du-lieu"}},
		// Agencies' names hold words of items: they must not match.
		{"Sở Y tế chủ trì, phối hợp Sở Thông tin và Truyền thông, Sở Tư pháp, Bảo hiểm xã hội thành phố, Cục Thuế", nil},
		{"Thuê dịch vụ công nghệ thông tin", nil},
	}
	for _, tt := range tests {
		got := ids(m.Match(&model.Task{Title: tt.title}))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q matches %q, want %q", tt.title, got, tt.want)
		}
	}
}

// loadTasks loads the bundled content and returns every task.
func loadTasks(t testing.TB) []*model.Task {
	t.Helper()
	site, diags := load.Load(root, content.NewParser(), nil)
	if site == nil {
		t.Fatalf("loading the content: %v", diags.Err())
	}
	if err := diags.Err(); err != nil {
		t.Logf("the content has errors: %v", err)
	}
	return site.Tasks()
}

// table maps item id → plan number → ids of the tasks that match.
type table map[string]map[string][]string

func matchAll(items []*model.CatalogItem, tasks []*model.Task) table {
	m := catalog.NewMatcher(items)
	tab := table{}
	for _, task := range tasks {
		for _, it := range m.Match(task) {
			if tab[it.ID] == nil {
				tab[it.ID] = map[string][]string{}
			}
			tab[it.ID][task.Plan.Number] = append(tab[it.ID][task.Plan.Number], task.ID)
		}
	}
	return tab
}

// row prints one item's tasks, plans in a fixed order.
func (tab table) row(id string) string {
	var parts []string
	for _, p := range plans {
		if ids := tab[id][p]; len(ids) > 0 {
			parts = append(parts, p+": "+strings.Join(ids, ", "))
		}
	}
	return strings.Join(parts, "; ")
}

// TestSeedPlans links the bundled plans' tasks to the real catalogue. The
// connections of Quyết định 1911/QĐ-TTg, which Đà Nẵng, Lạc Hồng and Huế
// each copy one task per database, must land on the same items; want is
// the whole reviewed table, so that any change to the catalogue or the
// plans shows here first.
func TestSeedPlans(t *testing.T) {
	items := readCatalog(t)
	tasks := loadTasks(t)
	got := matchAll(items, tasks)

	var review strings.Builder
	for _, it := range items {
		fmt.Fprintf(&review, "%-32s %s\n", it.ID, got.row(it.ID))
	}
	var unmatched []string
	m := catalog.NewMatcher(items)
	for _, task := range tasks {
		if len(m.Match(task)) == 0 {
			unmatched = append(unmatched, task.Plan.Number+" "+task.ID)
		}
	}
	t.Logf("item → plan: tasks\n%s\ntasks no item matches: %s", review.String(), strings.Join(unmatched, ", "))

	type plan = map[string][]string
	want := table{
		"hoan-thien-phap-luat":        {daNang: {"1"}, lacHong: {"1"}, hue: {"II.1", "II.2"}},
		"ket-noi-cong-dich-vu-cong":   {daNang: {"2.1", "2.11"}, lacHong: {"2.1", "2.9"}, hue: {"III.2", "III.9", "III.11", "VII.3"}},
		"dinh-danh-cong-dich-vu-cong": {daNang: {"2.3"}, lacHong: {"2.2"}, haiPhong: {"2.b.7"}},
		"khai-sinh-so-dinh-danh":      {daNang: {"2.4"}, hue: {"III.3"}},
		"dich-vu-cong-thiet-yeu":      {daNang: {"2.5"}, lacHong: {"2.3"}, hue: {"III.4"}},
		"cat-giam-giay-to":            {haiPhong: {"2.b.3", "2.b.4"}},
		"so-hoa-ho-so":                {daNang: {"2.6"}, lacHong: {"2.4"}, hue: {"III.5"}},
		"danh-gia-chi-tieu-ket-noi":   {daNang: {"2.7"}, lacHong: {"2.5"}, hue: {"III.6"}},
		"luu-tru-du-lieu-cong-dan":    {daNang: {"2.9"}, lacHong: {"2.7"}},
		"xac-thuc-to-tung":            {daNang: {"2.10"}, lacHong: {"2.8"}, hue: {"III.8"}},
		"toa-an-dien-tu":              {daNang: {"2.12"}, lacHong: {"2.10"}, hue: {"III.10"}},
		"xac-thuc-cmnd-thue":          {hue: {"III.1"}},

		"dvc-cu-tru": nil, // Hải Phòng 2.d.6 lists "khai báo, tạm vắng" among VNeID's utilities

		"chip-can-cuoc":                  {daNang: {"3.1"}, lacHong: {"3"}, hue: {"IV.1"}}, // Lạc Hồng's 3 in its description
		"dich-vu-dinh-danh":              {daNang: {"3.2", "3.3"}, hue: {"IV.2"}},
		"ky-so":                          {daNang: {"3.4"}, hue: {"IV.3"}},
		"thanh-toan-khong-dung-tien-mat": {haiPhong: {"2.c.2", "2.c.3"}},

		"cap-can-cuoc":          {haiPhong: {"2.d.1"}},
		"he-thong-dinh-danh":    {daNang: {"2.2"}},
		"tai-khoan-dinh-danh":   {daNang: {"4"}, lacHong: {"4"}, hue: {"V.1"}}, // Đà Nẵng's and Lạc Hồng's 4 in their descriptions
		"ung-dung-vneid":        {daNang: {"2.8"}, lacHong: {"2.6"}, hue: {"III.7"}, haiPhong: {"2.d.6", "2.g.2"}},
		"so-suc-khoe-dien-tu":   {haiPhong: {"2.d.3"}},
		"ly-lich-tu-phap-vneid": {haiPhong: {"2.d.5"}},

		"ket-noi-bao-hiem":             {daNang: {"5.1.1"}, lacHong: {"5.1.1"}, hue: {"VI.2"}},
		"ket-noi-dang-ky-doanh-nghiep": {daNang: {"5.1.2"}, lacHong: {"5.1.2"}, hue: {"VI.3"}},
		"ket-noi-dat-dai":              {daNang: {"5.1.3"}, lacHong: {"5.1.3"}, hue: {"VI.4"}},
		"ket-noi-tai-chinh":            {daNang: {"5.1.4"}, lacHong: {"5.1.4"}, hue: {"VI.5"}},
		"ket-noi-khieu-nai-to-cao":     {daNang: {"5.1.5"}, lacHong: {"5.1.5"}, hue: {"VI.6"}},
		"ket-noi-khoa-hoc-cong-nghe":   {daNang: {"5.1.6"}, lacHong: {"5.1.6"}, hue: {"VI.7"}},
		"ket-noi-can-bo-cong-chuc":     {daNang: {"5.1.7"}, lacHong: {"5.1.7"}, hue: {"VI.8"}},
		"ket-noi-thue":                 {daNang: {"5.2.1"}, lacHong: {"5.2.1"}, hue: {"VI.9"}},
		"ket-noi-suc-khoe":             {daNang: {"5.2.2"}, lacHong: {"5.2.2"}, hue: {"VI.10"}},
		"ket-noi-giay-phep-lai-xe":     {daNang: {"5.2.3"}, lacHong: {"5.2.3"}, hue: {"VI.11"}},
		"ket-noi-ho-tich":              {daNang: {"5.2.4"}, lacHong: {"5.2.4"}, hue: {"VI.12", "VI.19"}}, // Huế's VI.19 names the hộ tịch database among the Tư pháp ones
		"ket-noi-an-sinh-xa-hoi":       {daNang: {"5.2.5"}, lacHong: {"5.2.5"}, hue: {"VI.13"}},
		"ket-noi-giao-duc":             {daNang: {"5.2.7"}, lacHong: {"5.2.7"}, hue: {"VI.15"}},
		"ket-noi-ban-an":               {daNang: {"5.2.6"}, lacHong: {"5.2.6"}, hue: {"VI.14"}},
		"ket-noi-ho-so-vu-an":          {daNang: {"5.2.8"}, lacHong: {"5.2.8"}, hue: {"VI.16"}},
		"ket-noi-to-tung-thong-ke":     {daNang: {"5.2.9"}, lacHong: {"5.2.9"}, hue: {"VI.17"}},
		"ket-noi-nong-nghiep":          {daNang: {"5.2.10"}, lacHong: {"5.2.10"}, hue: {"VI.18"}},
		"ket-noi-tu-phap":              {daNang: {"5.2.11"}, lacHong: {"5.2.11"}, hue: {"VI.19"}},
		"ket-noi-thue-bao":             {hue: {"VI.1"}},
		"ket-noi-tiem-chung":           {hue: {"VI.20"}},

		"lam-sach-du-lieu":       {haiPhong: {"2.đ.1"}},
		"lam-giau-du-lieu":       {hue: {"VI.21"}},
		"kho-du-lieu-dung-chung": {haiPhong: {"2.đ.2"}},

		"thong-ke-dan-so": {daNang: {"6.1"}, lacHong: {"6.1"}, hue: {"VII.1"}},
		"ioc":             {daNang: {"6.2"}, lacHong: {"6.2"}, hue: {"VII.2"}, haiPhong: {"2.b.6"}},

		"to-cong-tac":       {hue: {"I.1", "I.2"}},
		"tuyen-truyen":      {lacHong: {"2.6"}, hue: {"I.3"}, haiPhong: {"2.c.1", "2.g.1", "2.g.2"}},
		"kinh-phi":          {hue: {"I.4"}, haiPhong: {"2.a.2", "2.e.1"}},
		"an-toan-thong-tin": {hue: {"II.3"}, haiPhong: {"2.e.2", "2.e.3"}},
	}
	for _, it := range items {
		w := want[it.ID]
		if w == nil {
			w = plan{}
		}
		if g := got.row(it.ID); g != (table{it.ID: w}).row(it.ID) {
			t.Errorf("%s:\n got %s\nwant %s", it.ID, g, table{it.ID: w}.row(it.ID))
		}
	}
	for id := range want {
		if !slices.ContainsFunc(items, func(it *model.CatalogItem) bool { return it.ID == id }) {
			t.Errorf("the catalogue has no item %q any more: update want", id)
		}
	}

	// Each of the three plans that copy 1911/QĐ-TTg's list has exactly
	// one task for each of its databases.
	for _, it := range items {
		if it.Basis != "1911/QĐ-TTg" || it.ID == "ket-noi-ho-tich" || it.ID == "ket-noi-thue-bao" || it.ID == "ket-noi-tiem-chung" {
			continue
		}
		for _, p := range []string{daNang, lacHong, hue} {
			if n := len(got[it.ID][p]); n != 1 {
				t.Errorf("%s: %s has %d tasks, want 1", it.ID, p, n)
			}
		}
	}
}

// TestSeedTraps names tasks whose words come close to an item they do not
// carry out, with why they must not match.
func TestSeedTraps(t *testing.T) {
	traps := []struct {
		plan, task string
		items      []string
		why        string
	}{
		{hue, "VI.1", []string{"ket-noi-thue", "xac-thuc-cmnd-thue", "dvc-dang-ky-thue"}, `"thuê bao" folds like "thuế"`},
		{haiPhong, "2.e.1", []string{"ket-noi-thue"}, `"thuê dịch vụ" folds like "thuế"`},
		{haiPhong, "2.b.5", []string{"ket-noi-dang-ky-doanh-nghiep"}, "it connects the city's own system, not the population database"},
		{haiPhong, "2.c.3", []string{"ket-noi-bao-hiem"}, "paying insurance benefits is not connecting databases"},
		{daNang, "2.8", []string{"ket-noi-bao-hiem", "ket-noi-suc-khoe", "ket-noi-giay-phep-lai-xe", "dvc-giay-phep-lai-xe"}, "VNeID's list of services names them"},
		{haiPhong, "2.e.2", []string{"tuyen-truyen"}, `"Bộ Thông tin và Truyền thông" is an agency`},
		{haiPhong, "2.d.3", []string{"ket-noi-suc-khoe"}, "the health book on VNeID is not the 1911 connection"},
		{haiPhong, "2.đ.1", []string{"ket-noi-ho-tich", "ket-noi-dat-dai", "ket-noi-an-sinh-xa-hoi"}, "digitising source data is not connecting it"},
		{haiPhong, "2.b.7", []string{"lam-sach-du-lieu"}, "it cleans accounts, not the population data"},
		{haiPhong, "2.d.6", []string{"dvc-cu-tru"}, `"khai báo, tạm vắng" is in a list of VNeID's utilities`},
		{daNang, "2.4", []string{"dvc-ho-tich"}, "sharing the police's infrastructure is its own item"},
		{daNang, "2.7", []string{"ket-noi-cong-dich-vu-cong"}, "monitoring the connections is its own item"},
		{lacHong, "3", []string{"ung-dung-vneid"}, `"tính năng được tích hợp trên thẻ" is about the card`},
		{hue, "II.4", []string{"ket-noi-khoa-hoc-cong-nghe"}, "research on the database is not the science database"},
	}
	m := catalog.NewMatcher(readCatalog(t))
	tasks := loadTasks(t)
	for _, tr := range traps {
		i := slices.IndexFunc(tasks, func(task *model.Task) bool { return task.Plan.Number == tr.plan && task.ID == tr.task })
		if i < 0 {
			t.Errorf("%s has no task %s any more: update the trap", tr.plan, tr.task)
			continue
		}
		for _, it := range m.Match(tasks[i]) {
			if slices.Contains(tr.items, it.ID) {
				t.Errorf("%s %s %q matches %s, but %s", tr.plan, tr.task, tasks[i].Title, it.ID, tr.why)
			}
		}
	}
}

// BenchmarkMatch matches the bundled plans' tasks against the real
// catalogue with one Matcher, as a build does; ns/op is per task.
func BenchmarkMatch(b *testing.B) {
	items := readCatalog(b)
	tasks := loadTasks(b)
	m := catalog.NewMatcher(items)
	i := 0
	for b.Loop() {
		m.Match(tasks[i%len(tasks)])
		i++
	}
}

// BenchmarkNewMatcher prepares the real catalogue.
func BenchmarkNewMatcher(b *testing.B) {
	items := readCatalog(b)
	for b.Loop() {
		catalog.NewMatcher(items)
	}
}

// FuzzParse checks that Parse does not panic and returns only items that
// can be matched and linked to: a URL slug id, a name and keywords.
func FuzzParse(f *testing.F) {
	data, err := os.ReadFile(filepath.Join(root, file))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	f.Add("[[item]]\nid = \"a\"\nname = \"A\"\nkeywords = [[\"-x\"], [], [\"…\"]]\n")
	f.Add("[item]\nkeywords = [\n[\"a\",\n\"b\"]]\n")
	f.Fuzz(func(t *testing.T, src string) {
		var diags diag.List
		items := catalog.Parse(file, []byte(src), &diags)
		for _, it := range items {
			if it.ID == "" || vnfold.Slug(it.ID) != it.ID || it.Name == "" || len(it.Keywords) == 0 {
				t.Errorf("Parse returned a bad item %+v", *it)
			}
		}
		for _, d := range diags.Items() {
			if d.Line < 0 || d.Col < 0 {
				t.Errorf("bad position: %v", d)
			}
		}
		m := catalog.NewMatcher(items)
		m.Match(&model.Task{Title: src[:min(len(src), 300)]})
	})
}
