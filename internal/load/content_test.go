package load

import (
	"bufio"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/vntime"
)

// loadBundled loads the repository's own content/.
func loadBundled(t *testing.T) *model.Site {
	t.Helper()
	site, diags := Load(filepath.Join("..", ".."), content.NewParser(), nil)
	for _, d := range diags.Items() {
		t.Errorf("bundled content: %s", d.Error())
	}
	if site == nil {
		t.Fatal("no site")
	}
	return site
}

func planByNumber(t *testing.T, site *model.Site, number string) *model.Plan {
	t.Helper()
	for _, p := range site.Plans {
		if p.Number == number {
			return p
		}
	}
	t.Fatalf("no plan %s", number)
	return nil
}

// The seed TSVs were written while encoding each source document: one line
// per task with its id, the start of its title, and its lead, support and
// due text as the document prints them. Every task must match.
func TestBundledPlansMatchSourceDocuments(t *testing.T) {
	site := loadBundled(t)
	tests := []struct {
		number, tsv string
		tasks       int
		fromTable   bool
	}{
		{"46/KH-UBND", "da-nang-46.tsv", 38, false},
		{"11/KH-UBND", "lac-hong-11.tsv", 33, false},
		{"2274/KH-UBND", "hue-2274.tsv", 52, true},
		{"31/KH-UBND", "hai-phong-31.tsv", 25, false},
	}
	for _, tt := range tests {
		t.Run(tt.number, func(t *testing.T) {
			p := planByNumber(t, site, tt.number)
			if len(p.Tasks) != tt.tasks {
				t.Fatalf("%d tasks, want %d", len(p.Tasks), tt.tasks)
			}
			rows := readTSV(t, filepath.Join("testdata", "seeds", tt.tsv))
			if len(rows) != tt.tasks {
				t.Fatalf("fixture has %d rows, want %d", len(rows), tt.tasks)
			}
			for i, row := range rows {
				task := p.Tasks[i]
				if task.ID != row[0] {
					t.Errorf("task %d: id %q, want %q", i, task.ID, row[0])
					continue
				}
				if want := strings.TrimSpace(row[1]); !strings.HasPrefix(task.Title, want) {
					t.Errorf("%s: title %q does not start with %q", task.ID, task.Title, want)
				}
				lead, support, due := task.LeadText, task.SupportText, task.Due
				if tt.fromTable {
					// Table cells hold the text as printed, with no "Label:".
					due = row[4]
				}
				if lead != row[2] && !(tt.number == "31/KH-UBND" && strings.ReplaceAll(lead, "; ", " ") == row[2]) {
					t.Errorf("%s: lead %q, want %q", task.ID, lead, row[2])
				}
				if support != row[3] {
					t.Errorf("%s: support %q, want %q", task.ID, support, row[3])
				}
				if task.Due != due {
					t.Errorf("%s: due %q, want %q", task.ID, task.Due, due)
				}
			}
		})
	}
}

func readTSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	s := bufio.NewScanner(f)
	for s.Scan() {
		cells := strings.Split(s.Text(), "\t")
		for len(cells) < 5 {
			cells = append(cells, "")
		}
		rows = append(rows, cells)
	}
	return rows
}

// A handful of tasks checked field by field against the documents,
// including how agency lists are split.
func TestBundledTasksFieldByField(t *testing.T) {
	site := loadBundled(t)
	task := func(number, id string) *model.Task {
		for _, tk := range planByNumber(t, site, number).Tasks {
			if tk.ID == id {
				return tk
			}
		}
		t.Fatalf("%s has no task %s", number, id)
		return nil
	}

	dn := task("46/KH-UBND", "2.1")
	check(t, "46/KH-UBND 2.1 lead", model.Texts(dn.Lead), []string{"Sở Thông tin và truyền thông"}) // lowercase as printed
	check(t, "46/KH-UBND 2.1 sections", dn.Sections[len(dn.Sections)-1], "2. Phục vụ giải quyết thủ tục hành chính, cung cấp dịch vụ công trực tuyến")

	dn1 := task("46/KH-UBND", "1")
	check(t, "46/KH-UBND 1 support", model.Texts(dn1.Support), []string{
		"Công an thành phố", "các sở, ban, ngành, đoàn thể", "các cơ quan Trung ương đóng trên địa bàn", "UBND các quận, huyện, phường, xã",
	})

	lh := task("11/KH-UBND", "2.1")
	check(t, "11/KH-UBND 2.1 lead", model.Texts(lh.Lead), []string{"Văn phòng HĐND và UBND xã"})
	check(t, "11/KH-UBND 2.1 support", model.Texts(lh.Support), []string{"Công an xã", "các cơ quan, ban, ngành xã"})
	check(t, "11/KH-UBND 2.1 due", lh.Due, "Trong tháng 03 năm 2022.")

	hp := task("31/KH-UBND", "2.b.4")
	check(t, "31/KH-UBND 2.b.4 targets", len(hp.Targets), 9)
	check(t, "31/KH-UBND 2.b.4 lead", model.Texts(hp.Lead), []string{"Sở Thông tin và Truyền thông"})
	check(t, "31/KH-UBND 2.b.4 due", hp.Due, "Quý II/2024.")
	hpd := task("31/KH-UBND", "2.đ.2")
	check(t, "31/KH-UBND 2.đ.2 slug", hpd.Slug, "2-dd-2")

	hue := task("2274/KH-UBND", "VI.15")
	check(t, "2274/KH-UBND VI.15 lead", model.Texts(hue.Lead), []string{"Phòng Giáo dục và Đào tạo"})
	check(t, "2274/KH-UBND VI.15 support", model.Texts(hue.Support), []string{"Công an thành phố", "Phòng Văn hoá & Thông tin", "các đơn vị liên quan"})
	check(t, "2274/KH-UBND VI.15 product", hue.Product, "Kết nối được đưa vào sử dụng")
	check(t, "2274/KH-UBND VI.15 section", hue.Sections[len(hue.Sections)-1][:3], "VI.")
}

func TestBundledAppendicesAndPhases(t *testing.T) {
	site := loadBundled(t)
	hue := planByNumber(t, site, "2274/KH-UBND")
	if len(hue.Appendices) != 2 {
		t.Fatalf("Huế has %d appendices, want 2", len(hue.Appendices))
	}
	one, two := hue.Appendices[0], hue.Appendices[1]
	check(t, "names", []string{one.Name, two.Name}, []string{"Phụ lục I", "Phụ lục II"})
	check(t, "Phụ lục I rows", len(one.Rows), 21)
	sections := 0
	for _, r := range two.Rows {
		if r.Section {
			sections++
		}
	}
	check(t, "Phụ lục II section rows", sections, 7)
	check(t, "Phụ lục II task rows", len(two.Rows)-sections, 52)

	lh := planByNumber(t, site, "11/KH-UBND")
	if len(lh.Phases) != 11 {
		t.Errorf("Lạc Hồng has %d phases, want 11", len(lh.Phases))
	}
	check(t, "first phase", lh.Phases[0].Name, "Trong năm 2022")

	var names []string
	for _, l := range site.Localities {
		names = append(names, l.Path)
	}
	for _, want := range []string{"hung-yen", "hung-yen/van-lam", "hung-yen/van-lam/lac-hong", "thua-thien-hue", "thua-thien-hue/hue"} {
		if !contains(names, want) {
			t.Errorf("no locality %s", want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func check(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %#v, want %#v", what, got, want)
	}
}

// Every deadline the bundled plans state is read: into dates, or into a
// kind that says why there is no date. None is left "unknown".
func TestBundledDeadlinesAreRead(t *testing.T) {
	site := loadBundled(t)
	kinds := map[vntime.Kind]int{}
	for _, task := range site.Tasks() {
		d := task.Deadline
		kinds[d.Kind]++
		if d.Kind == vntime.Unknown {
			t.Errorf("%s:%d: task %s of %s: deadline %q read as unknown", task.DuePos.File, task.DuePos.Line, task.ID, task.Plan.Number, task.Due)
		}
		if (task.Due == "") != (d.Kind == vntime.None) {
			t.Errorf("task %s of %s: deadline %q read as %s", task.ID, task.Plan.Number, task.Due, d.Kind)
		}
	}
	want := map[vntime.Kind]int{vntime.Window: 116, vntime.Ongoing: 24, vntime.Milestones: 3, vntime.From: 1, vntime.Conditional: 2, vntime.None: 2}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("deadline kinds %v, want %v", kinds, want)
	}
	first := planByNumber(t, site, "46/KH-UBND").Tasks[1]
	if first.ID != "2.1" || first.Deadline.Start.ISO() != "2022-02-01" || first.Deadline.End.ISO() != "2022-02-28" {
		t.Errorf("task %s %q read as %s–%s, want 2022-02-01–2022-02-28", first.ID, first.Due, first.Deadline.Start.ISO(), first.Deadline.End.ISO())
	}
}
