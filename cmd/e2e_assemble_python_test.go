package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/internal/fixture"
)

// assembleFixture writes the repository (in/) of testdata/assemble/NAME.txtar
// into a folder whose path has a space, runs crane assemble there with args,
// and returns the folder and a snapshot of the user's files before.
func assembleFixture(t *testing.T, name string, args ...string) (string, map[string]fileState) {
	t.Helper()
	_, c := readAssembleCase(t, filepath.Join("..", "testdata", "assemble", name+".txtar"))
	dir := filepath.Join(t.TempDir(), "user repo")
	fixture.Write(t, dir, c.in)
	before := snapshot(t, dir)
	if code, _, stderr := runCrane(t, append(append([]string{"assemble"}, args...), dir)...); code != 0 {
		t.Fatalf("crane assemble: exit %d\n%s", code, stderr)
	}
	return dir, before
}

// assertOnlyDriven fails t when a file of the user's changed other than the
// one line want says (path: the line it must now hold).
func assertOnlyDriven(t *testing.T, dir string, before map[string]fileState, want map[string]string) {
	t.Helper()
	after := snapshot(t, dir)
	for p, old := range before {
		now := after[p]
		if line, driven := want[p]; driven {
			if !strings.Contains(now.Data, line) {
				t.Errorf("%s lacks %q:\n%s", p, line, now.Data)
			}
			continue
		}
		if diff := cmp.Diff(old.Data, now.Data); diff != "" {
			t.Errorf("%s changed, and VERSION does not drive it (-before +after):\n%s", p, diff)
		}
	}
}

// noPytestPython makes a virtual environment without pip, so without pytest
// or setuptools, and returns its python.
func noPytestPython(t *testing.T) string {
	t.Helper()
	venv := filepath.Join(t.TempDir(), "venv")
	if out, err := exec.Command("python3", "-m", "venv", "--without-pip", venv).CombinedOutput(); err != nil {
		t.Skipf("python3 -m venv failed: %v\n%s", err, out)
	}
	return filepath.Join(venv, "bin", "python")
}

// TestE2EAssemblePythonPEP440 assembles the click-shaped fixture (version
// 8.5.0.dev, pytest tests) and runs its build: the tests run under pytest
// and pass, a build number makes the dev release 8.5.0.dev7, VERSION and
// every other file of the user's are unchanged, and without pytest the test
// step fails saying to install it instead of skipping the tests.
func TestE2EAssemblePythonPEP440(t *testing.T) {
	requireTools(t, "python3")
	t.Parallel()
	if _, err := exec.Command("python3", "-c", "import pytest").CombinedOutput(); err != nil {
		t.Skip("pytest is not installed for python3: the click-shaped tests need it")
	}
	dir, before := assembleFixture(t, "python-pep440")
	out, err := runIn(t, dir, "./build.sh", "build", "test", "--build-number", "7")
	if err != nil {
		t.Fatalf("the assembled build failed: %v\n%s", err, out)
	}
	if !strings.Contains(out, "clack 8.5.0.dev7 ") || !strings.Contains(out, "1 passed") {
		t.Errorf("want the dev release 8.5.0.dev7 built and its pytest test passed:\n%s", out)
	}
	assertOnlyDriven(t, dir, before, map[string]string{"pyproject.toml": "\nversion = \"8.5.0.dev7\"\n"})
	mustContain(t, dir, "VERSION", "8.5.0.dev\n")

	python := noPytestPython(t)
	c := exec.Command("./build.sh", "test")
	c.Dir, c.Env = dir, append(cleanEnv(), "PYTHON="+python)
	got, err := c.CombinedOutput()
	if exitCodeOf(err) != 2 || !strings.Contains(string(got), "build.sh: the tests need pytest (e.g. tests/conftest.py, tests/test_shout.py)") ||
		!strings.Contains(string(got), "python3 -m pip install --group tests") {
		t.Errorf("without pytest: want exit 2 saying the tests need pytest and how to install it, got %v:\n%s", err, got)
	}
}

// TestPythonBuildNumberPEP440 runs ./build.sh version over PEP 440 versions
// with a build number and checks the result, and that packaging (where it
// is installed) takes it as a valid version; a version that is not PEP 440
// fails with exit 2 and says so.
func TestPythonBuildNumberPEP440(t *testing.T) {
	requireTools(t, "python3")
	t.Parallel()
	dir := generateProject(t, "init", "acme-widget", "--pack", "python")
	_, packagingErr := exec.Command("python3", "-c", "import packaging.version").CombinedOutput()
	for _, tt := range []struct{ version, want string }{
		{"1.2.0", "1.2.0.7"},
		{"1.0", "1.0.0.7"},
		{"8.5.0.dev", "8.5.0.dev7"},
		{"8.5.0.dev0", "8.5.0.dev7"},
		{"2.0rc1", "2.0rc1.dev7"},
		{"2.0.0b2", "2.0.0b2.dev7"},
		{"1.0.post1", "1.0.post1.dev7"},
		{"1!2.0", "1!2.0.0.7"},
		{"1.2.0+ubuntu.1", "1.2.0.7+ubuntu.1"},
		{"3.0a1.dev2+local", "3.0a1.dev7+local"},
	} {
		writeFile(t, dir, "VERSION", tt.version+"\n")
		out, err := runIn(t, dir, "./build.sh", "version", "--build-number", "7")
		if err != nil {
			t.Errorf("VERSION %s: %v\n%s", tt.version, err, out)
			continue
		}
		mustContain(t, dir, "pyproject.toml", "\nversion = \""+tt.want+"\"\n")
		if packagingErr == nil {
			if out, err := exec.Command("python3", "-c", "import sys, packaging.version as v; v.Version(sys.argv[1])", tt.want).CombinedOutput(); err != nil {
				t.Errorf("%s is not a valid PEP 440 version: %s", tt.want, out)
			}
		}
	}
	writeFile(t, dir, "VERSION", "1.x\n")
	out, err := runIn(t, dir, "./build.sh", "version")
	if exitCodeOf(err) != 2 || !strings.Contains(out, "build.sh: VERSION '1.x' is not a PEP 440 version; write one such as 1.2.0") {
		t.Errorf("VERSION 1.x: want exit 2 saying it is not PEP 440, got %v:\n%s", err, out)
	}
}

// TestE2EAssemblePythonTestExtras: the sampleproject-shaped fixture's
// unittest tests run without pytest, through the generated build, and only
// pyproject.toml's version may change.
func TestE2EAssemblePythonTestExtras(t *testing.T) {
	requireTools(t, "python3")
	t.Parallel()
	dir, before := assembleFixture(t, "python-test-extras")
	python := noPytestPython(t)
	c := exec.Command("./build.sh", "--build-number", "3")
	c.Dir, c.Env = dir, append(cleanEnv(), "PYTHON="+python)
	out, err := c.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Ran 1 test") {
		t.Fatalf("the assembled build with unittest: %v\n%s", err, out)
	}
	assertOnlyDriven(t, dir, before, map[string]string{"pyproject.toml": "\nversion = \"4.0.0.3\" # REQUIRED, although can be dynamic\n"})
	if _, err := os.Stat(filepath.Join(dir, "VERSION")); err != nil {
		t.Fatal(err)
	}
}

// TestE2EAssemblePythonVersionAttr assembles the requests-shaped fixture
// (a dynamic version read from src/reqs/__version__.py, pytest tests) and
// runs its build: the tests pass under pytest, and the build number goes
// into that one string while pyproject.toml and every other file of the
// user's stay as they were.
func TestE2EAssemblePythonVersionAttr(t *testing.T) {
	requireTools(t, "python3")
	t.Parallel()
	if _, err := exec.Command("python3", "-c", "import pytest").CombinedOutput(); err != nil {
		t.Skip("pytest is not installed for python3: the requests-shaped tests need it")
	}
	dir, before := assembleFixture(t, "python-version-attr")
	out, err := runIn(t, dir, "./build.sh", "build", "test", "--build-number", "7")
	if err != nil {
		t.Fatalf("the assembled build failed: %v\n%s", err, out)
	}
	if !strings.Contains(out, "reqs 2.34.2.7 ") || !strings.Contains(out, "3 passed") {
		t.Errorf("want 2.34.2.7 built and the 3 pytest tests passed:\n%s", out)
	}
	assertOnlyDriven(t, dir, before, map[string]string{"src/reqs/__version__.py": "\n__version__ = \"2.34.2.7\"\n__build__ = 0x023402\n"})
}

// TestE2EAssemblePythonPoetry2: the Poetry 2 fixture (a [project] table,
// poetry-core) builds and tests with the generated build, and a build number
// makes its release candidate 2.1.0rc2 the development build 2.1.0rc2.dev3;
// poetry.lock and every other file stay as they were.
func TestE2EAssemblePythonPoetry2(t *testing.T) {
	requireTools(t, "python3")
	t.Parallel()
	dir, before := assembleFixture(t, "python-poetry2")
	c := exec.Command("./build.sh", "--build-number", "3")
	c.Dir, c.Env = dir, append(cleanEnv(), "PYTHON="+noPytestPython(t))
	out, err := c.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "poem 2.1.0rc2.dev3 ") || !strings.Contains(string(out), "Ran 1 test") {
		t.Fatalf("the assembled build: %v\n%s", err, out)
	}
	assertOnlyDriven(t, dir, before, map[string]string{"pyproject.toml": "\nversion = \"2.1.0rc2.dev3\"\n"})
}

// TestE2EAssemblePythonCleanKeepsTrackedFiles: the repository tracks
// scripts in build/ (a common home for release scripts), which the Python
// build also writes to. ./build.sh clean removes the build's output there
// and never a file git tracks.
func TestE2EAssemblePythonCleanKeepsTrackedFiles(t *testing.T) {
	requireTools(t, "python3", "git")
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "proj")
	fixture.Write(t, dir, txtar.Parse([]byte(`
-- pyproject.toml --
[build-system]
requires = ["setuptools"]
build-backend = "setuptools.build_meta"

[project]
name = "keepy"
version = "1.0.0"
-- src/keepy/__init__.py --
-- build/release.sh --
#!/bin/sh
echo release
`)))
	gitInit(t, dir)
	if code, out, stderr := runCrane(t, "assemble", dir); code != 0 {
		t.Fatalf("crane assemble: exit %d\n%s%s", code, out, stderr)
	}
	writeFile(t, dir, "build/lib/keepy/__init__.py", "")
	if out, err := runIn(t, dir, "./build.sh", "clean"); err != nil {
		t.Fatalf("./build.sh clean: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "build", "release.sh")); err != nil {
		t.Errorf("./build.sh clean removed build/release.sh, which git tracks: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "build", "lib")); err == nil {
		t.Error("./build.sh clean left the build output build/lib")
	}
}
