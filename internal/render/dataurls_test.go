package render

import (
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/model"
)

func TestDataURLs(t *testing.T) {
	l := &model.Locality{Path: "hung-yen/van-lam/lac-hong"}
	p := &model.Plan{Locality: l, Slug: "ke-hoach-11-kh-ubnd-2022"}
	a := &model.Appendix{Slug: "phu-luc-ii"}
	tests := []struct{ got, want string }{
		{PlanDataURL(p, "csv"), "/du-lieu/ke-hoach/hung-yen/van-lam/lac-hong/ke-hoach-11-kh-ubnd-2022.csv"},
		{PlanDataURL(p, "json"), "/du-lieu/ke-hoach/hung-yen/van-lam/lac-hong/ke-hoach-11-kh-ubnd-2022.json"},
		{AppendixDataURL(p, a, "csv"), "/du-lieu/ke-hoach/hung-yen/van-lam/lac-hong/ke-hoach-11-kh-ubnd-2022/phu-luc-ii.csv"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %s, want %s", tt.got, tt.want)
		}
	}
	for _, name := range []string{"nhiem-vu.json", "nhiem-vu.csv", "nhiem-vu.schema.json", "ke-hoach.json", "dia-phuong.json", "co-quan.json", "so-sanh.csv", "han-chot.ics"} {
		if u, err := DataURL(name); err != nil || u != "/du-lieu/"+name {
			t.Errorf("DataURL(%q) = %q, %v", name, u, err)
		}
	}
	for _, name := range []string{"nhiem-vu.xml", "", "../x", "ke-hoach"} {
		if _, err := DataURL(name); err == nil {
			t.Errorf("DataURL(%q) is not an error", name)
		}
	}
}

// The data page lists every site-wide file once, each field with a
// meaning, and the per-plan files with an example when there is a plan.
func TestDataPageOf(t *testing.T) {
	l := &model.Locality{Path: "hue", Name: "Huế"}
	p := &model.Plan{Locality: l, Slug: "kh", Tasks: []*model.Task{{}, {}},
		Appendices: []*model.Appendix{{Slug: "phu-luc-i"}, {Slug: "phu-luc-ii"}}}
	l.Plans = []*model.Plan{p}
	site := &model.Site{Localities: []*model.Locality{l}, Plans: []*model.Plan{p}}
	v := DataPageOf(site)
	seen := map[string]bool{}
	for _, f := range append(append([]DataFile(nil), v.Files...), v.PlanFiles...) {
		if seen[f.Anchor] {
			t.Errorf("anchor %s twice", f.Anchor)
		}
		seen[f.Anchor] = true
		for _, fl := range f.Fields {
			if !strings.HasPrefix(fl.Key, "df_") || fl.Type == "" || fl.Name == "" {
				t.Errorf("%s: field %+v", f.Name, fl)
			}
		}
	}
	if len(v.Files) != 8 || v.Files[0].Records != 2 || v.Files[0].Name != "nhiem-vu.json" {
		t.Errorf("files %+v", v.Files)
	}
	if v.Plans != 1 || v.Appendices != 2 || len(v.Roots) != 1 || v.Roots[0].Tasks != 2 {
		t.Errorf("counts %d plans, %d appendices, roots %+v", v.Plans, v.Appendices, v.Roots)
	}
	if got := v.PlanFiles[2].URL; got != "/du-lieu/ke-hoach/hue/kh/phu-luc-i.json" {
		t.Errorf("example %s", got)
	}
	if empty := DataPageOf(&model.Site{}); empty.PlanFiles[0].URL != "" || empty.Appendices != 0 {
		t.Errorf("a site with no plan has example %q", empty.PlanFiles[0].URL)
	}
}
