package python

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/ewilde/crane/generator/probe"
)

// Python is a Python project at the root of a repository: its
// pyproject.toml and the layout of its code.
type Python struct {
	// Name and Version are [project]'s; DynamicVersion reports a version
	// listed in [project] dynamic (computed by the build backend).
	Name, Version  string
	DynamicVersion bool
	// StaticVersion reports a version = "..." line in [project] that the
	// build can rewrite.
	StaticVersion bool
	// RequiresPython is [project] requires-python; Backend is
	// [build-system] build-backend.
	RequiresPython, Backend string
	// Layout is "src" (the packages under src/) or "flat" (at the root),
	// "" when no import package was found; Packages are the import
	// packages, sorted.
	Layout   string
	Packages []string
	// Tests reports a tests/ folder, TestsPackage an __init__.py in it
	// (unittest discovery from the root needs one).
	Tests, TestsPackage bool
	// PytestFiles are the test files that need pytest (see pytestFiles).
	PytestFiles []string
	// TestExtras and TestGroups are the [project.optional-dependencies]
	// extras and [dependency-groups] that hold what the tests need.
	TestExtras, TestGroups []string
	// TestRequirements are the requirements files that hold what the tests
	// need when no extra or dependency group does (see testRequirements).
	TestRequirements []string
	// HasProject reports a [project] table.
	HasProject bool
	// Tool is the build tool the project is written for; PoetryVersion is
	// [tool.poetry] version; VersionSource says where a dynamic version
	// comes from; LockFile is poetry.lock or pdm.lock when there is one.
	Tool                             Tool
	PoetryVersion                    string
	VersionSource, LockFile          string
	PoetryGroups, PDMDevDependencies bool
	// UVLock reports a uv.lock, which pins the development environment.
	UVLock bool
	// VersionFile is the Python file a dynamic version is read from ("" when
	// none, or when it comes from git tags), and VersionAttr the attribute
	// in it that holds the version (Version is its value).
	VersionFile, VersionAttr string
}

type pyprojectToml struct {
	Project *struct {
		Name           string   `toml:"name"`
		Version        string   `toml:"version"`
		Dynamic        []string `toml:"dynamic"`
		RequiresPython string   `toml:"requires-python"`

		OptionalDependencies map[string]any `toml:"optional-dependencies"`
	} `toml:"project"`
	DependencyGroups map[string]any `toml:"dependency-groups"`
	BuildSystem      struct {
		Backend string `toml:"build-backend"`
	} `toml:"build-system"`
	Tool toolTables `toml:"tool"`
}

// notPackages are root folders a flat layout never ships as code.
var notPackages = []string{"tests", "test", "docs", "doc", "examples", "scripts", "build", "dist", "venv", "env", "site-packages"}

var identifierRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// projectVersionRe finds the line build.sh rewrites: version = "..." in the
// [project] table.
var projectVersionRe = regexp.MustCompile(`(?m)^version\s*=\s*"[^"\n]*"`)

// ReadPython reads the root's pyproject.toml and looks for the import
// packages: folders holding __init__.py under src/ (a src layout), else at
// the root (a flat layout).
func ReadPython(r *probe.Repo) (*Python, error) {
	data, err := probe.ReadInside(r.Root, "pyproject.toml")
	if err != nil {
		return nil, err
	}
	var t pyprojectToml
	md, err := toml.Decode(string(data), &t)
	if err != nil {
		return nil, fmt.Errorf("pyproject.toml: %w", err)
	}
	py := &Python{Backend: t.BuildSystem.Backend, Tool: detectTool(r, md, t.BuildSystem.Backend)}
	if p := t.Project; p != nil {
		py.HasProject = true
		py.Name, py.Version, py.RequiresPython = p.Name, p.Version, p.RequiresPython
		py.DynamicVersion = slices.Contains(p.Dynamic, "version")
		py.StaticVersion = projectVersionRe.MatchString(projectTable(string(data)))
		py.TestExtras = testSets(slices.Sorted(maps.Keys(p.OptionalDependencies)))
	}
	py.TestGroups = testSets(slices.Sorted(maps.Keys(t.DependencyGroups)))
	if len(py.TestExtras) == 0 && len(py.TestGroups) == 0 {
		py.TestRequirements = testRequirements(r.Root)
	}
	py.PoetryVersion = t.Tool.Poetry.Version
	py.PoetryGroups = md.IsDefined("tool", "poetry", "group") || md.IsDefined("tool", "poetry", "dev-dependencies")
	py.PDMDevDependencies = md.IsDefined("tool", "pdm", "dev-dependencies")
	if py.DynamicVersion {
		py.VersionSource = versionSource(py.Tool, md, t.Tool)
		py.VersionFile, py.VersionAttr, py.Version = versionFile(r, py, md, t.Tool)
	}
	py.UVLock = r.Has("uv.lock")
	for _, lock := range []string{"poetry.lock", "pdm.lock"} {
		if r.Has(lock) && py.LockFile == "" {
			py.LockFile = lock
		}
	}
	if py.Packages = importPackages(r.Root, "src"); len(py.Packages) > 0 {
		py.Layout = "src"
	} else if py.Packages = importPackages(r.Root, "."); len(py.Packages) > 0 {
		py.Layout = "flat"
	}
	if info, err := os.Lstat(filepath.Join(r.Root, "tests")); err == nil && info.IsDir() {
		py.Tests = true
		_, err := os.Lstat(filepath.Join(r.Root, "tests", "__init__.py"))
		py.TestsPackage = err == nil
		py.PytestFiles = pytestFiles(r.Root)
	}
	return py, nil
}

// projectTable is the text of pyproject.toml's [project] table, up to the
// next table header.
func projectTable(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	_, rest, ok := strings.Cut("\n"+text, "\n[project]")
	if !ok {
		return ""
	}
	if i := strings.Index(rest, "\n["); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// importPackages lists the folders in dir (relative to root) that hold an
// __init__.py and are named like a Python identifier, leaving out tests,
// docs and build output.
func importPackages(root, dir string) []string {
	entries, err := os.ReadDir(filepath.Join(root, dir))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || !identifierRe.MatchString(name) || slices.Contains(notPackages, name) {
			continue
		}
		if info, err := os.Lstat(filepath.Join(root, dir, name, "__init__.py")); err == nil && info.Mode().IsRegular() {
			out = append(out, name)
		}
	}
	return out
}

// Summary is "project acme-widget 1.2.0, src layout: acme_widget; backend
// setuptools.build_meta; requires-python >=3.10".
func (py *Python) Summary() string {
	s := "project " + py.Name
	switch {
	case py.DynamicVersion && py.VersionFile != "":
		s += fmt.Sprintf(" %s (dynamic, %s in %s)", py.Version, py.VersionAttr, py.VersionFile)
	case py.DynamicVersion:
		s += " (dynamic version)"
	case py.Version != "":
		s += " " + py.Version
	}
	if py.Layout != "" {
		s += fmt.Sprintf(", %s layout: %s", py.Layout, strings.Join(py.Packages, ", "))
	}
	if py.Backend != "" {
		s += ", backend " + py.Backend
	}
	if py.RequiresPython != "" {
		s += ", requires-python " + py.RequiresPython
	}
	return s
}

// Values are the facts the python pack may take: Name, InitialVersion,
// VersionFile and VersionAttr (the Python file and attribute a dynamic
// version is read from, which the build writes VERSION into),
// Layout ("src" or "flat"), Packages (a flat layout's import packages,
// space separated, which the build byte-compiles), TestExtras, TestGroups and
// TestRequirements (space separated), Pytest ("true" when the tests need pytest)
// and Installer ("uv" when CI installs the environment uv.lock pins).
func (py *Python) Values() map[string]string {
	v := map[string]string{}
	if py.Name != "" {
		v["Name"] = py.Name
	}
	if py.Version != "" {
		v["InitialVersion"] = py.Version
	}
	if py.VersionFile != "" {
		v["VersionFile"], v["VersionAttr"] = py.VersionFile, py.VersionAttr
	}
	if py.Layout != "" {
		v["Layout"] = py.Layout
	}
	if py.Layout == "flat" {
		v["Packages"] = strings.Join(py.Packages, " ")
	}
	if len(py.TestExtras) > 0 {
		v["TestExtras"] = strings.Join(py.TestExtras, " ")
	}
	if len(py.TestGroups) > 0 {
		v["TestGroups"] = strings.Join(py.TestGroups, " ")
	}
	if len(py.TestRequirements) > 0 {
		v["TestRequirements"] = strings.Join(py.TestRequirements, " ")
	}
	if len(py.PytestFiles) > 0 {
		v["Pytest"] = "true"
	}
	if py.UsesUV() {
		v["Installer"] = "uv"
	}
	return v
}

// Notes say what the build will not do for this project: test without a
// tests/ folder, or pack with a backend other than setuptools when the build
// module is missing; and how CI installs what the tests need, with uv when
// the repository has a uv.lock (see UsesUV).
func (py *Python) Notes() []string { return py.notes(true) }

// notes are Notes for a pack that installs with uv (installs) or only pip.
func (py *Python) notes(installs bool) []string {
	var notes []string
	switch {
	case !py.Tests:
		notes = append(notes, "there is no tests/ folder: ./build.sh test runs unittest discovery in tests/, so it fails until there is one")
	case len(py.PytestFiles) > 0:
		ci := "CI installs it"
		if installs && py.UsesUV() {
			ci = "CI has it when uv.lock's environment does"
		}
		notes = append(notes, fmt.Sprintf("the tests need pytest (%s): ./build.sh test runs pytest, and fails saying so where it is not installed; %s", strings.Join(firstN(py.PytestFiles, 3), ", "), ci))
	case !py.TestsPackage:
		notes = append(notes, "tests/ has no __init__.py: unittest discovery (./build.sh test without pytest) needs one; add an empty tests/__init__.py")
	}
	if s := installNote(py, installs && py.UsesUV()); s != "" {
		notes = append(notes, s)
	}
	if s := toolNote(py, installs && py.UsesUV()); s != "" {
		notes = append(notes, s)
	}
	if s := uvNote(py, installs); s != "" {
		notes = append(notes, s)
	}
	if py.Backend != "" && py.Backend != "setuptools.build_meta" {
		notes = append(notes, fmt.Sprintf("the build backend is %s: ./build.sh pack needs the build module for it (python3 -m pip install build)", py.Backend))
	}
	return notes
}

// firstN is the first n of s, with "..." for the rest.
func firstN(s []string, n int) []string {
	if len(s) <= n {
		return s
	}
	return append(slices.Clone(s[:n]), "...")
}

// plural is what, with an s when there is more than one of s.
func plural(s []string, what string) string {
	if len(s) == 1 {
		return what
	}
	return what + "s"
}
