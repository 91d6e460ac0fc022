package gen

import (
	"fmt"
	"math/rand/v2"

	"github.com/minhbach/minhbach/internal/vnfold"
)

// maxProvinces is the number of provinces and centrally-run cities of
// Vietnam after the 2025 reorganisation.
const maxProvinces = 34

// locality is one folder of the corpus, known before any file is written:
// the tree is small (a few thousand nodes for a 100,000-task corpus) and
// each locality's plans need its ancestors' names and plan numbers.
type locality struct {
	short, unit string // "An Bình", "tỉnh": the name is the unit word and the short name
	level       string // "tinh", "huyen" or "xa"
	path        string // "an-binh/tan-phu"
	code        string
	note        string
	mergedInto  string
	parent      *locality
	children    []*locality
	direct      bool // a commune of the 2025 map, right under its province
	districts   bool // a province whose communes are under districts (the map before 2025)
	seq         int  // position in writing order; seeds the locality's random source

	// The province's own bodies, for the agency registry ("" when none),
	// and a commune's names as its documents misprint them.
	youth, bank           string
	misprint, groupTypo   string
	youthID, bankID       string
	youthAlias, bankAlias string

	// Filled as the corpus is written, for the localities below.
	numbers []string   // its plans' numbers, which its descendants' must not repeat
	plans   []*planRef // its plans, which its children's plans implement
}

// planRef is what a child's plan says of the plan it implements.
type planRef struct {
	number, date string
}

// name is the official name with its unit word: "Tỉnh An Bình".
func (l *locality) name() string { return capitalize(l.unit) + " " + l.short }

// running is the name as it reads inside a sentence: "tỉnh An Bình".
func (l *locality) running() string { return l.unit + " " + l.short }

// chain returns the localities from the province down to l.
func (l *locality) chain() []*locality {
	var out []*locality
	for p := l; p != nil; p = p.parent {
		out = append([]*locality{p}, out...)
	}
	return out
}

// buildTree lays out n localities: up to 34 provinces, and the rest shared
// among them as communes, right under the province (the 2025 map) or under
// districts (the map the 2022 plans were issued on).
func buildTree(n int, seed uint64) []*locality {
	r := rand.New(rand.NewPCG(seed, 0))
	p := min(n, maxProvinces)
	provinceCodes := r.Perm(96)
	cities := max(1, p*6/maxProvinces)
	taken := map[string]bool{}
	var provinces []*locality
	for i := range p {
		unit := "tỉnh"
		if i < cities {
			unit = "thành phố"
		}
		short := uniqueName(r, taken)
		prov := &locality{short: short, unit: unit, level: "tinh", path: vnfold.Slug(short),
			code: fmt.Sprintf("%02d", provinceCodes[i]+1), districts: chance(r, 40)}
		ownBodies(r, prov)
		provinces = append(provinces, prov)
	}
	rest := n - p
	counter := &counters{district: codes{next: 1 + r.IntN(20), width: 3}, commune: codes{next: 1 + r.IntN(20), width: 5}}
	for i, prov := range provinces {
		share := rest / p
		if i < rest%p {
			share++
		}
		if prov.districts && share >= 2 {
			addDistricts(r, prov, share, counter)
		} else {
			prov.districts = false
			addCommunes(r, prov, share, counter, true)
		}
		provinceNote(r, prov)
	}
	seq := 0
	var number func(l *locality)
	number = func(l *locality) {
		l.seq = seq
		seq++
		for _, c := range l.children {
			number(c)
		}
	}
	for _, prov := range provinces {
		number(prov)
	}
	return provinces
}

// codes hands out official unit codes in increasing order, as the
// national list numbers districts (three digits) and communes (five).
type codes struct{ next, width int }

type counters struct{ district, commune codes }

func (c *codes) take(r *rand.Rand) string {
	code := fmt.Sprintf("%0*d", c.width, c.next)
	c.next += 1 + r.IntN(9)
	return code
}

func addDistricts(r *rand.Rand, prov *locality, share int, counter *counters) {
	d := (share + 7) / 8
	if 2*d > share {
		d = share / 2
	}
	communes := share - d
	taken := map[string]bool{}
	for i := range d {
		unit := pick(r, []string{"huyện", "huyện", "huyện", "huyện", "thị xã", "thành phố"})
		if prov.unit == "thành phố" {
			unit = pick(r, []string{"quận", "huyện"})
		}
		short := uniqueName(r, taken)
		dist := &locality{short: short, unit: unit, level: "huyen", parent: prov,
			path: prov.path + "/" + vnfold.Slug(short), code: counter.district.take(r),
			note: "Từ ngày 01/7/2025, cấp huyện không còn tổ chức; các kế hoạch được hiển thị dưới đơn vị đã ban hành."}
		prov.children = append(prov.children, dist)
		k := communes / d
		if i < communes%d {
			k++
		}
		addCommunes(r, dist, k, counter, false)
	}
}

func addCommunes(r *rand.Rand, parent *locality, k int, counter *counters, direct bool) {
	taken := map[string]bool{}
	for range k {
		short := uniqueName(r, taken)
		c := &locality{short: short, unit: communeUnit(r, parent, direct), level: "xa", parent: parent,
			path: parent.path + "/" + vnfold.Slug(short), code: counter.commune.take(r), direct: direct}
		communeNote(r, c)
		if c.unit == "xã" && chance(r, 15) {
			c.misprint = "CAX"
		}
		if c.unit == "xã" && chance(r, 10) {
			c.groupTypo = "cá ban, ngành, đoàn thể xã"
		}
		parent.children = append(parent.children, c)
	}
}

// communeUnit is the unit word of a commune: wards in towns and cities,
// communes and townships in the country, a special zone now and then.
func communeUnit(r *rand.Rand, parent *locality, direct bool) string {
	switch {
	case direct && chance(r, 1):
		return "đặc khu"
	case parent.unit == "quận":
		return "phường"
	case parent.unit == "thị xã", parent.unit == "thành phố" && !direct:
		return pick(r, []string{"phường", "phường", "xã"})
	case parent.unit == "thành phố":
		return pick(r, []string{"phường", "phường", "phường", "xã", "xã"})
	case parent.unit == "huyện":
		return pick(r, []string{"xã", "xã", "xã", "xã", "xã", "thị trấn"})
	}
	return pick(r, []string{"xã", "xã", "xã", "xã", "phường"})
}

// ownBodies gives a province the bodies of its own that plans name, as
// Hải Phòng's _index.md does, so that the registry's [[agency]] entries of
// a locality are exercised.
func ownBodies(r *rand.Rand, prov *locality) {
	if !chance(r, 60) {
		return
	}
	slug := prov.path
	if prov.unit == "thành phố" {
		prov.youth, prov.youthID, prov.youthAlias = "Thành đoàn "+prov.short, "thanh-doan-"+slug, "Thành đoàn"
	} else {
		prov.youth, prov.youthID, prov.youthAlias = "Tỉnh đoàn "+prov.short, "tinh-doan-"+slug, "Tỉnh đoàn"
	}
	prov.bank = "Ngân hàng Nhà nước chi nhánh " + prov.running()
	prov.bankID = "ngan-hang-nha-nuoc-chi-nhanh-" + slug
	prov.bankAlias = "NHNN chi nhánh " + prov.unit
}

func provinceNote(r *rand.Rand, prov *locality) {
	switch {
	case prov.districts:
		prov.note = "Các kế hoạch của cấp huyện, cấp xã dưới đây được ban hành trước khi sắp xếp đơn vị hành chính năm 2025; từ ngày 01/7/2025, cấp huyện không còn tổ chức."
	case chance(r, 50):
		other := placeName(r)
		prov.note = fmt.Sprintf("Từ ngày 01/7/2025, tỉnh %s được hợp nhất vào %s; cấp huyện không còn tổ chức.", other, prov.running())
	default:
		prov.note = fmt.Sprintf("Từ ngày 01/7/2025, cấp huyện không còn tổ chức; các xã, phường trực thuộc %s.", prov.running())
	}
}

func communeNote(r *rand.Rand, c *locality) {
	if c.direct {
		c.note = fmt.Sprintf("%s được thành lập từ ngày 01/7/2025 trên cơ sở sắp xếp xã %s và xã %s.", c.name(), placeName(r), placeName(r))
		return
	}
	d := c.parent
	c.note = fmt.Sprintf("%s thuộc %s, %s tại thời điểm ban hành kế hoạch (2022).", capitalize(c.unit), d.running(), d.parent.running())
	if chance(r, 30) {
		into := "Xã " + placeName(r)
		if c.unit == "phường" {
			into = "Phường " + placeName(r)
		}
		c.mergedInto = into
		c.note += " Từ ngày 01/7/2025, được sắp xếp vào " + lowerFirst(into) + "."
	}
}
