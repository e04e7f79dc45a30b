package python

import (
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/ewilde/crane/generator/probe"
)

// Tool is the build tool a pyproject.toml is written for, beyond its PEP 517
// backend: "poetry", "hatch", "pdm", "flit" or "setuptools".
type Tool string

// The build tools crane recognises, by the names their projects use.
const (
	Poetry     Tool = "Poetry"
	Hatch      Tool = "Hatch"
	PDM        Tool = "PDM"
	Flit       Tool = "flit"
	Setuptools Tool = "setuptools"
)

// toolTables is the part of [tool] that says which tool builds the project
// and where a dynamic version comes from.
type toolTables struct {
	Poetry struct {
		Version string `toml:"version"`
	} `toml:"poetry"`
	Hatch struct {
		Version struct {
			Source  string `toml:"source"`
			Path    string `toml:"path"`
			Pattern any    `toml:"pattern"`
		} `toml:"version"`
	} `toml:"hatch"`
	PDM struct {
		Version struct {
			Source string `toml:"source"`
			Path   string `toml:"path"`
		} `toml:"version"`
	} `toml:"pdm"`
	Flit struct {
		Module struct {
			Name string `toml:"name"`
		} `toml:"module"`
	} `toml:"flit"`
	Setuptools struct {
		Dynamic struct {
			Version struct {
				Attr string `toml:"attr"`
				File any    `toml:"file"`
			} `toml:"version"`
		} `toml:"dynamic"`
	} `toml:"setuptools"`
}

// detectTool names the tool from the backend, the [tool.*] tables and the
// lock files: Poetry (poetry-core, [tool.poetry], poetry.lock), Hatch
// (hatchling, [tool.hatch]), PDM (pdm-backend, [tool.pdm], pdm.lock), flit
// (flit_core), else setuptools.
func detectTool(r *probe.Repo, md toml.MetaData, backend string) Tool {
	switch {
	case strings.HasPrefix(backend, "poetry.") || md.IsDefined("tool", "poetry") || r.Has("poetry.lock"):
		return Poetry
	case strings.HasPrefix(backend, "hatchling") || md.IsDefined("tool", "hatch"):
		return Hatch
	case strings.HasPrefix(backend, "pdm.") || md.IsDefined("tool", "pdm") || r.Has("pdm.lock"):
		return PDM
	case strings.HasPrefix(backend, "flit_core") || md.IsDefined("tool", "flit"):
		return Flit
	}
	return Setuptools
}

// versionSource says where a dynamic [project] version comes from, in the
// words of the project's own configuration.
func versionSource(tool Tool, md toml.MetaData, t toolTables) string {
	switch {
	case tool == Poetry && t.Poetry.Version != "":
		return fmt.Sprintf("[tool.poetry] version = %q, which Poetry reads", t.Poetry.Version)
	case tool == Hatch && t.Hatch.Version.Source == "vcs":
		return `git tags, through hatch-vcs ([tool.hatch.version] source = "vcs")`
	case tool == Hatch && t.Hatch.Version.Path != "":
		return fmt.Sprintf("the file %s ([tool.hatch.version] path), which Hatch reads", t.Hatch.Version.Path)
	case tool == PDM && t.PDM.Version.Source == "scm":
		return `git tags, through PDM ([tool.pdm.version] source = "scm")`
	case tool == PDM && t.PDM.Version.Source == "file":
		return fmt.Sprintf("the file %s ([tool.pdm.version] source = \"file\"), which PDM reads", t.PDM.Version.Path)
	case md.IsDefined("tool", "setuptools_scm"):
		return "git tags, through setuptools-scm ([tool.setuptools_scm])"
	case t.Setuptools.Dynamic.Version.Attr != "":
		return fmt.Sprintf("the attribute %s ([tool.setuptools.dynamic] version), which setuptools reads", t.Setuptools.Dynamic.Version.Attr)
	case t.Setuptools.Dynamic.Version.File != nil:
		return fmt.Sprintf("the file %v ([tool.setuptools.dynamic] version), which setuptools reads", t.Setuptools.Dynamic.Version.File)
	case tool == Flit:
		return "the module's __version__, which flit reads"
	}
	return "the build backend"
}

// toolNote says how the build serves a project written for tool, "" for
// setuptools; uv reports that CI installs with uv rather than pip.
func toolNote(py *Python, uv bool) string {
	target := "[project] version"
	if py.VersionFile != "" {
		target = py.VersionAttr + " in " + py.VersionFile
	}
	how := "the build writes VERSION into " + target + ", runs the tests with pytest or unittest, and packs with python3 -m build (which runs %s); CI installs with "
	if uv {
		how += "uv"
	} else {
		how += "pip"
	}
	switch py.Tool {
	case Poetry:
		s := "a Poetry project with a PEP 621 [project] table: " + fmt.Sprintf(how, "poetry-core")
		if py.PoetryGroups {
			s += ", so [tool.poetry.group] dependencies are not installed: declare what the tests need in [dependency-groups] or an extra"
		}
		if py.LockFile != "" {
			s += "; " + py.LockFile + " is not read"
		}
		return s
	case Hatch:
		return "a Hatch project: " + fmt.Sprintf(how, "hatchling") + "; Hatch's environments and scripts are not used"
	case PDM:
		s := "a PDM project: " + fmt.Sprintf(how, "pdm-backend")
		if py.PDMDevDependencies {
			s += ", so [tool.pdm.dev-dependencies] are not installed: declare what the tests need in [dependency-groups] or an extra"
		}
		if py.LockFile != "" {
			s += "; " + py.LockFile + " is not read"
		}
		return s
	}
	return ""
}
