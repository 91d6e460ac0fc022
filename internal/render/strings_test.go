package render

import (
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/BurntSushi/toml"
)

func readStrings(t *testing.T, lang string) map[string]string {
	t.Helper()
	src, err := os.ReadFile("../../i18n/" + lang + ".toml")
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	if _, err := toml.Decode(string(src), &texts); err != nil {
		t.Fatal(err)
	}
	return texts
}

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// Every Vietnamese string has an English twin taking the same arguments,
// and English has no string Vietnamese lacks.
func TestEveryStringHasAnEnglishTwin(t *testing.T) {
	vi, en := readStrings(t, "vi"), readStrings(t, "en")
	for key, text := range vi {
		twin, ok := en[key]
		if !ok {
			t.Errorf("i18n/en.toml has no %s (vi: %q)", key, text)
			continue
		}
		a, b := verb.FindAllString(text, -1), verb.FindAllString(twin, -1)
		if slices.ContainsFunc(append(a, b...), func(v string) bool { return v[1] == '[' }) {
			continue // indexed arguments may be used in another order, or not at all
		}
		if !slices.Equal(a, b) {
			t.Errorf("%s: vi takes %v, en takes %v", key, a, b)
		}
	}
	for key := range en {
		if _, ok := vi[key]; !ok {
			t.Errorf("i18n/en.toml has %s, which i18n/vi.toml lacks", key)
		}
	}
}

func TestDatesAndNumbersPerLanguage(t *testing.T) {
	d := struct{ y, m, day int }{2022, 3, 10}
	for _, tt := range []struct {
		lang, short, long, num string
	}{
		{"vi", "10/3/2022", "ngày 10 tháng 3 năm 2022", "1.234.567"},
		{"en", "10 March 2022", "10 March 2022", "1,234,567"},
	} {
		strs := &Strings{lang: tt.lang, texts: readStrings(t, tt.lang)}
		r := &Renderer{strings: strs}
		date := dateOf(d.y, d.m, d.day)
		if got := r.Date(date); got != tt.short {
			t.Errorf("%s: Date = %q, want %q", tt.lang, got, tt.short)
		}
		if got := r.LongDate(date); got != tt.long {
			t.Errorf("%s: LongDate = %q, want %q", tt.lang, got, tt.long)
		}
		if got := r.Int(1234567); got != tt.num {
			t.Errorf("%s: Int = %q, want %q", tt.lang, got, tt.num)
		}
	}
}
