package python

import (
	"fmt"
	"strings"
)

// UsesUV reports whether CI should install the environment uv.lock pins:
// the repository has a uv.lock and a [project] table uv can sync.
func (py *Python) UsesUV() bool { return py.UVLock && py.HasProject }

// uvNote says how CI treats uv.lock, "" without one. installs reports a
// pack that can install with uv (it declares Installer); for any other
// pack uv.lock is only noted as not read.
func uvNote(py *Python, installs bool) string {
	switch {
	case !py.UVLock:
		return ""
	case !installs || !py.HasProject:
		return "uv.lock is not read: CI installs the project and what its tests need with pip, at the newest versions their ranges allow, not the locked ones"
	}
	var with []string
	for _, e := range py.TestExtras {
		with = append(with, "--extra "+e)
	}
	for _, g := range py.TestGroups {
		with = append(with, "--group "+g)
	}
	sync := "uv sync --locked"
	if len(with) > 0 {
		sync += " " + strings.Join(with, " ")
	}
	s := fmt.Sprintf("uv.lock pins the environment: CI installs exactly it with uv (%s) and runs ./build.sh build test with .venv/bin/python; "+
		"it fails when uv.lock is out of date with pyproject.toml (run uv lock and commit it", sync)
	if py.VersionFile == "" {
		s += ", also after VERSION changes [project] version"
	}
	s += ")"
	if len(py.TestRequirements) > 0 {
		s += "; CI does not install " + strings.Join(py.TestRequirements, ", ") + ": the environment is uv.lock's alone"
	}
	return s
}

// installNote says what CI installs for the tests, "" when only the
// project; uv reports an install with uv (pip 25.1 is then not needed).
func installNote(py *Python, uv bool) string {
	var what []string
	if len(py.TestExtras) > 0 {
		what = append(what, fmt.Sprintf("its %s %s of [project.optional-dependencies]", plural(py.TestExtras, "extra"), strings.Join(py.TestExtras, ", ")))
	}
	if len(py.TestGroups) > 0 {
		pip := " (with pip 25.1 or later)"
		if uv {
			pip = ""
		}
		what = append(what, fmt.Sprintf("its %s %s of [dependency-groups]%s", plural(py.TestGroups, "dependency group"), strings.Join(py.TestGroups, ", "), pip))
	}
	if len(py.TestRequirements) > 0 && !uv {
		what = append(what, "the requirements in "+strings.Join(py.TestRequirements, ", ")+" (pip install -r)")
	}
	if len(what) == 0 {
		return ""
	}
	return "CI installs the project with " + strings.Join(what, " and ") + " before it runs the tests"
}
