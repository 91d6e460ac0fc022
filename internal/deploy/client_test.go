package deploy

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// The store's behaviour is tested against versitygw (deploy_test.go); these
// tests cover what a healthy server does not do: fail.

func testClient(t *testing.T, h http.HandlerFunc) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := New(Config{Endpoint: srv.URL, Region: "us-east-1", Bucket: "site", AccessKeyID: "k", SecretAccessKey: "s"})
	if err != nil {
		t.Fatal(err)
	}
	c.retryWait = time.Millisecond
	return c
}

func TestRetriesPassingFailures(t *testing.T) {
	tests := []struct {
		name     string
		statuses []int // answers in turn; the last repeats
		wantErr  string
		tries    int32
	}{
		{"503 then ok", []int{503, 200}, "", 2},
		{"throttled twice", []int{429, 429, 200}, "", 3},
		{"down", []int{500}, "the store answered 500 InternalError: we broke (tried 3 times)", 3},
		{"refused at once", []int{403}, "AccessDenied: Access Denied; the key needs permission", 1},
		{"bad signature", []int{400}, "SignatureDoesNotMatch", 1},
	}
	for _, tt := range tests {
		var tries atomic.Int32
		c := testClient(t, func(w http.ResponseWriter, r *http.Request) {
			n := int(tries.Add(1)) - 1
			status := tt.statuses[min(n, len(tt.statuses)-1)]
			w.WriteHeader(status)
			switch status {
			case 200:
				w.Write([]byte(`<ListBucketResult><Contents><Key>a.html</Key><ETag>"ABC"</ETag><Size>3</Size></Contents></ListBucketResult>`))
			case 403:
				w.Write([]byte(`<Error><Code>AccessDenied</Code><Message>Access Denied.</Message></Error>`))
			case 400:
				w.Write([]byte(`<Error><Code>SignatureDoesNotMatch</Code><Message>no</Message></Error>`))
			default:
				w.Write([]byte(`<Error><Code>InternalError</Code><Message>we broke</Message></Error>`))
			}
		})
		objs, err := c.List(context.Background(), "")
		switch {
		case tt.wantErr == "" && (err != nil || len(objs) != 1 || objs[0].ETag != "abc"):
			t.Errorf("%s: %v, %+v", tt.name, err, objs)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.wantErr)
		}
		if got := tries.Load(); got != tt.tries {
			t.Errorf("%s: %d tries, want %d", tt.name, got, tt.tries)
		}
	}
}

// TestDeleteWithoutDeleteObjects: a store without the batch call gets one
// DELETE per key.
func TestDeleteWithoutDeleteObjects(t *testing.T) {
	var deleted []string
	c := testClient(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodPost:
			w.WriteHeader(http.StatusNotImplemented)
			w.Write([]byte(`<Error><Code>NotImplemented</Code></Error>`))
		case http.MethodDelete:
			deleted = append(deleted, r.URL.Path)
			w.WriteHeader(http.StatusNoContent)
		}
	})
	if err := c.Delete(context.Background(), []string{"a.html", "b/c.html"}); err != nil {
		t.Fatal(err)
	}
	if strings.Join(deleted, " ") != "/site/a.html /site/b/c.html" {
		t.Errorf("deleted %v", deleted)
	}
}

func TestDeleteReportsKeysNotDeleted(t *testing.T) {
	c := testClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<DeleteResult><Error><Key>b.html</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>`))
	})
	err := c.Delete(context.Background(), []string{"a.html", "b.html"})
	if err == nil || !strings.Contains(err.Error(), "1 were not deleted, the first b.html: AccessDenied") {
		t.Errorf("got %v", err)
	}
}

func TestNewRefusesBadConfig(t *testing.T) {
	good := Config{Endpoint: "https://s3.example.com", Region: "auto", Bucket: "site", AccessKeyID: "k", SecretAccessKey: "s"}
	tests := []struct {
		edit func(*Config)
		want string
	}{
		{func(c *Config) { c.Endpoint = "s3.example.com" }, "is not an address"},
		{func(c *Config) { c.Endpoint = "https://s3.example.com/site" }, "has a path"},
		{func(c *Config) { c.Bucket = "" }, "no bucket given"},
		{func(c *Config) { c.Bucket = "site/public" }, "--prefix"},
		{func(c *Config) { c.Bucket = "Site_1" }, "not a bucket name"},
		{func(c *Config) { c.SecretAccessKey = "" }, "AWS_SECRET_ACCESS_KEY"},
		{func(c *Config) { c.Region = "" }, "no region"},
	}
	for _, tt := range tests {
		cfg := good
		tt.edit(&cfg)
		if _, err := New(cfg); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%+v) = %v, want %q", cfg, err, tt.want)
		}
	}
	if _, err := New(good); err != nil {
		t.Errorf("New(%+v): %v", good, err)
	}
}
