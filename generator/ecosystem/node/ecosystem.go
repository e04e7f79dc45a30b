// Package node is crane's knowledge of Node.js with npm: npm package names,
// a package.json at a repository's root with its workspaces, the versions
// the build keeps in step with VERSION, and the package managers (pnpm,
// Yarn 2+) whose repositories npm cannot build.
package node

import (
	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/probe"
)

// Ecosystem is Node.js with npm.
type Ecosystem struct{ nodeName }

// Name is "node".
func (Ecosystem) Name() string { return "node" }

// Looks says what makes a Node repository.
func (Ecosystem) Looks() string { return "a package.json at the root" }

// Evidence is "package.json" when the root has one.
func (Ecosystem) Evidence(r *probe.Repo) string { return ecosystem.Manifest(r, "package.json") }

// Facts reads the root package.json and its workspaces, refuses a
// repository that pnpm or Yarn 2+ builds, and decides which versions VERSION
// drives (Drives): a workspace whose packages version on their own, with no
// root version, is asked about (--set VersionDirs=...).
func (Ecosystem) Facts(r *probe.Repo, req ecosystem.Request) (*ecosystem.Facts, error) {
	if !r.Has("package.json") {
		return nil, ecosystem.MissingManifest(r, "node", "package.json (npm init)")
	}
	n, err := ReadNode(r)
	if err != nil {
		return nil, ecosystem.Unreadable("package.json", err)
	}
	notes, err := refuseManager(r, n)
	if err != nil {
		return nil, err
	}
	d, note := &ecosystem.Drive{}, ""
	if ecosystem.Drives(req.Pack) {
		if d, note, err = n.drive(req); err != nil {
			return nil, err
		}
	}
	if _, err := d.Words(); err != nil {
		return nil, err
	}
	f := &ecosystem.Facts{Values: n.Values(d), Summary: "node: " + n.Summary(), Notes: append(notes, n.Notes()...), Drives: d.Files("package.json")}
	if note != "" {
		f.Note("%s", note)
	}
	if len(f.Drives) > 0 {
		f.SeedVersion(r, f.Drives[0], req.Pack)
	}
	lerna, err := lernaVersion(r)
	if err != nil {
		return nil, ecosystem.Unreadable("lerna.json", err)
	}
	driveLerna(f, d, lerna, req.Pack)
	return f, nil
}
