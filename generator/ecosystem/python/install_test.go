package python

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator/ecosystem"
)

// pipOnlyPack is a pack built on the python ecosystem (one from a folder,
// say) that has no Installer variable: its CI installs with pip alone.
type pipOnlyPack struct{}

func (pipOnlyPack) Declares(name string) bool  { return name != "Installer" }
func (pipOnlyPack) Renders(string) bool        { return true }
func (pipOnlyPack) Choices(string) []string    { return nil }
func (pipOnlyPack) Default(name string) string { return "" }

const uvProject = `
-- pyproject.toml --
[project]
name = "u"
version = "1.0.0"
[dependency-groups]
tests = ["pytest"]
-- uv.lock --
version = 1
-- src/u/__init__.py --
-- tests/__init__.py --
`

// TestFactsUVLock: a uv.lock with a [project] table makes CI install the
// locked environment with uv (Installer uv) and the notes say so; a pack
// without an Installer variable keeps pip and the note that uv.lock is not
// read; no uv.lock, no uv.
func TestFactsUVLock(t *testing.T) {
	uvNote := "uv.lock pins the environment: CI installs exactly it with uv (uv sync --locked --group tests) and runs ./build.sh build test with .venv/bin/python; " +
		"it fails when uv.lock is out of date with pyproject.toml (run uv lock and commit it, also after VERSION changes [project] version)"
	pipNote := "uv.lock is not read: CI installs the project and what its tests need with pip, at the newest versions their ranges allow, not the locked ones"
	for _, tt := range []struct {
		name, archive string
		pack          ecosystem.Pack
		installer     string
		notes         []string
	}{
		{"uv.lock", uvProject, nil, "uv", []string{
			"CI installs the project with its dependency group tests of [dependency-groups] before it runs the tests", uvNote}},
		{"uv.lock, a pack without Installer", uvProject, pipOnlyPack{}, "uv", []string{
			"CI installs the project with its dependency group tests of [dependency-groups] (with pip 25.1 or later) before it runs the tests", pipNote}},
		{"no uv.lock", `
-- pyproject.toml --
[project]
name = "u"
version = "1.0.0"
-- src/u/__init__.py --
-- tests/__init__.py --
`, nil, "", nil},
		{"uv.lock and a requirements file", `
-- pyproject.toml --
[project]
name = "u"
version = "1.0.0"
-- requirements-test.txt --
pytest
-- uv.lock --
-- src/u/__init__.py --
-- tests/__init__.py --
`, nil, "uv", []string{"uv.lock pins the environment: CI installs exactly it with uv (uv sync --locked) and runs ./build.sh build test with .venv/bin/python; " +
			"it fails when uv.lock is out of date with pyproject.toml (run uv lock and commit it, also after VERSION changes [project] version); " +
			"CI does not install requirements-test.txt: the environment is uv.lock's alone"}},
		{"hatch, a dynamic version and uv.lock", `
-- pyproject.toml --
[build-system]
build-backend = "hatchling.build"
[project]
name = "h"
dynamic = ["version"]
[tool.hatch.version]
path = "h/__init__.py"
-- uv.lock --
-- h/__init__.py --
__version__ = "0.1.0"
-- tests/__init__.py --
`, nil, "uv", []string{
			"a Hatch project: the build writes VERSION into __version__ in h/__init__.py, runs the tests with pytest or unittest, and packs with python3 -m build (which runs hatchling); " +
				"CI installs with uv; Hatch's environments and scripts are not used",
			"uv.lock pins the environment: CI installs exactly it with uv (uv sync --locked) and runs ./build.sh build test with .venv/bin/python; " +
				"it fails when uv.lock is out of date with pyproject.toml (run uv lock and commit it)"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Ecosystem{}.Facts(scan(t, tt.archive), ecosystem.Request{Pack: tt.pack})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.installer, f.Values["Installer"]); diff != "" {
				t.Errorf("Installer (-want +got):\n%s", diff)
			}
			var notes []string
			for _, n := range f.Notes {
				if n != "the build backend is hatchling.build: ./build.sh pack needs the build module for it (python3 -m pip install build)" && !isVersionNote(n) {
					notes = append(notes, n)
				}
			}
			if diff := cmp.Diff(tt.notes, notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
}

// isVersionNote reports a note about where VERSION starts or what it drives,
// which TestFactsUVLock leaves to the other tests.
func isVersionNote(n string) bool {
	for _, prefix := range []string{"VERSION starts at", "the version is dynamic"} {
		if strings.HasPrefix(n, prefix) {
			return true
		}
	}
	return false
}
