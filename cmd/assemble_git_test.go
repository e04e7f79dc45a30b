package cmd

import (
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// gitState is what the real git says of a fixture repository before crane
// runs: per tracked file, its `git ls-files --eol` line (index and work tree
// line endings, and the attributes git applies).
type gitState struct {
	eol map[string]string
}

// gitEnv is a hermetic environment for the real git: no user or system
// config, a fixed author and date, and local submodule clones allowed.
func gitEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") {
			env = append(env, kv)
		}
	}
	return append(env,
		"GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_AUTHOR_DATE=2020-01-01T00:00:00Z",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_COMMITTER_DATE=2020-01-01T00:00:00Z",
		"GIT_CONFIG_COUNT=1", "GIT_CONFIG_KEY_0=protocol.file.allow", "GIT_CONFIG_VALUE_0=always")
}

// gitCmd runs the real git in dir and returns its output; a failure fails
// the test.
func gitCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = dir, gitEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return string(out)
}

// setUpGit runs the fixture's git commands in root (which make it a
// repository, a worktree, a sparse checkout...) and records what git says
// of the folder to assemble. It skips the test when git is not installed.
func setUpGit(t *testing.T, root string, c assembleCase) *gitState {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: this fixture is made, and checked, with the real git")
	}
	for _, args := range c.git {
		gitCmd(t, root, args...)
	}
	target := filepath.Join(root, filepath.FromSlash(c.dir))
	if out := renormalized(t, target); out != "" {
		t.Fatalf("the fixture is not clean before crane runs (git status after git add --renormalize):\n%s", out)
	}
	return &gitState{eol: lsEOL(t, target)}
}

// lsEOL is `git ls-files --eol` by path.
func lsEOL(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, line := range strings.Split(gitCmd(t, dir, "ls-files", "--eol"), "\n") {
		if meta, p, ok := strings.Cut(line, "\t"); ok {
			out[p] = strings.Join(strings.Fields(meta), " ")
		}
	}
	return out
}

// renormalized runs `git add --renormalize .` and returns `git status
// --porcelain`: empty when no file changed meaning.
func renormalized(t *testing.T, dir string) string {
	t.Helper()
	gitCmd(t, dir, "add", "--renormalize", ".")
	return gitCmd(t, dir, "status", "--porcelain", "--untracked-files=no")
}

// assertGitMeaningKept proves with the real git that assemble changed
// nothing git says of the user's files: every tracked file keeps its line
// endings and attributes, after committing crane's files
// `git add --renormalize .` changes no file, no tracked file is ignored, and
// the workflow runs on the fixture's default branch.
func assertGitMeaningKept(t *testing.T, dir string, c assembleCase, before *gitState) {
	t.Helper()
	after := lsEOL(t, dir)
	for p, was := range before.eol {
		if after[p] != was {
			t.Errorf("git treats %s differently after assemble: %q, was %q", p, after[p], was)
		}
	}
	gitCmd(t, dir, "add", "-A", "--sparse") // --sparse: crane's files outside a sparse checkout's set too
	gitCmd(t, dir, "commit", "-q", "-m", "crane assemble")
	if out := renormalized(t, dir); out != "" {
		t.Errorf("git add --renormalize . changed files after assemble:\n%s", out)
	}
	if out := gitCmd(t, dir, "ls-files", "--cached", "--ignored", "--exclude-standard"); out != "" {
		t.Errorf("tracked files are ignored after assemble:\n%s", out)
	}
	if c.branch != "" {
		wf, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "build.yml"))
		if want := "branches: [" + c.branch + "]"; err != nil || !strings.Contains(string(wf), want) {
			t.Errorf("the workflow does not run on %s (%v):\n%s", c.branch, err, wf)
		}
	}
}

// assertNoCaseTwins checks that no file assemble created has the name of a
// file that was there, in another case: on Windows and macOS they would be
// one file.
func assertNoCaseTwins(t *testing.T, before, after map[string]fileState) {
	t.Helper()
	var twins []string
	for p := range after {
		if _, ok := before[p]; ok {
			continue
		}
		for q := range before {
			if path.Dir(p) == path.Dir(q) && strings.EqualFold(path.Base(p), path.Base(q)) {
				twins = append(twins, p+" beside "+q)
			}
		}
	}
	if diff := cmp.Diff([]string(nil), twins); diff != "" {
		t.Errorf("assemble created files that collide by case (-want +got):\n%s", diff)
	}
}
