package site

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
)

// runAll runs the steps on every core and returns their errors.
func runAll(steps []func() error) error {
	errs := make([]error, len(steps))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(steps)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < len(steps); i = int(next.Add(1)) - 1 {
				errs[i] = steps[i]()
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// runTogether runs every step at once and returns their errors. The
// pages and the data files spread their own work over the cores, and the
// search index is built on one: taken as one of the first two steps on
// two cores, it was left to run alone at the end of a rebuild.
func runTogether(steps []func() error) error {
	errs := make([]error, len(steps))
	var wg sync.WaitGroup
	for i, step := range steps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = step()
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// inTurn runs the steps one after the other until one fails.
func inTurn(steps []func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
