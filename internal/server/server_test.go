package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/headers"
)

func TestHandler(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "public")
	must(t, os.MkdirAll(filepath.Join(site, "a"), 0o755))
	must(t, os.WriteFile(filepath.Join(site, "index.html"), []byte("home"), 0o644))
	must(t, os.WriteFile(filepath.Join(site, "a", "index.html"), []byte("page a"), 0o644))
	must(t, os.WriteFile(filepath.Join(site, "404.html"), []byte("not here"), 0o644))
	must(t, os.WriteFile(filepath.Join(root, "secret.txt"), []byte("secret"), 0o644))

	srv := httptest.NewServer(Handler(site))
	defer srv.Close()
	tests := []struct {
		path   string
		status int
		body   string
	}{
		{"/", 200, "home"},
		{"/a/", 200, "page a"},
		{"/missing/", 404, "not here"},
		{"/../secret.txt", 404, "not here"},
		{"/%2e%2e/secret.txt", 404, "not here"},
		{"/a/../../secret.txt", 404, "not here"},
		{"/..%2fsecret.txt", 404, "not here"},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("GET", srv.URL+tt.path, nil)
		req.URL.Opaque = tt.path // send the path as written, without the client cleaning it
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || !strings.Contains(string(body), tt.body) || strings.Contains(string(body), "secret") {
			t.Errorf("GET %s = %d %q, want %d %q", tt.path, resp.StatusCode, body, tt.status, tt.body)
		}
		// The preview sends the policy the CDN will, found or not.
		if got := resp.Header.Get("Content-Security-Policy"); got != headers.CSP {
			t.Errorf("GET %s: Content-Security-Policy %q, want %q", tt.path, got, headers.CSP)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
