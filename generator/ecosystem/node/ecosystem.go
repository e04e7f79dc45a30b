// Package node is crane's knowledge of Node.js with npm: npm package names,
// and a package.json at a repository's root with its workspaces.
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

// Facts reads the root package.json and its workspaces.
func (Ecosystem) Facts(r *probe.Repo, _ ecosystem.Request) (*ecosystem.Facts, error) {
	if !r.Has("package.json") {
		return nil, ecosystem.MissingManifest(r, "node", "package.json (npm init)")
	}
	n, err := ReadNode(r)
	if err != nil {
		return nil, ecosystem.Unreadable("package.json", err)
	}
	f := &ecosystem.Facts{Values: n.Values(), Summary: "node: " + n.Summary(), Notes: n.Notes()}
	f.SeedVersion(r, "package.json")
	return f, nil
}
