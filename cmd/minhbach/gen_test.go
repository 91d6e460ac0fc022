package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenCommand(t *testing.T) {
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "keep.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "site")
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"gen", "--out", out, "--localities", "3", "--tasks-per-plan", "2", "--seed", "7"}, 0, "wrote 3 localities, 6 plans, 12 tasks", ""},
		{[]string{"gen", "--localities", "3"}, 2, "", "gen needs --out DIR"},
		{[]string{"gen", "--out", full}, 1, "", "is not empty"},
		{[]string{"gen", "--out", filepath.Join(t.TempDir(), "x"), "--tasks-per-plan", "0"}, 1, "", "tasks per plan = 0"},
		{[]string{"gen", "--help"}, 0, "", "-tasks-per-plan"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, &stdout, &stderr)
		if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("minhbach %v = %d\nstdout: %s\nstderr: %s", tt.args, code, stdout.String(), stderr.String())
		}
	}
	if _, err := os.Stat(filepath.Join(out, "config.toml")); err != nil {
		t.Errorf("gen wrote no config.toml: %v", err)
	}
}
