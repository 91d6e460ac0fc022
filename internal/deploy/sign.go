package deploy

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// emptySHA256 is the SHA-256 of no bytes: the payload hash of a request
// without a body.
const emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// signer signs requests with AWS Signature Version 4, the scheme every
// S3-compatible store accepts (AWS S3, Cloudflare R2, MinIO, versitygw …).
// It always signs the payload (x-amz-content-sha256 is the body's SHA-256,
// never UNSIGNED-PAYLOAD), so a body altered on the way is refused even
// over plain HTTP.
type signer struct {
	keyID, secret, token, region string
}

// sign sets X-Amz-Date, X-Amz-Content-Sha256, X-Amz-Security-Token (with
// temporary credentials) and Authorization on r. Every header r carries at
// that point is signed, with the host; r's path and query must already be
// in canonical form (see newRequest), so that what is signed is what is
// sent.
func (s signer) sign(r *http.Request, payloadHash string, now time.Time) {
	now = now.UTC()
	stamp := now.Format("20060102T150405Z")
	day := stamp[:8]
	r.Header.Set("X-Amz-Date", stamp)
	r.Header.Set("X-Amz-Content-Sha256", payloadHash)
	if s.token != "" {
		r.Header.Set("X-Amz-Security-Token", s.token)
	}
	canonical, signed := canonicalRequest(r, payloadHash)
	scope := day + "/" + s.region + "/s3/aws4_request"
	toSign := "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n" + hexSHA256([]byte(canonical))
	key := hmacSHA256([]byte("AWS4"+s.secret), day)
	for _, part := range []string{s.region, "s3", "aws4_request"} {
		key = hmacSHA256(key, part)
	}
	r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+s.keyID+"/"+scope+
		",SignedHeaders="+signed+",Signature="+hex.EncodeToString(hmacSHA256(key, toSign)))
}

// canonicalRequest is the request as SigV4 hashes it, and the list of
// signed header names.
func canonicalRequest(r *http.Request, payloadHash string) (canonical, signedHeaders string) {
	headers := map[string]string{"host": r.URL.Host}
	for name, values := range r.Header {
		name = strings.ToLower(name)
		if name == "authorization" || name == "user-agent" {
			continue
		}
		trimmed := make([]string, len(values))
		for i, v := range values {
			trimmed[i] = strings.Join(strings.Fields(v), " ")
		}
		headers[name] = strings.Join(trimmed, ",")
	}
	names := make([]string, 0, len(headers))
	for name := range headers {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString(r.Method + "\n" + r.URL.EscapedPath() + "\n" + r.URL.RawQuery + "\n")
	for _, name := range names {
		b.WriteString(name + ":" + headers[name] + "\n")
	}
	signedHeaders = strings.Join(names, ";")
	b.WriteString("\n" + signedHeaders + "\n" + payloadHash)
	return b.String(), signedHeaders
}

// canonicalQuery writes query parameters the one way SigV4 accepts: sorted
// by name then value, each URI-encoded, "name=" for a parameter without a
// value. The request is sent with exactly this string.
func canonicalQuery(q url.Values) string {
	var pairs []string
	for name, values := range q {
		for _, v := range values {
			pairs = append(pairs, uriEncode(name, true)+"="+uriEncode(v, true))
		}
	}
	sort.Strings(pairs)
	return strings.Join(pairs, "&")
}

// uriEncode percent-encodes every byte but the unreserved characters
// (A–Z a–z 0–9 - . _ ~), and "/" too when encodeSlash is set: S3's rule,
// stricter than net/url, which leaves "$", "+" or "=" in a path as they are.
func uriEncode(s string, encodeSlash bool) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/' && !encodeSlash:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}

func hmacSHA256(key []byte, data string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(data))
	return h.Sum(nil)
}

func hexSHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
