package cmd

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPackCommandExitCodes: lint problems and bad sources are usage errors
// (exit 2); a failing example is a failure (exit 1); a clean pack exits 0.
func TestPackCommandExitCodes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "team-go")
	te := newTestEnv(t, "")
	if code := te.run([]string{"pack", "new", dir, "--from", "go"}); code != 0 {
		t.Fatalf("pack new: exit %d\n%s", code, te.stderr)
	}
	for _, tt := range []struct {
		args []string
		want int
	}{
		{[]string{"pack", "lint", dir}, 0},
		{[]string{"pack", "test", dir}, 0},
		{[]string{"pack", "lint", filepath.Join(dir, "missing")}, 2},
		{[]string{"init", "x", "--pack", "https://host/r.git@", "--dry-run"}, 2},
		{[]string{"init", "x", "--pack", filepath.Join(dir, "missing"), "--dry-run"}, 2},
		{[]string{"init", "x", "--pack", filepath.Dir(dir), "--dry-run"}, 2}, // a folder with no pack.yaml
	} {
		if code := newTestEnv(t, "").run(tt.args); code != tt.want {
			t.Errorf("crane %v: exit %d, want %d", tt.args, code, tt.want)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "project", "x.md.tmpl"), []byte("{{ .Nope }}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := newTestEnv(t, "").run([]string{"pack", "lint", dir}); code != 2 {
		t.Errorf("pack lint with a problem: exit %d, want 2", code)
	}
	os.WriteFile(filepath.Join(dir, "project", "x.md.tmpl"), []byte("new file"), 0o644)
	if code := newTestEnv(t, "").run([]string{"pack", "test", dir}); code != 1 {
		t.Errorf("pack test with an unexpected file: exit %d, want 1", code)
	}
}
