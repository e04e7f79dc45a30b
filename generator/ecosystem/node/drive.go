package node

import (
	"fmt"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem"
)

// versioned are the packages that set a version: the root, then the
// workspace members, in their order.
func (n *Node) versioned() []ecosystem.Versioned {
	var out []ecosystem.Versioned
	for _, p := range append([]NodePackage{n.NodePackage}, n.Members...) {
		if p.Version != "" {
			out = append(out, ecosystem.Versioned{Dir: p.Dir, Version: p.Version})
		}
	}
	return out
}

// drive decides what VERSION drives: the folders the user chose
// (VersionDirs), else a single package's version, else the workspace
// members' when they all share one (and the root's, when it has the same),
// else the root's. Packages that set another version are left alone, and
// members that differ with no root version above them are asked about, not
// guessed. The note says what is driven and what is left alone ("" for a
// single package).
func (n *Node) drive(req ecosystem.Request) (*ecosystem.Drive, string, error) {
	pkgs := n.versioned()
	if v, ok := req.Chosen(ecosystem.DriveVariable); ok {
		d, err := ecosystem.ChooseDrive(v, pkgs, "package.json")
		if err != nil {
			return nil, "", err
		}
		return d, ecosystem.DriveNote(d, "the version of "+strings.Join(d.Files("package.json"), ", "), pkgs), nil
	}
	if n.Workspaces == nil {
		d := &ecosystem.Drive{Dirs: []string{"."}, Version: n.Version}
		if n.Version == "" {
			return d, "package.json has no version: the build adds \"version\" after \"name\" and writes VERSION there", nil
		}
		return d, "", nil
	}
	var members []ecosystem.Versioned
	for _, p := range pkgs {
		if p.Dir != "." {
			members = append(members, p)
		}
	}
	if shared := sharedVersion(members); shared != "" {
		d := &ecosystem.Drive{Version: shared}
		if n.Version == shared {
			d.Dirs = append(d.Dirs, ".")
		}
		for _, m := range members {
			d.Dirs = append(d.Dirs, m.Dir)
		}
		return d, ecosystem.DriveNote(d, fmt.Sprintf("the version of %s, which they share", strings.Join(d.Files("package.json"), ", ")), pkgs), nil
	}
	switch {
	case n.Version != "":
		d := &ecosystem.Drive{Dirs: []string{"."}, Version: n.Version}
		return d, ecosystem.DriveNote(d, "the version of the root package.json", pkgs), nil
	case len(members) == 0:
		return nil, "", ecosystem.Refusef("package.json: no package of the workspace sets a version for build.sh to write VERSION into; " +
			"add \"version\": \"0.1.0\" to the package.json of the packages that move together, or to the root's")
	}
	return nil, "", ecosystem.AskDrive("packages", pkgs,
		"give the packages that move together one version (the others keep theirs)")
}

// sharedVersion is the version all of pkgs have, "" when they differ or
// there are none.
func sharedVersion(pkgs []ecosystem.Versioned) string {
	if len(pkgs) == 0 {
		return ""
	}
	for _, p := range pkgs {
		if p.Version != pkgs[0].Version {
			return ""
		}
	}
	return pkgs[0].Version
}
