package gen

import (
	"math/rand/v2"
	"strings"
)

// roleForms are the ways plans name the agency that plays a role, at each
// level of locality, as data/agencies.toml reads them: {u} is the
// locality's unit word ("tỉnh", "huyện", "xã" …) and {n} its short name.
// A role a level does not have is named at the level above: a commune's
// plan names the district's Phòng Tư pháp, or the province's Sở Tư pháp.
type roleForms struct{ tinh, huyen, xa []string }

var roles = map[string]roleForms{
	"police":    {[]string{"Công an {u}", "Công an {u}", "Công an {u} {n}"}, []string{"Công an {u}", "Công an {u}", "Công an {u} {n}"}, []string{"Công an {u}"}},
	"office":    {[]string{"Văn phòng UBND {u}", "Văn phòng Ủy ban nhân dân {u}"}, []string{"Văn phòng HĐND và UBND {u}"}, []string{"Văn phòng HĐND và UBND {u}"}},
	"ubnd":      {[]string{"UBND {u}"}, []string{"UBND {u}"}, []string{"UBND {u}", "Ủy ban nhân dân {u}"}},
	"ict":       {[]string{"Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông", "Sở TT&TT"}, []string{"Phòng Văn hóa và Thông tin", "Phòng VH&TT", "Phòng Văn hóa - Thông tin"}, nil},
	"justice":   {[]string{"Sở Tư pháp"}, []string{"Phòng Tư pháp"}, nil},
	"health":    {[]string{"Sở Y tế"}, []string{"Trung tâm Y tế {u}"}, nil},
	"finance":   {[]string{"Sở Tài chính"}, []string{"Phòng Tài chính - Kế hoạch", "Phòng TC-KH"}, nil},
	"planning":  {[]string{"Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"}, []string{"Phòng Tài chính - Kế hoạch"}, nil},
	"labour":    {[]string{"Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"}, []string{"Phòng Lao động - Thương binh và Xã hội"}, nil},
	"education": {[]string{"Sở Giáo dục và Đào tạo", "Sở GD&ĐT"}, []string{"Phòng Giáo dục và Đào tạo"}, nil},
	"home":      {[]string{"Sở Nội vụ"}, []string{"Phòng Nội vụ"}, nil},
	"land":      {[]string{"Sở Tài nguyên và Môi trường", "Sở TN&MT"}, []string{"Phòng Tài nguyên và Môi trường"}, nil},
	"transport": {[]string{"Sở Giao thông vận tải", "Sở GTVT"}, []string{"Phòng Kinh tế"}, nil},
	"science":   {[]string{"Sở Khoa học và Công nghệ"}, nil, nil},
	"agri":      {[]string{"Sở Nông nghiệp và Phát triển nông thôn"}, []string{"Phòng Kinh tế"}, nil},
	"industry":  {[]string{"Sở Công Thương"}, []string{"Phòng Kinh tế"}, nil},
	"insurance": {[]string{"Bảo hiểm xã hội {u}", "BHXH {u}"}, []string{"Bảo hiểm xã hội {u}"}, nil},
	"court":     {[]string{"Tòa án nhân dân {u}", "TAND {u}"}, []string{"Tòa án nhân dân {u}"}, nil},
	"procuracy": {[]string{"Viện kiểm sát nhân dân {u}", "VKSND {u}"}, []string{"Viện kiểm sát nhân dân {u}"}, nil},
	"inspect":   {[]string{"Thanh tra {u}"}, []string{"Thanh tra {u}"}, nil},
	"post":      {[]string{"Bưu điện {u}"}, []string{"Bưu điện {u}"}, nil},
	"tax":       {[]string{"Sở Tài chính"}, []string{"Chi cục Thuế {u}"}, nil},
	"stats":     {[]string{"Sở Kế hoạch và Đầu tư"}, []string{"Chi cục Thống kê {u}"}, nil},
	"enforce":   {[]string{"Sở Tư pháp"}, []string{"Chi cục Thi hành án dân sự {u}"}, nil},
}

// groups name many bodies at once ("các sở, ban, ngành"); the registry
// keeps each as one mention, never split into "ban" and "ngành".
var groups = roleForms{
	tinh:  []string{"các sở, ban, ngành", "Các sở, ban, ngành, đoàn thể", "các cơ quan, đơn vị liên quan", "các cơ quan Trung ương đóng trên địa bàn", "Các doanh nghiệp, cơ quan, tổ chức có liên quan"},
	huyen: []string{"các cơ quan, ban, ngành {u}", "UBND các xã, thị trấn", "các cơ quan, đơn vị liên quan"},
	xa:    []string{"các ban, ngành, đoàn thể {u}", "các thôn, tổ dân phố", "Các cơ quan, ban, ngành {u}", "các cơ quan, tổ chức liên quan"},
}

// book names agencies in the plans of one locality.
type book struct {
	r     *rand.Rand
	self  *locality
	chain []*locality // the province first
}

func newBook(r *rand.Rand, l *locality) *book { return &book{r: r, self: l, chain: l.chain()} }

func (f roleForms) at(level string) []string {
	switch level {
	case "tinh":
		return f.tinh
	case "huyen":
		return f.huyen
	}
	return f.xa
}

// fill puts the locality's unit word and name into a form.
func fill(form string, l *locality) string {
	if !strings.Contains(form, "{") {
		return form
	}
	return strings.ReplaceAll(strings.ReplaceAll(form, "{u}", l.unit), "{n}", l.short)
}

// name names the agency of a role for a plan of the book's locality: at
// the plan's own level when that level has one, else at the nearest level
// above.
func (b *book) name(role string) string {
	prov := b.chain[0]
	switch role {
	case "youth":
		if prov.youth == "" {
			return "các tổ chức chính trị - xã hội"
		}
		return pick(b.r, []string{prov.youth, prov.youthAlias})
	case "bank":
		if prov.bank == "" {
			return "các tổ chức tín dụng trên địa bàn"
		}
		return pick(b.r, []string{prov.bank, prov.bankAlias})
	case "ministry":
		return "Bộ Công an"
	case "police":
		if b.self.misprint != "" && chance(b.r, 40) {
			return b.self.misprint
		}
	}
	forms := roles[role]
	for i := len(b.chain) - 1; i >= 0; i-- {
		l := b.chain[i]
		if fs := forms.at(l.level); len(fs) > 0 {
			return fill(pick(b.r, fs), l)
		}
	}
	return b.group()
}

// group names many bodies of the plan's own level.
func (b *book) group() string {
	l := b.self
	fs := groups.at(l.level)
	if l.level == "tinh" && l.districts {
		fs = append(fs[:len(fs):len(fs)], "UBND các huyện, thị xã, thành phố")
	} else if l.level == "tinh" {
		fs = append(fs[:len(fs):len(fs)], "UBND các xã, phường")
	}
	return fill(pick(b.r, fs), l)
}

// lead names the lead of a task whose usual lead plays role. A commune's
// plan gives most tasks to the commune's own bodies.
func (b *book) lead(role string, support []string) string {
	if b.self.level == "xa" && role != "police" && chance(b.r, 60) {
		role = pick(b.r, []string{"office", "ubnd", "police"})
	}
	switch {
	case chance(b.r, 4):
		return b.group()
	case len(support) > 0 && chance(b.r, 8):
		first, second := b.name(role), b.name(support[0])
		if first != second {
			return first + ", " + second
		}
		return first
	}
	return b.name(role)
}

// support names the supporters of a task: the agencies of the roles rs, and
// often a group, joined as plans join them (", ", "; " or " và ").
func (b *book) support(rs []string, lead string) string {
	var names []string
	for _, role := range rs {
		if !chance(b.r, 75) {
			continue
		}
		n := b.name(role)
		if n != lead && !strings.Contains(lead, n) && indexOf(names, n) < 0 {
			names = append(names, n)
		}
	}
	if len(names) == 0 || chance(b.r, 55) {
		names = append(names, b.group())
		if b.self.groupTypo != "" && chance(b.r, 30) {
			names[len(names)-1] = b.self.groupTypo
		}
	}
	sep := pick(b.r, []string{", ", ", ", "; "})
	if len(names) > 1 && chance(b.r, 35) {
		return strings.Join(names[:len(names)-1], sep) + " và " + names[len(names)-1]
	}
	return strings.Join(names, sep)
}
