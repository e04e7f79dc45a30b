package python

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator/probe"
	"github.com/ewilde/crane/internal/fixture"
)

func scan(t *testing.T, archive string) *probe.Repo {
	t.Helper()
	r, err := probe.Scan(fixture.Dir(t, archive), nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestReadPython(t *testing.T) {
	for _, tt := range []struct {
		name, archive string
		want          Python
	}{
		{"src layout", `
-- pyproject.toml --
[build-system]
build-backend = "setuptools.build_meta"
[project]
name = "acme-text"
version = "1.0.0"
requires-python = ">=3.10"
[tool.x]
version = "not this one"
-- src/acme_text/__init__.py --
-- src/other/readme.txt --
-- tests/__init__.py --
`, Python{Name: "acme-text", Version: "1.0.0", StaticVersion: true, RequiresPython: ">=3.10", Backend: "setuptools.build_meta",
			Layout: "src", Packages: []string{"acme_text"}, Tests: true, TestsPackage: true, HasProject: true, Tool: Setuptools}},
		{"flat layout", "-- pyproject.toml --\r\n[project]\r\nname = \"t\"\r\nversion = \"2.0\"\r\n" + `
-- t/__init__.py --
-- tests/__init__.py --
-- docs/__init__.py --
-- my-scripts/__init__.py --
`, Python{Name: "t", Version: "2.0", StaticVersion: true, Layout: "flat", Packages: []string{"t"}, Tests: true, TestsPackage: true,
			HasProject: true, Tool: Setuptools}},
		{"dynamic version, no package", `
-- pyproject.toml --
[project]
name = "d"
dynamic = ["version"]
[tool.setuptools_scm]
version = "x"
-- d.py --
`, Python{Name: "d", DynamicVersion: true, HasProject: true, Tool: Setuptools,
			VersionSource: "git tags, through setuptools-scm ([tool.setuptools_scm])"}},
		{"pytest tests, test extras and groups", `
-- pyproject.toml --
[build-system]
build-backend = "flit_core.buildapi"
[project]
name = "c"
version = "8.5.0.dev"
[project.optional-dependencies]
socks = ["x"]
dev = ["ruff"]
[dependency-groups]
tests = ["pytest"]
dev = ["tox"]
typing = ["mypy"]
-- src/c/__init__.py --
-- tests/conftest.py --
-- tests/test_plain.py --
import unittest
class T(unittest.TestCase):
    def test_x(self): pass
-- tests/test_func.py --
def test_x():
    assert 1
-- tests/test_import.py --
import os
import pytest
-- tests/sub/test_from.py --
from pytest import raises
-- tests/test_mock.py --
import pytest_mock
`, Python{Name: "c", Version: "8.5.0.dev", StaticVersion: true, Backend: "flit_core.buildapi", Layout: "src", Packages: []string{"c"},
			Tests: true, PytestFiles: []string{"tests/conftest.py", "tests/sub/test_from.py", "tests/test_func.py", "tests/test_import.py"},
			TestExtras: []string{"dev"}, TestGroups: []string{"tests"}, HasProject: true, Tool: Flit}},
		{"poetry 1", `
-- pyproject.toml --
[tool.poetry]
name = "r"
version = "14.3.3"
[tool.poetry.dev-dependencies]
pytest = "^7"
[build-system]
build-backend = "poetry.core.masonry.api"
-- r/__init__.py --
`, Python{Backend: "poetry.core.masonry.api", Layout: "flat", Packages: []string{"r"}, Tool: Poetry, PoetryVersion: "14.3.3", PoetryGroups: true}},
		{"hatch-vcs", `
-- pyproject.toml --
[build-system]
requires = ["hatchling", "hatch-vcs"]
build-backend = "hatchling.build"
[project]
name = "a"
dynamic = ["version", "readme"]
[tool.hatch.version]
source = "vcs"
-- src/a/__init__.py --
`, Python{Name: "a", DynamicVersion: true, Backend: "hatchling.build", Layout: "src", Packages: []string{"a"}, HasProject: true, Tool: Hatch,
			VersionSource: `git tags, through hatch-vcs ([tool.hatch.version] source = "vcs")`}},
		{"pdm with a lock", `
-- pyproject.toml --
[build-system]
build-backend = "pdm.backend"
[project]
name = "p"
dynamic = ["version"]
[tool.pdm.version]
source = "file"
path = "src/p/__init__.py"
[tool.pdm.dev-dependencies]
test = ["pytest"]
-- pdm.lock --
-- src/p/__init__.py --
`, Python{Name: "p", DynamicVersion: true, Backend: "pdm.backend", Layout: "src", Packages: []string{"p"}, HasProject: true, Tool: PDM,
			VersionSource: `the file src/p/__init__.py ([tool.pdm.version] source = "file"), which PDM reads`, LockFile: "pdm.lock", PDMDevDependencies: true}},
		{"setuptools attr", `
-- pyproject.toml --
[project]
name = "requests"
dynamic = ["version"]
[tool.setuptools.dynamic]
version = {attr = "requests.__version__.__version__"}
-- src/requests/__init__.py --
`, Python{Name: "requests", DynamicVersion: true, Layout: "src", Packages: []string{"requests"}, HasProject: true, Tool: Setuptools,
			VersionSource: "the attribute requests.__version__.__version__ ([tool.setuptools.dynamic] version), which setuptools reads"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			py, err := ReadPython(scan(t, tt.archive))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&tt.want, py); diff != "" {
				t.Errorf("ReadPython (-want +got):\n%s", diff)
			}
		})
	}
}
