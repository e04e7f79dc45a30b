package rust

import (
	"fmt"
	"path"
	"strings"

	// A TOML parser for Cargo.toml and pyproject.toml: crane reads their
	// tables and arrays (workspace members, dynamic fields), which a line
	// scan gets wrong. BurntSushi/toml is small, has no dependencies and
	// implements TOML 1.0; nothing in crane's module graph parsed TOML.
	"github.com/BurntSushi/toml"

	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/probe"
)

// Rust is a Cargo package, a Cargo workspace, or both, at the root of a
// repository.
type Rust struct {
	// Package is the root's [package], nil for a virtual workspace.
	Package *RustCrate
	// Workspace reports a [workspace] table; Members are the crates its
	// members patterns match (less its exclude list), in their order.
	Workspace bool
	Members   []RustCrate
	// WorkspaceVersion is [workspace.package] version, "" when unset.
	WorkspaceVersion string
	// Edition is [workspace.package] edition, else the root package's.
	Edition string
}

// RustCrate is one [package]: its folder ("." for the root), name and
// version ("" when it inherits the workspace's or has none); Inherits
// reports version.workspace = true.
type RustCrate struct {
	Dir, Name, Version string
	Inherits           bool
}

// cargoToml is the part of Cargo.toml crane reads. A version is a string,
// or a table ({ workspace = true }) when inherited.
type cargoToml struct {
	Package *struct {
		Name    string `toml:"name"`
		Version any    `toml:"version"`
		Edition any    `toml:"edition"`
	} `toml:"package"`
	Workspace *struct {
		Members []string `toml:"members"`
		Exclude []string `toml:"exclude"`
		Package *struct {
			Version any `toml:"version"`
			Edition any `toml:"edition"`
		} `toml:"package"`
	} `toml:"workspace"`
}

func readCargo(root, dir string) (*cargoToml, error) {
	file := path.Join(dir, "Cargo.toml")
	data, err := probe.ReadInside(root, file)
	if err != nil {
		return nil, err
	}
	var c cargoToml
	if _, err := toml.Decode(string(data), &c); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return &c, nil
}

// crate is the [package] of c in dir.
func (c *cargoToml) crate(dir string) RustCrate {
	v, _ := c.Package.Version.(string)
	t, _ := c.Package.Version.(map[string]any)
	inherits, _ := t["workspace"].(bool)
	return RustCrate{Dir: dir, Name: c.Package.Name, Version: v, Inherits: inherits}
}

// ReadRust reads the root's Cargo.toml and its workspace members'.
func ReadRust(r *probe.Repo) (*Rust, error) {
	c, err := readCargo(r.Root, ".")
	if err != nil {
		return nil, err
	}
	if c.Package == nil && c.Workspace == nil {
		return nil, fmt.Errorf("the root Cargo.toml has neither [package] nor [workspace]")
	}
	rs := &Rust{}
	if c.Package != nil {
		root := c.crate(".")
		rs.Package = &root
		rs.Edition, _ = c.Package.Edition.(string)
	}
	if w := c.Workspace; w != nil {
		rs.Workspace = true
		if w.Package != nil {
			rs.WorkspaceVersion, _ = w.Package.Version.(string)
			if e, ok := w.Package.Edition.(string); ok {
				rs.Edition = e
			}
		}
		for _, dir := range probe.ExpandMembers(r.Root, w.Members, append([]string{"."}, w.Exclude...), "Cargo.toml") {
			m, err := readCargo(r.Root, dir)
			if err != nil {
				return nil, err
			}
			if m.Package != nil {
				rs.Members = append(rs.Members, m.crate(dir))
			}
		}
	}
	return rs, nil
}

// crates are the root package, if any, then the members.
func (rs *Rust) crates() []RustCrate {
	if rs.Package == nil {
		return rs.Members
	}
	return append([]RustCrate{*rs.Package}, rs.Members...)
}

// Summary is "crate fast-slug 1.2.0" or "workspace of 2 crates: a, b".
func (rs *Rust) Summary() string {
	if !rs.Workspace {
		return strings.TrimSpace("crate " + rs.Package.Name + " " + rs.Package.Version)
	}
	var names []string
	for _, c := range rs.crates() {
		names = append(names, c.Name)
	}
	s := "workspace of " + probe.Plural(len(names), "crate")
	if len(names) > 0 {
		s += ": " + strings.Join(names, ", ")
	}
	if rs.WorkspaceVersion != "" {
		s += ", version " + rs.WorkspaceVersion
	}
	return s
}

// name is the root package's name, else the first member's.
func (rs *Rust) name() string {
	if cs := rs.crates(); len(cs) > 0 {
		return cs[0].Name
	}
	return ""
}

// Values are the facts the rust pack may take: Name (the root crate, else
// the first member), Edition (when the pack offers it; it sets the Rust
// version build.sh asks for), and from d, what VERSION drives:
// InitialVersion and VersionDirs (the folders whose Cargo.toml gets
// VERSION, space separated).
func (rs *Rust) Values(d *ecosystem.Drive) map[string]string {
	v := map[string]string{}
	if n := rs.name(); n != "" {
		v["Name"] = n
	}
	if d.Version != "" {
		v["InitialVersion"] = d.Version
	}
	if rs.Edition == "2021" || rs.Edition == "2024" {
		v["Edition"] = rs.Edition
	}
	v["VersionDirs"], _ = d.Words() // Facts checked them
	return v
}

// Notes say which crate names the build when the root has no package.
func (rs *Rust) Notes() []string {
	var notes []string
	if rs.Package == nil && len(rs.Members) > 0 {
		notes = append(notes, fmt.Sprintf("the workspace has no root package: the build is named after its first crate, %s (--set Name=... to change)", rs.name()))
	}
	return notes
}
