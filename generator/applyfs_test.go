package generator

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
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
