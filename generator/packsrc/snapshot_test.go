package packsrc

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReadDirThroughSymlink: a pack folder given through a symlink (a
// ~/packs link to a mounted drive) is read where it points, as the
// folder it names; a symlink inside the pack is still refused.
func TestReadDirThroughSymlink(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real")
	if err := os.MkdirAll(filepath.Join(real, "project"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(real, "pack.yaml"), []byte("name: real\n"), 0o644)
	os.WriteFile(filepath.Join(real, "project", "a.txt"), []byte("a\n"), 0o644)
	link := filepath.Join(base, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	snap, err := ReadDir(link, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(snap.Files["pack.yaml"]) + string(snap.Files["project/a.txt"]); got != "name: real\na\n" || len(snap.Files) != 2 {
		t.Errorf("read through the link: %v, want pack.yaml and project/a.txt", snap.Files)
	}
	if err := os.Symlink("a.txt", filepath.Join(real, "project", "b.txt")); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadDir(link, DefaultLimits); err == nil {
		t.Error("a symlink inside the pack: read, want refused")
	}
}
