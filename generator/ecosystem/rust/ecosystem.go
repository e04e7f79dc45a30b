// Package rust is crane's knowledge of Rust: crate names, and a Cargo
// package or workspace at a repository's root (its members, editions and
// the versions the build keeps in step with VERSION).
package rust

import (
	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/probe"
)

// Ecosystem is Rust with Cargo.
type Ecosystem struct{ rustName }

// Name is "rust".
func (Ecosystem) Name() string { return "rust" }

// Looks says what makes a Rust repository.
func (Ecosystem) Looks() string { return "a Cargo.toml at the root" }

// Evidence is "Cargo.toml" when the root has one.
func (Ecosystem) Evidence(r *probe.Repo) string { return ecosystem.Manifest(r, "Cargo.toml") }

// Facts reads the root Cargo.toml and its members, refusing a workspace
// with no version for build.sh to keep in step with VERSION.
func (Ecosystem) Facts(r *probe.Repo, _ ecosystem.Request) (*ecosystem.Facts, error) {
	if !r.Has("Cargo.toml") {
		return nil, ecosystem.MissingManifest(r, "rust", "Cargo.toml (cargo init)")
	}
	rs, err := ReadRust(r)
	if err != nil {
		return nil, ecosystem.Unreadable("Cargo.toml", err)
	}
	if len(rs.VersionDirs) == 0 {
		return nil, ecosystem.Refusef("Cargo.toml: no crate sets a version for build.sh to write VERSION into; " +
			"add version = \"0.1.0\" to [workspace.package] (with version.workspace = true in the crates) or to [package]")
	}
	f := &ecosystem.Facts{Values: rs.Values(), Summary: "rust: " + rs.Summary(), Notes: rs.Notes()}
	f.SeedVersion(r, "Cargo.toml")
	return f, nil
}
