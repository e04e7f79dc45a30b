package probe

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func scan(t *testing.T, archive string) *Repo {
	t.Helper()
	r, err := Scan(repo(t, archive))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestEcosystemsFromRootManifests(t *testing.T) {
	r := scan(t, `
-- package.json --
{}
-- pyproject.toml --
-- Cargo.toml --
-- go.mod --
module example.com/x
-- sub/package.json --
{}
`)
	if diff := cmp.Diff([]string{"go", "rust", "python", "node"}, r.Ecosystems()); diff != "" {
		t.Errorf("Ecosystems (-want +got):\n%s", diff)
	}
	if got := r.Evidence(EcosystemNode) + " " + r.Evidence(EcosystemGo); got != "package.json go.mod" {
		t.Errorf("Evidence = %q", got)
	}
}

func TestReadNode(t *testing.T) {
	for _, tt := range []struct {
		name, archive string
		want          map[string]string
		members       []string
	}{
		{"single", `
-- package.json --
{"name": "widget", "version": "1.2.3", "scripts": {"test": "node --test"}}
`, map[string]string{"Name": "widget", "InitialVersion": "1.2.3", "Workspaces": ""}, nil},
		{"array workspaces", `
-- package.json --
{"name": "mono", "private": true, "workspaces": ["packages/*", "apps/web", "bad dir/*", "../out"]}
-- packages/b/package.json --
{"name": "@m/b", "version": "2.0.0"}
-- packages/a/package.json --
{"name": "@m/a", "version": "2.0.0"}
-- packages/.hidden/package.json --
{}
-- packages/notes/README.md --
-- apps/web/package.json --
{"name": "web", "version": "0.0.1"}
-- ../out/package.json --
{}
`, map[string]string{"Name": "mono", "InitialVersion": "2.0.0", "Workspaces": "packages/* apps/web"},
			[]string{"packages/a", "packages/b", "apps/web"}},
		{"object workspaces", `
-- package.json --
{"workspaces": {"packages": ["libs/**"], "nohoist": ["**/x"]}}
-- libs/x/package.json --
{"name": "x"}
`, map[string]string{"Workspaces": "libs/**"}, []string{"libs/x"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n, err := scan(t, tt.archive).ReadNode()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, n.Values()); diff != "" {
				t.Errorf("Values (-want +got):\n%s", diff)
			}
			var dirs []string
			for _, m := range n.Members {
				dirs = append(dirs, m.Dir)
			}
			if diff := cmp.Diff(tt.members, dirs); diff != "" {
				t.Errorf("members (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadNodeRejectsBadWorkspaces(t *testing.T) {
	if _, err := scan(t, "-- package.json --\n{\"workspaces\": 3}\n").ReadNode(); err == nil {
		t.Error("want an error for workspaces: 3")
	}
}

func TestReadRust(t *testing.T) {
	for _, tt := range []struct {
		name, archive string
		want          map[string]string
	}{
		{"crate", `
-- Cargo.toml --
[package]
name = "slug"
version = "0.2.0"
edition = "2021"
`, map[string]string{"Name": "slug", "InitialVersion": "0.2.0", "Edition": "2021", "VersionDirs": "."}},
		{"workspace package version", `
-- Cargo.toml --
[workspace]
members = ["crates/a"]
[workspace.package]
version = "1.0.0"
edition = "2024"
-- crates/a/Cargo.toml --
[package]
name = "a"
version.workspace = true
`, map[string]string{"Name": "a", "InitialVersion": "1.0.0", "Edition": "2024", "VersionDirs": "."}},
		{"root package and members with their own", `
-- Cargo.toml --
[package]
name = "app"
version = "0.5.0"
[workspace]
members = [".", "crates/*"]
exclude = ["crates/old"]
-- crates/lib/Cargo.toml --
[package]
name = "lib"
version = "0.5.0"
-- crates/old/Cargo.toml --
[package]
name = "old"
version = "9.9.9"
`, map[string]string{"Name": "app", "InitialVersion": "0.5.0", "VersionDirs": ". crates/lib"}},
		{"no version", `
-- Cargo.toml --
[workspace]
members = ["a"]
-- a/Cargo.toml --
[package]
name = "a"
`, map[string]string{"Name": "a", "VersionDirs": ""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := scan(t, tt.archive).ReadRust()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, rs.Values()); diff != "" {
				t.Errorf("Values (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadRustRejects(t *testing.T) {
	for name, archive := range map[string]string{
		"bad toml":    "-- Cargo.toml --\n[package\n",
		"no tables":   "-- Cargo.toml --\n[dependencies]\n",
		"bad member":  "-- Cargo.toml --\n[workspace]\nmembers = [\"a\"]\n-- a/Cargo.toml --\nname = = 1\n",
		"symlink out": "-- Cargo.toml@link --\n/etc/hostname\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := scan(t, archive).ReadRust(); err == nil {
				t.Error("want an error")
			}
		})
	}
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
			py, err := scan(t, tt.archive).ReadPython()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(&tt.want, py); diff != "" {
				t.Errorf("ReadPython (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNodeNotes(t *testing.T) {
	n, err := scan(t, "-- package.json --\n{\"name\": \"x\", \"private\": true}\n").ReadNode()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`package.json has no test script, so npm test (./build.sh test) fails there; add one, e.g. "test": "node --test"`,
		`package.json is private: ./build.sh pack works, but npm refuses ./build.sh publish until you drop "private": true`,
	}
	if diff := cmp.Diff(want, n.Notes()); diff != "" {
		t.Errorf("Notes (-want +got):\n%s", diff)
	}
}
