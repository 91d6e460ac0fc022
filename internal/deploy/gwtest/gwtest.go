// Package gwtest starts a real S3-compatible server for tests: versitygw
// (github.com/versity/versitygw) on its posix backend, listening on
// 127.0.0.1 with a fresh folder for its buckets. `make test` installs it
// into .bin/ from the Go module proxy and passes its path in VERSITYGW.
package gwtest

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Server is a running versitygw.
type Server struct {
	Endpoint          string // http://127.0.0.1:port
	AccessKey, Secret string
	Region            string
}

// Start runs versitygw until the test ends. It skips the test when
// versitygw is nowhere to be found, and fails it when VERSITYGW names a
// program that does not start.
func Start(t testing.TB) *Server {
	t.Helper()
	bin := find(t)
	s := &Server{AccessKey: "minhbach-test", Secret: "minhbach-test-secret", Region: "us-east-1"}
	var lastErr error
	// The free port is found by binding and releasing it, so another
	// process may take it in between: try a few.
	for range 3 {
		if lastErr = s.start(t, bin); lastErr == nil {
			return s
		}
	}
	t.Fatalf("versitygw (%s) did not start: %v", bin, lastErr)
	return nil
}

// find locates versitygw: $VERSITYGW, then the repository's .bin/ (where
// `make test` puts it), then $PATH.
func find(t testing.TB) string {
	if bin := os.Getenv("VERSITYGW"); bin != "" {
		if _, err := os.Stat(bin); err != nil {
			t.Fatalf("VERSITYGW=%s: %v; run make versitygw to install it", bin, err)
		}
		return bin
	}
	if root, err := moduleRoot(); err == nil {
		if bin := filepath.Join(root, ".bin", "versitygw"); isExecutable(bin) {
			return bin
		}
	}
	if bin, err := exec.LookPath("versitygw"); err == nil {
		return bin
	}
	t.Skip("versitygw is not installed: make test installs it (make versitygw), or set VERSITYGW to its path")
	return ""
}

func isExecutable(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0
}

// moduleRoot is the nearest folder above the working directory with a
// go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

func (s *Server) start(t testing.TB, bin string) error {
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	root := t.TempDir()
	cmd := exec.Command(bin, "--port", addr, "--access", s.AccessKey, "--secret", s.Secret,
		"--region", s.Region, "--quiet", "posix", root)
	var output lockedBuffer
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Start(); err != nil {
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop := func() {
		cmd.Process.Kill()
		<-exited
	}
	s.Endpoint = "http://" + addr
	deadline := time.Now().Add(10 * time.Second)
	for {
		select {
		case err := <-exited:
			return fmt.Errorf("it exited (%v): %s", err, output.String())
		default:
		}
		// Any HTTP answer (403 to an unsigned request) means it serves.
		if resp, err := http.Get(s.Endpoint + "/"); err == nil {
			resp.Body.Close()
			t.Cleanup(stop)
			return nil
		}
		if time.Now().After(deadline) {
			stop()
			return fmt.Errorf("no answer on %s after 10s: %s", addr, output.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// lockedBuffer collects the server's output from its two pipes.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
