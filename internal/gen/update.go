package gen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// lastUpdate is the latest date an update is dated: the corpus reports
// progress up to the end of 2025.
var lastUpdate = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)

// updateCount is how many updates a locality publishes: a province reports
// more often than a commune.
func updateCount(r *rand.Rand, l *locality) int {
	switch l.level {
	case "tinh":
		return 2 + r.IntN(2)
	case "huyen":
		return 1 + r.IntN(2)
	}
	return r.IntN(3)
}

// update is one generated update, before it is written.
type update struct {
	date   time.Time
	number string
	slug   string
}

// planUpdates dates a locality's updates after its first plan and names
// each file, with no two alike.
func planUpdates(r *rand.Rand, l *locality, plans []planInfo) []update {
	n := updateCount(r, l)
	if n == 0 || len(plans) == 0 {
		return nil
	}
	first := plans[0].issued
	for _, p := range plans {
		if p.issued.Before(first) {
			first = p.issued
		}
	}
	start := first.AddDate(0, 0, 30)
	end := first.AddDate(3, 0, 0)
	if end.After(lastUpdate) {
		end = lastUpdate
	}
	if !start.Before(end) {
		start = end
	}
	days := int(end.Sub(start).Hours()/24) + 1
	var out []update
	taken := map[string]bool{}
	for len(out) < n {
		date := start.AddDate(0, 0, r.IntN(days))
		serial := 100 + r.IntN(9000)
		number := fmt.Sprintf("%d/%s", serial, pick(r, []string{"UBND-CA", "BC-UBND", "TB-UBND", "UBND-VP"}))
		slug := fmt.Sprintf("cap-nhat-%s-%d", date.Format(time.DateOnly), serial)
		if taken[slug] {
			continue
		}
		taken[slug] = true
		out = append(out, update{date: date, number: number, slug: slug})
	}
	slices.SortFunc(out, func(a, b update) int { return a.date.Compare(b.date) })
	return out
}

// writeUpdate writes an update with [[status]] entries on tasks of the
// locality's plans issued before its date: each names a real task id and a
// valid state, as docs/content-format.md requires.
func writeUpdate(r *rand.Rand, l *locality, u update, plans []planInfo) []byte {
	var out bytes.Buffer
	out.WriteString("+++\nkind = \"update\"\n")
	db := l.running()
	title := fmt.Sprintf(pick(r, []string{
		"%s đẩy mạnh triển khai Đề án 06/CP",
		"Báo cáo kết quả triển khai Đề án 06 trên địa bàn %s",
		"%s yêu cầu hoàn thành các nhiệm vụ Đề án 06/CP đã đến hạn",
		"Thông báo kết luận của Chủ tịch Ủy ban nhân dân %s về tiến độ Đề án 06",
	}), db)
	kv(&out, "title", capitalize(title))
	fmt.Fprintf(&out, "date = %s\n", u.date.Format(time.DateOnly))
	kv(&out, "number", u.number)
	kv(&out, "issuer", issuer(l))
	var open []planInfo
	for _, p := range plans {
		if p.issued.Before(u.date) && len(p.ids) > 0 {
			open = append(open, p)
		}
	}
	if len(open) > 0 {
		seen := map[string]bool{}
		for range 1 + r.IntN(6) {
			p := pick(r, open)
			id := pick(r, p.ids)
			if seen[p.number+" "+id] {
				continue
			}
			seen[p.number+" "+id] = true
			st := state(r)
			out.WriteString("\n[[status]]\n")
			kv(&out, "plan", p.number)
			kv(&out, "task", id)
			kv(&out, "state", st.text)
			kv(&out, "note", pick(r, notes[st.canonical]))
		}
	}
	out.WriteString("+++\n")
	sub := strings.NewReplacer("{db}", db, "{cap}", l.unit)
	for _, para := range some(r, newsParagraphs, 2, 4) {
		out.WriteString(sub.Replace(para))
		out.WriteString("\n\n")
	}
	return out.Bytes()
}

func state(r *rand.Rand) stateChoice {
	total := 0
	for _, s := range states {
		total += s.weight
	}
	n := r.IntN(total)
	for _, s := range states {
		if n < s.weight {
			return s
		}
		n -= s.weight
	}
	return states[0]
}
