package rust

import (
	"fmt"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem"
)

// versioned are the crates that set a version of their own: the root (its
// [workspace.package] version, else its [package] one) and each member with
// a version that is not version.workspace = true.
func (rs *Rust) versioned() []ecosystem.Versioned {
	var out []ecosystem.Versioned
	if rs.WorkspaceVersion != "" {
		out = append(out, ecosystem.Versioned{Dir: ".", Version: rs.WorkspaceVersion})
	} else if rs.Package != nil && rs.Package.Version != "" {
		out = append(out, ecosystem.Versioned{Dir: ".", Version: rs.Package.Version})
	}
	for _, m := range rs.Members {
		if m.Version != "" {
			out = append(out, ecosystem.Versioned{Dir: m.Dir, Version: m.Version})
		}
	}
	return out
}

// drive decides what VERSION drives: the folders the user chose
// (VersionDirs), else [workspace.package] version (and the crates that
// inherit it), else the root's [package] version, else the members' when
// they all share one. Crates that set their own version are left alone, and
// members that differ with nothing above them are asked about, not guessed.
// The note says what is driven and what is left alone ("" for one crate).
func (rs *Rust) drive(req ecosystem.Request) (*ecosystem.Drive, string, error) {
	pkgs := rs.versioned()
	if v, ok := req.Chosen(ecosystem.DriveVariable); ok {
		d, err := ecosystem.ChooseDrive(v, pkgs, "Cargo.toml")
		if err != nil {
			return nil, "", err
		}
		return d, ecosystem.DriveNote(d, "the version of "+strings.Join(d.Files("Cargo.toml"), ", "), pkgs), nil
	}
	if len(pkgs) == 0 {
		return nil, "", ecosystem.Refusef("Cargo.toml: no crate sets a version for build.sh to write VERSION into; " +
			"add version = \"0.1.0\" to [workspace.package] (with version.workspace = true in the crates) or to [package]")
	}
	var d *ecosystem.Drive
	var what string
	switch {
	case rs.WorkspaceVersion != "":
		d = &ecosystem.Drive{Dirs: []string{"."}, Version: rs.WorkspaceVersion}
		what = "[workspace.package] version in Cargo.toml"
		if heirs := rs.heirs(); len(heirs) > 0 {
			what += fmt.Sprintf(", which %s inherit (version.workspace = true)", strings.Join(heirs, ", "))
		}
	case rs.Package != nil && rs.Package.Version != "":
		d = &ecosystem.Drive{Dirs: []string{"."}, Version: rs.Package.Version}
		what = fmt.Sprintf("[package] version in Cargo.toml (%s)", rs.Package.Name)
	default:
		for _, p := range pkgs {
			if p.Version != pkgs[0].Version {
				return nil, "", ecosystem.AskDrive("crates", pkgs,
					"give the crates that move together one version: version in [workspace.package], version.workspace = true in each")
			}
		}
		d = &ecosystem.Drive{Version: pkgs[0].Version}
		for _, p := range pkgs {
			d.Dirs = append(d.Dirs, p.Dir)
		}
		what = fmt.Sprintf("the version of %s, which they share", strings.Join(d.Files("Cargo.toml"), ", "))
	}
	if !rs.Workspace {
		return d, "", nil
	}
	return d, ecosystem.DriveNote(d, what, pkgs), nil
}

// heirs are the names of the crates with version.workspace = true.
func (rs *Rust) heirs() []string {
	var out []string
	for _, c := range rs.crates() {
		if c.Inherits {
			out = append(out, c.Name)
		}
	}
	return out
}
