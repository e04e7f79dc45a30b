package python

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// testNames are the extras and dependency groups that hold what a project's
// tests need, in the order crane prefers them; dev is taken only when none
// of the others is there.
var testNames = []string{"test", "tests", "testing"}

// testSets picks from names (the keys of [project.optional-dependencies] or
// [dependency-groups]) those for the tests: test, tests and testing, else dev.
func testSets(names []string) []string {
	var out []string
	for _, n := range testNames {
		if slices.Contains(names, n) {
			out = append(out, n)
		}
	}
	if len(out) == 0 && slices.Contains(names, "dev") {
		out = append(out, "dev")
	}
	return out
}

// testRequirementFiles are the requirements files that name what a
// project's tests (or its development, tests included) need, in the order
// crane prefers them.
var testRequirementFiles = []string{
	"requirements-test.txt", "requirements-tests.txt", "requirements_test.txt", "requirements_tests.txt",
	"test-requirements.txt", "tests-requirements.txt", "requirements/test.txt", "requirements/tests.txt",
	"tests/requirements.txt",
	"requirements-dev.txt", "requirements_dev.txt", "dev-requirements.txt", "requirements/dev.txt",
}

// testRequirements returns the requirements files CI installs for the
// tests of a project that declares them in no extra or dependency group:
// the first test (else development) requirements files of
// testRequirementFiles that root has, else requirements.txt, else none.
func testRequirements(root string) []string {
	regular := func(rel string) bool {
		fi, err := os.Lstat(filepath.Join(root, filepath.FromSlash(rel)))
		return err == nil && fi.Mode().IsRegular()
	}
	for _, rel := range testRequirementFiles {
		if regular(rel) {
			return []string{rel}
		}
	}
	if regular("requirements.txt") {
		return []string{"requirements.txt"}
	}
	return nil
}

// pytestLineRe finds what unittest cannot run: an import of pytest, or a
// test function outside a class (a def at the start of the line).
// build.sh's pytest_style greps for the same lines.
var pytestLineRe = regexp.MustCompile(`^\s*(import|from)\s+_?pytest\b|^(async\s+)?def\s+test`)

// skipTestDirs are folders under tests/ the scan for pytest does not enter.
var skipTestDirs = []string{"build", "dist", "venv", "env", "site-packages", "node_modules", "__pycache__"}

// maxTestFiles bounds how many test files the scan for pytest reads.
const maxTestFiles = 500

// pytestFiles lists (sorted, slash-separated, relative to root) the files
// under tests/ that need pytest: conftest.py files, and .py files that import
// pytest or define test functions outside a class. Build output and hidden
// folders are skipped.
func pytestFiles(root string) []string {
	var found []string
	seen := 0
	dir := filepath.Join(root, "tests")
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(name, ".") || slices.Contains(skipTestDirs, name)) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !strings.HasSuffix(name, ".py") {
			return nil
		}
		if seen++; seen > maxTestFiles {
			return fs.SkipAll
		}
		rel, _ := filepath.Rel(root, p)
		if name == "conftest.py" || needsPytest(p) {
			found = append(found, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(found)
	return found
}

// needsPytest reports whether the Python file at p has a line pytestLineRe
// matches.
func needsPytest(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	s.Buffer(make([]byte, 64*1024), 1024*1024)
	for s.Scan() {
		if pytestLineRe.Match(s.Bytes()) {
			return true
		}
	}
	return false
}
