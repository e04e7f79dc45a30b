package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// pythonRanRe reads the test count: unittest's "Ran N tests", or pytest's
// "N passed".
var pythonRanRe = regexp.MustCompile(`(?m)^(?:Ran (\d+) tests? in |=+ (\d+) passed)`)

// TestE2EPython builds, tests and packs a generated python project with the
// machine's python3 and nothing but its standard library (no index is
// reached). It adds a test file, which must run without editing any script,
// then breaks the library, which must fail the generated build.
func TestE2EPython(t *testing.T) {
	requireTools(t, "python3")
	t.Parallel()
	dir := generateProject(t, "init", "Acme.Widget", "--pack", "python")

	out, err := runIn(t, dir, "./build.sh", "build", "test", "pack", "--build-number", "7")
	if err != nil {
		t.Fatalf("generated build failed: %v\n%s", err, out)
	}
	if n := pythonTests(out); n != 6 {
		t.Errorf("want 6 tests run, got %d\n%s", n, out)
	}
	mustContain(t, dir, "pyproject.toml", "\nversion = \"0.1.0.7\"\n")
	if canPackPython(t, dir) {
		mustExist(t, filepath.Join(dir, "dist", "*.tar.gz"))
		mustExist(t, filepath.Join(dir, "dist", "*-0.1.0.7-py3-none-any.whl"))
	} else if !strings.Contains(out, "pack skipped: the build module is not installed") {
		t.Errorf("pack neither packed nor said why it skipped:\n%s", out)
	} else {
		t.Log("pack skipped, as this machine has neither the build module nor setuptools 77+")
	}

	writeFile(t, dir, "tests/test_extra.py",
		"import unittest\n\nfrom acme_widget import slugify\n\n\n"+
			"class ExtraTest(unittest.TestCase):\n    def test_added_file_runs(self):\n"+
			"        self.assertEqual(slugify(\"A b\"), \"a-b\")\n")
	out, err = runIn(t, dir, "./build.sh")
	if err != nil {
		t.Fatalf("generated build failed with an added test: %v\n%s", err, out)
	}
	if n := pythonTests(out); n != 7 {
		t.Errorf("want 7 tests run with the added file, got %d\n%s", n, out)
	}
	mustContain(t, dir, "pyproject.toml", "\nversion = \"0.1.0\"\n")

	breakFile(t, dir, "src/acme_widget/slug.py", `_OTHER.sub("-", stripped)`, `_OTHER.sub("_", stripped)`)
	if out, err := runIn(t, dir, "./build.sh"); err == nil {
		t.Fatalf("the build passed with a broken slugify:\n%s", out)
	}
}

// pythonTests returns the number of tests unittest ran or pytest passed, or -1.
func pythonTests(out string) int {
	m := pythonRanRe.FindStringSubmatch(out)
	if m == nil {
		return -1
	}
	return countMatch(m[1]+m[2], regexp.MustCompile(`(\d+)`))
}

// canPackPython reports whether the generated build.sh can pack on this
// machine: the build module is installed, or setuptools 77 or later.
func canPackPython(t *testing.T, dir string) bool {
	t.Helper()
	if _, err := runIn(t, dir, "python3", "-c", "import build"); err == nil {
		return true
	}
	_, err := runIn(t, dir, "python3", "-c", `import setuptools, sys; sys.exit(int(setuptools.__version__.split(".")[0]) < 77)`)
	return err == nil
}

// TestE2EPythonFlatLayout: init with --set Layout=flat renders the package
// at the root, where the generated build.sh (which puts the root on
// PYTHONPATH and byte-compiles the package) looks for it, and the build
// passes its own tests. It rendered src/ with a flat build, whose tests
// could not import the package, and whose loop over no packages shellcheck
// flagged (SC2043).
func TestE2EPythonFlatLayout(t *testing.T) {
	requireTools(t, "python3")
	t.Parallel()
	dir := generateProject(t, "init", "acme-widget", "--pack", "python", "--set", "Layout=flat")
	mustExist(t, filepath.Join(dir, "acme_widget", "slug.py"))
	mustContain(t, dir, "pyproject.toml", "\npythonpath = [\".\"]\n")
	out, err := runIn(t, dir, "./build.sh")
	if err != nil {
		t.Fatalf("generated build failed: %v\n%s", err, out)
	}
	if n := pythonTests(out); n != 6 {
		t.Errorf("want 6 tests run, got %d\n%s", n, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "acme_widget", "__pycache__")); err != nil {
		t.Errorf("build did not byte-compile the package: %v", err)
	}
	if _, err := exec.LookPath("shellcheck"); err == nil {
		if out, err := runIn(t, dir, "shellcheck", "--severity=style", "build.sh"); err != nil {
			t.Errorf("shellcheck build.sh: %v\n%s", err, out)
		}
	}
}

// TestPythonBuildNumberIsTheFourthPart: the build number is appended as the
// fourth part of the version, also to a two-part VERSION (1.0 -> 1.0.0.7,
// not 1.0.7, which would sort above the next real patch release 1.0.1).
func TestPythonBuildNumberIsTheFourthPart(t *testing.T) {
	requireTools(t, "python3")
	t.Parallel()
	dir := generateProject(t, "init", "acme-widget", "--pack", "python", "--set", "InitialVersion=1.0")
	out, err := runIn(t, dir, "./build.sh", "version", "--build-number", "7")
	if err != nil {
		t.Fatalf("./build.sh version: %v\n%s", err, out)
	}
	mustContain(t, dir, "pyproject.toml", "\nversion = \"1.0.0.7\"\n")
	if !strings.Contains(out, "acme-widget 1.0.0.7 ") {
		t.Errorf("the build does not announce 1.0.0.7:\n%s", out)
	}
}

// pythonPassed reports whether the test run ended green, under unittest
// ("OK") or pytest ("N passed" with no failure), whichever build.sh used.
func pythonPassed(out string) bool {
	return strings.Contains(out, "\nOK\n") || regexp.MustCompile(`=+ \d+ passed in `).MatchString(out)
}
