package load

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/vnfold"
)

// Every name in the lead and support fields of the bundled plans is read:
// an agency of the registry, a group, or a misprint the registry keeps as
// written. No group is split into fragments and no name is cut at "và".
func TestBundledAgencies(t *testing.T) {
	site := loadBundled(t)
	fragments := map[string]bool{"ban": true, "nganh": true, "doan the": true, "huyen": true, "xa": true, "dia phuong": true, "don vi": true}
	for _, task := range site.Tasks() {
		for _, m := range append(append([]model.Mention(nil), task.Lead...), task.Support...) {
			where := task.Plan.Number + " " + task.ID + ": " + m.Text
			if m.Unknown() {
				t.Errorf("%s: not read", where)
			}
			f := vnfold.Fold(m.Text)
			if fragments[f] || strings.HasPrefix(f, "va ") || strings.HasSuffix(f, " va") || f == "" {
				t.Errorf("%s: a fragment of a name", where)
			}
			if m.Agency != nil && m.Agency.Locality != nil && !inChain(m.Agency.Locality, task.Plan.Locality) {
				t.Errorf("%s: %s serves %s, not a locality of the plan", where, m.Agency.Name, m.Agency.Locality.Name)
			}
		}
	}
	byID := map[string]*model.Agency{}
	for _, a := range site.Agencies {
		byID[a.ID] = a
	}
	tests := []struct {
		id, name      string
		led, supports int
	}{
		{"so-thong-tin-va-truyen-thong/da-nang", "Sở Thông tin và Truyền thông thành phố Đà Nẵng", 2, 19},
		{"so-thong-tin-va-truyen-thong/hai-phong", "Sở Thông tin và Truyền thông thành phố Hải Phòng", 0, 0},
		{"cong-an/thua-thien-hue/hue", "Công an thành phố Huế", 0, 0},
		{"cong-an/hung-yen/van-lam", "Công an huyện Văn Lâm", 0, 0},
		{"phong-van-hoa-va-thong-tin/thua-thien-hue/hue", "Phòng Văn hóa và Thông tin thành phố Huế", 0, 0},
	}
	for _, tt := range tests {
		a := byID[tt.id]
		if a == nil {
			t.Errorf("no agency %s", tt.id)
			continue
		}
		if a.Name != tt.name {
			t.Errorf("%s is named %q, want %q", tt.id, a.Name, tt.name)
		}
		if tt.led > 0 && (len(a.Led) != tt.led || len(a.Supported) != tt.supports) {
			t.Errorf("%s leads %d and supports %d tasks, want %d and %d", tt.id, len(a.Led), len(a.Supported), tt.led, tt.supports)
		}
		if len(a.Led)+len(a.Supported) == 0 {
			t.Errorf("%s has no task", tt.id)
		}
	}
}

func inChain(l, of *model.Locality) bool {
	for a := of; a != nil; a = a.Parent {
		if a == l {
			return true
		}
	}
	return false
}

// A name that two aliases of the same length could mean meets both their
// agencies while it is matched; the site lists only the one it names.
func TestSiteListsOnlyNamedAgencies(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"data/agencies.toml": `[[kind]]
id = "cong-an"
name = "Công an"
levels = ["tinh"]
aliases = ["Công an {cấp}"]

[[kind]]
id = "ubnd"
name = "Ủy ban nhân dân"
levels = ["tinh"]
aliases = ["UBND {cấp}"]
`,
		"content/dia-phuong/bac-ha/_index.md": `+++
name = "Tỉnh Bắc Hà"
level = "tinh"
[[alias]]
text = "Công an tỉnh"
agency = "ubnd/bac-ha"
note = "the plans write it so"
+++
`,
		"content/dia-phuong/bac-ha/ke-hoach-1-kh-ubnd-2025.md": `+++
kind = "plan"
title = "Kế hoạch thực hiện Đề án 06 năm 2025"
number = "1/KH-UBND"
issued = 2025-01-02
issuer = "Ủy ban nhân dân tỉnh Bắc Hà"
+++
## II. NHIỆM VỤ

### 1. Hoàn thiện thể chế

#### 1.1. Rà soát văn bản.

- Cơ quan chủ trì: Công an tỉnh.
- Thời gian thực hiện: Quý I/2025.
`,
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site, diags := Load(dir, content.NewParser(), nil)
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	if n := len(site.Tasks()); n != 1 {
		t.Fatalf("%d tasks, want 1", n)
	}
	var ids []string
	for _, a := range site.Agencies {
		ids = append(ids, a.ID)
	}
	if want := []string{"ubnd/bac-ha"}; !slices.Equal(ids, want) {
		t.Errorf("agencies %q, want %q", ids, want)
	}
	for _, k := range site.Kinds {
		for _, a := range k.Agencies {
			if a.ID != "ubnd/bac-ha" {
				t.Errorf("kind %s lists %s, which no task names", k.ID, a.ID)
			}
		}
	}
}
