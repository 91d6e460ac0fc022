package content

import (
	"errors"
	"strings"
	"testing"
)

// A text set aside is read again as it was; a file that changed since, or
// cannot be read, is an error that names it, never a page drawn from other
// bytes than the tasks were read from.
func TestSetAsideAndReread(t *testing.T) {
	const path = "content/dia-phuong/x/ke-hoach.md"
	src := "+++\ntitle = \"Kế hoạch\"\n+++\n# Nhiệm vụ\n\n1. Làm sạch dữ liệu.\n"
	load := func() *Markdown {
		f, err := Split(path, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		m := NewParser().Parse(f)
		m.SetAside()
		if m.Source != nil || m.File.Body != nil || m.Root != nil {
			t.Fatal("SetAside kept the text")
		}
		return m
	}
	cases := []struct {
		name    string
		read    func(string) ([]byte, error)
		wantErr string
	}{
		{"same bytes", func(string) ([]byte, error) { return []byte(src), nil }, ""},
		{"same text with CRLF", func(string) ([]byte, error) { return []byte(strings.ReplaceAll(src, "\n", "\r\n")), nil }, ""},
		{"body edited", func(string) ([]byte, error) { return []byte(strings.Replace(src, "sạch", "đúng", 1)), nil }, "changed while the site was being built"},
		{"front matter grew", func(string) ([]byte, error) { return []byte(strings.Replace(src, "+++\n#", "x = 1\n+++\n#", 1)), nil }, "changed while the site was being built"},
		{"file gone", func(string) ([]byte, error) { return nil, errors.New("no such file") }, "reading it again"},
		{"no reader", nil, "no way to read it again"},
	}
	for _, c := range cases {
		m := load()
		err := m.Reread(c.read)
		if c.wantErr == "" {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
				continue
			}
			if string(m.Source) != "# Nhiệm vụ\n\n1. Làm sạch dữ liệu.\n" || m.File.Front == "" {
				t.Errorf("%s: text read again as %q", c.name, m.Source)
			}
			if line, col := m.Position(len(m.Source) - 2); line != 6 || col != 20 {
				t.Errorf("%s: position of the last letter is %d:%d, want 6:20", c.name, line, col)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: got %v, want an error naming %s with %q", c.name, err, path, c.wantErr)
		}
	}
}
