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

// inTurn runs the steps one after the other until one fails.
func inTurn(steps []func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
