package vnfold

import (
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đăng ký khai sinh", "dang ky khai sinh"},
		{"ĐÀ NẴNG", "da nang"},
		{"Thời gian thực hiện", "thoi gian thuc hien"},
		{"hoà", "hoa"},
		{"hòa", "hoa"},
		{"plain ascii", "plain ascii"},
		// Decomposed input (as pasted from some Word files) folds the same.
		{"Hue\u0302\u0301", "hue"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đà Nẵng", "da-nang"},
		{"Thừa Thiên Huế", "thua-thien-hue"},
		{"46/KH-UBND", "46-kh-ubnd"},
		{"5.1.1", "5-1-1"},
		{"  (3) Đánh giá… ", "3-danh-gia"},
		{"Phụ lục II", "phu-luc-ii"},
		{"---", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkFold(b *testing.B) {
	s := "Sở Lao động - Thương binh và Xã hội; Văn phòng HĐND và UBND thành phố"
	for b.Loop() {
		Fold(s)
	}
}

func TestIndex(t *testing.T) {
	tests := []struct {
		s, pattern string
		want       string // the matched part of s, "" for none
	}{
		{"Văn phòng xã chủ trì, phối hợp Công an xã", " chủ trì, phối hợp ", " chủ trì, phối hợp "},
		{"VĂN PHÒNG CHỦ TRÌ, PHỐI HỢP Sở Y tế", " chu tri, phoi hop ", " CHỦ TRÌ, PHỐI HỢP "},
		{"Đà Nẵng", "da nang", "Đà Nẵng"},
		{"Huế", "ha noi", ""},
	}
	for _, tt := range tests {
		start, end := Index(tt.s, tt.pattern)
		got := ""
		if start >= 0 {
			got = tt.s[start:end]
		}
		if got != tt.want {
			t.Errorf("Index(%q, %q) matched %q, want %q", tt.s, tt.pattern, got, tt.want)
		}
	}
}

// The table Fold looks runes up in gives what decomposing gives, for every
// rune it holds and for mixed text.
func TestFoldTableMatchesNormalising(t *testing.T) {
	for r := rune(0); r < 0x2100; r++ {
		s := "x" + string(r) + "Y " + strings.ToUpper(string(r))
		if got, want := Fold(s), foldNormalised(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{"Hue\u0302\u0301 và Đa\u0300 Nă\u0306\u0303ng", "Ǆ ǅ ǆ ﬁ Ω Å ẞ ß İ ı ŉ", "漢字 ٣ Привет ỹ"} {
		if got, want := Fold(s), foldNormalised(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Đăng ký khai sinh", "Hue\u0302\u0301", "Ǆ ß 漢字"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldNormalised(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}
