package agency

import (
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
)

const testRegistry = `
[[kind]]
id = "cong-an"
name = "Công an"
levels = ["tinh", "huyen", "xa"]
aliases = ["CA{cấp}", "Công an {cấp} {tên}"]

[[kind]]
id = "so-thong-tin-va-truyen-thong"
name = "Sở Thông tin và Truyền thông"
levels = ["tinh"]
aliases = ["Sở Thông tin và Truyền thông", "Sở TT&TT"]

[[kind]]
id = "phong-van-hoa-va-thong-tin"
name = "Phòng Văn hóa và Thông tin"
levels = ["huyen"]
aliases = ["Phòng Văn hóa - Thông tin"]

[[kind]]
id = "van-phong-hdnd-va-ubnd"
name = "Văn phòng HĐND và UBND"
levels = ["huyen", "xa"]

[[agency]]
id = "bo-cong-an"
name = "Bộ Công an"
`

// testLocalities builds the localities of the seeds: Đà Nẵng, Hải Phòng,
// Huế in Thừa Thiên Huế, Lạc Hồng in Văn Lâm in Hưng Yên.
func testLocalities() map[string]*model.Locality {
	ls := map[string]*model.Locality{}
	add := func(path, name string, level model.Level) {
		l := &model.Locality{Path: path, Name: name, Level: level}
		if i := strings.LastIndex(path, "/"); i > 0 {
			l.Parent = ls[path[:i]]
		}
		ls[path] = l
	}
	add("da-nang", "Thành phố Đà Nẵng", model.Province)
	add("hai-phong", "Thành phố Hải Phòng", model.Province)
	add("thua-thien-hue", "Tỉnh Thừa Thiên Huế", model.Province)
	add("thua-thien-hue/hue", "Thành phố Huế", model.District)
	add("hung-yen", "Tỉnh Hưng Yên", model.Province)
	add("hung-yen/van-lam", "Huyện Văn Lâm", model.District)
	add("hung-yen/van-lam/lac-hong", "Xã Lạc Hồng", model.Commune)
	return ls
}

func parseTest(t *testing.T) *Registry {
	t.Helper()
	var diags diag.List
	r := Parse("data/agencies.toml", []byte(testRegistry), &diags)
	r.AddBody(Body{ID: "dai-hoc-da-nang", Name: "Đại học Đà Nẵng"}, "da-nang", "da-nang/_index.md", 5, &diags)
	r.AddAlias(Alias{Text: "Công xã huyện", Agency: "cong-an/hung-yen/van-lam"}, "hung-yen/van-lam/lac-hong", "lac-hong/_index.md", 5, &diags)
	r.AddAlias(Alias{Text: "VP tỉnh"}, "thua-thien-hue/hue", "hue/_index.md", 5, &diags)
	r.CheckAliases(testLocalities(), &diags)
	for _, d := range diags.Items() {
		t.Fatalf("unexpected: %s", d.Error())
	}
	return r
}

// show writes mentions as "text=id", "text=group", "text=?" or "text=as written".
func show(ms []model.Mention) string {
	var parts []string
	for _, m := range ms {
		switch {
		case m.Agency != nil:
			parts = append(parts, m.Text+"="+m.Agency.ID)
		case m.Group:
			parts = append(parts, m.Text+"=group")
		case m.Reviewed:
			parts = append(parts, m.Text+"=as written")
		default:
			parts = append(parts, m.Text+"=?")
		}
	}
	return strings.Join(parts, " | ")
}

func TestMentions(t *testing.T) {
	r := parseTest(t)
	ls := testLocalities()
	tests := []struct {
		locality, text, want string
	}{
		// Aliases are scoped: "Công an thành phố" is Đà Nẵng's in Đà Nẵng and Huế's in Huế.
		{"da-nang", "Công an thành phố", "Công an thành phố=cong-an/da-nang"},
		{"da-nang", "Công an TP", "Công an TP=cong-an/da-nang"},
		{"da-nang", "CATP", "CATP=cong-an/da-nang"},
		{"da-nang", "Công an Thành phố", "Công an Thành phố=cong-an/da-nang"},
		{"hai-phong", "CATP", "CATP=cong-an/hai-phong"},
		{"thua-thien-hue/hue", "Công an thành phố", "Công an thành phố=cong-an/thua-thien-hue/hue"},
		{"thua-thien-hue/hue", "Công an tỉnh", "Công an tỉnh=cong-an/thua-thien-hue"},
		{"hung-yen/van-lam/lac-hong", "Công an xã, Công an huyện", "Công an xã=cong-an/hung-yen/van-lam/lac-hong | Công an huyện=cong-an/hung-yen/van-lam"},
		// The full name, with the locality's name, is one match.
		{"da-nang", "Công an thành phố Đà Nẵng", "Công an thành phố Đà Nẵng=cong-an/da-nang"},
		// A name of another locality is not this one's.
		{"da-nang", "Công an tỉnh", "Công an tỉnh=?"},
		{"da-nang", "Công an thành phố Hải Phòng", "Công an thành phố=cong-an/da-nang | Hải Phòng=?"},
		// Case, diacritics, "&", "-" and "và" do not matter.
		{"da-nang", "Sở TT&TT", "Sở TT&TT=so-thong-tin-va-truyen-thong/da-nang"},
		{"da-nang", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG.", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG=so-thong-tin-va-truyen-thong/da-nang"},
		{"thua-thien-hue/hue", "Phòng Văn hoá& Thông tin", "Phòng Văn hoá& Thông tin=phong-van-hoa-va-thong-tin/thua-thien-hue/hue"},
		{"thua-thien-hue/hue", "Phòng Văn hóa- Thông tin", "Phòng Văn hóa- Thông tin=phong-van-hoa-va-thong-tin/thua-thien-hue/hue"},
		{"hung-yen/van-lam/lac-hong", "Văn phòng HDND và UBND xã", "Văn phòng HDND và UBND xã=van-phong-hdnd-va-ubnd/hung-yen/van-lam/lac-hong"},
		// A kind's plain alias means the nearest locality that has one.
		{"hung-yen/van-lam/lac-hong", "Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông=so-thong-tin-va-truyen-thong/hung-yen"},
		// Groups stay whole; names with "và" are not cut.
		{"da-nang", "Công an thành phố; các sở, ban, ngành, đoàn thể và UBND các quận, huyện.",
			"Công an thành phố=cong-an/da-nang | các sở, ban, ngành, đoàn thể=group | UBND các quận, huyện=group"},
		{"hung-yen/van-lam/lac-hong", "Công an xã và các cơ quan, ban, ngành xã", "Công an xã=cong-an/hung-yen/van-lam/lac-hong | các cơ quan, ban, ngành xã=group"},
		// A missing comma: both agencies are still found.
		{"thua-thien-hue/hue", "Phòng Văn hoá&Thông tin và Công an thành phố và các đơn vị",
			"Phòng Văn hoá&Thông tin=phong-van-hoa-va-thong-tin/thua-thien-hue/hue | Công an thành phố=cong-an/thua-thien-hue/hue | các đơn vị=group"},
		{"thua-thien-hue/hue", "Phòng Văn hoá&Thông tin và cá sở, ngành", "Phòng Văn hoá&Thông tin=phong-van-hoa-va-thong-tin/thua-thien-hue/hue | cá sở, ngành=?"},
		// Bodies of their own, scoped.
		{"da-nang", "Đại học Đà Nẵng", "Đại học Đà Nẵng=dai-hoc-da-nang"},
		{"hai-phong", "Đại học Đà Nẵng", "Đại học Đà Nẵng=?"},
		// [[alias]]: a misprint read as what it means, only where it was printed.
		{"hung-yen/van-lam/lac-hong", "Công xã huyện", "Công xã huyện=cong-an/hung-yen/van-lam"},
		{"hung-yen/van-lam", "Công xã huyện", "Công xã huyện=?"},
		{"thua-thien-hue/hue", "VP tỉnh", "VP tỉnh=as written"},
		{"da-nang", "", ""},
	}
	for _, tt := range tests {
		got := show(r.Mentions(tt.text, ls[tt.locality].Chain()))
		if got != tt.want {
			t.Errorf("in %s, Mentions(%q)\n got %s\nwant %s", tt.locality, tt.text, got, tt.want)
		}
	}
}

func TestAgencyNames(t *testing.T) {
	r := parseTest(t)
	ls := testLocalities()
	r.Mentions("Công an thành phố, Sở TT&TT", ls["da-nang"].Chain())
	r.Mentions("Công an xã, Văn phòng HĐND và UBND huyện", ls["hung-yen/van-lam/lac-hong"].Chain())
	agencies, kinds := r.Agencies()
	want := map[string]string{
		"cong-an/da-nang":                         "Công an thành phố Đà Nẵng",
		"so-thong-tin-va-truyen-thong/da-nang":    "Sở Thông tin và Truyền thông thành phố Đà Nẵng",
		"cong-an/hung-yen/van-lam/lac-hong":       "Công an xã Lạc Hồng",
		"van-phong-hdnd-va-ubnd/hung-yen/van-lam": "Văn phòng HĐND và UBND huyện Văn Lâm",
	}
	if len(agencies) != len(want) {
		t.Fatalf("%d agencies, want %d", len(agencies), len(want))
	}
	for _, a := range agencies {
		if want[a.ID] != a.Name {
			t.Errorf("%s is named %q, want %q", a.ID, a.Name, want[a.ID])
		}
	}
	if len(kinds) != 4 || kinds[0].ID != "cong-an" || len(kinds[0].Agencies) != 2 {
		t.Errorf("kinds: got %d, the first with %d agencies; want 4, Công an with 2", len(kinds), len(kinds[0].Agencies))
	}
}

func TestRegistryErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"[[kind]]\nname = \"Công an\"\nlevels = [\"tinh\"]", "1:1: error: [[kind]] has no id"},
		{"[[kind]]\nid = \"Công an\"\nname = \"Công an\"\nlevels = [\"tinh\"]", `1:1: error: [[kind]] id = "Công an" is not a URL slug: write id = "cong-an"`},
		{"[[kind]]\nid = \"a\"\nname = \"A\"\nlevels = [\"tinh\"]\n[[agency]]\nid = \"a\"\nname = \"A\"", `5:1: error: [[agency]] id = "a" is used twice`},
		{"[[kind]]\nid = \"a\"\nname = \"A\"\nlevels = [\"commune\"]", `level "commune" is not a level`},
		{"[[kind]]\nid = \"a\"\nname = \"A\"", `[[kind]] "a" has no levels`},
		{"[[agency]]\nid = \"a\"", `[[agency]] "a" has no name`},
		{"[[alias]]\ntext = \"x\"", `unknown field "alias"`},
		{"[[kind]]\nid = \"a\"\nnme = \"A\"", `unknown field "kind.nme"`},
		{"[[kind]\n", "data/agencies.toml:2:"},
	}
	for _, tt := range tests {
		var diags diag.List
		Parse("data/agencies.toml", []byte(tt.src), &diags)
		var all []string
		for _, d := range diags.Items() {
			all = append(all, d.Error())
		}
		if joined := strings.Join(all, "\n"); !strings.Contains(joined, tt.want) {
			t.Errorf("registry %q\n got %s\nwant a message with %q", tt.src, joined, tt.want)
		}
	}
}

func TestAliasErrors(t *testing.T) {
	tests := []struct {
		alias Alias
		want  string
	}{
		{Alias{}, "_index.md:7:1: error: [[alias]] has no text"},
		{Alias{Text: "x", Agency: "a", Group: true}, `says both agency = "a" and group = true`},
		{Alias{Text: "x", Agency: "cong-an/nowhere"}, `_index.md:7:1: error: [[alias]] "x": agency = "cong-an/nowhere" is no agency`},
		{Alias{Text: "x", Agency: "cong-an/thua-thien-hue/hue/nowhere"}, `is no agency`},
		{Alias{Text: "x", Agency: "nothing"}, `is no agency`},
	}
	for _, tt := range tests {
		var diags diag.List
		r := Parse("data/agencies.toml", []byte(testRegistry), &diags)
		r.AddAlias(tt.alias, "da-nang", "_index.md", 7, &diags)
		r.CheckAliases(testLocalities(), &diags)
		var all []string
		for _, d := range diags.Items() {
			all = append(all, d.Error())
		}
		if joined := strings.Join(all, "\n"); !strings.Contains(joined, tt.want) {
			t.Errorf("alias %+v\n got %s\nwant a message with %q", tt.alias, joined, tt.want)
		}
	}
}

func TestIsGroup(t *testing.T) {
	tests := map[string]bool{
		"các sở, ban, ngành, đoàn thể":  true,
		"UBND các quận, huyện":          true,
		"Các cơ quan, đơn vị liên quan": true,
		"Sở Thông tin và Truyền thông":  false,
		"Công an xã":                    false,
		"Phòng Văn hóa và Thông tin":    false,
	}
	for in, want := range tests {
		if got := IsGroup(in); got != want {
			t.Errorf("IsGroup(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestInRunningText(t *testing.T) {
	tests := map[string]string{
		"Thành phố Đà Nẵng": "thành phố Đà Nẵng",
		"Tỉnh Hưng Yên":     "tỉnh Hưng Yên",
		"Thị xã Hương Thủy": "thị xã Hương Thủy",
		"Xã Lạc Hồng":       "xã Lạc Hồng",
		"Côn Đảo":           "Côn Đảo",
	}
	for in, want := range tests {
		if got := inRunningText(in); got != want {
			t.Errorf("inRunningText(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkMentions(b *testing.B) {
	var diags diag.List
	r := Parse("data/agencies.toml", []byte(testRegistry), &diags)
	chain := testLocalities()["thua-thien-hue/hue"].Chain()
	text := "Công an tỉnh, Phòng Văn hoá&Thông tin và Công an thành phố; các sở, ngành, địa phương, tổ chức, doanh nghiệp có liên quan"
	b.ReportAllocs()
	for b.Loop() {
		r.Mentions(text, chain)
	}
}

// Whatever an editor types in a lead or support field, reading it neither
// panics nor yields an empty mention.
func FuzzMentions(f *testing.F) {
	for _, s := range []string{"Công an thành phố; các sở, ban, ngành", "Phòng Văn hoá&Thông tin và cá sở, ngành", "CATP", "Văn phòng HĐND và UBND xã chủ trì, phối hợp Công an xã", "(((", "và và ,;"} {
		f.Add(s)
	}
	var diags diag.List
	r := Parse("data/agencies.toml", []byte(testRegistry), &diags)
	chain := testLocalities()["hung-yen/van-lam/lac-hong"].Chain()
	f.Fuzz(func(t *testing.T, text string) {
		for _, m := range r.Mentions(text, chain) {
			if strings.TrimSpace(m.Text) == "" {
				t.Errorf("Mentions(%q) has an empty mention", text)
			}
			if m.Agency != nil && (m.Agency.ID == "" || m.Agency.Name == "") {
				t.Errorf("Mentions(%q) names an agency with no id or name", text)
			}
		}
	})
}

// A kind whose one level is misspelt gets one message, not a second one
// saying it has no levels.
func TestMisspeltLevelIsReportedOnce(t *testing.T) {
	var diags diag.List
	Parse("data/agencies.toml", []byte("[[kind]]\nid = \"so-y-te\"\nname = \"Sở Y tế\"\nlevels = [\"tỉnh\"]\n"), &diags)
	if n := diags.Len(); n != 1 {
		t.Errorf("%d messages, want 1: %v", n, diags.Items())
	}
}
