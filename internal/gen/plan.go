package gen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/recognize"
	"github.com/minhbach/minhbach/internal/vnfold"
)

// style is the shape of one of the bundled plans, which a generated plan
// copies: how it numbers its tasks and labels their fields.
type style int

const (
	// styleDaNang: sections "### 2.", tasks "#### 2.1." (and "##### 5.1.1."
	// under a group), fields "Cơ quan chủ trì", "Cơ quan phối hợp",
	// "Thời gian thực hiện/hoàn thành".
	styleDaNang style = iota
	// styleHaiPhong: groups "#### a)" with tasks "##### (1)", fields
	// "Chỉ tiêu thực hiện", "Đơn vị chủ trì tham mưu", "Đơn vị phối hợp".
	styleHaiPhong
	// styleLacHong: phase targets ("##### Giai đoạn 2023 - 2025") and
	// fields "Cơ quan thực hiện: X chủ trì, phối hợp Y".
	styleLacHong
	// styleHue: tasks as prose in the body and as rows of Phụ lục II,
	// which the plan takes them from (tasks_from), beside Phụ lục I.
	styleHue
)

// task is one generated task, in the words its plan writes it.
type task struct {
	id                          string // as the build will read it ("2.1", "2.a.1", "II.3")
	title                       string
	lead, support, due, product string
	noSupport                   bool
}

type section struct {
	theme *theme
	tasks []*task
}

// planSpec is what a locality's writer decides about one of its plans.
type planSpec struct {
	style  style
	number string
	issued time.Time
	span   int      // its deadlines run until the issue year plus span
	annual bool     // a plan for one year ("… năm 2024"), as Hải Phòng's
	parent *planRef // the plan of the locality above that it implements
}

// planInfo is what the locality's updates need of a plan written.
type planInfo struct {
	number string
	issued time.Time
	ids    []string
}

// planWriter writes one plan. The body is built in memory (tens of
// kilobytes) because the front matter, written first, names task ids.
type planWriter struct {
	r        *rand.Rand
	loc      *locality
	book     *book
	spec     planSpec
	year     int
	subst    *strings.Replacer
	sections []section
	body     bytes.Buffer
	ids      []string // the tasks' ids, once the body is written
}

func newPlanWriter(r *rand.Rand, b *book, spec planSpec) *planWriter {
	p := &planWriter{r: r, loc: b.self, book: b, spec: spec, year: spec.issued.Year()}
	p.subst = strings.NewReplacer("{db}", p.loc.running(), "{cap}", p.loc.unit, "{y}", strconv.Itoa(p.year))
	return p
}

// slug is the plan's file name without .md, as docs/content-format.md
// names plans: ke-hoach-<number>-<year>.
func (p *planWriter) slug() string {
	return "ke-hoach-" + vnfold.Slug(p.spec.number) + "-" + strconv.Itoa(p.year)
}

// write generates k tasks and returns the whole file.
func (p *planWriter) write(k int) []byte {
	p.makeSections(k)
	switch p.spec.style {
	case styleHaiPhong:
		p.haiPhong()
	case styleLacHong:
		p.lacHong()
	case styleHue:
		p.hue()
	default:
		p.daNang()
	}
	for _, sec := range p.sections {
		for _, t := range sec.tasks {
			p.ids = append(p.ids, t.id)
		}
	}
	var out bytes.Buffer
	out.Grow(p.body.Len() + 1024)
	p.front(&out)
	out.Write(p.body.Bytes())
	return out.Bytes()
}

// makeSections shares k tasks among the programme's themes, in the
// programme's order, each theme's titles drawn without repeating until
// they run out.
func (p *planWriter) makeSections(k int) {
	n := min(len(themes), k)
	chosen := p.r.Perm(len(themes))[:n]
	slices.Sort(chosen)
	counts := make([]int, n)
	total := 0
	for i, c := range chosen {
		counts[i] = 1
		total += themes[c].weight
	}
	for range k - n {
		w := p.r.IntN(total)
		for i, c := range chosen {
			if w < themes[c].weight {
				counts[i]++
				break
			}
			w -= themes[c].weight
		}
	}
	for i, c := range chosen {
		th := &themes[c]
		order := p.r.Perm(len(th.titles))
		sec := section{theme: th}
		for j := range counts[i] {
			sec.tasks = append(sec.tasks, p.newTask(th.titles[order[j%len(order)]]))
		}
		p.sections = append(p.sections, sec)
	}
}

func (p *planWriter) newTask(tt title) *task {
	t := &task{title: p.subst.Replace(tt.text)}
	if p.loc.level != "tinh" && chance(p.r, 20) {
		t.title = "Phối hợp " + lowerFirst(t.title)
	}
	t.lead = p.book.lead(tt.lead, tt.support)
	t.noSupport = chance(p.r, 8)
	if !t.noSupport {
		t.support = p.book.support(tt.support, t.lead)
	}
	t.due = deadline(p.r, p.year, p.spec.span)
	if chance(p.r, 25) {
		t.product = pick(p.r, products)
	}
	return t
}

// --- Front matter ---------------------------------------------------------

func (p *planWriter) front(out *bytes.Buffer) {
	l := p.loc
	title := "Kế hoạch triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030 trên địa bàn " + l.running()
	if p.spec.annual {
		title = fmt.Sprintf("Kế hoạch thực hiện Đề án “Phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030” trên địa bàn %s năm %d", l.running(), p.year)
	}
	implements := []string{"06/QĐ-TTg"}
	if p.spec.parent != nil {
		implements = append(implements, p.spec.parent.number)
	}
	if p.spec.annual {
		implements = append(implements, "01/NQ-CP")
	}
	out.WriteString("+++\nkind = \"plan\"\n")
	kv(out, "title", title)
	kv(out, "number", p.spec.number)
	fmt.Fprintf(out, "issued = %s\n", p.spec.issued.Format(time.DateOnly))
	kv(out, "issuer", issuer(l))
	kv(out, "signer", personName(p.r))
	kv(out, "signer_title", pick(p.r, []string{"CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"}))
	out.WriteString("implements = [")
	for i, d := range implements {
		if i > 0 {
			out.WriteString(", ")
		}
		out.WriteString(tomlString(d))
	}
	out.WriteString("]\n")
	if p.spec.style == styleHue {
		kv(out, "tasks_from", "Phụ lục II")
	}
	// Now and then an editor states a task's catalogue items by hand, as
	// docs/agencies.md allows, instead of the keywords.
	if len(p.ids) > 0 && chance(p.r, 15) {
		fmt.Fprintf(out, "\n[tasks.%s]\ncatalog = [%s]\n", tomlString(pick(p.r, p.ids)),
			pick(p.r, []string{`"ioc"`, `"tuyen-truyen"`, `"kinh-phi"`, `"ung-dung-vneid"`, `"lam-sach-du-lieu"`, ""}))
	}
	out.WriteString("+++\n")
}

func issuer(l *locality) string { return "Ủy ban nhân dân " + l.running() }

func kv(out *bytes.Buffer, key, value string) {
	out.WriteString(key)
	out.WriteString(" = ")
	out.WriteString(tomlString(value))
	out.WriteByte('\n')
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// --- Markdown -------------------------------------------------------------

func (p *planWriter) heading(level int, text string) {
	p.body.WriteString(strings.Repeat("#", level))
	p.body.WriteByte(' ')
	p.body.WriteString(text)
	p.body.WriteString("\n\n")
}

func (p *planWriter) para(text string) {
	p.body.WriteString(text)
	p.body.WriteString("\n\n")
}

// list writes items as a bullet list, or numbered from 1 when numbered.
func (p *planWriter) list(items []string, numbered bool) {
	for i, it := range items {
		if numbered {
			fmt.Fprintf(&p.body, "%d. %s\n", i+1, it)
		} else {
			fmt.Fprintf(&p.body, "- %s\n", it)
		}
	}
	p.body.WriteByte('\n')
}

// field writes "- Label: value", or the label alone when the document
// states nothing, which tells the build the field was not forgotten.
func (p *planWriter) field(label, value string) {
	if value == "" {
		fmt.Fprintf(&p.body, "- %s:\n", label)
		return
	}
	fmt.Fprintf(&p.body, "- %s: %s\n", label, value)
}

// agencies ends an agency field as the plans do, most often with a period.
func (p *planWriter) agencies(s string) string {
	if chance(p.r, 70) {
		return s + "."
	}
	return s
}

// some returns n of xs, in a random order, n between lo and hi.
func some(r *rand.Rand, xs []string, lo, hi int) []string {
	n := min(lo+r.IntN(hi-lo+1), len(xs))
	out := make([]string, n)
	for i, j := range r.Perm(len(xs))[:n] {
		out[i] = xs[j]
	}
	return out
}

func (p *planWriter) texts(xs []string, lo, hi int) []string {
	out := some(p.r, xs, lo, hi)
	for i := range out {
		out[i] = p.subst.Replace(out[i])
	}
	return out
}

// intro is the preamble: the documents the plan carries out.
func (p *planWriter) intro() {
	l := p.loc
	var b strings.Builder
	b.WriteString("Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030 (sau đây gọi tắt là Đề án 06/CP)")
	if p.spec.annual {
		fmt.Fprintf(&b, "; Nghị quyết số 01/NQ-CP ngày 05/01/%d của Chính phủ về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội năm %d", p.year, p.year)
	} else if chance(p.r, 30) {
		b.WriteString("; Công điện số 104/CĐ-TTg ngày 29/01/2022 của Thủ tướng Chính phủ về việc triển khai một số nhiệm vụ của Đề án 06/CP")
	}
	if ref := p.spec.parent; ref != nil {
		parent := l.parent
		fmt.Fprintf(&b, "; Kế hoạch số %s ngày %s của [Ủy ban nhân dân %s](/dia-phuong/%s/) về triển khai thực hiện Đề án 06/CP trên địa bàn %s",
			ref.number, ref.date, parent.running(), parent.path, parent.running())
	}
	fmt.Fprintf(&b, ", Ủy ban nhân dân %s ban hành Kế hoạch triển khai thực hiện như sau:", l.running())
	p.para(b.String())
}

// numberedParas writes paragraphs numbered "1.1.", "1.2." … as Đà Nẵng's
// section I does (paragraphs, not headings: they are not tasks).
func (p *planWriter) numberedParas(prefix string, xs []string) {
	for i, x := range xs {
		p.para(fmt.Sprintf("%s.%d. %s", prefix, i+1, x))
	}
}

// --- Đà Nẵng --------------------------------------------------------------

func (p *planWriter) daNang() {
	p.intro()
	p.heading(2, "I. MỤC ĐÍCH, YÊU CẦU")
	p.heading(3, "1. Mục đích")
	p.numberedParas("1", p.texts(purposes, 2, 4))
	p.heading(3, "2. Yêu cầu")
	p.numberedParas("2", p.texts(requirements, 2, 4))
	p.heading(2, "II. PHẠM VI, THỜI GIAN TRIỂN KHAI")
	p.list([]string{
		fmt.Sprintf("Phạm vi triển khai: Các cơ quan, đơn vị, địa phương từ cấp %s đến cấp xã trên địa bàn %s.", p.loc.unit, p.loc.running()),
		fmt.Sprintf("Thời gian triển khai: Bắt đầu từ tháng %02d năm %d.", int(p.spec.issued.Month()), p.year),
	}, true)
	p.heading(2, "III. NỘI DUNG THỰC HIỆN")
	for i, sec := range p.sections {
		n := strconv.Itoa(i + 1)
		if len(sec.tasks) == 1 && chance(p.r, 40) {
			// Đà Nẵng's 4.: the section is the task, its sentence a paragraph.
			t := sec.tasks[0]
			t.id = n
			p.heading(3, n+". "+sec.theme.title)
			p.para(t.title + ".")
			p.daNangFields(t, true)
			continue
		}
		p.heading(3, n+". "+sec.theme.title)
		tasks := sec.tasks
		sub := len(tasks)
		if len(tasks) >= 4 && chance(p.r, 35) {
			sub = 1 + p.r.IntN(len(tasks)-2) // at least two tasks below the group
		}
		for j, t := range tasks[:sub] {
			t.id = n + "." + strconv.Itoa(j+1)
			p.heading(4, t.id+". "+t.title+".")
			p.description()
			p.daNangFields(t, true)
		}
		if sub < len(tasks) {
			p.daNangGroup(sec.theme, n+"."+strconv.Itoa(sub+1), tasks[sub:])
		}
	}
	next := 4
	if chance(p.r, 60) {
		p.assignmentsSection(romans[next-1])
		next++
	}
	p.organisation(romans[next-1])
	p.signature()
	if chance(p.r, 35) {
		p.servicesAppendix()
	}
}

// daNangGroup writes tasks one level deeper under a numbered heading. Half
// the time the heading states the lead and the deadline once, as a group
// whose fields are defaults for the tasks under it, which then name only
// their supporters.
func (p *planWriter) daNangGroup(th *theme, gid string, tasks []*task) {
	p.heading(4, gid+". "+th.subgroup+".")
	defaults := chance(p.r, 50)
	if defaults {
		p.field("Cơ quan chủ trì", p.agencies(tasks[0].lead))
		p.field("Thời gian hoàn thành", deadline(p.r, p.year, p.spec.span))
		p.body.WriteByte('\n')
	}
	for k, t := range tasks {
		t.id = gid + "." + strconv.Itoa(k+1)
		p.heading(5, t.id+". "+t.title+".")
		if !defaults {
			p.daNangFields(t, true)
			continue
		}
		t.lead = tasks[0].lead
		if t.support == "" {
			t.support = p.book.group()
		}
		p.field("Cơ quan phối hợp", p.agencies(t.support))
		if chance(p.r, 30) {
			p.field("Thời gian hoàn thành", t.due)
		}
		p.body.WriteByte('\n')
	}
}

func (p *planWriter) description() {
	if chance(p.r, 20) {
		p.para(pick(p.r, descriptions))
	}
}

func (p *planWriter) daNangFields(t *task, support bool) {
	p.field(pick(p.r, []string{"Cơ quan chủ trì", "Cơ quan chủ trì", "Cơ quan chủ trì", "Cơ quan chủ trì", "Chủ trì", "Cơ quan, đơn vị chủ trì"}), p.agencies(t.lead))
	if support && !t.noSupport {
		p.field(pick(p.r, []string{"Cơ quan phối hợp", "Cơ quan phối hợp", "Cơ quan phối hợp", "Phối hợp"}), p.agencies(t.support))
	}
	label := pick(p.r, []string{"Thời gian thực hiện", "Thời gian thực hiện", "Thời gian hoàn thành", "Thời gian hoàn thành", "Thời gian thực hiện/hoàn thành", "Thời hạn"})
	if strings.Contains(t.due, "một cửa") {
		label = "Thời gian, địa điểm thực hiện"
	}
	p.field(label, t.due)
	if t.product != "" {
		p.field("Sản phẩm", t.product)
	}
	if chance(p.r, 10) {
		p.field("Chỉ tiêu", pick(p.r, targets))
	}
	p.body.WriteByte('\n')
}

// assignmentsSection is "Phân công nhiệm vụ": what each agency does beyond
// the tasks. Its headings are numbered but carry no fields, like their
// siblings, so they are text, not tasks.
func (p *planWriter) assignmentsSection(numeral string) {
	p.heading(2, numeral+". PHÂN CÔNG NHIỆM VỤ")
	p.heading(3, "1. Nhiệm vụ chung")
	p.numberedParas("1", p.texts(commonTasks, 2, 3))
	p.heading(3, "2. Nhiệm vụ cụ thể")
	for i, role := range some(p.r, []string{"police", "office", "ict", "finance", "justice"}, 2, 4) {
		p.heading(4, fmt.Sprintf("2.%d. %s", i+1, capitalize(p.book.name(role))))
		p.para("Ngoài các nhiệm vụ được phân công tại mục III Kế hoạch này, cần thực hiện:")
		p.list(some(p.r, assignments, 1, 3), false)
	}
}

func (p *planWriter) organisation(numeral string) {
	p.heading(2, numeral+". TỔ CHỨC THỰC HIỆN")
	items := p.texts(organisation, 3, 3)
	if p.spec.style != styleHue && chance(p.r, 30) {
		id := p.sections[0].tasks[0].id
		items[1] += fmt.Sprintf(" Ưu tiên theo dõi nhiệm vụ [%s](#nv-%s).", id, recognize.TaskSlug(id))
	}
	p.list(items, true)
}

func (p *planWriter) signature() {
	p.para("Nơi nhận:")
	p.list(p.texts(receivers, len(receivers), len(receivers)), false)
	title := pick(p.r, []string{"CHỦ TỊCH", "KT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN\n\nCHỦ TỊCH"})
	p.para(title)
	p.para(personName(p.r))
}

// attachedTo is the line under a Phụ lục's heading.
func (p *planWriter) attachedTo() string {
	d := p.spec.issued
	return fmt.Sprintf("*(Kèm theo Kế hoạch số %s ngày %02d tháng %d năm %d của Ủy ban nhân dân %s)*", p.spec.number, d.Day(), int(d.Month()), d.Year(), p.loc.running())
}

// servicesAppendix is Phụ lục I: the essential public services, a table
// that is not a task list.
func (p *planWriter) servicesAppendix() {
	p.heading(2, "Phụ lục I. DANH MỤC CÁC THỦ TỤC HÀNH CHÍNH THIẾT YẾU ƯU TIÊN TÍCH HỢP, CHIA SẺ DỮ LIỆU DÂN CƯ CỦA CƠ SỞ DỮ LIỆU QUỐC GIA VỀ DÂN CƯ VỚI CỔNG DỊCH VỤ CÔNG QUỐC GIA")
	p.para(p.attachedTo())
	p.body.WriteString("| TT | Thủ tục hành chính | Cấp độ | Cơ quan thực hiện | Cơ quan phối hợp | Thời gian thực hiện |\n|---|---|---|---|---|---|\n")
	n := min(8+p.r.IntN(10), len(services))
	for i, j := range p.r.Perm(len(services))[:n] {
		s := services[j]
		support := ""
		if chance(p.r, 70) {
			support = p.book.support([]string{"office", "ict"}, "")
		}
		fmt.Fprintf(&p.body, "| %d | %s | %s | %s | %s | %s |\n", i+1, s.name, s.level, p.book.name(s.lead), support, quarter(p.r, p.year, 0))
	}
	p.body.WriteByte('\n')
}

// --- Hải Phòng ------------------------------------------------------------

func (p *planWriter) haiPhong() {
	p.intro()
	p.heading(2, "I. MỤC ĐÍCH, YÊU CẦU")
	p.list(p.texts(requirements, 3, 4), true)
	p.heading(2, "II. NHIỆM VỤ")
	p.heading(3, "1. Nhiệm vụ chung của các cơ quan, đơn vị và UBND cấp huyện, cấp xã")
	p.numberedParas("1", p.texts(commonTasks, 3, 5))
	p.heading(3, "2. Nhiệm vụ, giải pháp cụ thể")
	for i, sec := range p.sections {
		letter := letters[i]
		p.heading(4, letter+") "+sec.theme.group)
		for j, t := range sec.tasks {
			t.id = "2." + letter + "." + strconv.Itoa(j+1)
			p.heading(5, fmt.Sprintf("(%d) %s", j+1, t.title))
			p.haiPhongFields(t)
		}
	}
	p.organisation("III")
	p.signature()
}

func (p *planWriter) haiPhongFields(t *task) {
	label := pick(p.r, []string{"Chỉ tiêu thực hiện", "Chỉ tiêu thực hiện", "Chỉ tiêu thực hiện", "Chỉ tiêu"})
	if chance(p.r, 25) {
		p.field(label, "")
		for _, x := range some(p.r, targets, 2, 4) {
			fmt.Fprintf(&p.body, "  - %s\n", x)
		}
	} else {
		p.field(label, pick(p.r, targets))
	}
	p.field(pick(p.r, []string{"Đơn vị chủ trì tham mưu", "Đơn vị chủ trì tham mưu", "Đơn vị chủ trì (tham mưu)", "Đơn vị chủ trì"}), p.agencies(t.lead))
	if !t.noSupport {
		p.field("Đơn vị phối hợp", p.agencies(t.support))
	}
	p.field("Thời gian thực hiện", t.due)
	p.body.WriteByte('\n')
}

// --- Lạc Hồng -------------------------------------------------------------

func (p *planWriter) lacHong() {
	p.intro()
	p.para(fmt.Sprintf("Ủy ban nhân dân %s xây dựng Kế hoạch triển khai thực hiện Đề án trên địa bàn %s như sau:", p.loc.running(), p.loc.unit))
	p.heading(2, "I. MỤC TIÊU, YÊU CẦU")
	p.heading(3, "1. Mục tiêu chung")
	p.list(p.texts(purposes, 2, 3), false)
	p.heading(3, "2. Mục tiêu cụ thể")
	// The groups of utilities are the programme's five (themes after the
	// first, which is the preparatory work).
	chosen := p.r.Perm(len(themes) - 1)[:2+p.r.IntN(2)]
	slices.Sort(chosen)
	for i, c := range chosen {
		th := themes[c+1]
		p.heading(4, fmt.Sprintf("2.%d. Nhóm tiện ích %s", i+1, lowerFirst(th.title)))
		p.heading(5, pick(p.r, []string{"Năm ", "Trong năm "})+strconv.Itoa(p.year))
		p.list(p.texts(phaseTargets, 2, 3), false)
		end := 2025
		if p.year+1 >= end {
			end = 2030
		}
		p.heading(5, fmt.Sprintf("Giai đoạn %d - %d", p.year+1, end))
		p.list(p.texts(phaseTargets, 1, 3), false)
	}
	p.heading(3, "3. Yêu cầu")
	for _, x := range p.texts(requirements, 2, 2) {
		p.para(x)
	}
	p.heading(2, "II. NHIỆM VỤ VÀ GIẢI PHÁP")
	for i, sec := range p.sections {
		n := strconv.Itoa(i + 1)
		if len(sec.tasks) == 1 {
			t := sec.tasks[0]
			t.id = n
			p.heading(3, n+". "+t.title)
			p.description()
			p.lacHongFields(t)
			continue
		}
		p.heading(3, n+". "+sec.theme.title)
		for j, t := range sec.tasks {
			t.id = n + "." + strconv.Itoa(j+1)
			p.heading(4, t.id+". "+t.title+".")
			p.description()
			p.lacHongFields(t)
		}
	}
	p.organisation("III")
	p.signature()
}

func (p *planWriter) lacHongFields(t *task) {
	label := pick(p.r, []string{"Cơ quan thực hiện", "Cơ quan thực hiện", "Cơ quan thực hiện", "Đơn vị thực hiện"})
	switch {
	case t.noSupport:
		p.field(label, p.agencies(t.lead))
	case chance(p.r, 65):
		p.field(label, p.agencies(t.lead+" chủ trì, phối hợp "+t.support))
	default:
		p.field(label, p.agencies(t.lead))
		p.field("Cơ quan phối hợp", p.agencies(t.support))
	}
	p.field(pick(p.r, []string{"Thời gian hoàn thành", "Thời gian hoàn thành", "Thời gian thực hiện", "Thời gian dự kiến"}), t.due)
	p.body.WriteByte('\n')
}

// --- Huế ------------------------------------------------------------------

func (p *planWriter) hue() {
	p.intro()
	p.heading(2, "I. MỤC TIÊU, YÊU CẦU")
	p.heading(3, "1. Mục đích")
	p.list(p.texts(purposes, 2, 3), false)
	p.heading(3, "2. Yêu cầu")
	p.list(p.texts(requirements, 2, 3), false)
	p.heading(2, "II. NỘI DUNG VÀ PHÂN CÔNG THỰC HIỆN")
	for i, sec := range p.sections {
		numeral := romans[i]
		p.heading(3, fmt.Sprintf("%d. %s", i+1, sec.theme.title))
		for j, t := range sec.tasks {
			t.id = numeral + "." + strconv.Itoa(j+1)
			p.para(p.hueProse(fmt.Sprintf("%d.%d.", i+1, j+1), t))
		}
	}
	p.organisation("III")
	p.signature()
	p.servicesAppendix()
	p.heading(2, "Phụ lục II. CHI TIẾT NHIỆM VỤ TRIỂN KHAI THỰC HIỆN ĐỀ ÁN PHÁT TRIỂN ỨNG DỤNG DỮ LIỆU VỀ DÂN CƯ, ĐỊNH DANH VÀ XÁC THỰC ĐIỆN TỬ TRÊN ĐỊA BÀN "+strings.ToUpper(p.loc.running()))
	p.para(p.attachedTo())
	p.body.WriteString("| STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian dự kiến | Sản phẩm |\n|---|---|---|---|---|---|\n")
	for i, sec := range p.sections {
		fmt.Fprintf(&p.body, "| **%s** | **%s** | | | | |\n", romans[i], sec.theme.upper)
		for j, t := range sec.tasks {
			fmt.Fprintf(&p.body, "| %d | %s | %s | %s | %s | %s |\n", j+1, t.title, t.lead, t.support, t.due, t.product)
		}
	}
	p.body.WriteByte('\n')
}

// hueProse is a task as Huế's body writes it: one sentence naming the lead
// and the supporters, with the deadline in italics.
func (p *planWriter) hueProse(number string, t *task) string {
	var b strings.Builder
	b.WriteString(number + " " + capitalize(t.lead))
	if t.support != "" {
		b.WriteString(" chủ trì phối hợp " + t.support)
	}
	b.WriteString(" " + lowerFirst(t.title))
	if t.due != "" {
		b.WriteString(" (*Thời gian thực hiện: " + strings.TrimRight(t.due, ".") + "*)")
	}
	b.WriteString(".")
	return b.String()
}
