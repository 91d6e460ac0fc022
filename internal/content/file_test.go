package content

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/diag"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name, src          string
		front, body, errAt string
		bodyLine           int
	}{
		{name: "plain", src: "+++\nname = \"A\"\n+++\nText.\n", front: "name = \"A\"\n", body: "Text.\n", bodyLine: 4},
		{name: "CRLF and BOM", src: "\xef\xbb\xbf+++\r\nname = \"A\"\r\n+++\r\nText.\r\n", front: "name = \"A\"\n", body: "Text.\n", bodyLine: 4},
		{name: "decomposed Unicode becomes NFC", src: "+++\n+++\nHue\u0302\u0301\n", body: "Huế\n", bodyLine: 3},
		{name: "empty front matter and body", src: "+++\n+++\n", body: "", bodyLine: 3},
		{name: "no opening fence", src: "name = \"A\"\n", errAt: "f.md:1:1: error: the file must start with a line \"+++\""},
		{name: "never closed", src: "+++\nname = \"A\"\n", errAt: "f.md:1:1: error: the front matter opened by \"+++\" on line 1 is never closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Split("f.md", []byte(tt.src))
			if tt.errAt != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.errAt) {
					t.Fatalf("error %v, want prefix %q", err, tt.errAt)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if f.Front != tt.front || string(f.Body) != tt.body || f.BodyLine != tt.bodyLine {
				t.Errorf("got front %q body %q line %d", f.Front, f.Body, f.BodyLine)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	type front struct {
		Title  string    `toml:"title"`
		Issued time.Time `toml:"issued"`
	}
	tests := []struct {
		name, front, want string
	}{
		{name: "valid", front: "title = \"Kế hoạch\"\nissued = 2022-03-10\n"},
		{name: "broken TOML names the line", front: "title = \"Kế hoạch\"\nissued = 2022-03-10\nnumber = 46/KH\n", want: "f.md:4:"},
		{name: "unclosed string", front: "title = \"Kế hoạch\n", want: "f.md:2:"},
		{name: "unknown field", front: "title = \"A\"\nnumbr = \"46/KH-UBND\"\n", want: "f.md:3:1: error: front matter: unknown field \"numbr\""},
		{name: "date as a string", front: "issued = \"10/3/2022\"\n", want: "f.md:2:11: error: front matter: this date is not written as a TOML date: write it year-month-day without quotes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &File{Path: "f.md", Front: tt.front, FrontLine: 2}
			var d diag.List
			var v front
			ok := f.Decode(&v, &d)
			if tt.want == "" {
				if !ok || d.Len() > 0 {
					t.Fatalf("unexpected: %v", d.Items())
				}
				return
			}
			items := d.Items()
			if ok || len(items) == 0 || !strings.HasPrefix(items[0].Error(), tt.want) {
				t.Fatalf("got %v, want prefix %q", items, tt.want)
			}
		})
	}
}

func TestPositionAndText(t *testing.T) {
	f := &File{Path: "f.md", Body: []byte("# Tiêu đề\n\nĐoạn *một*\nhai.\n"), BodyLine: 7}
	m := NewParser().Parse(f)
	para := m.Root.FirstChild().NextSibling()
	if got := m.Text(para); got != "Đoạn một hai." {
		t.Errorf("Text = %q", got)
	}
	line, col := m.NodePosition(para)
	if line != 9 || col != 1 {
		t.Errorf("paragraph at %d:%d, want 9:1", line, col)
	}
	// Columns count characters, not bytes: "ạ" is one column.
	line, col = m.Position(len("# Tiêu đề\n\nĐoạn "))
	if line != 9 || col != 6 {
		t.Errorf("offset at %d:%d, want 9:6", line, col)
	}
}

func TestHeadingIDsAreReadableSlugs(t *testing.T) {
	f := &File{Path: "f.md", Body: []byte("## Đà Nẵng\n\n## Đà Nẵng\n"), BodyLine: 1}
	m := NewParser().Parse(f)
	var ids []string
	for n := m.Root.FirstChild(); n != nil; n = n.NextSibling() {
		id, _ := n.AttributeString("id")
		ids = append(ids, string(id.([]byte)))
	}
	if strings.Join(ids, " ") != "da-nang da-nang-2" {
		t.Errorf("ids %q", ids)
	}
}

func TestTableKeyLine(t *testing.T) {
	front := "title = \"A\"\ndue = \"x\"\n\n[tasks.\"2.a.1\"]\nlead = \"B\"\ndue = \"Quý I/2022\"\n\n[tasks.\"2.b\"]\ntitle = \"C\"\n"
	f := &File{Path: "f.md", Front: front, FrontLine: 2}
	tests := []struct {
		path []string
		key  string
		want int
	}{
		{[]string{"tasks", "2.a.1"}, "due", 7},
		{[]string{"tasks", "2.a.1"}, "lead", 6},
		{[]string{"tasks", "2.b"}, "due", 9}, // not assigned: the table's header
		{[]string{"tasks", "9"}, "due", 2},   // no such table: the front matter
	}
	for _, tt := range tests {
		if got := f.TableKeyLine(tt.path, tt.key); got != tt.want {
			t.Errorf("TableKeyLine(%q, %q) = %d, want %d", tt.path, tt.key, got, tt.want)
		}
	}
}

func TestHeadingIDsLeaveTheLayoutsIDs(t *testing.T) {
	f := &File{Path: "f.md", Body: []byte("## Mục tiêu\n\n## Nhiệm vụ\n"), BodyLine: 1}
	m := NewParser().Parse(f)
	var ids []string
	for n := m.Root.FirstChild(); n != nil; n = n.NextSibling() {
		id, _ := n.AttributeString("id")
		ids = append(ids, string(id.([]byte)))
	}
	if strings.Join(ids, " ") != "muc-tieu-2 nhiem-vu-2" {
		t.Errorf("ids %q, want muc-tieu-2 nhiem-vu-2", ids)
	}
}

// TestLayoutIDsListsTheLayouts fails when a layout around plan, update or
// locality text gains an id that LayoutIDs does not reserve.
func TestLayoutIDsListsTheLayouts(t *testing.T) {
	reserved := map[string]bool{}
	for _, id := range LayoutIDs {
		reserved[id] = true
	}
	literal := regexp.MustCompile(`\bid="([a-z0-9-]+)"`)
	for _, name := range []string{"base.html", "plan.html", "update.html", "locality.html"} {
		src, err := os.ReadFile(filepath.Join("..", "..", "layouts", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(src), -1) {
			if !reserved[m[1]] {
				t.Errorf("layouts/%s has id %q: add it to content.LayoutIDs", name, m[1])
			}
		}
	}
}
