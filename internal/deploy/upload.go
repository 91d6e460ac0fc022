package deploy

import (
	"context"
	"fmt"
	"io"
	"sync"
)

// upload puts files, in two rounds: the files named by their content hash,
// then the rest, so that a page is uploaded only once what it refers to is
// there. The first failure stops both rounds.
func upload(ctx context.Context, c *Client, files []localFile, workers int, gz bool, out io.Writer, res *Result) error {
	split := 0
	for split < len(files) && files[split].immutable {
		split++
	}
	var mu sync.Mutex
	put := func(ctx context.Context, f localFile) error {
		body, err := f.body(gz)
		if err != nil {
			return err
		}
		if md5Hex(body) != f.md5 {
			return fmt.Errorf("%s changed while it was being deployed: run the deploy again once the build is done", f.path)
		}
		etag, err := c.Put(ctx, f.key, body, f.headers)
		if err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintln(out, uploadLine(f))
		res.Uploaded++
		res.UploadedBytes += f.size
		if etag != f.md5 {
			res.ForeignETags++
		}
		return nil
	}
	for _, round := range [][]localFile{files[:split], files[split:]} {
		if err := each(ctx, round, workers, put); err != nil {
			return err
		}
	}
	return nil
}

// each runs fn on every file with at most workers at once, and stops
// starting new ones at the first error, which it returns.
func each(ctx context.Context, files []localFile, workers int, fn func(context.Context, localFile) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		once     sync.Once
		firstErr error
	)
	parallel(len(files), workers, func(i int) {
		if ctx.Err() != nil {
			return
		}
		if err := fn(ctx, files[i]); err != nil {
			once.Do(func() { firstErr = err; cancel() })
		}
	})
	if firstErr == nil && ctx.Err() != nil {
		return ctx.Err()
	}
	return firstErr
}

// parallel calls fn(0) … fn(n-1) on at most workers goroutines and waits
// for them all.
func parallel(n, workers int, fn func(i int)) {
	workers = max(1, min(workers, n))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// uploadLine reports one upload: key, size as stored, and what is special
// about its headers.
func uploadLine(f localFile) string {
	line := "upload " + f.key + " (" + size(f.size)
	if f.headers.ContentEncoding != "" {
		line += " " + f.headers.ContentEncoding
	}
	if f.immutable {
		line += ", immutable"
	}
	return line + ")"
}

// size writes a byte count for people: 812 B, 12.3 kB, 4.1 MB.
func size(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1_000_000:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	case n < 1_000_000_000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.1f GB", float64(n)/1e9)
}
