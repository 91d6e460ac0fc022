package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// serveWait bounds every wait on the command: generous, never a measure.
const serveWait = 30 * time.Second

// The command builds, serves on loopback with the reload script in its
// pages, and stops cleanly on Ctrl+C (SIGINT).
func TestServeStopsOnInterrupt(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("os.Interrupt cannot be sent to a process on Windows")
	}
	src := t.TempDir()
	for name, text := range map[string]string{
		"content/dia-phuong/thu/_index.md":     "+++\nname = \"Xã Thử\"\nlevel = \"xa\"\n+++\n",
		"content/dia-phuong/thu/ke-hoach-1.md": "+++\nkind = \"plan\"\ntitle = \"Kế hoạch thử\"\nnumber = \"1/KH-UBND\"\nissued = 2022-01-01\nissuer = \"Ủy ban nhân dân xã Thử\"\n+++\n#### 1. Việc một\n\n- Cơ quan chủ trì: Công an xã.\n- Thời gian thực hiện: Quý I/2022.\n",
	} {
		path := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"serve", "--source", src, "--out", out, "--port", "0", "--as-of", "2024-09-30"}, &stdout, &stderr)
	}()
	addr := waitFor(t, &stdout, done, `serving .* on http://(127\.0\.0\.1:\d+)/`)
	resp, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `<script src="/__minhbach/reload.js"`) {
		t.Errorf("GET / = %d %.300s", resp.StatusCode, body)
	}
	if !strings.Contains(stdout.String(), "built in ") {
		t.Errorf("stdout does not give the build time:\n%s", stdout.String())
	}

	self, err := os.FindProcess(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if err := self.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 || !strings.Contains(stdout.String(), "stopped") {
			t.Errorf("serve exited %d\nstdout: %s\nstderr: %s", code, stdout.String(), stderr.String())
		}
	case <-time.After(serveWait):
		t.Fatal("serve did not stop on SIGINT")
	}
	if _, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		t.Error("the port is still open after serve stopped")
	}
}

func TestServeFlags(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	_, port, _ := net.SplitHostPort(busy.Addr().String())
	for _, tt := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"serve", "--help"}, 0, "-bind"},
		{[]string{"serve", "--port", "x"}, 2, "invalid value"},
		{[]string{"serve", "--as-of", "30/9/2024"}, 2, "write it as year-month-day"},
		{[]string{"serve", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"serve", "--port", port}, 1, "cannot listen on 127.0.0.1:" + port},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, &stdout, &stderr); code != tt.code || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("minhbach %v = %d, want %d\nstderr: %s", tt.args, code, tt.code, stderr.String())
		}
	}
}

// waitFor waits until the command's output matches re, and returns the
// first group.
func waitFor(t *testing.T, out *lockedBuffer, done <-chan int, re string) string {
	t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(serveWait)
	for time.Now().Before(deadline) {
		if m := rx.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d before printing %s:\n%s", code, re, out.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not print %s:\n%s", re, out.String())
	return ""
}

// lockedBuffer is output the command writes while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestRebuildGCPercent(t *testing.T) {
	for _, tt := range []struct {
		live uint64
		want int
	}{
		{0, 100},         // nothing measured yet: Go's default
		{64 << 20, 400},  // 256 MB above 64 MB live
		{100 << 20, 256}, // the 10k corpus
		{200 << 20, 128},
		{256 << 20, 100},
		{1 << 30, 100}, // a large site keeps the default, not twice its memory
		{3 << 20, 8533},
	} {
		if got := rebuildGCPercent(tt.live); got != tt.want {
			t.Errorf("rebuildGCPercent(%d MB) = %d, want %d", tt.live>>20, got, tt.want)
		}
	}
}
