package generator

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
)

// TestEachAtOnce: every index runs once; the error reported is the lowest
// failing index's, whatever order the goroutines meet them in; a panic in
// one is raised again in the caller; a cancelled context is an
// interruption.
func TestEachAtOnce(t *testing.T) {
	const n = 200
	var runs [n]atomic.Int32
	if i, err := eachAtOnce(context.Background(), n, func(i int) error { runs[i].Add(1); return nil }); i != -1 || err != nil {
		t.Fatalf("got %d, %v", i, err)
	}
	for i := range runs {
		if got := runs[i].Load(); got != 1 {
			t.Fatalf("index %d ran %d times", i, got)
		}
	}
	for range 50 {
		i, err := eachAtOnce(context.Background(), n, func(i int) error {
			if i == 3 || i == 7 || i == 150 {
				return fmt.Errorf("fail %d", i)
			}
			return nil
		})
		if i != 3 || err == nil || err.Error() != "fail 3" {
			t.Fatalf("got %d, %v; want the lowest failure, 3", i, err)
		}
	}
	func() {
		defer func() {
			if r := recover(); r != "killed" {
				t.Errorf("recovered %v, want the worker's panic", r)
			}
		}()
		_, _ = eachAtOnce(context.Background(), n, func(i int) error {
			if i == 10 {
				panic("killed")
			}
			return nil
		})
		t.Error("a panic in a worker did not reach the caller")
	}()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if i, err := eachAtOnce(ctx, n, func(int) error { return nil }); i != -1 || !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("cancelled: got %d, %v", i, err)
	}
}
