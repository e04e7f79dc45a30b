package node

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/probe"
)

// refuseManager refuses a repository that another package manager than npm
// builds (pnpm, Yarn 2 and later), naming the evidence, and one whose
// dependencies use the workspace: protocol, which npm cannot install. The
// node pack builds with npm: on such a repository it would install other
// versions than the lock file's, or fail with EUNSUPPORTEDPROTOCOL. It
// returns the notes for what npm can still build (Yarn 1's yarn.lock).
func refuseManager(r *probe.Repo, n *Node) ([]string, error) {
	pm := strings.SplitN(n.PackageManager, "@", 2)[0]
	var pnpm, berry []string
	for _, f := range []string{"pnpm-workspace.yaml", "pnpm-lock.yaml"} {
		if r.Has(f) {
			pnpm = append(pnpm, f)
		}
	}
	if pm == "pnpm" {
		pnpm = append(pnpm, fmt.Sprintf("\"packageManager\": %q", n.PackageManager))
	}
	if r.Has(".yarnrc.yml") {
		berry = append(berry, ".yarnrc.yml")
	}
	var notes []string
	if r.Has("yarn.lock") {
		if lock, err := probe.ReadInside(r.Root, "yarn.lock"); err == nil && bytes.Contains(lock, []byte("\n__metadata:")) {
			berry = append(berry, "yarn.lock with __metadata")
		} else {
			notes = append(notes, "yarn.lock is Yarn 1's: the build installs with npm, which does not read it (npm writes package-lock.json)")
		}
	}
	if pm == "yarn" && !strings.HasPrefix(n.PackageManager, "yarn@1.") {
		berry = append(berry, fmt.Sprintf("\"packageManager\": %q", n.PackageManager))
	}
	switch {
	case len(pnpm) > 0:
		return nil, ecosystem.Refusef("a pnpm workspace (%s): crane's node pack builds npm workspaces with npm, which reads neither pnpm-workspace.yaml nor pnpm-lock.yaml "+
			"and fails on the workspace: protocol (EUNSUPPORTEDPROTOCOL); keep building it with pnpm, "+
			"or move it to npm workspaces (\"workspaces\" in package.json, package-lock.json) and run crane assemble again", strings.Join(pnpm, ", "))
	case len(berry) > 0:
		return nil, ecosystem.Refusef("a Yarn %s project (%s): crane's node pack builds with npm, which reads neither .yarnrc.yml nor Yarn's yarn.lock "+
			"(nor Plug'n'Play or the workspace: protocol), so it would install other versions than yours or none; keep building it with Yarn, "+
			"or move it to npm (package-lock.json) and run crane assemble again", "2 or later", strings.Join(berry, ", "))
	}
	for _, p := range append([]NodePackage{n.NodePackage}, n.Members...) {
		if p.WorkspaceDep != "" {
			return nil, ecosystem.Refusef("%s: %s uses the workspace: protocol of pnpm and Yarn, which npm cannot install (EUNSUPPORTEDPROTOCOL); "+
				"crane's node pack builds with npm: give the dependency a version range (npm links workspace packages that match it), or keep building with pnpm or Yarn",
				path.Join(p.Dir, "package.json"), p.WorkspaceDep)
		}
	}
	return notes, nil
}
