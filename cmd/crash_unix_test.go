//go:build unix

package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/internal/fixture"
	"github.com/ewilde/crane/templates"
)

// killAtEnv makes the test binary, re-executed by TestCrashKilledProcess,
// run crane with its arguments and SIGKILL itself after its n-th
// file-system change.
const killAtEnv = "CRANE_TEST_KILL_AT"

func init() {
	n, err := strconv.Atoi(os.Getenv(killAtEnv))
	if err != nil {
		return
	}
	e := newEnv(context.Background(), generator.NewPackSource(templates.Packs()).WithKept(templates.Kept()), os.Stdin, os.Stdout, os.Stderr)
	e.fault = func(op int) {
		if op == n {
			_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // the signal is on its way
		}
	}
	os.Exit(e.run(os.Args[1:]))
}

// crashCase is one crane command run, killed, recovered and run again.
type crashCase struct {
	name    string
	fixture func(t *testing.T, parent string) // writes the before-state
	args    func(parent string) []string
	// again is the command that finishes the job after a kill; nil means
	// args. Its failure is accepted when the target is already complete
	// (init refuses a folder that is not empty).
	againMayFail bool
}

var crashCases = []crashCase{
	{
		name:    "init",
		fixture: func(*testing.T, string) {},
		args: func(parent string) []string {
			return []string{"init", "github.com/acme/widget", "--pack", "go", "--no-git", "--dir", filepath.Join(parent, "widget")}
		},
		againMayFail: true,
	},
	{
		name: "assemble",
		fixture: func(t *testing.T, parent string) {
			writeTree(t, filepath.Join(parent, "widget"), map[string]string{
				"go.mod":             "module github.com/acme/widget\n\ngo 1.22\n",
				"cmd/widget/main.go": "package main\n\nfunc main() {}\n",
				".gitignore":         "# mine\n/secrets/\n*.log\n",
				"README.md":          "widget\n",
			})
		},
		args: func(parent string) []string {
			return []string{"assemble", filepath.Join(parent, "widget"), "--allow-dirty"}
		},
	},
}

// TestCrashKilledProcess runs crane init and crane assemble as child
// processes killed with SIGKILL after their n-th file-system change, for
// every n; then runs crane status (any command recovers first) and checks
// that the folder is exactly as before or exactly as after, with no staging
// file anywhere; then runs the command again and checks the after-state.
func TestCrashKilledProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("kills crane at every file-system change: slow")
	}
	for _, tc := range crashCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			home := t.TempDir()
			parent := t.TempDir()
			tc.fixture(t, parent)
			if out, err := crane(home, 0, tc.args(parent)...); err != nil {
				t.Fatalf("crane %v: %v\n%s", tc.args(parent), err, out)
			}
			after := tree(t, parent)
			trials, back, forward := 0, 0, 0
			for n := 1; ; n++ {
				parent := t.TempDir()
				tc.fixture(t, parent)
				before := tree(t, parent)
				out, err := crane(home, n, tc.args(parent)...)
				if err == nil {
					if diff := cmp.Diff(after, tree(t, parent)); diff != "" {
						t.Fatalf("crane %v finished but (-want +got):\n%s", tc.args(parent), diff)
					}
					break
				}
				if !killed(err) {
					t.Fatalf("kill at %d: crane failed on its own: %v\n%s", n, err, out)
				}
				trials++
				if checkRecovered(t, tc, home, parent, before, after, fmt.Sprint("kill at ", n)) {
					back++
				} else {
					forward++
				}
			}
			if trials < 20 || back == 0 || forward == 0 {
				t.Fatalf("%d kill points (%d before, %d after): the kill is not reached", trials, back, forward)
			}
			t.Logf("%d kill points: %d ended in the before-state, %d in the after-state", trials, back, forward)
		})
	}
}

func killed(err error) bool {
	var exit *exec.ExitError
	return errors.As(err, &exit) && exit.Sys().(syscall.WaitStatus).Signal() == syscall.SIGKILL
}

// checkRecovered runs crane status in parent's target after a kill and
// checks that parent is exactly before or after (reporting which: true for
// before) with no staging file, then runs the command again and checks the
// after-state.
func checkRecovered(t *testing.T, tc crashCase, home, parent string, before, after map[string]string, trial string) (wasBefore bool) {
	t.Helper()
	out, _ := crane(home, 0, "status", filepath.Join(parent, "widget"))
	got := tree(t, parent)
	switch {
	case cmp.Equal(before, got):
		wasBefore = true
	case cmp.Equal(after, got):
	default:
		t.Fatalf("%s, then crane status: neither the before nor the after state (-before +got):\n%s\n%s", trial, cmp.Diff(before, got), out)
	}
	for name := range got {
		if strings.Contains(name, ".crane-stage") {
			t.Fatalf("%s: crane status left %s", trial, name)
		}
	}
	if out, err := crane(home, 0, tc.args(parent)...); err != nil && !(tc.againMayFail && cmp.Equal(after, got)) {
		t.Fatalf("%s: running again: %v\n%s", trial, err, out)
	}
	if diff := cmp.Diff(after, tree(t, parent)); diff != "" {
		t.Fatalf("%s: running again (-want +got):\n%s", trial, diff)
	}
	return wasBefore
}

// crane runs the test binary as crane with args, killed after its n-th
// file-system change (0: never).
func crane(home string, n int, args ...string) (string, error) {
	return craneUnder(nil, home, n, args...)
}

// craneUnder is crane run by the command prefix (strace and its options).
func craneUnder(prefix []string, home string, n int, args ...string) (string, error) {
	argv := append(append(slices.Clone(prefix), os.Args[0]), args...)
	c := exec.Command(argv[0], argv[1:]...)
	c.Env = append(os.Environ(), "HOME="+home, "USER=tester", "GIT_CONFIG_NOSYSTEM=1", killAtEnv+"="+strconv.Itoa(n))
	if n == 0 {
		c.Env[len(c.Env)-1] = killAtEnv + "=-1"
	}
	out, err := c.CombinedOutput()
	return string(out), err
}

// tree lists every entry under dir with its mode and bytes.
func tree(t *testing.T, dir string) map[string]string { return fixture.Snapshot(t, dir) }

func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// straceSyscalls are the system calls that change files, each one a kill
// point for TestCrashStrace.
var straceSyscalls = []string{"openat", "write", "fchmod", "fsync", "mkdirat", "linkat", "renameat", "unlinkat"}

// TestCrashStrace kills crane with strace's fault injection at the n-th
// call of each file-changing system call, for every n: this kills inside
// what the Apply hook counts as one step (between the open and the write of
// a file, say). Every trial must end as TestCrashKilledProcess's do.
func TestCrashStrace(t *testing.T) {
	if testing.Short() {
		t.Skip("kills crane at every file-changing system call: slow")
	}
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed (apt-get install strace); the re-executed kill test covers the same ground at the hook's granularity")
	}
	if out, err := exec.Command(strace, "-qq", "-o", "/dev/null", "true").CombinedOutput(); err != nil {
		t.Skipf("strace cannot trace here (no ptrace?): %v\n%s", err, out)
	}
	for _, tc := range crashCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			home := t.TempDir()
			parent := t.TempDir()
			tc.fixture(t, parent)
			if out, err := crane(home, 0, tc.args(parent)...); err != nil {
				t.Fatalf("crane %v: %v\n%s", tc.args(parent), err, out)
			}
			after := tree(t, parent)
			trials, back := 0, 0
			for _, sc := range straceSyscalls {
				for n := 1; ; n++ {
					parent := t.TempDir()
					tc.fixture(t, parent)
					before := tree(t, parent)
					prefix := []string{strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=" + sc, "-e", fmt.Sprintf("inject=%s:signal=KILL:when=%d", sc, n)}
					out, err := craneUnder(prefix, home, 0, tc.args(parent)...)
					if err == nil {
						break // fewer than n calls
					}
					if !killed(err) {
						t.Fatalf("%s #%d: crane failed on its own: %v\n%s", sc, n, err, out)
					}
					trials++
					if checkRecovered(t, tc, home, parent, before, after, fmt.Sprintf("kill at %s #%d", sc, n)) {
						back++
					}
				}
			}
			if trials < 20 || back == 0 || back == trials {
				t.Fatalf("%d kill points (%d before): strace's kills are not reached", trials, back)
			}
			t.Logf("%d kill points under strace: %d ended in the before-state, %d in the after-state", trials, back, trials-back)
		})
	}
}
