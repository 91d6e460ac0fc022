package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommands(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	tests := []struct {
		args       []string
		code       int
		stdout     string
		stderr     string
		noInStderr string
	}{
		{args: []string{"version"}, code: 0, stdout: "minhbach "},
		{args: []string{"--help"}, code: 0, stdout: "minhbach build"},
		{args: []string{"build", "--help"}, code: 0, stderr: "-as-of"},
		{args: []string{"serve", "--help"}, code: 0, stderr: "-port"},
		{args: []string{}, code: 2, stderr: "Usage:"},
		{args: []string{"frobnicate"}, code: 2, stderr: `unknown command "frobnicate"`},
		{args: []string{"build", "--as-of", "30/9/2024"}, code: 2, stderr: "write it as year-month-day"},
		{args: []string{"build", "--source", "../..", "--out", out, "--as-of", "2024-09-30"}, code: 0, stdout: "as of 2024-09-30"},
		{args: []string{"build", "--source", t.TempDir(), "--out", out}, code: 1, stderr: "no locality folder", noInStderr: "goroutine"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, &stdout, &stderr)
		if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("minhbach %v = %d\nstdout: %s\nstderr: %s", tt.args, code, stdout.String(), stderr.String())
		}
		if tt.noInStderr != "" && strings.Contains(stderr.String(), tt.noInStderr) {
			t.Errorf("minhbach %v printed %q", tt.args, tt.noInStderr)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("the failed build removed the previous output: %v", err)
	}
}

// A failed build prints each warning once, before its errors, and counts
// only the errors.
func TestFailedBuildCountsErrors(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"content/dia-phuong/a/_index.md": "+++\nname = \"Tỉnh A\"\nlevel = \"tỉnh\"\n+++\n",
		"content/dia-phuong/b/_index.md": "+++\nname = \"Tỉnh B\"\nlevel = \"tinh\"\n+++\n",
		"content/dia-phuong/b/ke-hoach-1.md": "+++\nkind = \"plan\"\ntitle = \"Kế hoạch\"\nnumber = \"1/KH-UBND\"\nissued = 2025-01-02\nissuer = \"Ủy ban nhân dân tỉnh B\"\n+++\n" +
			"#### 1. Rà soát văn bản\n\n- Cơ quan chủ trì: Ban Không Có Thật.\n- Thời gian thực hiện: Quý I/2025.\n",
	}
	for name, text := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"build", "--source", src, "--out", filepath.Join(t.TempDir(), "public")}, &stdout, &stderr)
	out := stderr.String()
	if code != 1 || !strings.Contains(out, "build failed: 1 error(s)") || !strings.Contains(out, `level = "tỉnh" is not a level`) {
		t.Fatalf("code %d, stderr:\n%s", code, out)
	}
	if n := strings.Count(out, "Ban Không Có Thật"); n != 1 {
		t.Errorf("the warning is printed %d times:\n%s", n, out)
	}
}
