package importer

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"
)

// words splits text into its words, lowercased: runs of letters, marks and
// digits. The tags a converter leaves ("<b>") are not words.
func words(s string) []string {
	s = strings.ToLower(htmlTagRe.ReplaceAllString(s, " "))
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// wordIndex finds words of an output quickly.
type wordIndex struct {
	words []string
	at    map[string][]int
}

func newWordIndex(text string) *wordIndex {
	w := &wordIndex{words: words(text), at: map[string][]int{}}
	for i, x := range w.words {
		w.at[x] = append(w.at[x], i)
	}
	return w
}

// inOrder reports whether want appears in the output in order, close
// together: within a stretch a few times as long as want, so that a line
// whose words were scattered over the document does not pass.
func (w *wordIndex) inOrder(want []string) bool {
	span := 4*len(want) + 40
	for _, start := range w.at[want[0]] {
		k := 1
		for i := start + 1; i < len(w.words) && i < start+span && k < len(want); i++ {
			if w.words[i] == want[k] {
				k++
			}
		}
		if k == len(want) {
			return true
		}
	}
	return false
}

// lostLines returns the non-blank input lines whose words do not all appear,
// in order, in the output.
func lostLines(t testing.TB, src []byte, out []byte) []string {
	t.Helper()
	text, err := Decode("input", src)
	if err != nil {
		t.Fatal(err)
	}
	idx := newWordIndex(string(out))
	var lost []string
	for _, l := range SplitLines(text) {
		w := words(l.Text)
		if len(w) > 0 && !idx.inOrder(w) {
			lost = append(lost, fmt.Sprintf("line %d: %q", l.N, l.Text))
		}
	}
	return lost
}

func TestImportKeepsEveryLineOfTheSeeds(t *testing.T) {
	for _, sd := range seeds {
		t.Run(sd.file, func(t *testing.T) {
			src := readSeed(t, sd.file)
			res, err := Import(sd.file, src)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range lostLines(t, src, res.Markdown) {
				t.Errorf("lost %s", l)
			}
		})
	}
}

// The same words typed on another machine or saved by another program give
// the same file: decomposed Vietnamese letters, Windows line ends, a byte
// order mark, UTF-16 from Word.
func TestImportIgnoresEncoding(t *testing.T) {
	encodings := []struct {
		name string
		enc  func([]byte) []byte
	}{
		{"NFD and CRLF", func(b []byte) []byte {
			return bytes.ReplaceAll(norm.NFD.Bytes(b), []byte("\n"), []byte("\r\n"))
		}},
		{"UTF-8 with BOM", func(b []byte) []byte { return append([]byte("\xEF\xBB\xBF"), b...) }},
		{"UTF-16 LE with BOM", func(b []byte) []byte { return utf16Bytes(b, false) }},
		{"UTF-16 BE with BOM, NFD, CRLF", func(b []byte) []byte {
			return utf16Bytes(bytes.ReplaceAll(norm.NFD.Bytes(b), []byte("\n"), []byte("\r\n")), true)
		}},
	}
	for _, sd := range seeds {
		src := readSeed(t, sd.file)
		want, err := Import(sd.file, src)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range encodings {
			got, err := Import(sd.file, e.enc(src))
			if err != nil {
				t.Errorf("%s, %s: %v", sd.file, e.name, err)
				continue
			}
			if !bytes.Equal(got.Markdown, want.Markdown) {
				t.Errorf("%s, %s: the Markdown differs from the clean text's", sd.file, e.name)
			}
		}
	}
}

// utf16Bytes encodes UTF-8 text as UTF-16 with a byte order mark, as Word
// saves "Unicode text".
func utf16Bytes(b []byte, bigEndian bool) []byte {
	units := append([]uint16{0xFEFF}, utf16.Encode([]rune(string(b)))...)
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// genTask is a task a generated plan states.
type genTask struct{ id, lead, support, due string }

// planGen writes a plan in one of the seeds' styles, from a random source:
// sections of tasks with "- Label: value" fields, numbered 1.1. or grouped
// under a) with (1) items, fields with or without dashes (Lạc Hồng's, with
// blank lines and page breaks), hard-wrapped at a random width or not, and
// a signature.
type planGen struct {
	r      *rand.Rand
	b      strings.Builder
	tasks  []genTask
	dashes bool // "- Cơ quan chủ trì:" (Đà Nẵng) or "Cơ quan thực hiện:" (Lạc Hồng)
}

var (
	genVerbs    = []string{"triển khai", "thực hiện", "rà soát", "xây dựng", "hướng dẫn", "tổ chức", "kết nối"}
	genObjects  = []string{"dữ liệu dân cư", "dịch vụ công trực tuyến", "thủ tục hành chính", "hệ thống định danh điện tử", "hồ sơ sức khỏe điện tử", "tài khoản an sinh xã hội", "nền tảng chia sẻ dữ liệu"}
	genLinks    = []string{"với Cơ sở dữ liệu quốc gia về dân cư", "của Bộ Công an", "trên Cổng dịch vụ công quốc gia", "theo hướng dẫn của Văn phòng Chính phủ", "trên địa bàn tỉnh", "cho người dân và doanh nghiệp"}
	genAgencies = []string{"Công an tỉnh", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông", "Sở Lao động - Thương binh và Xã hội", "các sở, ban, ngành", "UBND các huyện, thành phố", "Bảo hiểm xã hội tỉnh"}
	genDues     = []string{"Trong quý II năm 2022.", "Thường xuyên.", "Trong tháng 3 năm 2023.", "Quý I/2024.", "Trong năm 2022.", "Từ ngày 01/7/2024.", "Thực hiện thường xuyên."}
)

func (g *planGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *planGen) phrase() string {
	s := g.pick(genVerbs) + " " + g.pick(genObjects)
	for range g.r.IntN(3) {
		s += " " + g.pick(genLinks)
	}
	return s
}

func (g *planGen) sentence() string { return upperFirst(g.phrase()) + ", " + g.phrase() + "." }

func (g *planGen) agencies(n int, sep string) string {
	var a []string
	for range n {
		a = append(a, g.pick(genAgencies))
	}
	return strings.Join(a, sep) + "."
}

// line writes one logical line, wrapped like a PDF copy when width > 0.
func (g *planGen) line(s string, width int) {
	if width <= 0 {
		g.b.WriteString(s + "\n")
		if !g.dashes {
			g.b.WriteString("\n")
		}
		return
	}
	n := 0
	for i, w := range strings.Fields(s) {
		if i > 0 && n+1+runeLen(w) > width {
			g.b.WriteString("\n")
			if !g.dashes && startsLower(w) && g.r.IntN(4) == 0 {
				g.b.WriteString("\n") // a page break inside the sentence
			}
			n = 0
		} else if i > 0 {
			g.b.WriteString(" ")
			n++
		}
		g.b.WriteString(w)
		n += runeLen(w)
	}
	g.b.WriteString("\n")
	if !g.dashes {
		g.b.WriteString("\n")
	}
}

func (g *planGen) task(id, numbered string, width int) {
	g.line(numbered+" "+upperFirst(g.phrase())+".", width)
	lead, support, due := g.agencies(1+g.r.IntN(2), ", "), g.agencies(1+g.r.IntN(3), "; "), g.pick(genDues)
	if g.r.IntN(5) == 0 {
		support = ""
	}
	leadLabel, dueLabel := "Cơ quan chủ trì", "Thời gian thực hiện"
	if !g.dashes {
		leadLabel, dueLabel = "Cơ quan thực hiện", "Thời gian hoàn thành"
	}
	dash := map[bool]string{true: "- ", false: ""}[g.dashes]
	g.line(dash+leadLabel+": "+lead, width)
	if support != "" {
		g.line(dash+"Cơ quan phối hợp: "+support, width)
	}
	g.line(dash+dueLabel+": "+due, width)
	g.tasks = append(g.tasks, genTask{id: id, lead: lead, support: support, due: due})
}

// genPlan returns a generated plan's text and the tasks it states.
func genPlan(seed uint64) (string, []genTask) {
	g := &planGen{r: rand.New(rand.NewPCG(seed, 7)), dashes: seed%2 == 0}
	width := 0
	if g.r.IntN(3) > 0 {
		width = 50 + g.r.IntN(40)
	}
	g.b.WriteString("ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN\n-------\nSố: " + fmt.Sprint(1+g.r.IntN(300)) + "/KH-UBND\nHưng Yên, ngày 12 tháng 5 năm 2022\nKẾ HOẠCH\n")
	g.b.WriteString("TRIỂN KHAI ĐỀ ÁN 06 TRÊN ĐỊA BÀN TỈNH HƯNG YÊN\n")
	g.line("Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ, "+g.phrase()+", Ủy ban nhân dân tỉnh Hưng Yên ban hành kế hoạch như sau:", width)
	g.line("I. MỤC ĐÍCH, YÊU CẦU", 0)
	for range 1 + g.r.IntN(3) {
		g.line("- "+g.sentence(), width)
	}
	g.line("II. NHIỆM VỤ", 0)
	sections := 1 + g.r.IntN(4)
	for s := 1; s <= sections; s++ {
		switch g.r.IntN(3) {
		case 0:
			g.task(fmt.Sprint(s), fmt.Sprintf("%d.", s), width)
		case 1:
			g.line(fmt.Sprintf("%d. %s", s, upperFirst(g.pick(genObjects))), 0)
			for k := 1; k <= 1+g.r.IntN(4); k++ {
				g.task(fmt.Sprintf("%d.%d", s, k), fmt.Sprintf("%d.%d.", s, k), width)
			}
		default:
			g.line(fmt.Sprintf("%d. Nhiệm vụ, giải pháp cụ thể:", s), 0)
			for _, letter := range []string{"a", "b", "đ"}[:1+g.r.IntN(3)] {
				g.line(fmt.Sprintf("%s) Nhóm %s:", letter, g.pick(genObjects)), 0)
				for k := 1; k <= 1+g.r.IntN(3); k++ {
					g.task(fmt.Sprintf("%d.%s.%d", s, letter, k), fmt.Sprintf("(%d)", k), width)
				}
			}
		}
	}
	g.line("III. TỔ CHỨC THỰC HIỆN", 0)
	g.line("1. "+g.sentence(), width)
	g.line("2. "+g.sentence()+"/.", width)
	g.b.WriteString("Nơi nhận:\n- Bộ Công an;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n")
	return g.b.String(), g.tasks
}

// Generated plans in every style, wrapped at random widths, import without
// losing a line, and the build reads from them the tasks they state.
func TestGeneratedPlans(t *testing.T) {
	for seed := range uint64(300) {
		text, want := genPlan(seed)
		res, err := Import("gen.txt", []byte(text))
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, text)
		}
		for _, l := range lostLines(t, []byte(text), res.Markdown) {
			t.Errorf("seed %d: lost %s", seed, l)
		}
		p := loadImported(t, res, "hung-yen")
		var got []genTask
		for _, tk := range p.Tasks {
			got = append(got, genTask{tk.ID, tk.LeadText, tk.SupportText, tk.Due})
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("seed %d: tasks\n got %q\nwant %q\ntext:\n%s\nmarkdown:\n%s", seed, got, want, text, res.Markdown)
			return
		}
	}
}

// FuzzImport feeds any bytes to the importer, alone and under a plan's
// header: it must never panic, and what it imports keeps every line.
func FuzzImport(f *testing.F) {
	for _, sd := range seeds {
		f.Add(readSeed(f, sd.file))
	}
	text, _ := genPlan(1)
	f.Add([]byte(text))
	f.Add([]byte("KẾ HOẠCH\n1. Việc\n- Cơ quan chủ trì: Sở\n\tx\t|\n"))
	f.Add([]byte("Phụ lục I\nSTT\tNội dung công việc\tĐơn vị chủ trì\tThời gian\n**\t\t\n\tb\n"))
	const header = "Số: 1/KH-UBND\nHà Nội, ngày 1 tháng 2 năm 2024\nKẾ HOẠCH\nVIỆC\n"
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, src := range [][]byte{data, append([]byte(header), data...)} {
			res, err := Import("fuzz.txt", src)
			if err != nil {
				if _, ok := err.(*Error); !ok {
					t.Fatalf("error of type %T: %v", err, err)
				}
				continue
			}
			var rep bytes.Buffer
			res.Report.Write(&rep)
			for _, l := range lostLines(t, src, res.Markdown) {
				t.Errorf("lost %s", l)
			}
		}
	})
}
