package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	s3deploy "github.com/minhbach/minhbach/internal/deploy"
)

const deploySynopsis = `deploy [--out public] --bucket NAME [--prefix DIR] [--endpoint URL] [--region R] [--gzip] [--dry-run] [flags]

Uploads the built site in --out to S3-compatible object storage (AWS S3, Cloudflare R2,
any store a CDN serves from): only the files whose content changed, each with its
Content-Type and Cache-Control, and deletes the files the build no longer writes.
A deploy that would delete more than --max-delete files, or more than
--max-delete-percent of the site, stops before changing anything.

The key comes from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN
for temporary credentials), never from a flag: a command line is visible to every
user of the machine. Unset flags are read from the environment:
  --bucket    MINHBACH_S3_BUCKET
  --prefix    MINHBACH_S3_PREFIX
  --endpoint  MINHBACH_S3_ENDPOINT, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL
              (default https://s3.<region>.amazonaws.com)
  --region    AWS_REGION, AWS_DEFAULT_REGION (default us-east-1; auto on R2)
See docs/deploy.md for a CDN in front of the bucket.`

// deployFlags are deploy's command line.
type deployFlags struct {
	out, bucket, prefix, endpoint, region string
	gzip, dryRun, del, force, uploadAll   bool
	maxDelete, workers                    int
	maxDeletePercent                      float64
}

func (d *deployFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&d.out, "out", "public", "the built site to deploy (the folder minhbach build wrote)")
	fs.StringVar(&d.bucket, "bucket", "", "the bucket (default $MINHBACH_S3_BUCKET)")
	fs.StringVar(&d.prefix, "prefix", "", "the folder in the bucket the site lives in; the root when empty (default $MINHBACH_S3_PREFIX)")
	fs.StringVar(&d.endpoint, "endpoint", "", "the store's address, e.g. https://<account>.r2.cloudflarestorage.com (default: see above)")
	fs.StringVar(&d.region, "region", "", "the bucket's region (default $AWS_REGION, $AWS_DEFAULT_REGION or us-east-1)")
	fs.BoolVar(&d.gzip, "gzip", false, "upload text files gzip-compressed with Content-Encoding: gzip (for S3 behind CloudFront)")
	fs.BoolVar(&d.dryRun, "dry-run", false, "print what would be uploaded and deleted, and change nothing")
	fs.BoolVar(&d.del, "delete", true, "delete the files in the bucket that the build no longer writes (--delete=false keeps them)")
	fs.IntVar(&d.maxDelete, "max-delete", s3deploy.DefaultMaxDelete, "refuse to delete more pages and data files than this")
	fs.Float64Var(&d.maxDeletePercent, "max-delete-percent", s3deploy.DefaultMaxDeletePercent, "refuse to delete a larger share of the site's pages and data files than this, in percent (above 10 files)")
	fs.BoolVar(&d.force, "force", false, "delete whatever the build no longer writes, however much")
	fs.BoolVar(&d.uploadAll, "upload-all", false, "upload every file, changed or not (after the rules for headers changed)")
	fs.IntVar(&d.workers, "workers", s3deploy.DefaultWorkers, "how many uploads run at once")
}

// fromEnv fills the flags left empty from the environment.
func (d *deployFlags) fromEnv(getenv func(string) string) {
	first := func(v string, names ...string) string {
		for _, n := range names {
			if v != "" {
				return v
			}
			v = getenv(n)
		}
		return v
	}
	d.bucket = first(d.bucket, "MINHBACH_S3_BUCKET")
	d.prefix = first(d.prefix, "MINHBACH_S3_PREFIX")
	d.region = first(d.region, "AWS_REGION", "AWS_DEFAULT_REGION")
	if d.region == "" {
		d.region = "us-east-1"
	}
	d.endpoint = first(d.endpoint, "MINHBACH_S3_ENDPOINT", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL")
	if d.endpoint == "" {
		d.endpoint = "https://s3." + d.region + ".amazonaws.com"
	}
}

// check refuses values no deploy can use.
func (d *deployFlags) check() error {
	switch {
	case d.maxDelete < 0:
		return fmt.Errorf("--max-delete %d is negative: write the most files a deploy may delete, or --force", d.maxDelete)
	case d.maxDeletePercent < 0 || d.maxDeletePercent > 100:
		return fmt.Errorf("--max-delete-percent %g is not a percentage: write a number from 0 to 100", d.maxDeletePercent)
	case d.workers < 1:
		return fmt.Errorf("--workers %d: at least one upload must run", d.workers)
	}
	_, err := s3deploy.NormalizePrefix(d.prefix)
	return err
}

func deploy(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return deployWith(ctx, os.Getenv, args, stdout, stderr)
}

func deployWith(ctx context.Context, getenv func(string) string, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("deploy", deploySynopsis, stderr)
	var d deployFlags
	d.register(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	d.fromEnv(getenv)
	if err := d.check(); err != nil {
		fmt.Fprintln(stderr, "minhbach:", err)
		return 2
	}
	client, err := s3deploy.New(s3deploy.Config{
		Endpoint: d.endpoint, Region: d.region, Bucket: d.bucket,
		AccessKeyID: getenv("AWS_ACCESS_KEY_ID"), SecretAccessKey: getenv("AWS_SECRET_ACCESS_KEY"), SessionToken: getenv("AWS_SESSION_TOKEN"),
	})
	if err != nil {
		fmt.Fprintln(stderr, "minhbach:", err)
		return 2
	}
	dry := ""
	if d.dryRun {
		dry = " (dry run: nothing will change)"
	}
	fmt.Fprintf(stdout, "deploying %s to %s/%s at %s%s\n", d.out, client, mustPrefix(d.prefix), d.endpoint, dry)
	_, err = s3deploy.Deploy(ctx, client, s3deploy.Options{
		Dir: d.out, Prefix: d.prefix, Gzip: d.gzip, DryRun: d.dryRun, Delete: d.del, UploadAll: d.uploadAll,
		MaxDelete: d.maxDelete, MaxDeletePercent: d.maxDeletePercent, Force: d.force,
		Workers: d.workers, Out: stdout,
	})
	if err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(stderr, "deploy interrupted: run it again to finish; it uploads only what is still missing")
		}
		fmt.Fprintln(stderr, "deploy failed:", err)
		return 1
	}
	return 0
}

// mustPrefix is the prefix check has accepted, normalized.
func mustPrefix(p string) string {
	n, _ := s3deploy.NormalizePrefix(p)
	return n
}
