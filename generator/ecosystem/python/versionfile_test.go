package python

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAttrValue(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"__version__ = \"1.2.0\"\n", "1.2.0"},
		{"x = 1\n__version__='2.0rc1'  # pinned\n", "2.0rc1"},
		{"__version__: str = \"3.0\"\n", "3.0"},
		{"    __version__ = \"nested\"\n", ""},
		{"__version__ = get()\n", ""},
		{"__version_info__ = \"1\"\n", ""},
	} {
		if got := attrValue(tt.src, "__version__"); got != tt.want {
			t.Errorf("attrValue(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// TestReadPythonVersionFile finds the file a dynamic version is read from,
// for setuptools, flit and Hatch, and none for a version from git tags.
func TestReadPythonVersionFile(t *testing.T) {
	for _, tt := range []struct{ name, archive, file, attr, version string }{
		{"setuptools attr, flat", `
-- pyproject.toml --
[project]
name = "a"
dynamic = ["version"]
[tool.setuptools.dynamic]
version = {attr = "a.VERSION"}
-- a/__init__.py --
VERSION = '0.9'
`, "a/__init__.py", "VERSION", "0.9"},
		{"flit module", `
-- pyproject.toml --
[build-system]
build-backend = "flit_core.buildapi"
[project]
name = "Flit-Thing"
dynamic = ["version", "description"]
-- src/flit_thing/__init__.py --
"""A thing."""
__version__ = "1.0.dev3"
`, "src/flit_thing/__init__.py", "__version__", "1.0.dev3"},
		{"hatch path", `
-- pyproject.toml --
[build-system]
build-backend = "hatchling.build"
[project]
name = "h"
dynamic = ["version"]
[tool.hatch.version]
path = "./src/h/__about__.py"
-- src/h/__init__.py --
-- src/h/__about__.py --
__version__ = "4.1.0"
`, "src/h/__about__.py", "__version__", "4.1.0"},
		{"hatch path, VERSION first", `
-- pyproject.toml --
[build-system]
build-backend = "hatchling.build"
[project]
name = "h"
dynamic = ["version"]
[tool.hatch.version]
path = "h/version.py"
-- h/__init__.py --
-- h/version.py --
VERSION = '2.0b1'
__version__ = VERSION
`, "h/version.py", "VERSION", "2.0b1"},
		{"hatch path with its own pattern has none", `
-- pyproject.toml --
[build-system]
build-backend = "hatchling.build"
[project]
name = "h"
dynamic = ["version"]
[tool.hatch.version]
path = "h/version.py"
pattern = "BUILD = '(?P<version>[^']+)'"
-- h/__init__.py --
-- h/version.py --
__version__ = "1.0"
BUILD = '2.0'
`, "", "", ""},
		{"hatch-vcs has none", `
-- pyproject.toml --
[build-system]
build-backend = "hatchling.build"
[project]
name = "h"
dynamic = ["version"]
[tool.hatch.version]
source = "vcs"
path = "src/h/__about__.py"
-- src/h/__init__.py --
-- src/h/__about__.py --
__version__ = "4.1.0"
`, "", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			py, err := ReadPython(scan(t, tt.archive))
			if err != nil {
				t.Fatal(err)
			}
			got := []string{py.VersionFile, py.VersionAttr, py.Version}
			if diff := cmp.Diff([]string{tt.file, tt.attr, tt.version}, got); diff != "" {
				t.Errorf("VersionFile, VersionAttr, Version (-want +got):\n%s", diff)
			}
		})
	}
}
