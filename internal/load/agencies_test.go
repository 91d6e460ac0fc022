package load

import (
	"strings"
	"testing"

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
