package chart

import "testing"

func TestFmtNum(t *testing.T) {
	tests := map[float64]string{0: "0", -0.0001: "0", 12: "12", 12.5: "12.5", 12.345: "12.35", 1.0 / 3: "0.33", -4.25: "-4.25", 100.004: "100"}
	for in, want := range tests {
		if got := fmtNum(in); got != want {
			t.Errorf("fmtNum(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanID(t *testing.T) {
	tests := map[string]string{
		"":       "chart",
		"kh-06":  "kh-06",
		"06":     "chart-06",
		"a b\"c": "a-b-c",
		"Đề án":  "chart-----n", // each letter outside ASCII becomes '-', so a letter no longer leads
	}
	for in, want := range tests {
		if got := cleanID(in); got != want {
			t.Errorf("cleanID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in    string
		max   float64
		want  string
		isCut bool
	}{
		{"Quý I", 100, "Quý I", false},
		{"Thường xuyên hằng tháng", 80, "Thường…", true},
		{"abc", 5, "…", true},
		// Decomposed "ế" (e + U+0302 + U+0301) is never split from its accents.
		{"k\u0065\u0302\u0301 hoạch dài", 30, "k\u0065\u0302\u0301…", true},
	}
	for _, tt := range tests {
		got, cut := truncate(tt.in, tt.max, fontSize, false)
		if got != tt.want || cut != tt.isCut {
			t.Errorf("truncate(%q, %v) = %q, %v; want %q, %v", tt.in, tt.max, got, cut, tt.want, tt.isCut)
		}
		if cut && textWidth(got, fontSize, false) > tt.max && got != ellipsis {
			t.Errorf("truncate(%q, %v) = %q is wider than %v", tt.in, tt.max, got, tt.max)
		}
	}
}
