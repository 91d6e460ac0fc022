package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The reader: from the Sở Thông tin và Truyền thông of Đà Nẵng to
// every task it leads, on to the page that sets it beside Hải Phòng's; the
// comparison of the insurance connection across Đà Nẵng, Lạc Hồng and Huế;
// and the plans citing Quyết định 06/QĐ-TTg.
func TestAgencyCompareAndDocumentPages(t *testing.T) {
	out := buildBundled(t)
	page := func(url string) string { return read(t, filepath.Join(out, filepath.FromSlash(url), "index.html")) }
	tests := []struct {
		url  string
		want []string
	}{
		{"co-quan/so-thong-tin-va-truyen-thong/da-nang", []string{
			"<h1>Sở Thông tin và Truyền thông thành phố Đà Nẵng</h1>",
			`href="/co-quan/so-thong-tin-va-truyen-thong/"`,
			`href="/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/2-1/"`, // a task it leads
			`role="img"`,
		}},
		{"co-quan/so-thong-tin-va-truyen-thong", []string{
			`href="/co-quan/so-thong-tin-va-truyen-thong/da-nang/"`,
			`href="/co-quan/so-thong-tin-va-truyen-thong/hai-phong/"`,
		}},
		{"co-quan", []string{`href="/co-quan/cong-an/"`, `aria-sort="descending"`, `href="/co-quan/theo-qua-han/#tat-ca"`}},
		{"co-quan/theo-qua-han", []string{`href="/co-quan/#tat-ca"`}},
		{"so-sanh/ket-noi-bao-hiem", []string{
			"Thành phố Đà Nẵng", "Xã Lạc Hồng", "Thành phố Huế",
			`href="/dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/5-1-1/"`,
			`href="/dia-phuong/hung-yen/van-lam/lac-hong/ke-hoach-11-kh-ubnd-2022/5-1-1/"`,
		}},
		{"so-sanh", []string{`href="/so-sanh/ket-noi-bao-hiem/"`, `aria-labelledby="so-sanh-title so-sanh-desc"`, `<table class="compare">`}},
		{"van-ban/06-qd-ttg", []string{"<h1>Quyết định 06/QĐ-TTg</h1>", `href="/dia-phuong/hai-phong/ke-hoach-31-kh-ubnd-2024/"`}},
		// The plan's text links the documents it cites, and its fields the agencies.
		{"dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022", []string{`<a href="../../../van-ban/1911-qd-ttg/">1911/QĐ-TTg</a>`}},
		{"dia-phuong/da-nang/ke-hoach-46-kh-ubnd-2022/2-1", []string{`<a href="/co-quan/so-thong-tin-va-truyen-thong/da-nang/" title="Sở Thông tin và Truyền thông thành phố Đà Nẵng">Sở Thông tin và truyền thông</a>`}},
	}
	for _, tt := range tests {
		html := page(tt.url)
		for _, w := range tt.want {
			if !strings.Contains(html, w) {
				t.Errorf("/%s/ lacks %s", tt.url, w)
			}
		}
	}
	// The Huế comparison page says where a locality has no such task.
	if html := page("so-sanh/ket-noi-bao-hiem"); !strings.Contains(html, "Kế hoạch của địa phương này không có nhiệm vụ nào khớp") {
		t.Error("/so-sanh/ket-noi-bao-hiem/ does not say Hải Phòng has no such task")
	}
}

func TestAgencyAndCompareData(t *testing.T) {
	out := buildBundled(t)
	var agencies []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Led  []struct {
			Plan, ID string
		} `json:"led"`
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, "du-lieu", "co-quan.json"))), &agencies); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range agencies {
		if a.ID == "cong-an/da-nang" && a.Name == "Công an thành phố Đà Nẵng" && len(a.Led) > 0 {
			found = true
		}
	}
	if !found {
		t.Error("co-quan.json lacks Công an thành phố Đà Nẵng and the tasks it leads")
	}
	var tasks []struct {
		Lead []struct {
			Text string  `json:"text"`
			ID   *string `json:"id"`
		} `json:"lead"`
		Catalog []string `json:"catalog"`
		Plan    string   `json:"plan"`
		ID      string   `json:"id"`
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, "du-lieu", "nhiem-vu.json"))), &tasks); err != nil {
		t.Fatal(err)
	}
	for _, task := range tasks {
		if task.Plan == "46/KH-UBND" && task.ID == "5.1.1" && (len(task.Catalog) == 0 || task.Catalog[0] != "ket-noi-bao-hiem") {
			t.Errorf("46/KH-UBND 5.1.1 catalog = %q", task.Catalog)
		}
		if task.Plan == "46/KH-UBND" && task.ID == "2.1" && (len(task.Lead) != 1 || task.Lead[0].ID == nil || *task.Lead[0].ID != "so-thong-tin-va-truyen-thong/da-nang") {
			t.Errorf("46/KH-UBND 2.1 lead has no agency id: %+v", task.Lead)
		}
	}
	data, err := os.ReadFile(filepath.Join(out, "du-lieu", "so-sanh.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	localities := map[string]bool{}
	for _, r := range rows[1:] {
		if r[0] == "ket-noi-bao-hiem" {
			localities[r[3]] = true
		}
	}
	for _, l := range []string{"da-nang", "hung-yen/van-lam/lac-hong", "thua-thien-hue/hue"} {
		if !localities[l] {
			t.Errorf("so-sanh.csv has no ket-noi-bao-hiem row for %s", l)
		}
	}
}
