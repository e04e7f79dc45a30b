package node

import (
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/probe"
)

// Node is an npm package, or an npm workspace, at the root of a repository.
type Node struct {
	NodePackage
	// Type is package.json's module type: "module" or "commonjs" (the
	// default when unset).
	Type string
	// Workspaces are the root's workspace patterns, from the array form
	// ("workspaces": [...]) or the object form ("workspaces": {"packages":
	// [...]}); nil for a single package.
	Workspaces []string
	// Members are the workspace packages the patterns match, in their order.
	Members []NodePackage
	// PackageManager is package.json's "packageManager" ("pnpm@9.1.0").
	PackageManager string
}

// NodePackage is one package.json: its folder (slash-separated, "." for the
// root), name, version, whether it is private and whether it has a test
// script; WorkspaceDep is its first dependency on the workspace: protocol
// ("\"zod\": \"workspace:*\""), which npm cannot install.
type NodePackage struct {
	Dir, Name, Version string
	Private, HasTest   bool
	WorkspaceDep       string
}

// packageJSON is the part of package.json crane reads.
type packageJSON struct {
	Name       string            `json:"name"`
	Version    string            `json:"version"`
	Private    bool              `json:"private"`
	Type       string            `json:"type"`
	Scripts    map[string]string `json:"scripts"`
	Workspaces json.RawMessage   `json:"workspaces"`
	Manager    string            `json:"packageManager"`
	// The dependencies of every kind, for the workspace: protocol.
	Deps     map[string]string `json:"dependencies"`
	DevDeps  map[string]string `json:"devDependencies"`
	PeerDeps map[string]string `json:"peerDependencies"`
	OptDeps  map[string]string `json:"optionalDependencies"`
}

func readPackageJSON(root, dir string) (*packageJSON, error) {
	data, err := probe.ReadInside(root, path.Join(dir, "package.json"))
	if err != nil {
		return nil, err
	}
	var p packageJSON
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("%s: %w", path.Join(dir, "package.json"), err)
	}
	return &p, nil
}

// ReadNode reads the root's package.json and, for a workspace, each member's.
func ReadNode(r *probe.Repo) (*Node, error) {
	p, err := readPackageJSON(r.Root, ".")
	if err != nil {
		return nil, err
	}
	n := &Node{NodePackage: p.pkg("."), Type: p.Type, PackageManager: p.Manager}
	if n.Type == "" {
		n.Type = "commonjs"
	}
	if n.Workspaces, err = workspacePatterns(p.Workspaces); err != nil {
		return nil, err
	}
	for _, dir := range probe.ExpandMembers(r.Root, n.Workspaces, []string{"."}, "package.json") {
		m, err := readPackageJSON(r.Root, dir)
		if err != nil {
			return nil, err
		}
		n.Members = append(n.Members, m.pkg(dir))
	}
	return n, nil
}

func (p *packageJSON) pkg(dir string) NodePackage {
	np := NodePackage{Dir: dir, Name: p.Name, Version: p.Version, Private: p.Private, HasTest: strings.TrimSpace(p.Scripts["test"]) != ""}
	for _, deps := range []map[string]string{p.Deps, p.DevDeps, p.PeerDeps, p.OptDeps} {
		for _, name := range slices.Sorted(maps.Keys(deps)) {
			if strings.HasPrefix(deps[name], "workspace:") && np.WorkspaceDep == "" {
				np.WorkspaceDep = fmt.Sprintf("%q: %q", name, deps[name])
			}
		}
	}
	return np
}

// workspacePatterns reads "workspaces" in either form npm and yarn take.
func workspacePatterns(raw json.RawMessage) ([]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err == nil {
		return list, nil
	}
	var obj struct {
		Packages []string `json:"packages"`
	}
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, fmt.Errorf("package.json: workspaces is neither a list of folders nor {\"packages\": [...]}")
	}
	return obj.Packages, nil
}

// Summary is "package widget 1.2.0 (ES module)" or "workspace acme, 2
// packages: packages/a, packages/b".
func (n *Node) Summary() string {
	kind := map[string]string{"module": "ES module", "commonjs": "CommonJS"}[n.Type]
	if kind == "" {
		kind = "type " + n.Type
	}
	name := n.Name
	if name == "" {
		name = "(no name)"
	}
	if n.Workspaces == nil {
		s := "package " + name
		if n.Version != "" {
			s += " " + n.Version
		}
		if n.Private {
			kind += ", private"
		}
		return s + " (" + kind + ")"
	}
	dirs := make([]string, len(n.Members))
	for i, m := range n.Members {
		dirs[i] = m.Dir
	}
	s := fmt.Sprintf("workspace %s, %s", name, probe.Plural(len(n.Members), "package"))
	if len(dirs) > 0 {
		s += ": " + strings.Join(dirs, ", ")
	}
	return s
}

// Notes are what the user should know before building: packages without a
// test script (npm test fails there) and a private single package (npm will
// not publish it).
func (n *Node) Notes() []string {
	var notes []string
	pkgs := []NodePackage{n.NodePackage}
	if n.Workspaces != nil {
		pkgs = n.Members
		if len(n.Members) == 0 {
			notes = append(notes, fmt.Sprintf("the workspaces %s match no folder with a package.json", strings.Join(n.Workspaces, ", ")))
		}
	}
	for _, p := range pkgs {
		if !p.HasTest {
			notes = append(notes, fmt.Sprintf("%s has no test script, so npm test (./build.sh test) fails there; add one, e.g. \"test\": \"node --test\"", path.Join(p.Dir, "package.json")))
		}
	}
	if n.Workspaces == nil && n.Private {
		notes = append(notes, "package.json is private: ./build.sh pack works, but npm refuses ./build.sh publish until you drop \"private\": true")
	}
	return notes
}

// Values are the facts the node pack may take: Name (the root package's
// name), Workspaces (the patterns build.sh cleans, space separated; empty
// for a single package), and from d, what VERSION drives: InitialVersion
// and VersionDirs. Folders and patterns with characters a shell would read
// are left out.
func (n *Node) Values(d *ecosystem.Drive) map[string]string {
	v := map[string]string{}
	if n.Name != "" {
		v["Name"] = n.Name
	}
	if d.Version != "" {
		v["InitialVersion"] = d.Version
	}
	v["VersionDirs"], _ = d.Words() // Facts checked them
	v["Workspaces"] = probe.ShellWords(n.Workspaces)
	return v
}
