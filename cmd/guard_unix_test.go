//go:build unix

package cmd

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator"
)

// TestSecondCraneIsRefused holds the target lock as a running crane would
// and checks that another command in the same folder says so and writes
// nothing.
func TestSecondCraneIsRefused(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"go.mod": "module example.com/m\n\ngo 1.22\n", "cmd/m/main.go": "package main\n\nfunc main() {}\n"})
	before := tree(t, dir)
	release, err := generator.LockTarget(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"assemble", dir}, {"status", dir}} {
		te := newTestEnv(t, "")
		if code := te.run(args); code != exitFailure {
			t.Errorf("%v: exit %d, want %d; stderr: %s", args, code, exitFailure, te.stderr)
		}
		if want := "crane: another crane is running in " + dir + "; wait for it to finish and run again\n"; te.stderr.String() != want {
			t.Errorf("%v: stderr = %q, want %q", args, te.stderr, want)
		}
	}
	release()
	if diff := cmp.Diff(before, tree(t, dir)); diff != "" {
		t.Errorf("the target changed (-before +after):\n%s", diff)
	}
	te := newTestEnv(t, "")
	if code := te.run([]string{"assemble", dir}); code != exitOK {
		t.Errorf("after the lock is released: exit %d: %s", code, te.stderr)
	}
}

// TestAssembleInterruptedWhileProbing cancels the context as Ctrl-C does:
// assemble stops before writing anything.
func TestAssembleInterruptedWhileProbing(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"go.mod": "module example.com/m\n\ngo 1.22\n"})
	before := tree(t, dir)
	te := newTestEnv(t, "")
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	te.env.ctx = ctx
	if code := te.run([]string{"assemble", dir}); code != exitFailure || !strings.Contains(te.stderr.String(), "interrupted; nothing was written") {
		t.Errorf("exit %d, stderr %q; want 1 and interrupted", code, te.stderr)
	}
	if diff := cmp.Diff(before, tree(t, dir)); diff != "" {
		t.Errorf("the target changed (-before +after):\n%s", diff)
	}
}
