package rust

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
			rs, err := ReadRust(scan(t, tt.archive))
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
			if _, err := ReadRust(scan(t, archive)); err == nil {
				t.Error("want an error")
			}
		})
	}
}
