package deploy

import (
	"bytes"
	"context"
	"crypto/md5"
	"crypto/tls"
	"encoding/base64"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Config says where the site goes and with which credentials.
type Config struct {
	// Endpoint is the store's address, without a path:
	// https://s3.eu-west-1.amazonaws.com, https://<account>.r2.cloudflarestorage.com,
	// http://127.0.0.1:7070. Requests are path-style (endpoint/bucket/key),
	// which every S3-compatible store speaks.
	Endpoint string
	// Region signs the requests: the bucket's region on AWS, "auto" (or
	// us-east-1) on R2.
	Region string
	Bucket string
	// AccessKeyID and SecretAccessKey are the key pair; SessionToken is set
	// with temporary credentials (an assumed role, GitHub's OIDC).
	AccessKeyID, SecretAccessKey, SessionToken string
}

// Client is a small S3 client: the four calls a deploy needs (list, put,
// delete, and create bucket for tests), signed with SigV4, retried when the
// store has a passing failure. It holds no state between calls and is safe
// for concurrent use.
type Client struct {
	endpoint *url.URL
	bucket   string
	signer   signer
	http     *http.Client
	// pageSize is ListObjectsV2's max-keys; 0 leaves the store's default
	// (1000). Tests make it small to page through a real listing.
	pageSize int
	// retryWait is the pause before the first retry; it quadruples after.
	retryWait time.Duration
	now       func() time.Time
}

// attempts is how often a request is tried when the store answers 5xx or
// 429, or the connection fails: enough to ride out a restart or throttling
// without hiding a store that is down.
const attempts = 3

// bucketName is S3's (and R2's) rule for bucket names, which a path-style
// URL relies on.
var bucketName = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)

// New checks cfg and returns a client for its bucket.
func New(cfg Config) (*Client, error) {
	u, err := url.Parse(cfg.Endpoint)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("endpoint %q is not an address: write it as https://host[:port], e.g. https://s3.eu-west-1.amazonaws.com", cfg.Endpoint)
	}
	if strings.Trim(u.Path, "/") != "" || u.RawQuery != "" {
		return nil, fmt.Errorf("endpoint %q has a path: give the store's address alone, the bucket with --bucket and the folder inside it with --prefix", cfg.Endpoint)
	}
	switch {
	case cfg.Bucket == "":
		return nil, errors.New("no bucket given: name it with --bucket or MINHBACH_S3_BUCKET")
	case strings.Contains(cfg.Bucket, "/"):
		return nil, fmt.Errorf("bucket %q contains a slash: give the bucket alone and the folder inside it with --prefix", cfg.Bucket)
	case !bucketName.MatchString(cfg.Bucket):
		return nil, fmt.Errorf("bucket %q is not a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens", cfg.Bucket)
	case cfg.AccessKeyID == "" || cfg.SecretAccessKey == "":
		return nil, errors.New("no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to a key that may list, write and delete in the bucket")
	case cfg.Region == "":
		return nil, errors.New("no region given: set --region or AWS_REGION (us-east-1 if the store has none; auto on R2)")
	}
	u.Path, u.RawPath = "", ""
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.ResponseHeaderTimeout = 2 * time.Minute
	transport.MaxIdleConnsPerHost = 16
	// Objects stored gzip-compressed are read back as stored (tests do).
	transport.DisableCompression = true
	return &Client{
		endpoint:  u,
		bucket:    cfg.Bucket,
		signer:    signer{keyID: cfg.AccessKeyID, secret: cfg.SecretAccessKey, token: cfg.SessionToken, region: cfg.Region},
		http:      &http.Client{Transport: transport},
		retryWait: 250 * time.Millisecond,
		now:       time.Now,
	}, nil
}

// String names the bucket as s3://bucket.
func (c *Client) String() string { return "s3://" + c.bucket }

// Object is one object of a listing.
type Object struct {
	Key string
	// ETag without its quotes, in lower case: the hex MD5 of the content
	// for an object written by one PutObject (see Deploy on why that is
	// enough).
	ETag string
	Size int64
}

// List returns every object whose key starts with prefix, following
// ListObjectsV2's continuation tokens through as many pages as there are.
func (c *Client) List(ctx context.Context, prefix string) ([]Object, error) {
	var objects []Object
	token := ""
	for {
		q := url.Values{"list-type": {"2"}, "prefix": {prefix}}
		if token != "" {
			q.Set("continuation-token", token)
		}
		if c.pageSize > 0 {
			q.Set("max-keys", fmt.Sprint(c.pageSize))
		}
		body, _, err := c.do(ctx, "list "+c.String()+"/"+prefix, http.MethodGet, "", q, nil, nil)
		if err != nil {
			return nil, err
		}
		var page struct {
			Contents []struct {
				Key  string
				ETag string
				Size int64
			}
			IsTruncated           bool
			NextContinuationToken string
		}
		if err := xml.Unmarshal(body, &page); err != nil {
			return nil, fmt.Errorf("list %s/%s: the store's answer is not a listing: %w", c, prefix, err)
		}
		for _, o := range page.Contents {
			objects = append(objects, Object{Key: o.Key, ETag: strings.ToLower(strings.Trim(o.ETag, `"`)), Size: o.Size})
		}
		if !page.IsTruncated {
			return objects, nil
		}
		if page.NextContinuationToken == "" || page.NextContinuationToken == token {
			return nil, fmt.Errorf("list %s/%s: the store said the listing goes on but gave no continuation token", c, prefix)
		}
		token = page.NextContinuationToken
	}
}

// ObjectHeaders are the headers an object is served with.
type ObjectHeaders struct {
	ContentType, CacheControl, ContentEncoding string
}

// Put writes body to key with h, and returns the ETag the store gave it
// (unquoted, lower case). Content-MD5 goes along, so the store refuses a
// body damaged on the way.
func (c *Client) Put(ctx context.Context, key string, body []byte, h ObjectHeaders) (etag string, err error) {
	sum := md5.Sum(body)
	headers := http.Header{
		"Content-Type":  {h.ContentType},
		"Cache-Control": {h.CacheControl},
		"Content-Md5":   {base64.StdEncoding.EncodeToString(sum[:])},
	}
	if h.ContentEncoding != "" {
		headers.Set("Content-Encoding", h.ContentEncoding)
	}
	_, resp, err := c.do(ctx, "upload "+key, http.MethodPut, key, nil, headers, body)
	if err != nil {
		return "", err
	}
	return strings.ToLower(strings.Trim(resp.Get("ETag"), `"`)), nil
}

// deleteBatch is the most keys one DeleteObjects call takes.
const deleteBatch = 1000

// Delete removes keys, a thousand per DeleteObjects call. A store without
// DeleteObjects (it answers 501) gets one DeleteObject per key instead.
func (c *Client) Delete(ctx context.Context, keys []string) error {
	for len(keys) > 0 {
		n := min(len(keys), deleteBatch)
		err := c.deleteObjects(ctx, keys[:n])
		var re *ResponseError
		if errors.As(err, &re) && re.Status == http.StatusNotImplemented {
			err = c.deleteEach(ctx, keys[:n])
		}
		if err != nil {
			return err
		}
		keys = keys[n:]
	}
	return nil
}

func (c *Client) deleteObjects(ctx context.Context, keys []string) error {
	type object struct {
		Key string
	}
	req := struct {
		XMLName xml.Name `xml:"Delete"`
		Quiet   bool
		Objects []object `xml:"Object"`
	}{Quiet: true}
	for _, k := range keys {
		req.Objects = append(req.Objects, object{k})
	}
	body, err := xml.Marshal(req)
	if err != nil {
		return fmt.Errorf("delete: %w", err)
	}
	sum := md5.Sum(body)
	headers := http.Header{
		"Content-Type": {"application/xml"},
		"Content-Md5":  {base64.StdEncoding.EncodeToString(sum[:])},
	}
	what := fmt.Sprintf("delete %d files from %s", len(keys), c)
	answer, _, err := c.do(ctx, what, http.MethodPost, "", url.Values{"delete": {""}}, headers, body)
	if err != nil {
		return err
	}
	var res struct {
		Errors []struct {
			Key, Code, Message string
		} `xml:"Error"`
	}
	if err := xml.Unmarshal(answer, &res); err != nil {
		return fmt.Errorf("%s: the store's answer is not a delete result: %w", what, err)
	}
	if len(res.Errors) > 0 {
		e := res.Errors[0]
		return fmt.Errorf("%s: %d were not deleted, the first %s: %s: %s", what, len(res.Errors), e.Key, e.Code, e.Message)
	}
	return nil
}

func (c *Client) deleteEach(ctx context.Context, keys []string) error {
	for _, k := range keys {
		if _, _, err := c.do(ctx, "delete "+k, http.MethodDelete, k, nil, nil, nil); err != nil {
			return err
		}
	}
	return nil
}

// CreateBucket creates the bucket, in the store's default region. The
// deploy never creates buckets (who owns one, and how it is served, is a
// decision for the site's operator); tests do.
func (c *Client) CreateBucket(ctx context.Context) error {
	_, _, err := c.do(ctx, "create "+c.String(), http.MethodPut, "", nil, nil, nil)
	return err
}

// get reads an object; tests check what was stored with it.
func (c *Client) get(ctx context.Context, key string) ([]byte, http.Header, error) {
	return c.do(ctx, "get "+key, http.MethodGet, key, nil, nil, nil)
}

// ResponseError is a store's refusal.
type ResponseError struct {
	What    string // what was being done: "upload index.html"
	Status  int
	Code    string // S3's error code, "SignatureDoesNotMatch"
	Message string
}

func (e *ResponseError) Error() string {
	msg := fmt.Sprintf("%s: the store answered %d", e.What, e.Status)
	if e.Code != "" {
		msg += " " + e.Code
	}
	if e.Message != "" {
		msg += ": " + strings.TrimSuffix(e.Message, ".")
	}
	if hint := hints[e.Code]; hint != "" {
		msg += "; " + hint
	}
	return msg
}

// hints say what to check for the refusals a misconfigured deploy meets.
var hints = map[string]string{
	"SignatureDoesNotMatch":        "check AWS_SECRET_ACCESS_KEY and --region",
	"InvalidAccessKeyId":           "check AWS_ACCESS_KEY_ID",
	"AuthorizationHeaderMalformed": "check --region: it must be the bucket's region (auto or us-east-1 on R2)",
	"NoSuchBucket":                 "check --bucket and --endpoint; the bucket must exist before the first deploy",
	"AccessDenied":                 "the key needs permission to list, write and delete objects in the bucket",
	"RequestTimeTooSkewed":         "this computer's clock is wrong; set it right",
}

// do sends one signed request, retrying passing failures, and returns the
// body and headers of a 2xx answer. key "" addresses the bucket itself.
func (c *Client) do(ctx context.Context, what, method, key string, q url.Values, headers http.Header, body []byte) ([]byte, http.Header, error) {
	payloadHash := hexSHA256(body)
	var lastErr error
	for attempt := 0; attempt < attempts; attempt++ {
		if attempt > 0 {
			wait := c.retryWait << (2 * (attempt - 1))
			select {
			case <-ctx.Done():
				return nil, nil, fmt.Errorf("%s: %w", what, ctx.Err())
			case <-time.After(wait):
			}
		}
		answer, h, err := c.once(ctx, what, method, key, q, headers, body, payloadHash)
		if err == nil || !transient(ctx, err) {
			return answer, h, err
		}
		lastErr = err
	}
	return nil, nil, fmt.Errorf("%w (tried %d times)", lastErr, attempts)
}

func (c *Client) once(ctx context.Context, what, method, key string, q url.Values, headers http.Header, body []byte, payloadHash string) ([]byte, http.Header, error) {
	req, err := c.newRequest(ctx, method, key, q, body)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	for name, values := range headers {
		req.Header[name] = values
	}
	c.signer.sign(req, payloadHash, c.now())
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: reading the answer: %w", what, err)
	}
	if resp.StatusCode/100 != 2 {
		re := &ResponseError{What: what, Status: resp.StatusCode}
		var e struct{ Code, Message string }
		if xml.Unmarshal(answer, &e) == nil {
			re.Code, re.Message = e.Code, e.Message
		}
		return nil, nil, re
	}
	return answer, resp.Header, nil
}

// newRequest addresses key in the bucket path-style, with the path and
// query written in SigV4's canonical encoding so that the request sent is
// the request signed.
func (c *Client) newRequest(ctx context.Context, method, key string, q url.Values, body []byte) (*http.Request, error) {
	u := *c.endpoint
	u.Path = "/" + c.bucket
	if key != "" {
		u.Path += "/" + key
	}
	u.RawPath = uriEncode(u.Path, false)
	u.RawQuery = canonicalQuery(q)
	req, err := http.NewRequestWithContext(ctx, method, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.ContentLength = int64(len(body))
	if len(body) == 0 {
		req.Body = http.NoBody
	}
	return req, nil
}

// transient tells the failures worth another try: the store busy or
// restarting (5xx, 429) or the connection lost; not a refusal, and not a
// deploy being cancelled.
func transient(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	var re *ResponseError
	if errors.As(err, &re) {
		return re.Status >= 500 && re.Status != http.StatusNotImplemented || re.Status == http.StatusTooManyRequests
	}
	var cert *tls.CertificateVerificationError
	if errors.As(err, &cert) {
		return false
	}
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}

// md5Hex is the hex MD5 of b: the ETag S3 gives an object written by one
// PutObject.
func md5Hex(b []byte) string {
	sum := md5.Sum(b)
	return hex.EncodeToString(sum[:])
}
