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
			Layout: "src", Packages: []string{"acme_text"}, Tests: true, TestsPackage: true}},
		{"flat layout", "-- pyproject.toml --\r\n[project]\r\nname = \"t\"\r\nversion = \"2.0\"\r\n" + `
-- t/__init__.py --
-- tests/__init__.py --
-- docs/__init__.py --
-- my-scripts/__init__.py --
`, Python{Name: "t", Version: "2.0", StaticVersion: true, Layout: "flat", Packages: []string{"t"}, Tests: true, TestsPackage: true}},
		{"dynamic version, no package", `
-- pyproject.toml --
[project]
name = "d"
dynamic = ["version"]
[tool.setuptools_scm]
version = "x"
-- d.py --
`, Python{Name: "d", DynamicVersion: true}},
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
