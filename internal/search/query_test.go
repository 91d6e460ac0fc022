package search

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
)

// corpus is a small site: a few tasks of two plans, the plans, agencies
// and localities, with the spellings the ranking must tell apart.
func corpus() []Doc {
	dn := "46/KH-UBND · Thành phố Đà Nẵng"
	hue := "2274/KH-UBND · Thành phố Huế"
	task := func(id, title, ctx string) Doc {
		return Doc{Kind: Task, Label: id, Title: title, Context: ctx, URL: "/dia-phuong/da-nang/ke-hoach-46/" + strings.ReplaceAll(id, ".", "-") + "/"}
	}
	return []Doc{
		// Localities and agencies first: Build numbers tasks first whatever the order given.
		{Kind: Locality, Title: "Thành phố Đà Nẵng", URL: "/dia-phuong/da-nang/"},
		{Kind: Locality, Title: "Xã Hoà Phước", Context: "Huyện Hoà Vang, Thành phố Đà Nẵng", URL: "/dia-phuong/da-nang/hoa-vang/hoa-phuoc/"},
		{Kind: Agency, Title: "Công an thành phố Đà Nẵng", Context: "Thành phố Đà Nẵng", URL: "/co-quan/cong-an/da-nang/"},
		{Kind: Agency, Title: "Phòng Tư pháp", Context: "Thành phố Huế", URL: "/co-quan/phong-tu-phap/hue/"},
		task("1.1", "Triển khai đăng ký khai sinh trực tuyến", dn),                                         // 0
		task("1.2", "Liên thông đăng ký khai sinh - đăng ký thường trú - cấp thẻ bảo hiểm y tế", dn),       // 1
		task("1.3", "Dang ky khai sinh cho tre em", hue),                                                   // 2: typed without diacritics
		task("2.1", "Kết nối Cơ sở dữ liệu quốc gia về dân cư với Cơ sở dữ liệu quốc gia về bảo hiểm", dn), // 3
		task("2.2", "Tuyên truyền ứng dụng VNeID", dn),                                                     // 4
		task("3.1", "Hoà giải ở cơ sở", hue),                                                               // 5: old-style tone
		task("3.2", "Hòa giải ở cơ sở", hue),                                                               // 6: new-style tone
		task("3.3", "Hóa đơn điện tử", hue),                                                                // 7: another spelling of "hoa"
		task("4.1", "Công an xã tiếp nhận hồ sơ", dn),                                                      // 8: "an" whole
		task("4.2", "Công khai danh sách ở Anh Sơn", dn),                                                   // 9: "an" only as a prefix
		task("4.3", "Đào tạo cán bộ công nghệ thông tin", dn),                                              // 10
		task("4.4", "Đăng tải công khai kết quả", dn),                                                      // 11: "đăng" prefix of nothing else
		{Kind: Plan, Label: "46/KH-UBND", Title: "Kế hoạch triển khai Đề án 06 năm 2022", Context: "Thành phố Đà Nẵng", URL: "/dia-phuong/da-nang/ke-hoach-46/"},
		{Kind: Plan, Label: "2274/KH-UBND", Title: "Kế hoạch thực hiện Đề án 06 trên địa bàn thành phố Huế", Context: "Thành phố Huế", URL: "/dia-phuong/thua-thien-hue/hue/ke-hoach-2274/"},
	}
}

// memFS serves built files and counts what a query fetches.
type memFS struct {
	files   map[string][]byte
	fetched []string
	bytes   int
}

func newMemFS(files []File) *memFS {
	m := &memFS{files: map[string][]byte{}}
	for _, f := range files {
		m.files[f.Path] = f.Data
	}
	return m
}

func (m *memFS) fetch(path string) ([]byte, error) {
	data, ok := m.files[path]
	if !ok {
		return nil, fmt.Errorf("%s: %w", path, fs.ErrNotExist)
	}
	m.fetched = append(m.fetched, path)
	m.bytes += len(data)
	return data, nil
}

func mustBuild(t testing.TB, docs []Doc, o options) []File {
	t.Helper()
	files, err := build(docs, o, oneOff())
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func mustQuery(t testing.TB, files []File, q string) *Result {
	t.Helper()
	res, err := Query(newMemFS(files).fetch, q)
	if err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	return res
}

// labels lists the hits as "kind:label" (tasks and plans) or the title,
// with "=" for an exact match and "~" for a folded one, in rank order.
func labels(res *Result) string {
	var out []string
	for _, g := range res.Groups {
		for _, h := range g.Hits {
			name := h.Doc.Label
			if name == "" {
				name = h.Doc.Title
			}
			mark := "~"
			if h.Exact {
				mark = "="
			}
			out = append(out, g.Kind.String()+":"+name+mark)
		}
	}
	return strings.Join(out, " ")
}

// tiny cuts the small corpus into many small files, so that its queries
// cross shards, read posting files and use prefixes' own postings.
var tiny = func() options {
	o := defaultOptions()
	o.shardBytes, o.inlineDocs, o.heavyBytes, o.recordsPer, o.verifyMax = 200, 2, 150, 4, 3
	return o
}()

func TestQueryRanking(t *testing.T) {
	tests := []struct {
		q, want string
	}{
		// Without diacritics the title typed without them is the exact match.
		{"dang ky khai sinh", "task:1.3= task:1.1~ task:1.2~"},
		// With them, the titles spelt so come first.
		{"đăng ký khai sinh", "task:1.1= task:1.2= task:1.3~"},
		{"ĐĂNG KÝ KHAI SINH", "task:1.1= task:1.2= task:1.3~"},
		// The last word is the word being typed: a prefix.
		{"đăng ký khai s", "task:1.1= task:1.2= task:1.3~"},
		// Typed without diacritics and with no tone yet, "khai si" starts each title exactly.
		{"khai si", "task:1.1= task:1.2= task:1.3="},
		// Every word must match, in any order.
		{"sinh khai đăng", "task:1.1= task:1.2= task:1.3~"},
		{"khai sinh vneid", ""},
		{"khai sinh xyz", ""},
		// Either placement of the tone is the same exact word.
		{"hoà giải", "task:3.1= task:3.2="},
		{"hòa giải", "task:3.1= task:3.2="},
		{"hoa giai", "task:3.1~ task:3.2~"},
		// "hóa" is another word with the diacritics, the same without; the
		// word being typed also starts "hoạch", whose tone is not "hóa"'s.
		{"hóa", "task:3.3= task:3.1~ task:3.2~ plan:46/KH-UBND~ plan:2274/KH-UBND~ locality:Xã Hoà Phước~"},
		{"hoà", "task:3.1= task:3.2= task:3.3~ plan:46/KH-UBND~ plan:2274/KH-UBND~ locality:Xã Hoà Phước="},
		// With no tone typed yet, every "hoa…" is spelt as typed; the whole words first.
		{"hoa", "task:3.1= task:3.2= task:3.3= plan:46/KH-UBND= plan:2274/KH-UBND= locality:Xã Hoà Phước="},
		// "d" matches "đ".
		{"dao tao", "task:4.3~"},
		// A whole last word ranks before a word it only starts.
		{"cong an", "task:4.1~ task:4.2~ agency:Công an thành phố Đà Nẵng~"},
		{"công an", "task:4.1= task:4.2= agency:Công an thành phố Đà Nẵng="},
		// A plan by its number; a locality by its parents.
		{"46/KH-UBND", "plan:46/KH-UBND="},
		{"hoa phuoc da nang", "locality:Xã Hoà Phước~"},
		// Case never matters.
		{"vneid", "task:2.2="},
		{"VNEID", "task:2.2="},
		{"", ""},
		{" …/ ", ""},
	}
	for _, o := range []options{defaultOptions(), tiny} {
		files := mustBuild(t, corpus(), o)
		for _, tt := range tests {
			if got := labels(mustQuery(t, files, tt.q)); got != tt.want {
				t.Errorf("shards of %d bytes: %q found\n  %s\nwant\n  %s", o.shardBytes, tt.q, got, tt.want)
			}
		}
	}
}

// A tone typed on a prefix matches the start of a longer word exactly,
// unless the prefix is so common that the index keeps its own postings:
// those tell the letters apart, and the tone only of the whole word.
func TestQueryToneOnPrefix(t *testing.T) {
	allHeavy := tiny
	allHeavy.heavyBytes = 1
	for _, tt := range []struct {
		o    options
		want string
	}{
		{defaultOptions(), "task:3.1~ task:3.2~ task:3.3~ plan:46/KH-UBND= plan:2274/KH-UBND= locality:Xã Hoà Phước~"},
		{allHeavy, "task:3.1~ task:3.2~ task:3.3~ plan:46/KH-UBND~ plan:2274/KH-UBND~ locality:Xã Hoà Phước~"},
	} {
		if got := labels(mustQuery(t, mustBuild(t, corpus(), tt.o), "hoạ")); got != tt.want {
			t.Errorf("prefixes of over %d bytes kept: \"hoạ\" found\n  %s\nwant\n  %s", tt.o.heavyBytes, got, tt.want)
		}
	}
}

func TestQueryGroups(t *testing.T) {
	files := mustBuild(t, corpus(), defaultOptions())
	res := mustQuery(t, files, "da nang")
	var kinds []string
	for _, g := range res.Groups {
		kinds = append(kinds, fmt.Sprintf("%s:%d", g.Kind, g.Total))
	}
	if got := strings.Join(kinds, " "); got != "agency:1 locality:2" {
		t.Errorf("groups %s, want agency:1 locality:2", got)
	}
	if res.Total != 3 {
		t.Errorf("total %d, want 3", res.Total)
	}
	h := res.Groups[1].Hits[1]
	if h.Doc.Title != "Xã Hoà Phước" || h.Doc.Context != "Huyện Hoà Vang, Thành phố Đà Nẵng" || h.Doc.URL != "/dia-phuong/da-nang/hoa-vang/hoa-phuoc/" {
		t.Errorf("record %+v", h.Doc)
	}
	task := mustQuery(t, files, "vneid").Groups[0].Hits[0].Doc
	if want := (Doc{Kind: Task, Label: "2.2", Title: "Tuyên truyền ứng dụng VNeID", Context: "46/KH-UBND · Thành phố Đà Nẵng", URL: "/dia-phuong/da-nang/ke-hoach-46/2-2/"}); task != want {
		t.Errorf("record %+v, want %+v", task, want)
	}
	// A group shows GroupCap results and counts the rest.
	capped := defaultOptions()
	capped.groupCap = 2
	res = mustQuery(t, mustBuild(t, corpus(), capped), "c")
	if g := res.Groups[0]; g.Kind != Task || len(g.Hits) != 2 || g.Total <= 2 {
		t.Errorf("capped group: %d shown of %d", len(g.Hits), g.Total)
	}
}

// Checking records instead of fetching postings, and a prefix's own
// postings instead of its expansion, find the same documents.
func TestQueryStrategiesAgree(t *testing.T) {
	queries := []string{"dang ky khai sinh", "đăng ký khai s", "khai", "cong an", "công an", "c", "d", "đ", "hoà", "ho",
		"co so du lieu", "ke hoach 06", "thanh pho", "th", "vneid ứ", "tuyến trự", "liên thông đăng ký thườ", "giải hoà", "khai đă"}
	for _, base := range []options{defaultOptions(), tiny} {
		postingsOnly, verifyEarly, noHeavy := base, base, base
		postingsOnly.verifyMax = 0
		verifyEarly.verifyMax = 1000
		noHeavy.heavyBytes = 1 << 30
		built := mustBuild(t, corpus(), base)
		for _, q := range queries {
			want := labels(mustQuery(t, built, q))
			for name, o := range map[string]options{"postings only": postingsOnly, "verify early": verifyEarly} {
				if got := labels(mustQuery(t, mustBuild(t, corpus(), o), q)); got != want {
					t.Errorf("shards of %d bytes, %s: %q found\n  %s\nwant\n  %s", base.shardBytes, name, q, got, want)
				}
			}
			// The prefix's own postings do not say which spelling starts a
			// longer word, so only the documents are compared.
			if got, want := docSet(mustQuery(t, mustBuild(t, corpus(), noHeavy), q)), docSet(mustQuery(t, built, q)); got != want {
				t.Errorf("expanding %q found %s, its own postings %s", q, got, want)
			}
		}
	}
}

func docSet(res *Result) string {
	var ns []int
	for _, g := range res.Groups {
		for _, h := range g.Hits {
			ns = append(ns, h.N)
		}
	}
	slices.Sort(ns)
	return fmt.Sprint(res.Total, ns)
}

// The small corpus exercises every kind of file.
func TestTinyIndexUsesEveryFile(t *testing.T) {
	files := mustBuild(t, corpus(), tiny)
	kinds := map[string]int{}
	for _, f := range files[1:] {
		kinds[strings.Split(f.Path, "/")[0]]++
	}
	for _, k := range []string{"t", "p", "x", "r"} {
		if kinds[k] < 2 {
			t.Errorf("%d %s/ files, want at least 2", kinds[k], k)
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, b := mustBuild(t, corpus(), defaultOptions()), mustBuild(t, corpus(), defaultOptions())
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("file %d: %s, then %s", i, a[i].Path, b[i].Path)
		}
	}
	// A file is named by its content: one name is never two contents, so a
	// cached file never mixes builds, and an edit of one document keeps the
	// name of every file it leaves as it was.
	edited := corpus()
	edited[0].Title += " trực tuyến"
	before, c := mustBuild(t, corpus(), tiny), mustBuild(t, edited, tiny)
	data := map[string][]byte{}
	for _, f := range before[1:] {
		data[f.Path] = f.Data
	}
	same, changed := 0, 0
	for _, f := range c[1:] {
		old, ok := data[f.Path]
		switch {
		case ok && !bytes.Equal(old, f.Data):
			t.Errorf("%s names two contents", f.Path)
		case ok:
			same++
		default:
			changed++
		}
	}
	if same == 0 || changed == 0 || changed > len(c)/2 {
		t.Errorf("after one title's edit, %d files kept their names and %d are new", same, changed)
	}
}

// Past MaxWords, words are skipped and reported; the last word searched is
// then a whole word, not the one being typed.
func TestQuerySkipsWordsPastTheLimit(t *testing.T) {
	o := defaultOptions()
	o.maxWords = 3
	res := mustQuery(t, mustBuild(t, corpus(), o), "khai sinh dang trực tuyến")
	if got := strings.Join(res.Skipped, " "); got != "trực tuyến" {
		t.Errorf("skipped %q, want %q", got, "trực tuyến")
	}
	if got := labels(res); got != "task:1.3= task:1.1~ task:1.2~" {
		t.Errorf("found %s", got)
	}
	// The same word twice counts once.
	if res := mustQuery(t, mustBuild(t, corpus(), o), "khai khai sinh sinh dang"); len(res.Skipped) != 0 || res.Total != 3 {
		t.Errorf("repeated words: skipped %q, found %d", res.Skipped, res.Total)
	}
}

// An index of nothing is valid, and finds nothing.
func TestEmptyIndex(t *testing.T) {
	files := mustBuild(t, nil, defaultOptions())
	for _, q := range []string{"d", "dang ky", ""} {
		if res := mustQuery(t, files, q); res.Total != 0 || len(res.Groups) != 0 {
			t.Errorf("%q found %+v", q, res)
		}
	}
}

func TestPostingsRoundTrip(t *testing.T) {
	lists := [][]uint32{{0}, {5}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, {3, 300, 70000}, {}}
	dense := make([]uint32, 0, 5000)
	for i := uint32(100); i < 10100; i += 2 {
		dense = append(dense, i)
	}
	lists = append(lists, dense)
	var data []byte
	for _, l := range lists {
		data = encodePostings(data, l)
	}
	if len(data) > 1300+40 {
		t.Errorf("encoded %d bytes; the dense list should be a bitmap of 1250", len(data))
	}
	for _, l := range lists {
		var got []uint32
		var err error
		got, data, err = decodePostings(data, len(l))
		if err != nil || !slices.Equal(got, l) && len(l) > 0 {
			t.Fatalf("decoded %v, %v; want %v", got, err, l)
		}
	}
	if len(data) != 0 {
		t.Errorf("%d bytes left", len(data))
	}
}

func TestUnionLen(t *testing.T) {
	for _, lists := range [][][]uint32{
		{{}},
		{{1, 2, 3}},
		{{1, 3, 5}, {2, 3, 4}},
		{{}, {7}},
		{{0, 9}, {}, {1, 9}, {9, 10, 11}},
		{{4, 5, 6}, {4, 5, 6}, {4, 5, 6}},
	} {
		if got, want := unionLen(lists...), len(union(lists...)); got != want {
			t.Errorf("unionLen(%v) = %d, want %d", lists, got, want)
		}
	}
}
