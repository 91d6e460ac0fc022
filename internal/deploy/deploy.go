// Package deploy publishes a built site to S3-compatible object storage —
// AWS S3, Cloudflare R2, or any store a CDN can use as its origin — so that
// the bucket holds exactly the files of the build, each with the headers it
// should be served with.
//
// A deploy lists the bucket once, uploads only the files whose content
// changed, and deletes the files the build no longer writes. It tells a
// changed file by its MD5 against the ETag the listing gives: for an object
// written by one PutObject that ETag is the MD5 of its bytes on AWS S3 (with
// or without SSE-S3 encryption), R2, MinIO and versitygw alike, so one
// ListObjectsV2 page per thousand files says what changed, with no HEAD per
// file and no metadata of our own. Where the ETag is something else (SSE-KMS
// on AWS, an object once uploaded in parts) the file is simply uploaded
// again, and the deploy then says so, since it would happen on every deploy.
// An ETag does not cover the headers: they follow from the file's name and
// content and the build's _headers (see cachePolicy), so they change only
// when those rules do, and Options.UploadAll re-uploads everything then.
package deploy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Default limits on deletion (see Options). On the bundled site, losing
// dia-phuong/ (the Vietnamese pages of every locality, plan and task: 175
// files) is 24% of the pages and data files; dropping one of its four
// plans is 7 to 16%, a quarter of the content, for which typing
// --max-delete-percent once is a fair price. 10% stops the accident and
// lets edits through. On a large site a plan is a fraction of a percent,
// and 1000 files is the limit a mistake meets first.
const (
	DefaultMaxDelete        = 1000
	DefaultMaxDeletePercent = 10
	// percentFloor is how many files a deploy may always delete whatever
	// their share of the bucket: a small site losing a page is no accident.
	percentFloor = 10
	// DefaultWorkers is how many uploads run at once: enough to hide the
	// round trip to a distant store without crowding it.
	DefaultWorkers = 8
)

// Options say what to deploy and how.
type Options struct {
	// Dir is the built site, the folder minhbach build wrote.
	Dir string
	// Prefix is the folder in the bucket the site lives in, "" for the
	// bucket's root. The deploy reads, writes and deletes under it only.
	Prefix string
	// Gzip uploads text files (HTML, CSS, JS, JSON, CSV, SVG, XML,
	// calendars, the search index) gzip-compressed, with
	// Content-Encoding: gzip, as S3 behind CloudFront serves them best.
	Gzip bool
	// DryRun prints what would be done and does nothing.
	DryRun bool
	// Delete removes the files under Prefix that the build no longer
	// writes.
	Delete bool
	// UploadAll uploads every file, changed or not: after the rules for
	// headers changed, or to repair objects edited by hand.
	UploadAll bool
	// MaxDelete and MaxDeletePercent stop a deploy, before it changes
	// anything, that would delete more files than MaxDelete or a larger
	// share of the bucket than MaxDeletePercent (above percentFloor
	// files): an empty or wrong Dir, or a wrong Prefix, would otherwise
	// wipe the site. Files named by their content hash are not counted:
	// each new build replaces them, so their deletion is routine. Force
	// lifts both limits.
	MaxDelete        int
	MaxDeletePercent float64
	Force            bool
	// Workers is how many uploads run at once; 0 means DefaultWorkers.
	Workers int
	// Out receives a line per upload and deletion and a summary; nil
	// discards them.
	Out io.Writer
}

// Result counts what a deploy did, or with DryRun would do.
type Result struct {
	Uploaded      int
	UploadedBytes int64
	Deleted       int
	Unchanged     int
	// ForeignETags counts uploads the store gave an ETag that is not the
	// content's MD5: those files will be uploaded again by every deploy.
	ForeignETags int
}

// localFile is one file of the build as it will be stored.
type localFile struct {
	path      string // on disk
	sitePath  string // "/assets/site.9200aad820.css"
	key       string // Prefix + site path without its slash
	md5       string // hex MD5 of the body as stored, compressed or not
	size      int64  // of the body as stored
	headers   ObjectHeaders
	immutable bool
}

// plan is what a deploy will do.
type plan struct {
	uploads   []localFile // those named by their content first, then the rest
	deletes   []Object
	unchanged int
	// counted is how many objects under the prefix the deletion limits
	// count: those not named by a content hash.
	counted int
}

// Deploy makes the bucket under opts.Prefix hold the site in opts.Dir.
// It uploads the files named by their content hash first and the pages
// after them, so that no page ever links to a stylesheet or search index
// not yet there, and deletes last. Before it changes anything it checks the
// deletion limits (a *LimitError when they are exceeded).
func Deploy(ctx context.Context, c *Client, opts Options) (Result, error) {
	start := time.Now()
	out := opts.Out
	if out == nil {
		out = io.Discard
	}
	prefix, err := NormalizePrefix(opts.Prefix)
	if err != nil {
		return Result{}, err
	}
	local, policy, err := scan(opts.Dir, prefix, opts.Gzip)
	if err != nil {
		return Result{}, err
	}
	remote, err := c.List(ctx, prefix)
	if err != nil {
		return Result{}, err
	}
	where := c.String() + "/" + prefix
	p := makePlan(local, remote, prefix, policy, opts)
	if err := checkLimits(p, prefix, where, policy, opts); err != nil {
		return Result{}, err
	}
	res := Result{Unchanged: p.unchanged}
	if opts.DryRun {
		for _, f := range p.uploads {
			fmt.Fprintln(out, uploadLine(f))
			res.Uploaded++
			res.UploadedBytes += f.size
		}
		for _, o := range p.deletes {
			fmt.Fprintln(out, "delete "+o.Key)
		}
		res.Deleted = len(p.deletes)
		fmt.Fprintf(out, "dry run, nothing changed: %s would get %d uploaded (%s) and %d deleted; %d unchanged\n",
			where, res.Uploaded, size(res.UploadedBytes), res.Deleted, res.Unchanged)
		return res, nil
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = DefaultWorkers
	}
	if err := upload(ctx, c, p.uploads, workers, opts.Gzip, out, &res); err != nil {
		return res, fmt.Errorf("deploy stopped after %d of %d uploads, and deleted nothing: %w", res.Uploaded, len(p.uploads), err)
	}
	if len(p.deletes) > 0 {
		keys := make([]string, len(p.deletes))
		for i, o := range p.deletes {
			keys[i] = o.Key
		}
		if err := c.Delete(ctx, keys); err != nil {
			return res, fmt.Errorf("deploy uploaded %d files but did not finish deleting: %w", res.Uploaded, err)
		}
		for _, k := range keys {
			fmt.Fprintln(out, "delete "+k)
		}
		res.Deleted = len(keys)
	}
	fmt.Fprintf(out, "deployed to %s: %d uploaded (%s), %d deleted, %d unchanged in %s\n",
		where, res.Uploaded, size(res.UploadedBytes), res.Deleted, res.Unchanged, time.Since(start).Round(time.Millisecond))
	if res.ForeignETags > 0 {
		fmt.Fprintf(out, "note: the store gave %d uploads an ETag that is not an MD5 of the content (SSE-KMS encryption does that), so every deploy will upload them again\n", res.ForeignETags)
	}
	return res, nil
}

// NormalizePrefix writes a folder in the bucket as "a/b/", or "" for the
// bucket's root, and refuses one with empty, "." or ".." parts.
func NormalizePrefix(p string) (string, error) {
	p = strings.Trim(p, "/")
	if p == "" {
		return "", nil
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", fmt.Errorf("prefix %q is not a folder name: write it as a/b, without empty, . or .. parts", p)
		}
	}
	return p + "/", nil
}

// scan reads the built site: every regular file under dir (following
// symbolic links to files) but the hosts' configuration, hashed as it will
// be stored, and its caching rules. The folder must hold an index.html, so
// that a deploy of the wrong folder stops here.
func scan(dir, prefix string, gz bool) ([]localFile, cachePolicy, error) {
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return nil, cachePolicy{}, fmt.Errorf("%s is not a folder: give --out the folder minhbach build wrote", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		return nil, cachePolicy{}, fmt.Errorf("%s has no index.html, so it is not a built site: run minhbach build first, or give --out the folder it wrote", dir)
	}
	policy, err := loadPolicy(dir)
	if err != nil {
		return nil, cachePolicy{}, err
	}
	var paths []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if rel, _ := filepath.Rel(dir, p); hostConfig["/"+filepath.ToSlash(rel)] {
			return nil
		}
		if d.Type().IsRegular() {
			paths = append(paths, p)
		} else if d.Type()&fs.ModeSymlink != 0 {
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				paths = append(paths, p)
			}
		}
		return nil
	})
	if err != nil {
		return nil, cachePolicy{}, fmt.Errorf("reading %s: %w", dir, err)
	}
	files := make([]localFile, len(paths))
	errs := make([]error, len(paths))
	parallel(len(paths), runtime.GOMAXPROCS(0), func(i int) {
		files[i], errs[i] = readLocal(dir, paths[i], prefix, gz, policy)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, cachePolicy{}, err
	}
	slices.SortFunc(files, func(a, b localFile) int { return strings.Compare(a.key, b.key) })
	return files, policy, nil
}

func readLocal(dir, p, prefix string, gz bool, policy cachePolicy) (localFile, error) {
	rel, err := filepath.Rel(dir, p)
	if err != nil {
		return localFile{}, err
	}
	f := localFile{path: p, sitePath: "/" + filepath.ToSlash(rel)}
	f.key = prefix + f.sitePath[1:]
	f.headers.CacheControl = policy.cacheControl(f.sitePath)
	f.immutable = strings.Contains(f.headers.CacheControl, "immutable")
	body, err := f.body(gz)
	if err != nil {
		return localFile{}, err
	}
	f.md5, f.size = md5Hex(body), int64(len(body))
	return f, nil
}

// body reads the file and returns it as it is stored, setting its
// Content-Type and Content-Encoding.
func (f *localFile) body(gz bool) ([]byte, error) {
	raw, err := os.ReadFile(f.path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", f.path, err)
	}
	t := typeOf(f.sitePath, raw)
	f.headers.ContentType, f.headers.ContentEncoding = t.contentType, ""
	if gz && t.compressible && len(raw) >= minGzip {
		if z := gzipped(raw); len(z) < len(raw) {
			f.headers.ContentEncoding = "gzip"
			return z, nil
		}
	}
	return raw, nil
}

// makePlan compares the build with the listing.
func makePlan(local []localFile, remote []Object, prefix string, policy cachePolicy, opts Options) plan {
	var p plan
	stored := make(map[string]Object, len(remote))
	for _, o := range remote {
		stored[o.Key] = o
		if !policy.hashed(sitePath(o.Key, prefix)) {
			p.counted++
		}
	}
	var first, rest []localFile
	for _, f := range local {
		o, ok := stored[f.key]
		delete(stored, f.key)
		switch {
		case ok && o.ETag == f.md5 && !opts.UploadAll:
			p.unchanged++
		case f.immutable:
			first = append(first, f)
		default:
			rest = append(rest, f)
		}
	}
	p.uploads = append(first, rest...)
	if opts.Delete {
		for _, o := range remote {
			// A key ending in "/" is a folder marker some consoles make,
			// not a file of the site.
			if _, gone := stored[o.Key]; gone && !strings.HasSuffix(o.Key, "/") {
				p.deletes = append(p.deletes, o)
			}
		}
		slices.SortFunc(p.deletes, func(a, b Object) int { return strings.Compare(a.Key, b.Key) })
	}
	return p
}

// sitePath is the path on the site of the object at key.
func sitePath(key, prefix string) string {
	return "/" + strings.TrimPrefix(key, prefix)
}

// LimitError is a deploy refused because it would delete too much.
type LimitError struct {
	Where      string // s3://bucket/prefix/
	Deletes    int    // counted deletions (not those of files named by a hash)
	Objects    int    // counted objects under the prefix
	MaxDelete  int
	MaxPercent float64
	ByPercent  bool // the share, rather than the count, is over its limit
}

func (e *LimitError) Error() string {
	const check = "Check that --out is the site just built and --prefix its folder in the bucket (--dry-run lists the files)"
	if e.ByPercent {
		pct := 100 * float64(e.Deletes) / float64(e.Objects)
		return fmt.Sprintf("refusing to delete %d of the %d pages and data files in %s (%.0f%%), more than --max-delete-percent %g allows, and nothing was changed. %s; if they should go, run again with --max-delete-percent %.0f (or --force)",
			e.Deletes, e.Objects, e.Where, pct, e.MaxPercent, check, math.Ceil(pct))
	}
	return fmt.Sprintf("refusing to delete %d pages and data files from %s, more than --max-delete %d allows, and nothing was changed. %s; if they should go, run again with --max-delete %d (or --force)",
		e.Deletes, e.Where, e.MaxDelete, check, e.Deletes)
}

// checkLimits refuses a plan that deletes more than opts allows.
func checkLimits(p plan, prefix, where string, policy cachePolicy, opts Options) error {
	if opts.Force || len(p.deletes) == 0 {
		return nil
	}
	deletes := 0
	for _, o := range p.deletes {
		if !policy.hashed(sitePath(o.Key, prefix)) {
			deletes++
		}
	}
	e := &LimitError{Where: where, Deletes: deletes, Objects: p.counted, MaxDelete: opts.MaxDelete, MaxPercent: opts.MaxDeletePercent}
	if deletes > opts.MaxDelete {
		return e
	}
	if deletes > percentFloor && float64(deletes)*100 > opts.MaxDeletePercent*float64(p.counted) {
		e.ByPercent = true
		return e
	}
	return nil
}
