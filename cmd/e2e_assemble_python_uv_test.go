package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"go.yaml.in/yaml/v3"

	"github.com/ewilde/crane/internal/fixture"
)

// uvBinary is the uv on PATH, else the one pip installed for python3 (python3
// -m pip install uv); it skips t when there is none.
func uvBinary(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("uv"); err == nil {
		return p
	}
	out, err := exec.Command("python3", "-c", "import uv; print(uv.find_uv_bin())").Output()
	if err != nil {
		t.Skip("uv is not installed (python3 -m pip install uv): skipping the end-to-end build with uv.lock")
	}
	return strings.TrimSpace(string(out))
}

// workflowStep is a step of a generated GitHub Actions workflow.
type workflowStep struct {
	Name string            `yaml:"name"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	Env  map[string]string `yaml:"env"`
}

// uvSteps reads the project's .github/workflows/build.yml and returns the
// steps CI runs with uv: it installs the locked environment and builds and
// tests with it (everything before the pack step).
func uvSteps(t *testing.T, dir string) []workflowStep {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "build.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []workflowStep `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("build.yml: %v", err)
	}
	var steps []workflowStep
	uv := false
	for _, s := range wf.Jobs["build"].Steps {
		uv = uv || strings.HasPrefix(s.Uses, "astral-sh/setup-uv@")
		if s.Name == "Pack" {
			break
		}
		if s.Run != "" {
			steps = append(steps, s)
		}
	}
	if !uv || len(steps) != 2 {
		t.Fatalf("build.yml: want setup-uv, then an install and a build-and-test step before Pack, got %d run steps:\n%s", len(steps), data)
	}
	return steps
}

// pythonVersionRe is the workflow's uv sync --python "3.13".
var pythonVersionRe = regexp.MustCompile(`--python "[0-9.]+"`)

// runSteps runs the workflow's steps in dir as CI would (bash, the step's
// env, run number 5), with uv's folder first on PATH and the python3 here
// for --python, and returns the combined output and the first failure.
func runSteps(t *testing.T, dir, uv string, steps []workflowStep) (string, error) {
	t.Helper()
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, s := range steps {
		// CI's setup-python puts PythonVersion on PATH; here it is python3.
		run := pythonVersionRe.ReplaceAllString(s.Run, `--python "`+python+`"`)
		c := exec.Command("bash", "-euo", "pipefail", "-c", run)
		c.Dir = dir
		c.Env = append(cleanEnv(), "PATH="+filepath.Dir(uv)+string(os.PathListSeparator)+os.Getenv("PATH"), "UV_PYTHON_DOWNLOADS=never")
		for k, v := range s.Env {
			c.Env = append(c.Env, k+"="+strings.ReplaceAll(v, "${{ github.run_number }}", "5"))
		}
		out, err := c.CombinedOutput()
		all.WriteString("$ " + s.Run + "\n" + string(out))
		if err != nil {
			return all.String(), err
		}
	}
	return all.String(), nil
}

// TestE2EAssemblePythonUVLock makes a small uv project, locks it for real
// with pytest held back at 8.2.0 (uv lock --upgrade-package pytest==8.2.0;
// pip would take the newest), assembles it, and runs the generated workflow's install
// and build-and-test steps: the tests run under the locked pytest 8.2.0, not
// the newest, with the build number in the version; a broken test fails
// them.
func TestE2EAssemblePythonUVLock(t *testing.T) {
	requireTools(t, "python3", "bash")
	uv := uvBinary(t)
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "uv proj")
	fixture.Write(t, dir, txtar.Parse([]byte(`
-- pyproject.toml --
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "mortar"
version = "2.0.0"
requires-python = ">=3.10"

[dependency-groups]
tests = ["pytest>=8"]
-- src/mortar/__init__.py --
def grind(s):
    return s.lower()
-- tests/test_grind.py --
from mortar import grind


def test_grind():
    assert grind("SALT") == "salt"
`)))
	lock := exec.Command(uv, "lock", "--upgrade-package", "pytest==8.2.0")
	lock.Dir = dir
	if out, err := lock.CombinedOutput(); err != nil {
		t.Skipf("uv lock failed (it needs PyPI): %v\n%s", err, out)
	}
	if code, out, stderr := runCrane(t, "assemble", dir); code != 0 {
		t.Fatalf("crane assemble: exit %d\n%s%s", code, out, stderr)
	}
	steps := uvSteps(t, dir)
	out, err := runSteps(t, dir, uv, steps)
	if err != nil {
		t.Fatalf("the workflow's uv steps failed: %v\n%s", err, out)
	}
	for _, want := range []string{"mortar 2.0.0.5 ", "pytest-8.2.0", "1 passed"} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in the output of the workflow's steps (the locked pytest 8.2.0 ran the test):\n%s", want, out)
		}
	}

	writeFile(t, dir, "tests/test_broken.py", "def test_broken():\n    assert False\n")
	out, err = runSteps(t, dir, uv, steps[1:])
	if err == nil || !strings.Contains(out, "1 failed") {
		t.Errorf("a broken test: want the build-and-test step to fail with 1 failed, got %v:\n%s", err, out)
	}
}

// TestE2EInitPythonUV: a new project with --set Installer=uv, once locked
// (uv lock, which the README asks for), installs with the workflow's uv
// steps and passes its own tests with the locked environment; without a
// uv.lock the install step fails, saying to run uv lock.
func TestE2EInitPythonUV(t *testing.T) {
	requireTools(t, "python3", "bash")
	uv := uvBinary(t)
	t.Parallel()
	dir := generateProject(t, "init", "acme-widget", "--pack", "python", "--set", "Installer=uv")
	steps := uvSteps(t, dir)
	out, err := runSteps(t, dir, uv, steps[:1])
	if err == nil || !strings.Contains(out, "uv lock") {
		t.Errorf("without uv.lock: want the install step to fail saying to run uv lock, got %v:\n%s", err, out)
	}
	lock := exec.Command(uv, "lock")
	lock.Dir = dir
	if out, err := lock.CombinedOutput(); err != nil {
		t.Skipf("uv lock failed (it needs PyPI): %v\n%s", err, out)
	}
	out, err = runSteps(t, dir, uv, steps)
	if err != nil || !strings.Contains(out, "acme-widget 0.1.0.5 ") || !strings.Contains(out, "OK") {
		t.Fatalf("the workflow's uv steps: want the build number in the version and the tests OK, got %v:\n%s", err, out)
	}
}
