package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/vnfold"
)

// syllables make place names. None is a word an agency's name starts with
// ("Sở", "Phòng", "Ban" …), a unit word ("Xã", "Phố" …) or a word the
// deadline parser reads, so that a name never changes how a field is read.
var syllables = []string{
	"An", "Bình", "Phú", "Tân", "Hòa", "Long", "Thạnh", "Sơn", "Hà", "Thủy",
	"Lộc", "Phước", "Mỹ", "Hưng", "Yên", "Quang", "Minh", "Đức", "Thuận", "Lợi",
	"Hải", "Giang", "Lâm", "Đông", "Tây", "Nam", "Bắc", "Hiệp", "Nghĩa", "Thắng",
	"Lạc", "Hồng", "Kim", "Ngọc", "Vĩnh", "Xuân", "Hiếu", "Cát", "Tiên", "Phong",
	"Thái", "Khánh", "Định", "Lương", "Điền", "Tường", "Thịnh", "Vinh", "Châu", "Gia",
	"Diên", "Tiến", "Hợp", "Thới", "Hậu", "Lập", "Phúc", "Thống", "Nhất", "Hoàng",
	"Mai", "Liên", "Cẩm", "Lai", "Dương", "Kiên", "Cường", "Triệu", "Ninh", "Quảng",
	"Vạn", "Tam", "Kỳ", "Sa", "Lĩnh", "Khê", "Hạnh", "Thành", "Uyên", "Trà",
}

var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middleNames = []string{"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Công", "Trung"}
	givenNames  = []string{"Tùng", "Chinh", "Nhật", "Tuyên", "Hùng", "Dũng", "Hải", "Lan", "Hương", "Sơn", "Bình", "Quân", "Thắng", "Long", "Hà", "Phương", "Khoa", "Nam", "Tâm", "Hiền"}
)

// placeName makes a name of two syllables, or three now and then.
func placeName(r *rand.Rand) string {
	n := 2
	if r.IntN(10) == 0 {
		n = 3
	}
	words := make([]string, n)
	for i := range words {
		words[i] = syllables[r.IntN(len(syllables))]
	}
	if words[0] == words[1] {
		words[1] = syllables[(indexOf(syllables, words[1])+1)%len(syllables)]
	}
	return strings.Join(words, " ")
}

func indexOf(xs []string, x string) int {
	for i, s := range xs {
		if s == x {
			return i
		}
	}
	return -1
}

// uniqueName draws place names until one's slug is not taken among its
// siblings, and falls back to a numbered name ("Phường An Bình 2"), as
// Vietnamese towns number their wards, so that it always ends.
func uniqueName(r *rand.Rand, taken map[string]bool) string {
	for range 40 {
		name := placeName(r)
		if s := vnfold.Slug(name); !taken[s] && !reserved[s] {
			taken[s] = true
			return name
		}
	}
	base := placeName(r)
	for i := 2; ; i++ {
		name := fmt.Sprintf("%s %d", base, i)
		if s := vnfold.Slug(name); !taken[s] {
			taken[s] = true
			return name
		}
	}
}

// reserved are names the site takes under a locality.
var reserved = map[string]bool{"han-chot": true}

func personName(r *rand.Rand) string {
	return pick(r, familyNames) + " " + pick(r, middleNames) + " " + pick(r, givenNames)
}

// pick returns a random element of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// chance reports true with probability p percent.
func chance(r *rand.Rand, p int) bool { return r.IntN(100) < p }

// capitalize writes the first letter of s in upper case ("tỉnh" → "Tỉnh").
func capitalize(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(c)) + s[n:]
}

// lowerFirst writes the first letter of s in lower case unless the word is
// an acronym or a name ("VNeID", "Cơ sở dữ liệu" stays as "cơ sở dữ liệu").
func lowerFirst(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(c)) + s[n:]
}

var romans = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}

// letters are the Vietnamese letters documents number groups with: a), b) …
// đ) comes after d), and f, j, w, z are not used.
var letters = []string{"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"}
