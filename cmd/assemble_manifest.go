package cmd

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ewilde/crane/generator/probe"
)

// manifestEcosystem is what the probe reads from a root manifest
// (package.json, Cargo.toml, pyproject.toml).
type manifestEcosystem interface {
	Summary() string
	Values() map[string]string
	Notes() []string
}

// manifestFacts reads the root manifest of eco (rust, python or node) into
// f, refusing (exit 2) a repository whose build the pack cannot serve.
// VERSION, when absent, starts at the manifest's version.
func manifestFacts(repo *probe.Repo, eco string, f *repoFacts) error {
	manifest := repo.Manifests[eco]
	if manifest == "" {
		want := map[string]string{probe.EcosystemRust: "Cargo.toml (cargo init)", probe.EcosystemPython: "pyproject.toml", probe.EcosystemNode: "package.json (npm init)"}[eco]
		return usageErrorf("no %s at the root of %s; the %s pack builds from it: add one, or choose another pack with --pack", want, repo.Root, eco)
	}
	var (
		m   manifestEcosystem
		err error
	)
	switch eco {
	case probe.EcosystemRust:
		var rs *probe.Rust
		if rs, err = repo.ReadRust(); err == nil {
			m, err = rs, servableRust(rs)
		}
	case probe.EcosystemPython:
		var py *probe.Python
		if py, err = repo.ReadPython(); err == nil {
			m, err = py, servablePython(py)
		}
	default:
		m, err = repo.ReadNode()
	}
	if err != nil {
		if ue := (*usageError)(nil); errors.As(err, &ue) {
			return err
		}
		return usageErrorf("reading %s: %v; fix it, or choose another pack with --pack", manifest, err)
	}
	f.values, f.summary, f.notes = m.Values(), eco+": "+m.Summary(), m.Notes()
	if v := f.values["InitialVersion"]; v != "" && repo.VersionFile != "VERSION" {
		f.versionFrom = manifest
		f.notes = append(f.notes, fmt.Sprintf("VERSION starts at %s, the version in %s; change VERSION from now on: the build writes it into the manifest", v, manifest))
	}
	return nil
}

// servableRust refuses a Cargo.toml with no version for build.sh to keep in
// step with VERSION.
func servableRust(rs *probe.Rust) error {
	if len(rs.VersionDirs) == 0 {
		return usageErrorf("Cargo.toml: no crate sets a version for build.sh to write VERSION into; " +
			"add version = \"0.1.0\" to [workspace.package] (with version.workspace = true in the crates) or to [package]")
	}
	return nil
}

// servablePython refuses a pyproject.toml whose version build.sh cannot
// write, and code it cannot find.
func servablePython(py *probe.Python) error {
	var problems []string
	switch {
	case py.DynamicVersion:
		problems = append(problems, "pyproject.toml: [project] lists version in dynamic, but the python pack's build writes VERSION into [project] version; "+
			"give it a static version = \"X.Y.Z\" and drop version from dynamic")
	case !py.StaticVersion:
		problems = append(problems, "pyproject.toml: [project] has no version = \"...\" for build.sh to write VERSION into; add one")
	}
	if py.Layout == "" {
		problems = append(problems, "no import package: crane looks for a folder with an __init__.py under src/ (src layout) or at the root (flat layout); "+
			"the python pack builds packages, not single modules")
	}
	switch len(problems) {
	case 0:
		return nil
	case 1:
		return usageErrorf("%s", problems[0])
	}
	return usageErrorf("the python pack cannot build this project:\n  %s", strings.Join(problems, "\n  "))
}
