package packcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ewilde/crane/generator"
)

// runBuild writes the rendered example into a temporary folder and runs its
// build check there: the command must pass, and, after the break edit, fail.
func runBuild(tree generator.Tree, tc generator.PackTest, opts TestOptions) (string, []string) {
	b := tc.Build
	if len(b.Run) == 0 {
		return "", []string{"build: run is empty; give the command and its arguments, e.g. [./build.sh, test]"}
	}
	var missing []string
	for _, tool := range b.Needs {
		if _, err := opts.LookPath(tool); err != nil {
			missing = append(missing, tool)
		}
	}
	if len(missing) > 0 {
		skipped := fmt.Sprintf("skipped: %s not on PATH", strings.Join(missing, ", "))
		if opts.RequireBuild {
			return skipped, []string{fmt.Sprintf("build: %s is not on PATH, and --require-build asks for every build check to run; install it, or drop --require-build to skip the check", strings.Join(missing, ", "))}
		}
		return skipped, nil
	}
	dir, err := os.MkdirTemp("", "crane-pack-test-")
	if err != nil {
		return "", []string{fmt.Sprintf("build: cannot make a folder to build in: %v", err)}
	}
	defer os.RemoveAll(dir)
	if err := writeTree(dir, tree); err != nil {
		return "", []string{fmt.Sprintf("build: cannot write the example: %v", err)}
	}
	progress(opts, "%s: running %s", tc.Name, strings.Join(b.Run, " "))
	if out, err := opts.Run(opts.Ctx, dir, b.Run); err != nil {
		return "failed", []string{fmt.Sprintf("build: %s failed (%v):\n%s", strings.Join(b.Run, " "), err, tail(out, 30))}
	}
	if b.Break == nil {
		return "passed (no break edit declared: nothing proves its tests can fail)", nil
	}
	target := filepath.Join(dir, filepath.FromSlash(b.Break.Path))
	data, err := os.ReadFile(target)
	if err != nil || !strings.Contains(string(data), b.Break.Find) || b.Break.Find == "" {
		return "passed", []string{fmt.Sprintf("build: break: %s has no %q to replace; fix the break edit", b.Break.Path, b.Break.Find)}
	}
	if err := os.WriteFile(target, []byte(strings.Replace(string(data), b.Break.Find, b.Break.Replace, 1)), 0o644); err != nil {
		return "passed", []string{fmt.Sprintf("build: break: %v", err)}
	}
	progress(opts, "%s: running %s with the break edit to %s", tc.Name, strings.Join(b.Run, " "), b.Break.Path)
	if _, err := opts.Run(opts.Ctx, dir, b.Run); err == nil {
		return "passed, and passed with the break edit", []string{fmt.Sprintf("build: %s still passes after the break edit to %s: the example's tests do not catch it", strings.Join(b.Run, " "), b.Break.Path)}
	}
	return "passed, and failed with the break edit", nil
}

func progress(opts TestOptions, format string, args ...any) {
	if opts.Progress != nil {
		opts.Progress(format, args...)
	}
}

func writeTree(dir string, tree generator.Tree) error {
	for _, f := range tree {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, f.Mode); err != nil {
			return err
		}
	}
	return nil
}

// tail returns the last n lines of out.
func tail(out []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return "    " + strings.Join(lines, "\n    ")
}
