package python

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator/ecosystem"
)

// TestFactsRefusesWithTheRealCause pins each refusal's text: the cause names
// the tool and the table the project keeps its version in.
func TestFactsRefusesWithTheRealCause(t *testing.T) {
	for _, tt := range []struct{ name, archive, want string }{
		{"poetry 1", `
-- pyproject.toml --
[tool.poetry]
name = "rich"
version = "14.3.3"
[build-system]
build-backend = "poetry.core.masonry.api"
-- rich/__init__.py --
`, "pyproject.toml: a Poetry project whose metadata (version 14.3.3) is in [tool.poetry]: the python pack builds PEP 621 [project] tables " +
			"(it writes VERSION into [project] version, packs with python3 -m build and installs test dependencies with pip) and does not run poetry; " +
			"keep building it with poetry (poetry version, poetry build), or move the metadata to [project] (Poetry 2 reads it there) and run crane assemble again"},
		{"no project table", `
-- pyproject.toml --
[tool.black]
line-length = 100
-- x/__init__.py --
`, "pyproject.toml has no [project] table: the python pack builds PEP 621 projects, writing VERSION into [project] version; " +
			"add [project] with name and version (see https://packaging.python.org/en/latest/guides/writing-pyproject-toml/) and run crane assemble again"},
		{"hatch-vcs", `
-- pyproject.toml --
[build-system]
build-backend = "hatchling.build"
[project]
name = "attrs"
dynamic = ["version"]
[tool.hatch.version]
source = "vcs"
-- src/attr/__init__.py --
`, `pyproject.toml (a Hatch project): [project] version is dynamic, from git tags, through hatch-vcs ([tool.hatch.version] source = "vcs"); ` +
			"the python pack's build writes VERSION into a static [project] version or a __version__ = \"...\" line, and cannot drive that; " +
			`keep releasing as you do, or give [project] a static version = "X.Y.Z", drop version from dynamic (and its setting) and run crane assemble again`},
		{"poetry 2 with a dynamic version", `
-- pyproject.toml --
[project]
name = "p2"
dynamic = ["version"]
[tool.poetry]
version = "2.1.0"
[build-system]
build-backend = "poetry.core.masonry.api"
-- src/p2/__init__.py --
`, `pyproject.toml (a Poetry project): [project] version is dynamic, from [tool.poetry] version = "2.1.0", which Poetry reads; ` +
			"the python pack's build writes VERSION into a static [project] version or a __version__ = \"...\" line, and cannot drive that; " +
			`keep releasing as you do, or give [project] a static version = "X.Y.Z", drop version from dynamic (and its setting) and run crane assemble again`},
		{"setuptools attr", `
-- pyproject.toml --
[project]
name = "requests"
dynamic = ["version"]
[tool.setuptools.dynamic]
version = {attr = "requests.__version__.__version__"}
-- src/requests/__init__.py --
`, "pyproject.toml: [project] version is dynamic, from the attribute requests.__version__.__version__ ([tool.setuptools.dynamic] version), which setuptools reads; " +
			"the python pack's build writes VERSION into a static [project] version or a __version__ = \"...\" line, and cannot drive that; " +
			`keep releasing as you do, or give [project] a static version = "X.Y.Z", drop version from dynamic (and its setting) and run crane assemble again`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Ecosystem{}.Facts(scan(t, tt.archive), ecosystem.Request{})
			var r *ecosystem.Refusal
			if !errors.As(err, &r) {
				t.Fatalf("want a refusal, got %v", err)
			}
			if diff := cmp.Diff(tt.want, r.Text); diff != "" {
				t.Errorf("refusal (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFactsServesPoetryHatchAndPDM: a project with a static [project]
// version is served whatever its tool, and the notes say what is and is not
// used; VERSION drives pyproject.toml alone.
func TestFactsServesPoetryHatchAndPDM(t *testing.T) {
	f, err := Ecosystem{}.Facts(scan(t, `
-- pyproject.toml --
[build-system]
build-backend = "pdm.backend"
[project]
name = "p"
version = "1.0rc1"
[project.optional-dependencies]
test = ["pytest"]
[tool.pdm.dev-dependencies]
lint = ["ruff"]
-- pdm.lock --
-- src/p/__init__.py --
-- tests/test_p.py --
def test_p():
    assert True
`), ecosystem.Request{})
	if err != nil {
		t.Fatal(err)
	}
	want := &ecosystem.Facts{
		Values:  map[string]string{"Name": "p", "InitialVersion": "1.0rc1", "Layout": "src", "TestExtras": "test", "Pytest": "true"},
		Summary: "python: project p 1.0rc1, src layout: p, backend pdm.backend",
		Notes: []string{
			"the tests need pytest (tests/test_p.py): ./build.sh test runs pytest, and fails saying so where it is not installed; CI installs it",
			"CI installs the project with its extra test of [project.optional-dependencies] before it runs the tests",
			"a PDM project: the build writes VERSION into [project] version, runs the tests with pytest or unittest, and packs with python3 -m build (which runs pdm-backend); " +
				"CI installs with pip, so [tool.pdm.dev-dependencies] are not installed: declare what the tests need in [dependency-groups] or an extra; pdm.lock is not read",
			"the build backend is pdm.backend: ./build.sh pack needs the build module for it (python3 -m pip install build)",
			"VERSION starts at 1.0rc1, the version in pyproject.toml; change VERSION from now on: the build writes it into the manifest",
		},
		VersionFrom: "pyproject.toml",
		Drives:      []string{"pyproject.toml"},
	}
	if diff := cmp.Diff(want, f); diff != "" {
		t.Errorf("Facts (-want +got):\n%s", diff)
	}
}
