package generator

import (
	"context"
	"sync"
	"sync/atomic"
)

// writers is how many files a new project writes at once. Creating and
// flushing a file is mostly waiting for the file system (on a disk, for
// its journal, which commits the flushes that arrive together at once), so
// this is more than the processors.
const writers = 8

// eachAtOnce runs do(i) for i in [0, n) on up to writers goroutines, and
// returns the error of the lowest i that failed (-1 and nil when none did),
// or -1 and an interrupted error once ctx is done. After a failure no new i
// starts. A panic in do (a
// crash test's fault hook stopping the apply dead) stops the others too and
// is raised again here, once every goroutine has returned.
func eachAtOnce(ctx context.Context, n int, do func(i int) error) (int, error) {
	if n <= 1 {
		for i := range n {
			if err := ctx.Err(); err != nil {
				return -1, interrupted(err)
			}
			if err := do(i); err != nil {
				return i, err
			}
		}
		return -1, nil
	}
	var (
		next    atomic.Int64
		stop    atomic.Bool
		mu      sync.Mutex
		first   = -1
		ferr    error
		ctxErr  error
		panicky any
		wg      sync.WaitGroup
	)
	fail := func(i int, err error) {
		stop.Store(true)
		mu.Lock()
		if first < 0 || i < first {
			first, ferr = i, err
		}
		mu.Unlock()
	}
	for range min(writers, n) {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					stop.Store(true)
					mu.Lock()
					if panicky == nil {
						panicky = r
					}
					mu.Unlock()
				}
			}()
			for !stop.Load() {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := ctx.Err(); err != nil {
					stop.Store(true)
					mu.Lock()
					ctxErr = err
					mu.Unlock()
					return
				}
				if err := do(i); err != nil {
					fail(i, err)
				}
			}
		})
	}
	wg.Wait()
	if panicky != nil {
		panic(panicky)
	}
	if ctxErr != nil {
		return -1, interrupted(ctxErr)
	}
	return first, ferr
}
