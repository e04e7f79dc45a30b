package generator

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestApplyErrorsNameTheUsersFile checks that a failure to write names the
// file the user knows, never the staging file, and says what to do.
func TestApplyErrorsNameTheUsersFile(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "src/.crane-stage-3", Err: syscall.ENAMETOOLONG}, "writing src/x.go: a file name is too long for this file system; choose shorter values"},
		{&os.LinkError{Op: "link", Old: ".crane-stage-0", New: "VERSION", Err: syscall.EEXIST}, "writing src/x.go: a file appeared there since crane planned; run again"},
		{&fs.PathError{Op: "openat", Path: ".crane-stage-1", Err: errors.New("path escapes from parent")}, "writing src/x.go: path escapes from parent; fix it and run again"},
	}
	for _, tt := range tests {
		err := fileError("src/x.go", tt.err)
		if err.Error() != tt.want {
			t.Errorf("fileError(%v) = %q, want %q", tt.err, err, tt.want)
		}
		if !errors.Is(err, tt.err) {
			t.Errorf("fileError(%v) does not wrap it", tt.err)
		}
	}

	root := t.TempDir()
	p, err := MakePlan(root, sampleTree(), nil, Lock{})
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, root, map[string]string{"src/App/Code.cs": "raced"})
	_, err = Apply(t.Context(), p, ApplyOptions{})
	if err == nil || err.Error() != "writing src/App/Code.cs: a file appeared there since crane planned; run again" || strings.Contains(err.Error(), stagePrefix) {
		t.Errorf("Apply = %v; want the raced file named", err)
	}
	if data, _ := os.ReadFile(filepath.Join(root, "src/App/Code.cs")); string(data) != "raced" {
		t.Errorf("the raced file was changed: %q", data)
	}
}

// TestApplyNeverWritesThroughASwappedFolder swaps a folder of the target for
// a symlink to a folder outside after the plan was made, as a racing
// process would: Apply writes nothing outside and leaves the target as it
// was.
func TestApplyNeverWritesThroughASwappedFolder(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	writeFiles(t, root, map[string]string{"src/App/.keep": ""})
	p, err := MakePlan(root, sampleTree(), nil, Lock{})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(root, "src")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "src")); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, root)
	if _, err := Apply(t.Context(), p, ApplyOptions{}); err == nil || !strings.Contains(err.Error(), "src is a symlink; crane never writes through one") {
		t.Errorf("Apply = %v, want a refusal of the symlink", err)
	}
	if got := snapshot(t, outside); len(got) != 1 { // only the folder itself
		t.Errorf("wrote outside the target: %v", got)
	}
	if diff := cmp.Diff(before, snapshot(t, root)); diff != "" {
		t.Errorf("the target changed (-before +after):\n%s", diff)
	}

	// Past the checks, the opened root refuses a path that leaves it.
	r, err := os.OpenRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := newFSOps(r, nil, nil).write("src/x", []byte("x"), 0o644); err == nil {
		t.Error("a write through src, a symlink out of the root, succeeded")
	}
	if got := snapshot(t, outside); len(got) != 1 {
		t.Errorf("wrote outside the target: %v", got)
	}
}

// TestRecoverLeavesARunningInitAlone checks that the staging folder of an
// init in progress (its lock held) is not taken for a leftover.
func TestRecoverLeavesARunningInitAlone(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("LockTarget is a no-op without flock")
	}
	root := filepath.Join(t.TempDir(), "new")
	stage := newStageDir(root)
	writeFiles(t, stage, map[string]string{"build.sh": "x"})
	release, err := LockTarget(stage)
	if err != nil {
		t.Fatal(err)
	}
	var busy *BusyError
	if _, err := Recover(root); !errors.As(err, &busy) {
		t.Errorf("Recover = %v, want a *BusyError", err)
	}
	if _, err := os.Stat(filepath.Join(stage, "build.sh")); err != nil {
		t.Errorf("the running init's staging folder was touched: %v", err)
	}
	release()
	notes, err := Recover(root)
	if err != nil || len(notes) != 1 || !strings.Contains(notes[0], "what an interrupted crane init of") {
		t.Errorf("Recover = %q, %v; want the leftover removed and said", notes, err)
	}
	if _, err := os.Stat(stage); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the leftover is still there: %v", err)
	}
}
