package importer

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/content"
	"github.com/minhbach/minhbach/internal/load"
	"github.com/minhbach/minhbach/internal/model"
)

// seed is a source document with the hand-encoded expectations for it.
type seed struct {
	file      string // in testdata/seeds
	tsv       string // in internal/load/testdata/seeds: what the hand encoding reads
	locality  string
	number    string
	tasks     int
	fromTable bool
	// differ lists the tasks whose fields cannot match the hand encoding,
	// and why: the hand encoder corrected the source from the original PDF.
	differ map[string]string
}

var seeds = []seed{
	{file: "da-nang-46-KH-UBND-2022.txt", tsv: "da-nang-46.tsv", locality: "da-nang", number: "46/KH-UBND", tasks: 38},
	{file: "lac-hong-11-KH-UBND-2022.txt", tsv: "lac-hong-11.tsv", locality: "lac-hong", number: "11/KH-UBND", tasks: 33},
	{file: "hue-2274-KH-UBND-2022.txt", tsv: "hue-2274.tsv", locality: "hue", number: "2274/KH-UBND", tasks: 52, fromTable: true,
		differ: map[string]string{
			"VI.5": `the text's cell is cut at a page break ("… và các đơn vị liên"); the hand encoding completed "quan" from the original, the importer copies the text as it is`,
		}},
	{file: "hai-phong-31-KH-UBND-2024.txt", tsv: "hai-phong-31.tsv", locality: "hai-phong", number: "31/KH-UBND", tasks: 25},
}

func readSeed(t testing.TB, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// loadImported writes an imported plan and its locality into a fresh
// content tree and loads it as the build does.
func loadImported(t *testing.T, res *Result, locality string) *model.Plan {
	t.Helper()
	dir := t.TempDir()
	loc := filepath.Join(dir, "content", "dia-phuong", locality)
	if err := os.MkdirAll(loc, 0o755); err != nil {
		t.Fatal(err)
	}
	index := fmt.Sprintf("+++\nname = %q\nlevel = %q\n+++\n", res.Unit.LocalityName(), res.Unit.Level(1))
	if err := os.WriteFile(filepath.Join(loc, "_index.md"), []byte(index), 0o644); err != nil {
		t.Fatal(err)
	}
	if res.Slug == "" {
		t.Fatal("no slug: number or date missing")
	}
	if err := os.WriteFile(filepath.Join(loc, res.Slug+".md"), res.Markdown, 0o644); err != nil {
		t.Fatal(err)
	}
	site, diags := load.Load(dir, content.NewParser(), nil)
	for _, d := range diags.Items() {
		t.Errorf("load: %s", d.Error())
	}
	if site == nil || len(site.Plans) != 1 {
		t.Fatalf("loaded %v, want one plan", site)
	}
	return site.Plans[0]
}

func readTSV(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "load", "testdata", "seeds", name))
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

// Each seed, imported and loaded, gives the tasks the hand encoding gives:
// ids, title start, lead, support and due, compared as
// internal/load/content_test.go compares them.
func TestSeedsMatchHandEncoding(t *testing.T) {
	for _, sd := range seeds {
		t.Run(sd.file, func(t *testing.T) {
			res, err := Import(sd.file, readSeed(t, sd.file))
			if err != nil {
				t.Fatal(err)
			}
			p := loadImported(t, res, sd.locality)
			if p.Number != sd.number {
				t.Errorf("number %q, want %q", p.Number, sd.number)
			}
			if (res.Front.TasksFrom != "") != sd.fromTable {
				t.Errorf("tasks_from = %q, want tasks from a table: %v", res.Front.TasksFrom, sd.fromTable)
			}
			rows := readTSV(t, sd.tsv)
			if len(p.Tasks) != sd.tasks || len(rows) != sd.tasks {
				t.Fatalf("%d tasks, fixture %d rows, want %d", len(p.Tasks), len(rows), sd.tasks)
			}
			differs := map[string]bool{}
			for i, row := range rows {
				task := p.Tasks[i]
				if task.ID != row[0] {
					t.Errorf("task %d: id %q, want %q", i, task.ID, row[0])
					continue
				}
				var diffs []string
				if want := strings.TrimSpace(row[1]); !strings.HasPrefix(task.Title, want) {
					diffs = append(diffs, fmt.Sprintf("title %q does not start with %q", task.Title, want))
				}
				lead, due := task.LeadText, task.Due
				if lead != row[2] && !(sd.number == "31/KH-UBND" && strings.ReplaceAll(lead, "; ", " ") == row[2]) {
					diffs = append(diffs, fmt.Sprintf("lead %q, want %q", lead, row[2]))
				}
				if task.SupportText != row[3] {
					diffs = append(diffs, fmt.Sprintf("support %q, want %q", task.SupportText, row[3]))
				}
				if due != row[4] {
					diffs = append(diffs, fmt.Sprintf("due %q, want %q", due, row[4]))
				}
				// The sixth column holds the product (Huế) or the number of targets (Hải Phòng).
				if len(row) > 5 && sd.fromTable && task.Product != row[5] {
					diffs = append(diffs, fmt.Sprintf("product %q, want %q", task.Product, row[5]))
				}
				if len(row) > 5 && !sd.fromTable && fmt.Sprint(len(task.Targets)) != row[5] {
					diffs = append(diffs, fmt.Sprintf("%d targets, want %s", len(task.Targets), row[5]))
				}
				if len(diffs) == 0 {
					continue
				}
				differs[task.ID] = true
				if why, known := sd.differ[task.ID]; known {
					t.Logf("%s differs as expected (%s): %s", task.ID, why, strings.Join(diffs, "; "))
					continue
				}
				t.Errorf("%s: %s", task.ID, strings.Join(diffs, "; "))
			}
			for id, why := range sd.differ {
				if !differs[id] {
					t.Errorf("%s was expected to differ (%s) but matches: remove it from the list", id, why)
				}
			}
		})
	}
}
