package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// realGit runs the real git in dir with no user or system config.
func realGit(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// TestGitRepoLayouts reads repositories laid out as the real git makes them:
// what is tracked, the default branch, and that a committed file is not
// dirty (a linked worktree once gave "staged and not committed").
func TestGitRepoLayouts(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: these repositories are made with the real git")
	}
	for _, tt := range []struct {
		name   string
		setup  []string // git commands after the first commit, in the repository
		dir    string   // the folder read, from the repository
		branch string
		from   string
	}{
		{name: "plain", dir: ".", branch: "trunk", from: "the branch checked out"},
		{name: "worktree", setup: []string{"worktree add -q -b topic ../wt"}, dir: "../wt", branch: "trunk", from: "the branch checked out"},
		{name: "sparse", setup: []string{"sparse-checkout set src"}, dir: ".", branch: "trunk", from: "the branch checked out"},
		{name: "sparse index", setup: []string{"sparse-checkout set --sparse-index src"}, dir: ".", branch: "trunk", from: "the branch checked out"},
		{name: "origin HEAD", setup: []string{
			"remote add origin https://example.invalid/x.git", "update-ref refs/remotes/origin/dev HEAD",
			"symbolic-ref refs/remotes/origin/HEAD refs/remotes/origin/dev", "checkout -q -b topic",
		}, dir: ".", branch: "dev", from: "origin/HEAD"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			top := t.TempDir()
			repo := filepath.Join(top, "repo")
			writeFiles(t, repo, map[string]string{".gitignore": "*.log\n", "src/a.txt": "a\n", "docs/b.txt": "b\n"})
			realGit(t, repo, "init", "-q", "-b", "trunk")
			realGit(t, repo, "add", "-A")
			realGit(t, repo, "commit", "-q", "-m", "one")
			for _, s := range tt.setup {
				realGit(t, repo, strings.Fields(s)...)
			}
			dir := filepath.Join(repo, tt.dir)
			r, err := OpenGitRepo(dir)
			if err != nil || r == nil {
				t.Fatalf("OpenGitRepo: %v, %v", r, err)
			}
			tracked, err := r.Tracked(dir)
			if diff := cmp.Diff([]string{".gitignore", "docs/b.txt", "src/a.txt"}, tracked); err != nil || diff != "" {
				t.Errorf("Tracked: %v (-want +got):\n%s", err, diff)
			}
			if b, from := r.DefaultBranch(); b != tt.branch || from != tt.from {
				t.Errorf("DefaultBranch = %q, %q; want %q, %q", b, from, tt.branch, tt.from)
			}
			dirty, err := r.Dirty(dir, map[string][]byte{".gitignore": []byte("*.log\n"), "new": []byte("x")})
			if diff := cmp.Diff(map[string]string{"new": "untracked"}, dirty); err != nil || diff != "" {
				t.Errorf("Dirty: %v (-want +got):\n%s", err, diff)
			}
		})
	}
}

func TestOpenGitRepoOutsideAndBroken(t *testing.T) {
	if r, err := OpenGitRepo(t.TempDir()); r != nil || err != nil {
		t.Errorf("outside a repository: %v, %v; want nil, nil", r, err)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{".git": "gitdir: ../gone\n"})
	if _, err := OpenGitRepo(dir); err == nil || !strings.Contains(err.Error(), "not a git folder; repair the pointer") {
		t.Errorf("a dangling .git file: %v", err)
	}
}
