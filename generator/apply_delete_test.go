package generator

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestApplyDelete checks a KindDelete removes its file and the folders it
// leaves empty (not the root, not a folder that still holds something), and
// that a failure puts the file back.
func TestApplyDelete(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"a/b/gone.txt": "x\n", "a/keep.txt": "k\n", "c/d/gone.txt": "y\n"})
	p := &Plan{Root: root, Actions: []Action{
		{Kind: KindDelete, Path: "a/b/gone.txt"},
		{Kind: KindDelete, Path: "c/d/gone.txt"},
	}}
	if _, err := Apply(context.Background(), p, ApplyOptions{Finish: func(string) error { return os.ErrPermission }}); err == nil {
		t.Fatal("Apply with a failing Finish succeeded")
	}
	if _, err := os.Stat(filepath.Join(root, "a/b/gone.txt")); err != nil {
		t.Errorf("after a failure the deleted file is not back: %v", err)
	}
	t.Chdir(root) // a relative root, as crane update . gives
	p.Root = "."
	n, err := Apply(context.Background(), p, ApplyOptions{})
	if err != nil || n != 2 {
		t.Fatalf("Apply: %d, %v", n, err)
	}
	for _, gone := range []string{"a/b", "c"} {
		if _, err := os.Stat(filepath.Join(root, gone)); !os.IsNotExist(err) {
			t.Errorf("%s is still there: %v", gone, err)
		}
	}
	for _, kept := range []string{"a/keep.txt", "."} {
		if _, err := os.Stat(filepath.Join(root, kept)); err != nil {
			t.Errorf("%s is gone: %v", kept, err)
		}
	}
}
