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
