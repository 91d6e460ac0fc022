package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	s3deploy "github.com/minhbach/minhbach/internal/deploy"
	"github.com/minhbach/minhbach/internal/deploy/gwtest"
)

func TestDeployFlags(t *testing.T) {
	env := map[string]string{"AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s"}
	noDir := filepath.Join(t.TempDir(), "public")
	tests := []struct {
		args   []string
		env    map[string]string
		code   int
		stderr string
	}{
		{[]string{"--help"}, env, 0, "AWS_SECRET_ACCESS_KEY"},
		{[]string{"--out", noDir}, env, 2, "no bucket given: name it with --bucket or MINHBACH_S3_BUCKET"},
		{[]string{"--bucket", "site"}, map[string]string{}, 2, "no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"},
		{[]string{"--bucket", "site/public"}, env, 2, "give the bucket alone and the folder inside it with --prefix"},
		{[]string{"--bucket", "site", "--prefix", "a/../b"}, env, 2, "is not a folder name"},
		{[]string{"--bucket", "site", "--max-delete-percent", "150"}, env, 2, "write a number from 0 to 100"},
		{[]string{"--bucket", "site", "--endpoint", "s3.example.com"}, env, 2, "write it as https://host[:port]"},
		{[]string{"--bucket", "site", "extra"}, env, 2, `unexpected argument "extra"`},
		{[]string{"--bucket", "site", "--out", noDir}, env, 1, "is not a folder: give --out the folder minhbach build wrote"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		getenv := func(k string) string { return tt.env[k] }
		code := deployWith(context.Background(), getenv, tt.args, &stdout, &stderr)
		if code != tt.code || !strings.Contains(stderr.String(), tt.stderr) || strings.Contains(stderr.String(), "goroutine") {
			t.Errorf("deploy %v = %d\nstdout: %s\nstderr: %s", tt.args, code, stdout.String(), stderr.String())
		}
	}
}

func TestDeployFlagsFromEnvironment(t *testing.T) {
	var d deployFlags
	d.fromEnv(func(k string) string {
		return map[string]string{"MINHBACH_S3_BUCKET": "b", "AWS_DEFAULT_REGION": "eu-west-1", "AWS_ENDPOINT_URL": "https://e.example"}[k]
	})
	if d.bucket != "b" || d.region != "eu-west-1" || d.endpoint != "https://e.example" {
		t.Errorf("%+v", d)
	}
	d = deployFlags{bucket: "flag", region: "ap-southeast-1"}
	d.fromEnv(func(k string) string { return map[string]string{"MINHBACH_S3_BUCKET": "env"}[k] })
	if d.bucket != "flag" || d.endpoint != "https://s3.ap-southeast-1.amazonaws.com" {
		t.Errorf("%+v", d)
	}
}

// TestDeployCommand deploys a small site through the command line to a
// real S3-compatible server.
func TestDeployCommand(t *testing.T) {
	srv := gwtest.Start(t)
	c, err := s3deploy.New(s3deploy.Config{Endpoint: srv.Endpoint, Region: srv.Region, Bucket: "portal", AccessKeyID: srv.AccessKey, SecretAccessKey: srv.Secret})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CreateBucket(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AWS_ACCESS_KEY_ID", srv.AccessKey)
	t.Setenv("AWS_SECRET_ACCESS_KEY", srv.Secret)
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_REGION", srv.Region)
	t.Setenv("MINHBACH_S3_ENDPOINT", srv.Endpoint)
	t.Setenv("MINHBACH_S3_BUCKET", "portal")
	t.Setenv("MINHBACH_S3_PREFIX", "")
	dir := filepath.Join(t.TempDir(), "public")
	for name, body := range map[string]string{
		"index.html":                 "<!doctype html><title>Đề án 06</title>" + strings.Repeat("<p>Kế hoạch</p>", 100),
		"en/index.html":              "<!doctype html><title>Project 06</title>",
		"assets/site.0123456789.css": "body{margin:0}",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		args   []string
		code   int
		stdout []string
		stderr string
	}{
		{[]string{"deploy", "--out", dir, "--gzip"}, 0, []string{
			"deploying " + dir + " to s3://portal/ at " + srv.Endpoint + "\n",
			"upload assets/site.0123456789.css (14 B, immutable)\n",
			"upload index.html (",
			"upload en/index.html (40 B)\n",
			"deployed to s3://portal/: 3 uploaded (",
		}, ""},
		{[]string{"deploy", "--out", dir, "--gzip", "--dry-run"}, 0, []string{
			"(dry run: nothing will change)\n",
			"dry run, nothing changed: s3://portal/ would get 0 uploaded (0 B) and 0 deleted; 3 unchanged\n",
		}, ""},
		{[]string{"deploy", "--out", dir, "--gzip", "--prefix", "a/../b"}, 2, nil, "is not a folder name"},
	}
	for _, s := range steps {
		var stdout, stderr bytes.Buffer
		code := run(s.args, &stdout, &stderr)
		ok := code == s.code && strings.Contains(stderr.String(), s.stderr)
		for _, want := range s.stdout {
			ok = ok && strings.Contains(stdout.String(), want)
		}
		if !ok {
			t.Errorf("minhbach %v = %d\nstdout: %s\nstderr: %s", s.args, code, stdout.String(), stderr.String())
		}
	}
	if err := os.Remove(filepath.Join(dir, "en", "index.html")); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"deploy", "--out", dir, "--gzip", "--max-delete", "0"}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "deploy failed: refusing to delete 1 pages and data files from s3://portal/, more than --max-delete 0 allows") ||
		!strings.Contains(stderr.String(), "run again with --max-delete 1 (or --force)") {
		t.Errorf("a deletion over the limit = %d\nstdout: %s\nstderr: %s", code, stdout.String(), stderr.String())
	}
}
