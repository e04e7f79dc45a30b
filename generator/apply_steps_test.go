package generator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// applyFixture is a root holding crane's earlier build.sh (recorded in the
// lock), a user's .gitignore and a user's README, and a tree that creates
// files in new folders, updates build.sh and merges into .gitignore.
func applyFixture(t *testing.T) (string, *Plan) {
	t.Helper()
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"build.sh":   "old build\n",
		".gitignore": "bin/\r\n",
		"README.md":  "mine\n",
	})
	old := &Lock{Pack: "dotnet", Files: []LockFile{{Path: "build.sh", Policy: PolicyManaged, SHA256: Hash([]byte("old build\n"))}}}
	tree := Tree{
		{Path: ".gitignore", Data: []byte("bin/\nobj/\n"), Mode: 0o644, Policy: PolicyLines},
		{Path: "README.md", Data: []byte("crane's\n"), Mode: 0o644, Policy: PolicyManaged},
		{Path: "VERSION", Data: []byte("0.1.0\n"), Mode: 0o644, Policy: PolicySeed},
		{Path: "build.sh", Data: []byte("new build\n"), Mode: 0o755, Policy: PolicyManaged},
		{Path: "src/A/deep/A.nuspec", Data: []byte("<package/>\n"), Mode: 0o644, Policy: PolicyManaged},
	}
	plan, err := MakePlan(root, tree, old, Lock{Pack: "dotnet", PackVersion: "1.0.0"})
	if err != nil {
		t.Fatal(err)
	}
	return root, plan
}

func TestApplyRollsBackAnInjectedFailureAtEveryStep(t *testing.T) {
	_, probe := applyFixture(t)
	steps := probe.Writes()
	if steps != 5 { // .crane.yaml, .gitignore, VERSION, build.sh, A.nuspec
		t.Fatalf("plan writes %d files, want 5: %+v", steps, probe.Count())
	}
	for i := 0; i < steps; i++ {
		root, plan := applyFixture(t)
		before := snapshot(t, root)
		boom := errors.New("injected")
		_, err := Apply(context.Background(), plan, ApplyOptions{beforeStep: func(n int) error {
			if n == i {
				return boom
			}
			return nil
		}})
		if !errors.Is(err, boom) {
			t.Fatalf("step %d: err = %v, want the injected one", i, err)
		}
		if diff := cmp.Diff(before, snapshot(t, root)); diff != "" {
			t.Errorf("step %d: rollback left (-before +after):\n%s", i, diff)
		}
	}
}

func TestApplyThenPlanAgainWritesNothing(t *testing.T) {
	root, plan := applyFixture(t)
	if _, err := Apply(context.Background(), plan, ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, want := readFile(t, root, ".gitignore"), "bin/\r\n# >>> crane >>>\r\nobj/\r\n# <<< crane <<<\r\n"; got != want {
		t.Errorf(".gitignore = %q, want %q", got, want)
	}
	lock, err := ReadLock(root)
	if err != nil {
		t.Fatal(err)
	}
	var tree Tree
	for _, a := range plan.Actions {
		if a.Path != LockName {
			tree = append(tree, File{Path: a.Path, Data: a.Crane, Mode: 0o644, Policy: a.Policy})
		}
	}
	tree[3].Mode = 0o755
	again, err := MakePlan(root, tree, lock, Lock{Pack: "dotnet", PackVersion: "1.0.0"})
	if err != nil {
		t.Fatal(err)
	}
	if n := again.Writes(); n != 0 {
		t.Errorf("second plan writes %d files: %+v", n, again.Count())
	}
}

func readFile(t *testing.T, root, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
