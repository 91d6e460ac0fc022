package load

import (
	"slices"
	"testing"
)

// The bundled plans cite the programme's documents by number; each
// document lists the plans that cite it, and no plan cites itself.
func TestBundledDocuments(t *testing.T) {
	site := loadBundled(t)
	citing := map[string][]string{}
	kinds := map[string]string{}
	for _, d := range site.Documents {
		for _, p := range d.Plans {
			citing[d.ID] = append(citing[d.ID], p.Number)
			if slices.Index(p.Cites, d) < 0 {
				t.Errorf("%s lists %s, which does not list it back", d.ID, p.Number)
			}
		}
		kinds[d.ID] = d.Kind
	}
	tests := []struct {
		id, kind string
		plans    []string
	}{
		{"06-qd-ttg", "Quyết định", []string{"46/KH-UBND", "11/KH-UBND", "2274/KH-UBND", "31/KH-UBND"}},
		{"107-2021-nd-cp", "Nghị định", []string{"46/KH-UBND", "11/KH-UBND", "2274/KH-UBND", "31/KH-UBND"}},
		{"26-2023-qh15", "Luật", []string{"31/KH-UBND"}},
		{"62-khph-tcda06-cptw-bcdda06-cphp", "Kế hoạch", []string{"31/KH-UBND"}},
	}
	for _, tt := range tests {
		got := citing[tt.id]
		slices.Sort(got)
		want := slices.Clone(tt.plans)
		slices.Sort(want)
		if !slices.Equal(got, want) || kinds[tt.id] != tt.kind {
			t.Errorf("%s: %s cited by %q, want %s cited by %q", tt.id, kinds[tt.id], got, tt.kind, want)
		}
	}
	for _, p := range site.Plans {
		for _, d := range p.Cites {
			if d.Number == p.Number {
				t.Errorf("%s cites itself", p.Number)
			}
		}
	}
}
