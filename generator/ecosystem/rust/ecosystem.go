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

// Facts reads the root Cargo.toml and its members, and decides which
// versions VERSION drives (Drives): a workspace with no version for the
// build to drive is refused, and one whose crates version on their own is
// asked about (--set VersionDirs=...).
func (Ecosystem) Facts(r *probe.Repo, req ecosystem.Request) (*ecosystem.Facts, error) {
	if !r.Has("Cargo.toml") {
		return nil, ecosystem.MissingManifest(r, "rust", "Cargo.toml (cargo init)")
	}
	rs, err := ReadRust(r)
	if err != nil {
		return nil, ecosystem.Unreadable("Cargo.toml", err)
	}
	d, note := &ecosystem.Drive{}, ""
	if ecosystem.Drives(req.Pack) {
		if d, note, err = rs.drive(req); err != nil {
			return nil, err
		}
	}
	if _, err := d.Words(); err != nil {
		return nil, err
	}
	f := &ecosystem.Facts{Values: rs.Values(d), Summary: "rust: " + rs.Summary(), Notes: rs.Notes(), Drives: d.Files("Cargo.toml")}
	if note != "" {
		f.Note("%s", note)
	}
	if note := clippyNote(r); note != "" && (req.Pack == nil || req.Pack.Declares("ClippyWarnings")) {
		// Code never held to clippy would fail crane's CI from the first push:
		// the build shows clippy's warnings without failing on them (a pack
		// without ClippyWarnings, from a folder or git, has no such build).
		f.Values["ClippyWarnings"] = "warn"
		f.Note("%s", note)
	}
	if len(f.Drives) > 0 {
		f.SeedVersion(r, f.Drives[0], req.Pack)
	}
	return f, nil
}
