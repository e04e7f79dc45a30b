package generator

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// killed is what the fault hook panics with to stop Apply dead, as SIGKILL
// would: no deferred rollback runs (Apply rolls back only on an error).
type killed struct{}

// crashAt applies p and kills it after its n-th file-system change; it
// reports whether Apply finished before reaching n.
func crashAt(t *testing.T, p *Plan, n int) (finished bool) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(killed); !ok {
				panic(r)
			}
		}
	}()
	_, err := Apply(context.Background(), p, ApplyOptions{Fault: func(op int) {
		if op == n {
			panic(killed{})
		}
	}})
	if err != nil {
		t.Fatalf("kill at %d: Apply failed before the kill: %v", n, err)
	}
	return true
}

// crashFixture is a target and the plan for it: dir is what to snapshot
// (the target's parent for a new project, so that a staging folder beside
// it shows), replan plans the same change again from what is on the disk.
type crashFixture struct {
	name  string
	setup func(t *testing.T) (dir, root string, replan func() *Plan)
}

var crashFixtures = []crashFixture{
	{"assemble into an existing folder", func(t *testing.T) (string, string, func() *Plan) {
		root, _ := applyFixture(t)
		return root, root, func() *Plan {
			lock, err := ReadLock(root)
			if err != nil {
				t.Fatal(err)
			}
			if lock == nil {
				lock = &Lock{Pack: "dotnet", Files: []LockFile{{Path: "build.sh", Policy: PolicyManaged, SHA256: Hash([]byte("old build\n"))}}}
			}
			p, err := MakePlan(root, crashTree(), lock, Lock{Pack: "dotnet", PackVersion: "1.0.0"})
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
	}},
	{"init of a new folder", func(t *testing.T) (string, string, func() *Plan) {
		dir := t.TempDir()
		root := filepath.Join(dir, "new")
		return dir, root, func() *Plan {
			p, err := MakePlan(root, sampleTree(), nil, Lock{Pack: "mini", PackVersion: "1.0.0"})
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
	}},
}

// crashTree is applyFixture's tree.
func crashTree() Tree {
	return Tree{
		{Path: ".gitignore", Data: []byte("bin/\nobj/\n"), Mode: 0o644, Policy: PolicyLines},
		{Path: "README.md", Data: []byte("crane's\n"), Mode: 0o644, Policy: PolicyManaged},
		{Path: "VERSION", Data: []byte("0.1.0\n"), Mode: 0o644, Policy: PolicySeed},
		{Path: "build.sh", Data: []byte("new build\n"), Mode: 0o755, Policy: PolicyManaged},
		{Path: "src/A/deep/A.nuspec", Data: []byte("<package/>\n"), Mode: 0o644, Policy: PolicyManaged},
	}
}

// TestApplySurvivesAKillAfterEveryOperation kills Apply after its n-th
// file-system change, for every n, then runs Recover as the next crane run
// does: the target must be exactly as before or exactly as after, with no
// staging file left (the user's lines are in both states). Applying the
// plan again then reaches the after-state.
func TestApplySurvivesAKillAfterEveryOperation(t *testing.T) {
	for _, fx := range crashFixtures {
		t.Run(fx.name, func(t *testing.T) {
			dir, _, replan := fx.setup(t)
			if _, err := Apply(context.Background(), replan(), ApplyOptions{}); err != nil {
				t.Fatal(err)
			}
			after := snapshot(t, dir)
			trials, back, forward := 0, 0, 0
			for n := 1; ; n++ {
				dir, root, replan := fx.setup(t)
				before := snapshot(t, dir)
				if crashAt(t, replan(), n) {
					break
				}
				trials++
				if _, err := Recover(root); err != nil {
					t.Fatalf("kill at %d: Recover: %v", n, err)
				}
				got := snapshot(t, dir)
				switch {
				case cmp.Equal(got, before):
					back++
				case cmp.Equal(got, after):
					forward++
				default:
					t.Fatalf("kill at %d: neither the before nor the after state (-before +got):\n%s", n, cmp.Diff(before, got))
				}
				for name := range got {
					if strings.Contains(name, stagePrefix) {
						t.Errorf("kill at %d: left %s", n, name)
					}
				}
				if _, err := Apply(context.Background(), replan(), ApplyOptions{}); err != nil {
					t.Fatalf("kill at %d: applying again: %v", n, err)
				}
				if diff := cmp.Diff(after, snapshot(t, dir)); diff != "" {
					t.Fatalf("kill at %d: applying again (-want +got):\n%s", n, diff)
				}
			}
			if trials < 10 || back == 0 {
				t.Fatalf("only %d kill points (%d before, %d after): the fault hook is not reached", trials, back, forward)
			}
			t.Logf("%d kill points: %d ended in the before-state, %d in the after-state", trials, back, forward)
		})
	}
}
