package generator

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/google/go-cmp/cmp"
)

// TestInitWritesWhatGoGitWrites: GoGit.Init, which no longer links go-git's
// top-level package, writes the same .git as go-git's PlainInit on branch
// main, and refuses an existing repository in its words.
func TestInitWritesWhatGoGitWrites(t *testing.T) {
	want, got := t.TempDir(), t.TempDir()
	if _, err := git.PlainInitWithOptions(want, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")},
	}); err != nil {
		t.Fatal(err)
	}
	if err := (GoGit{}).Init(got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(dotGit(t, want), dotGit(t, got)); diff != "" {
		t.Errorf(".git (-PlainInit +Init):\n%s", diff)
	}
	_, wantErr := git.PlainInit(want, false)
	if err := (GoGit{}).Init(got); err == nil || err.Error() != wantErr.Error() {
		t.Errorf("Init of an existing repository: %v; want %v", err, wantErr)
	}
	if _, err := exec.LookPath("git"); err == nil {
		realGit(t, got, "status") // the real git reads it
	}
}

// dotGit lists dir/.git: each path with its mode and, for a file, contents.
func dotGit(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	root := filepath.Join(dir, ".git")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = info.Mode().String()
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[filepath.ToSlash(rel)] += " " + string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestTreeFileAgreesWithGoGit: HEAD's files, read from raw tree objects,
// are what go-git's Tree.File finds: files, executables and symlinks by
// their blob; folders, submodules and absent paths not at all.
func TestTreeFileAgreesWithGoGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: the repository is made with the real git")
	}
	repo := t.TempDir()
	writeFiles(t, repo, map[string]string{"a.txt": "a\n", "src/b/c.txt": "c\n", "src/b.txt": "b\n", "run.sh": "#!/bin/sh\n"})
	if err := os.Chmod(filepath.Join(repo, "run.sh"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.txt", filepath.Join(repo, "link")); err != nil {
		t.Fatal(err)
	}
	realGit(t, repo, "init", "-q", "-b", "main")
	realGit(t, repo, "add", "-A")
	realGit(t, repo, "update-index", "--add", "--cacheinfo", "160000,1111111111111111111111111111111111111111,sub")
	realGit(t, repo, "commit", "-q", "-m", "one")
	r, err := OpenGitRepo(repo)
	if err != nil || r == nil || r.head == nil {
		t.Fatalf("OpenGitRepo: %v, %v", r, err)
	}
	gr, err := git.PlainOpen(repo)
	if err != nil {
		t.Fatal(err)
	}
	head, _ := gr.Head()
	c, _ := gr.CommitObject(head.Hash())
	tree, err := c.Tree()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"a.txt", "src/b/c.txt", "src/b.txt", "run.sh", "link", "sub", "src", "src/b", "src/x", "nope", "a.txt/x", "src/b/c.txt/d"} {
		var want plumbing.Hash
		if f, err := tree.File(p); err == nil {
			want = f.Hash
		}
		got, ok := treeFile(r.store, *r.head, p)
		if got != want || ok != !want.IsZero() {
			t.Errorf("%s: treeFile = %v, %v; Tree.File gives %v", p, got, ok, want)
		}
	}
}
