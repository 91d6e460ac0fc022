package search

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/vnfold"
)

var update = flag.Bool("update", false, "rewrite the files under testdata/ from the code")

// foldCase is one line of testdata/folding.json, which search.test.mjs
// checks the script's folding against.
type foldCase struct {
	In    string `json:"in"`
	Form  string `json:"form"` // "nfc" or "nfd": how In is written
	Fold  string `json:"fold"`
	Exact string `json:"exact"`
}

// The Vietnamese vowels, each with its letter folded, and the tones as
// combining marks with the sign ExactKey writes for each.
var (
	vowels = []struct{ letter, folded string }{
		{"a", "a"}, {"ă", "a"}, {"â", "a"}, {"e", "e"}, {"ê", "e"}, {"i", "i"},
		{"o", "o"}, {"ô", "o"}, {"ơ", "o"}, {"u", "u"}, {"ư", "u"}, {"y", "y"},
	}
	tones = []struct{ mark, sign string }{
		{"", ""}, {"\u0300", "`"}, {"\u0301", "'"}, {"\u0309", "?"}, {"\u0303", "~"}, {"\u0323", "."},
	}
	// Words written with the tone on either vowel, old style first: each
	// pair has one exact key.
	placements = [][2]string{
		{"hoà", "hòa"}, {"hoá", "hóa"}, {"thuỷ", "thủy"}, {"khoẻ", "khỏe"}, {"quý", "qúy"},
		{"toả", "tỏa"}, {"thuỵ", "thụy"}, {"hoạ", "họa"}, {"xoã", "xõa"}, {"HOÀ", "HÒA"}, {"Thuỷ", "Thủy"},
	}
	phrases = []string{
		"Đăng ký khai sinh", "ĐĂNG KÝ THƯỜNG TRÚ", "đ", "Đ", "dd", "Cơ sở dữ liệu quốc gia về dân cư",
		"VNeID", "Công an", "Thừa Thiên Huế", "Hoà Vang", "46/KH-UBND", "Nghị định 59/2022/NĐ-CP",
	}
)

// foldingTable lists every vowel with every tone, lower and upper case, in
// NFC and NFD, then đ, the two placements of tones, and whole phrases.
func foldingTable() []foldCase {
	var inputs []string
	for _, v := range vowels {
		for _, t := range tones {
			for _, letter := range []string{v.letter, strings.ToUpper(v.letter)} {
				inputs = append(inputs, norm.NFC.String(letter+t.mark))
			}
		}
	}
	for _, p := range placements {
		inputs = append(inputs, p[0], p[1])
	}
	inputs = append(inputs, phrases...)
	var out []foldCase
	for _, in := range inputs {
		for _, form := range []norm.Form{norm.NFC, norm.NFD} {
			s := form.String(in)
			name := "nfc"
			if form == norm.NFD {
				name = "nfd"
			}
			if form == norm.NFD && s == in {
				continue // nothing to decompose
			}
			out = append(out, foldCase{In: s, Form: name, Fold: vnfold.Fold(s), Exact: exactOfText(s)})
		}
	}
	return out
}

// exactOfText is ExactKey of each word, spaced: what the table records for
// a phrase.
func exactOfText(s string) string {
	var keys []string
	for _, t := range Tokenize(s) {
		keys = append(keys, t.Exact)
	}
	return strings.Join(keys, " ")
}

// The table the script is checked against is what vnfold and ExactKey say:
// rewrite it with go test -run TestFoldingTable -update.
func TestFoldingTable(t *testing.T) {
	table := foldingTable()
	var b bytes.Buffer
	b.WriteString("[\n")
	for i, c := range table {
		line, err := marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		if i < len(table)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]\n")
	path := filepath.Join("testdata", "folding.json")
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, b.Bytes()) {
		t.Errorf("%s is not what vnfold and ExactKey give: run go test ./internal/search -run TestFoldingTable -update, and check the diff", path)
	}
	var back []foldCase
	if err := json.Unmarshal(got, &back); err != nil || len(back) != len(table) {
		t.Fatalf("%s: %d cases, %v", path, len(back), err)
	}
}

// Each vowel folds to its bare letter with any tone, in either form, and
// its exact key keeps the vowel and writes the tone as a sign at the end.
func TestFoldVowels(t *testing.T) {
	for _, v := range vowels {
		for _, tn := range tones {
			for _, letter := range []string{v.letter, strings.ToUpper(v.letter)} {
				for _, form := range []norm.Form{norm.NFC, norm.NFD} {
					in := form.String(letter + tn.mark)
					if got := vnfold.Fold(in); got != v.folded {
						t.Errorf("Fold(%q) = %q, want %q", in, got, v.folded)
					}
					if got, want := ExactKey(in), v.letter+tn.sign; got != want {
						t.Errorf("ExactKey(%q) = %q, want %q", in, got, want)
					}
				}
			}
		}
	}
}

func TestExactKeyTonePlacement(t *testing.T) {
	for _, p := range placements {
		for _, form := range []norm.Form{norm.NFC, norm.NFD} {
			a, b := form.String(p[0]), form.String(p[1])
			if ExactKey(a) != ExactKey(b) {
				t.Errorf("ExactKey(%q) = %q, ExactKey(%q) = %q: want one key", a, ExactKey(a), b, ExactKey(b))
			}
		}
	}
	// Diacritics other than tones still tell words apart.
	for _, pair := range [][2]string{{"dang", "đang"}, {"hoa", "hòa"}, {"thu", "thư"}, {"ban", "bàn"}, {"bán", "bàn"}} {
		if ExactKey(pair[0]) == ExactKey(pair[1]) {
			t.Errorf("ExactKey(%q) = ExactKey(%q) = %q", pair[0], pair[1], ExactKey(pair[0]))
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // folded words, spaced
	}{
		{"Đăng ký khai sinh", "dang ky khai sinh"},
		{"46/KH-UBND", "46 kh ubnd"},
		{"  (3) Đánh giá… ", "3 danh gia"},
		{"Phòng Văn hoá & Thông tin", "phong van hoa thong tin"},
		{"Hue\u0302\u0301 VNeID", "hue vneid"},
		{"\u0301 lone mark", "lone mark"},
		{"", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range Tokenize(tt.in) {
			got = append(got, tk.Fold)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
