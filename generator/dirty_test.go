package generator

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/google/go-cmp/cmp"
)

func TestDirty(t *testing.T) {
	if got, err := Dirty(t.TempDir(), map[string][]byte{"a": nil}); err != nil || len(got) != 0 {
		t.Errorf("outside a repository: %v, %v; want none", got, err)
	}
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"sub/clean":   "clean\n",
		"sub/changed": "v1\n",
		"sub/staged":  "v1\n",
		"sub/crlf":    "a\nb\n",
	})
	repo, err := git.PlainInit(root, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := repo.Worktree()
	if err := wt.AddGlob("."); err != nil {
		t.Fatal(err)
	}
	sig := &object.Signature{Name: "t", Email: "t@example.com", When: time.Unix(0, 0)}
	if _, err := wt.Commit("one", &git.CommitOptions{Author: sig}); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, root, map[string]string{"sub/changed": "v2\n", "sub/staged": "v2\n", "sub/new": "new\n"})
	if _, err := wt.Add("sub/staged"); err != nil {
		t.Fatal(err)
	}
	// Dirty is given the folder assembled (a sub-folder of the work tree) and
	// the contents as Plan read them.
	files := map[string][]byte{}
	for _, p := range []string{"clean", "changed", "staged", "new"} {
		files[p], _ = os.ReadFile(filepath.Join(root, "sub", p))
	}
	files["crlf"] = []byte("a\r\nb\r\n") // autocrlf: the index holds LF
	got, err := Dirty(filepath.Join(root, "sub"), files)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"changed": "changed and not committed", "staged": "staged and not committed", "new": "untracked"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Dirty (-want +got):\n%s", diff)
	}
}
