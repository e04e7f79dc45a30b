package rust

import (
	"errors"
	"maps"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator/ecosystem"
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

// facts runs Facts on archive with the user's values given.
func facts(t *testing.T, archive string, given map[string]string) (*ecosystem.Facts, error) {
	t.Helper()
	return Ecosystem{}.Facts(scan(t, archive), ecosystem.Request{Given: given})
}

func TestRustFacts(t *testing.T) {
	for _, tt := range []struct {
		name, archive string
		given         map[string]string
		want          map[string]string
		drives        []string
	}{
		{"crate", `
-- Cargo.toml --
[package]
name = "slug"
version = "0.2.0"
edition = "2021"
`, nil, map[string]string{"Name": "slug", "InitialVersion": "0.2.0", "Edition": "2021", "VersionDirs": "."}, []string{"Cargo.toml"}},
		{"workspace package version, one crate on its own", `
-- Cargo.toml --
[workspace]
members = ["crates/*"]
[workspace.package]
version = "1.0.0"
edition = "2024"
-- crates/a/Cargo.toml --
[package]
name = "a"
version.workspace = true
-- crates/b/Cargo.toml --
[package]
name = "b"
version = { workspace = true }
-- crates/c/Cargo.toml --
[package]
name = "c"
version = "0.3.0"
`, nil, map[string]string{"Name": "a", "InitialVersion": "1.0.0", "Edition": "2024", "VersionDirs": "."}, []string{"Cargo.toml"}},
		{"root package drives, members on their own (ripgrep)", `
-- Cargo.toml --
[package]
name = "app"
version = "15.2.0"  #:version
edition.workspace = true
[workspace]
members = ["crates/*"]
exclude = ["crates/old"]
[workspace.package]
edition = "2024"
-- crates/lib/Cargo.toml --
[package]
name = "lib"
version = "0.4.1"
-- crates/old/Cargo.toml --
[package]
name = "old"
version = "9.9.9"
`, nil, map[string]string{"Name": "app", "InitialVersion": "15.2.0", "Edition": "2024", "VersionDirs": "."}, []string{"Cargo.toml"}},
		{"virtual workspace, members share one version", `
-- Cargo.toml --
[workspace]
members = ["a", "b"]
-- a/Cargo.toml --
[package]
name = "a"
version = "3.0.0"
-- b/Cargo.toml --
[package]
name = "b"
version = "3.0.0"
`, nil, map[string]string{"Name": "a", "InitialVersion": "3.0.0", "VersionDirs": "a b"}, []string{"a/Cargo.toml", "b/Cargo.toml"}},
		{"members differ, the user chooses", `
-- Cargo.toml --
[workspace]
members = ["a", "b"]
-- a/Cargo.toml --
[package]
name = "a"
version = "1.0.0"
-- b/Cargo.toml --
[package]
name = "b"
version = "0.2.0"
`, map[string]string{"VersionDirs": "./b"}, map[string]string{"Name": "a", "InitialVersion": "0.2.0", "VersionDirs": "b"}, []string{"b/Cargo.toml"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := facts(t, tt.archive, tt.given)
			if err != nil {
				t.Fatal(err)
			}
			// These repositories run no clippy, so each gets
			// ClippyWarnings=warn: TestClippyEvidence covers that.
			got := maps.Clone(f.Values)
			delete(got, "ClippyWarnings")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Values (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.drives, f.Drives); diff != "" {
				t.Errorf("Drives (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRustFactsAsks: with no one version to drive, assemble asks (a usage
// error naming the choices and --set), never guesses.
func TestRustFactsAsks(t *testing.T) {
	const differ = `
-- Cargo.toml --
[workspace]
members = ["a", "b"]
-- a/Cargo.toml --
[package]
name = "a"
version = "1.0.0"
-- b/Cargo.toml --
[package]
name = "b"
version = "0.2.0"
`
	for _, tt := range []struct {
		name, archive string
		given         map[string]string
		want          string
	}{
		{"members differ", differ, nil, `the crates version on their own (a 1.0.0, b 0.2.0), and no one version is there for VERSION to drive: ` +
			`choose the ones that move together with --set VersionDirs=FOLDERS (space-separated, e.g. --set VersionDirs=a; the others are left alone), or give the crates that move together one version: version in [workspace.package], version.workspace = true in each`},
		{"a folder that is no versioned crate", differ, map[string]string{"VersionDirs": "a c"},
			`VersionDirs="a c": c has no Cargo.toml that sets its own version; choose from: a 1.0.0, b 0.2.0`},
		{"a folder build.sh cannot name", "-- Cargo.toml --\n[workspace]\nmembers = [\"my crate\"]\n-- my crate/Cargo.toml --\n[package]\nname = \"a\"\nversion = \"1.0.0\"\n",
			nil, `my crate: VERSION would drive a folder whose name build.sh cannot hold (letters, digits, '.', '_', '@', '-' and '/' only); rename it, or choose other folders with --set VersionDirs=...`},
		{"no version", "-- Cargo.toml --\n[workspace]\nmembers = [\"a\"]\n-- a/Cargo.toml --\n[package]\nname = \"a\"\n",
			nil, `Cargo.toml: no crate sets a version for build.sh to write VERSION into; add version = "0.1.0" to [workspace.package] (with version.workspace = true in the crates) or to [package]`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := facts(t, tt.archive, tt.given)
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

func TestReadRustRejects(t *testing.T) {
	for name, archive := range map[string]string{
		"bad toml":    "-- Cargo.toml --\n[package\n",
		"no tables":   "-- Cargo.toml --\n[dependencies]\n",
		"bad member":  "-- Cargo.toml --\n[workspace]\nmembers = [\"a\"]\n-- a/Cargo.toml --\nname = = 1\n",
		"symlink out": "-- Cargo.toml@link --\n/etc/hostname\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := ReadRust(scan(t, archive)); err == nil {
				t.Error("want an error")
			}
		})
	}
}
