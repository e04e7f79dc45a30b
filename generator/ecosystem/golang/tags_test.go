package golang

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// gitRepo makes a real git repository in a temporary folder with one commit
// and the given tags (annotated when the name ends in "!"), packing the refs
// when pack is set, and returns its root.
func gitRepo(t *testing.T, pack bool, tags ...string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q", "-b", "main")
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run("add", ".")
	run("commit", "-q", "-m", "first")
	for _, tag := range tags {
		if name, annotated := strings.CutSuffix(tag, "!"); annotated {
			run("tag", "-a", "-m", "release", name)
		} else {
			run("tag", tag)
		}
	}
	if pack {
		run("pack-refs", "--all")
	}
	return dir
}

func TestLatestTag(t *testing.T) {
	tags := []string{"v1.9.0", "v2.10.1!", "v2.9.9", "v3.0.0-rc.1", "v3.11.0!", "v3.2.0", "v10.0.0", "release-4", "v3.12", "sub/v3.20.0", "sub/v1.5.0"}
	for _, tt := range []struct {
		name, module, sub string
		pack              bool
		want              string
	}{
		{"a v3 module takes the highest v3 release", "github.com/acme/cli/v3", "", false, "v3.11.0"},
		{"packed refs", "github.com/acme/cli/v3", "", true, "v3.11.0"},
		{"a v2 module", "github.com/acme/cli/v2", "", false, "v2.10.1"},
		{"no major suffix takes v0 and v1", "github.com/acme/cli", "", false, "v1.9.0"},
		{"gopkg.in", "gopkg.in/acme.v10", "", false, "v10.0.0"},
		{"no tag of that major", "github.com/acme/cli/v4", "", false, ""},
		{"a module in a subfolder takes its prefixed tags", "github.com/acme/cli/sub/v3", "sub", false, "v3.20.0"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := gitRepo(t, tt.pack, tags...)
			root := filepath.Join(dir, tt.sub)
			if err := os.MkdirAll(root, 0o755); err != nil {
				t.Fatal(err)
			}
			got, err := LatestTag(root, tt.module)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("LatestTag (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLatestTagOutsideGit(t *testing.T) {
	got, err := LatestTag(t.TempDir(), "example.com/x/v3")
	if got != "" || err != nil {
		t.Errorf("LatestTag outside a repository = %q, %v; want \"\", nil", got, err)
	}
}

// TestLatestTagLinkedWorkTree reads the tags of a `git worktree add`
// checkout, whose .git file points into the main repository and whose refs
// live in the folder the work trees share.
func TestLatestTagLinkedWorkTree(t *testing.T) {
	dir := gitRepo(t, true, "v3.1.0", "v3.4.0!")
	linked := filepath.Join(t.TempDir(), "linked")
	cmd := exec.Command("git", "worktree", "add", "-q", "--detach", linked)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git worktree add: %v\n%s", err, out)
	}
	got, err := LatestTag(linked, "github.com/acme/cli/v3")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("v3.4.0", got); diff != "" {
		t.Errorf("LatestTag (-want +got):\n%s", diff)
	}
}
