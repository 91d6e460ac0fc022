package benchmark

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestTable(t *testing.T) {
	var b strings.Builder
	Table(&b, []Result{{Size: Sizes[1], Tasks: 11040, Wall: 4 * time.Second, CPU: 7 * time.Second, Pages: 29214,
		Files: 33010, PeakRSS: 300 << 20, OutBytes: 700 << 20, Largest: 2_700_000}})
	want := "| 10k | 11040 | 4.0 s | 7.0 s | 29214 | 7304 | 300 MB | 700 MB | 33010 | 2.7 MB |"
	if !strings.Contains(b.String(), want) {
		t.Errorf("table:\n%s\nwant the row\n%s", b.String(), want)
	}
}

// The bench reads what build and serve print; a change of wording there
// must fail here rather than in a bench run an hour later.
func TestReadsTheCommandsOutput(t *testing.T) {
	if m := builtLine.FindStringSubmatch("built 29214 pages (33010 files) into /tmp/p as of 2025-09-30 in 4.1s"); m == nil || m[1] != "29214" || m[2] != "33010" {
		t.Errorf("build line: %q", m)
	}
	if m := rebuiltLine.FindStringSubmatch("rebuilt in 180ms (content/dia-phuong/a/ke-hoach-1.md)"); m == nil || m[1] != "180ms" {
		t.Errorf("serve line: %q", m)
	}
}

func TestMedian(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		var out []time.Duration
		for _, n := range ns {
			out = append(out, time.Duration(n)*time.Millisecond)
		}
		return out
	}
	for _, tt := range []struct {
		in   []time.Duration
		want time.Duration
	}{
		{nil, 0},
		{ms(7), 7 * time.Millisecond},
		{ms(300, 100, 200), 200 * time.Millisecond},
		{ms(400, 100, 300, 200), 250 * time.Millisecond},
	} {
		if got := Median(tt.in); got != tt.want {
			t.Errorf("Median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// editTitle edits the first task's title in each of the generator's
// styles, and says so when a plan has no task heading.
func TestEditTitle(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"### 2. Nhóm\n\n#### 2.1. Kết nối dữ liệu\n", "### 2. Nhóm\n\n#### 2.1. sửa, Kết nối dữ liệu\n"},
		{"#### a) Nhóm\n\n##### (1) Tuyên truyền\n", "#### a) Nhóm\n\n##### (1) sửa, Tuyên truyền\n"},
		{"##### 5.1.1. Rà soát\n##### 5.1.2. Cấp\n", "##### 5.1.1. sửa, Rà soát\n##### 5.1.2. Cấp\n"},
	} {
		path := filepath.Join(t.TempDir(), "ke-hoach.md")
		if err := os.WriteFile(path, []byte(tt.src), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := editTitle(path, "sửa, "); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); string(got) != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
	path := filepath.Join(t.TempDir(), "ke-hoach.md")
	if err := os.WriteFile(path, []byte("Không có nhiệm vụ.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := editTitle(path, "sửa, "); err == nil {
		t.Error("a plan without tasks was edited")
	}
}
