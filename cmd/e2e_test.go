package cmd

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// End-to-end helpers: generate a project with crane, then run its own build
// with the real toolchain. A missing toolchain skips the test and says which.

// requireTools skips t unless every tool is on PATH.
func requireTools(t *testing.T, tools ...string) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end build skipped in -short mode")
	}
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("toolchain %s is not on PATH: skipping the end-to-end build of the generated project", tool)
		}
	}
}

// generateProject runs crane init with args into a fresh folder (whose path
// has a space, to prove the scripts quote) and returns it.
func generateProject(t *testing.T, args ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "my projects", "out")
	te := newTestEnv(t, "")
	if code := te.run(append(args, "--dir", dir, "--no-git")); code != 0 {
		t.Fatalf("crane %s: exit %d\n%s", strings.Join(args, " "), code, te.stderr)
	}
	return dir
}

// runIn runs name with args in dir (at most 10 minutes) and returns its
// combined output and error. CI variables are cleared so that the generated
// script's own defaults apply.
func runIn(t *testing.T, dir, name string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	c := exec.CommandContext(ctx, name, args...)
	c.Dir = dir
	c.Env = cleanEnv()
	out, err := c.CombinedOutput()
	return string(out), err
}

func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		if k == "PATH" && testBashDir() != "" {
			kv = "PATH=" + testBashDir() + string(os.PathListSeparator) + v
		}
		switch k {
		case "BUILD_NUMBER", "GITHUB_RUN_NUMBER", "GITHUB_OUTPUT", "TEAMCITY_VERSION", "CI", "GITHUB_ACTIONS", "TF_BUILD", "GITHUB_REF_TYPE", "GITHUB_REF_NAME":
			continue
		}
		env = append(env, kv)
	}
	return env
}

// testBashDir is CRANE_TEST_BASH_DIR: a folder with another bash (a bash
// 3.2, macOS's, say) that the generated build scripts then run with, since it
// comes first on their PATH (#!/usr/bin/env bash). Unset, they run with the
// machine's bash.
func testBashDir() string { return os.Getenv("CRANE_TEST_BASH_DIR") }

// testBash is the bash the tests run build.sh with: CRANE_TEST_BASH_DIR's, or
// the one on PATH.
func testBash() string {
	if d := testBashDir(); d != "" {
		return filepath.Join(d, "bash")
	}
	return "bash"
}

// countMatch returns the number captured by re's first group in out, or -1.
func countMatch(out string, re *regexp.Regexp) int {
	m := re.FindStringSubmatch(out)
	if m == nil {
		return -1
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		return -1
	}
	return n
}

// sumMatches adds up the numbers captured by re's first group in every
// match in out (test counts printed once per package or crate).
func sumMatches(out string, re *regexp.Regexp) int {
	sum := 0
	for _, m := range re.FindAllStringSubmatch(out, -1) {
		n, _ := strconv.Atoi(m[1])
		sum += n
	}
	return sum
}

// breakFile replaces old with new in dir/rel, failing if old is not there.
func breakFile(t *testing.T, dir, rel, old, new string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", rel, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustExist(t *testing.T, pattern string) {
	t.Helper()
	m, _ := filepath.Glob(pattern)
	if len(m) == 0 {
		t.Errorf("no file matches %s", pattern)
	}
}

// exitCodeOf is the exit code of a finished command: 0 for a nil error, -1
// when it did not run.
func exitCodeOf(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}
