// Package python is crane's knowledge of Python: distribution and import
// names, and a pyproject.toml at a repository's root with the layout of its
// code.
package python

import (
	"fmt"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/probe"
)

// Ecosystem is Python with a PEP 621 pyproject.toml.
type Ecosystem struct{ pythonName }

// Name is "python".
func (Ecosystem) Name() string { return "python" }

// Looks says what makes a Python repository.
func (Ecosystem) Looks() string { return "a pyproject.toml at the root" }

// Evidence is "pyproject.toml" when the root has one.
func (Ecosystem) Evidence(r *probe.Repo) string { return ecosystem.Manifest(r, "pyproject.toml") }

// Facts reads pyproject.toml and the import packages, refusing a project
// whose version build.sh cannot write or whose code it cannot find.
func (Ecosystem) Facts(r *probe.Repo, req ecosystem.Request) (*ecosystem.Facts, error) {
	if !r.Has("pyproject.toml") {
		return nil, ecosystem.MissingManifest(r, "python", "pyproject.toml")
	}
	py, err := ReadPython(r)
	if err != nil {
		return nil, ecosystem.Unreadable("pyproject.toml", err)
	}
	if err := servable(py, req.Pack); err != nil {
		return nil, err
	}
	f := &ecosystem.Facts{Values: py.Values(), Summary: "python: " + py.Summary(), Notes: py.notes(req.Pack == nil || req.Pack.Declares("Installer")), Drives: []string{"pyproject.toml"}}
	if py.VersionFile != "" {
		f.Drives = []string{py.VersionFile}
		if req.Pack != nil && !req.Pack.Declares("VersionFile") {
			return f, nil
		}
		f.Note("the version is dynamic, from %s: VERSION drives %s in %s, and pyproject.toml is left as it is", py.VersionSource, py.VersionAttr, py.VersionFile)
		f.SeedVersion(r, py.VersionFile, req.Pack)
		return f, nil
	}
	f.SeedVersion(r, "pyproject.toml", req.Pack)
	return f, nil
}

// servable refuses a pyproject.toml whose version build.sh cannot write,
// and code it cannot find, naming the tool the project is written for; for
// a pack with such a build only (one from a folder or git may have none):
// its VersionFile is what the build writes VERSION into, its Layout where
// it finds the code.
func servable(py *Python, pack ecosystem.Pack) error {
	var problems []string
	if pack == nil || pack.Declares("VersionFile") {
		if err := writable(py); err != nil {
			return err
		}
		problems = versionProblems(py)
	}
	if py.Layout == "" && (pack == nil || pack.Declares("Layout")) {
		problems = append(problems, "no import package: crane looks for a folder with an __init__.py under src/ (src layout) or at the root (flat layout); "+
			"the python pack builds packages, not single modules")
	}
	switch len(problems) {
	case 0:
		return nil
	case 1:
		return ecosystem.Refusef("%s", problems[0])
	}
	return ecosystem.Refusef("the python pack cannot build this project:\n  %s", strings.Join(problems, "\n  "))
}

// writable refuses a pyproject.toml without a [project] table, where the
// build could not write VERSION.
func writable(py *Python) error {
	if !py.HasProject && py.Tool == Poetry {
		version := ""
		if py.PoetryVersion != "" {
			version = " (version " + py.PoetryVersion + ")"
		}
		return ecosystem.Refusef("pyproject.toml: a Poetry project whose metadata%s is in [tool.poetry]: the python pack builds PEP 621 [project] tables "+
			"(it writes VERSION into [project] version, packs with python3 -m build and installs test dependencies with pip) and does not run poetry; "+
			"keep building it with poetry (poetry version, poetry build), or move the metadata to [project] (Poetry 2 reads it there) and run crane assemble again", version)
	}
	if !py.HasProject {
		return ecosystem.Refusef("pyproject.toml has no [project] table: the python pack builds PEP 621 projects, writing VERSION into [project] version; " +
			"add [project] with name and version (see https://packaging.python.org/en/latest/guides/writing-pyproject-toml/) and run crane assemble again")
	}
	return nil
}

// versionProblems say why the build cannot write VERSION into the
// project's version.
func versionProblems(py *Python) []string {
	var problems []string
	switch {
	case py.VersionFile != "":
		// a dynamic version read from a Python file, which the build writes
	case py.DynamicVersion:
		tool := ""
		if py.Tool != Setuptools {
			tool = fmt.Sprintf(" (a %s project)", py.Tool)
		}
		problems = append(problems, fmt.Sprintf("pyproject.toml%s: [project] version is dynamic, from %s; the python pack's build writes VERSION into a static [project] version or a __version__ = \"...\" line, and cannot drive that; "+
			"keep releasing as you do, or give [project] a static version = \"X.Y.Z\", drop version from dynamic (and its setting) and run crane assemble again", tool, py.VersionSource))
	case !py.StaticVersion:
		problems = append(problems, "pyproject.toml: [project] has no version = \"...\" for build.sh to write VERSION into; add one")
	}
	return problems
}
