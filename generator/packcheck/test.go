package packcheck

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/generator/packsrc"
)

// TestOptions are crane pack test's inputs.
type TestOptions struct {
	Update bool // rewrite the golden trees instead of comparing
	// RequireBuild makes a build check skipped for a tool not on PATH a
	// failure (CI, where the toolchain must be there).
	RequireBuild bool
	LookPath     func(file string) (string, error)                                    // exec.LookPath; tests pass their own
	Ctx          context.Context                                                      // stops a running build check
	Progress     func(format string, args ...any)                                     // optional: a line per step
	Run          func(ctx context.Context, dir string, argv []string) ([]byte, error) // runs a build check; nil: exec
	Facts        generator.Facts                                                      // zero: the package's Facts
}

// Result is one example's outcome: its problems (none: it passed) and
// whether its build check ran, or why not.
type Result struct {
	Name     string
	Problems []string
	Build    string // "", "passed, and failed with the break edit", or "skipped: ..."
}

// Facts are the fixed author and year pack test renders with, so golden
// trees do not depend on who runs the test or when.
var Facts = generator.Facts{Author: "Pack Test", Email: "pack-test@example.com", Year: 2026}

// ErrUpdateNeedsFolder is Test's refusal to rewrite the golden trees of a
// pack that is not in a folder (one from git, or a built-in one).
var ErrUpdateNeedsFolder = errors.New("pack test --update writes the golden trees into the pack's folder: give a folder (a clone of the pack's repository), not a git URL or a built-in pack's name")

var testNameRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Test renders each example the pack in dir declares (under tests; without
// any, one called "example" with the pack's example name), compares it with
// dir/testdata/NAME.txtar (or writes it, with Update), and runs its build
// check when the tools it needs are on PATH.
func Test(src generator.PackSource, dir string, opts TestOptions) ([]Result, error) {
	p, err := src.Load(dir)
	if err != nil {
		return nil, err
	}
	g := goldens{dir: dir}
	if s, err := packsrc.Parse(dir); err == nil && s.Kind != packsrc.Dir {
		if opts.Update {
			return nil, ErrUpdateNeedsFolder
		}
		if g.snap, _, err = src.Snapshot(dir); err != nil {
			return nil, err
		}
		g.dir = ""
	}
	tests := p.Tests
	if len(tests) == 0 {
		tests = []generator.PackTest{{Name: "example"}}
	}
	if opts.LookPath == nil {
		opts.LookPath = exec.LookPath
	}
	if opts.Ctx == nil {
		opts.Ctx = context.Background()
	}
	if opts.Run == nil {
		opts.Run = runCommand
	}
	seen := map[string]bool{}
	var results []Result
	for _, tc := range tests {
		r := Result{Name: tc.Name}
		switch {
		case !testNameRe.MatchString(tc.Name):
			r.Problems = append(r.Problems, fmt.Sprintf("test name %q must be lowercase letters, digits and dashes (it names testdata/NAME.txtar)", tc.Name))
		case seen[tc.Name]:
			r.Problems = append(r.Problems, "declared twice")
		default:
			r.Problems, r.Build = runTest(p, g, tc, opts)
		}
		seen[tc.Name] = true
		results = append(results, r)
	}
	return results, nil
}

func runTest(p *generator.Pack, g goldens, tc generator.PackTest, opts TestOptions) ([]string, string) {
	given := map[string]string{}
	for k, v := range tc.Values {
		given[k] = v
	}
	if _, ok := given["Name"]; !ok {
		if p.Example == "" {
			return []string{"no Name among its values, and the pack has no example name"}, ""
		}
		given["Name"] = p.Example
	}
	facts := opts.Facts
	if facts == (generator.Facts{}) {
		facts = Facts
	}
	vals, err := generator.Resolve(p, given, facts, nil)
	if err != nil {
		return []string{err.Error()}, ""
	}
	tree, err := generator.Render(p, vals, generator.ComponentProject, generator.ComponentBuild)
	if err != nil {
		return []string{err.Error()}, ""
	}
	got := treeFiles(tree)
	var problems []string
	if opts.Update {
		if err := writeGolden(filepath.Join(g.dir, "testdata", tc.Name+".txtar"), tc, got); err != nil {
			return []string{err.Error()}, ""
		}
	} else {
		problems = g.compare(tc.Name, got)
	}
	if tc.Build == nil {
		return problems, ""
	}
	build, more := runBuild(tree, tc, opts)
	return append(problems, more...), build
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// runCommand runs argv in dir and returns its combined output.
func runCommand(ctx context.Context, dir string, argv []string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.Bytes(), err
}
