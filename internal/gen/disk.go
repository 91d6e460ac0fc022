package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// file is one file of the corpus, by its path in the site folder.
type file struct {
	name string
	data []byte
}

// job is the files of one locality, which go into one folder.
type job struct {
	dir   string // "" for the site folder itself
	files []file
}

// writers is how many files are written at once. Writing is mostly waiting
// on the file system (creating a file costs far more than filling it), so
// a few writers overlap that wait; what is written does not depend on it.
const writers = 8

// disk writes jobs from a few goroutines. Only a few localities' files
// wait in memory at any time: add blocks while the writers are busy.
type disk struct {
	root string
	jobs chan *job
	wg   sync.WaitGroup
	mu   sync.Mutex
	err  error // the first error, which stops the corpus
}

func newDisk(root string) *disk {
	d := &disk{root: root, jobs: make(chan *job, 2*writers)}
	for range writers {
		d.wg.Go(func() {
			for j := range d.jobs {
				if err := d.write(j); err != nil {
					d.fail(err)
				}
			}
		})
	}
	return d
}

// add queues a job, or returns the error that stopped the writers.
func (d *disk) add(j *job) error {
	if err := d.failed(); err != nil {
		return err
	}
	d.jobs <- j
	return nil
}

// close waits for every queued file and returns the first error.
func (d *disk) close() error {
	close(d.jobs)
	d.wg.Wait()
	return d.failed()
}

func (d *disk) fail(err error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.err == nil {
		d.err = err
	}
}

func (d *disk) failed() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.err
}

// write makes the job's folder (and any missing above it: a child's job
// may be written before its parent's) and writes its files, each in one
// call.
func (d *disk) write(j *job) error {
	if j.dir != "" {
		if err := os.MkdirAll(filepath.Join(d.root, filepath.FromSlash(j.dir)), 0o755); err != nil {
			return fmt.Errorf("creating %s: %w", j.dir, err)
		}
	}
	for _, f := range j.files {
		if err := os.WriteFile(filepath.Join(d.root, filepath.FromSlash(f.name)), f.data, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", f.name, err)
		}
	}
	return nil
}
