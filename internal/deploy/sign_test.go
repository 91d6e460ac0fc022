package deploy

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"
)

// TestSignAWSExamples signs the four requests of the S3 API reference's
// "Examples: Signature Calculations" (Signature Calculations for the
// Authorization Header: Transferring Payload in a Single Chunk) and expects
// the Authorization headers printed there.
func TestSignAWSExamples(t *testing.T) {
	c, err := New(Config{
		Endpoint:        "https://examplebucket.s3.amazonaws.com",
		Region:          "us-east-1",
		Bucket:          "examplebucket",
		AccessKeyID:     "AKIAIOSFODNN7EXAMPLE",
		SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
	})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2013, 5, 24, 0, 0, 0, 0, time.UTC)
	const credential = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
	tests := []struct {
		name    string
		method  string
		path    string // as the example writes it, decoded
		query   url.Values
		headers map[string]string
		body    string
		want    string
	}{
		{
			name: "GET object", method: "GET", path: "/test.txt",
			headers: map[string]string{"Range": "bytes=0-9"},
			want:    credential + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
		},
		{
			name: "PUT object", method: "PUT", path: "/test$file.text",
			headers: map[string]string{"Date": "Fri, 24 May 2013 00:00:00 GMT", "X-Amz-Storage-Class": "REDUCED_REDUNDANCY"},
			body:    "Welcome to Amazon S3.",
			want:    credential + "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
		},
		{
			name: "GET bucket lifecycle", method: "GET", path: "/", query: url.Values{"lifecycle": {""}},
			want: credential + "SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543",
		},
		{
			name: "GET bucket (list objects)", method: "GET", path: "/", query: url.Values{"prefix": {"J"}, "max-keys": {"2"}},
			want: credential + "SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The examples address the bucket virtual-host style; the
			// path after the host is what is signed.
			u := *c.endpoint
			u.Path = tt.path
			u.RawPath = uriEncode(tt.path, false)
			u.RawQuery = canonicalQuery(tt.query)
			req, err := http.NewRequestWithContext(context.Background(), tt.method, u.String(), nil)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tt.headers {
				req.Header.Set(k, v)
			}
			c.signer.sign(req, hexSHA256([]byte(tt.body)), at)
			if got := req.Header.Get("Authorization"); got != tt.want {
				t.Errorf("Authorization:\n got %s\nwant %s", got, tt.want)
			}
		})
	}
	if hexSHA256(nil) != emptySHA256 {
		t.Errorf("SHA-256 of nothing = %s", hexSHA256(nil))
	}
}

// TestSignedRequestIsSentAsSigned checks that the path and query go on the
// wire exactly as they were signed, for keys with characters net/url would
// leave unescaped.
func TestSignedRequestIsSentAsSigned(t *testing.T) {
	c, err := New(Config{Endpoint: "http://127.0.0.1:9", Region: "auto", Bucket: "site", AccessKeyID: "k", SecretAccessKey: "s"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ key, wantPath string }{
		{"index.html", "/site/index.html"},
		{"a b/c+d$e=f.html", "/site/a%20b/c%2Bd%24e%3Df.html"},
		{"dia-phuong/đà-nẵng/", "/site/dia-phuong/%C4%91%C3%A0-n%E1%BA%B5ng/"},
	}
	for _, tt := range tests {
		req, err := c.newRequest(context.Background(), "GET", tt.key, url.Values{"prefix": {"a b/"}, "list-type": {"2"}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := req.URL.RequestURI(); got != tt.wantPath+"?list-type=2&prefix=a%20b%2F" {
			t.Errorf("key %q is sent as %s", tt.key, got)
		}
		canonical, _ := canonicalRequest(req, emptySHA256)
		if want := "GET\n" + tt.wantPath + "\nlist-type=2&prefix=a%20b%2F\n"; canonical[:len(want)] != want {
			t.Errorf("key %q is signed as\n%s", tt.key, canonical)
		}
	}
}

func TestURIEncode(t *testing.T) {
	tests := []struct {
		in    string
		slash bool
		want  string
	}{
		{"a-z_0.9~", true, "a-z_0.9~"},
		{"a b", false, "a%20b"},
		{"a+b=c&d", false, "a%2Bb%3Dc%26d"},
		{"a/b", false, "a/b"},
		{"a/b", true, "a%2Fb"},
		{"ệ", false, "%E1%BB%87"},
		{"100%", false, "100%25"},
	}
	for _, tt := range tests {
		if got := uriEncode(tt.in, tt.slash); got != tt.want {
			t.Errorf("uriEncode(%q, %v) = %q, want %q", tt.in, tt.slash, got, tt.want)
		}
	}
}
