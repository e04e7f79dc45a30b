package node

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"

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
}

// NodePackage is one package.json: its folder (slash-separated, "." for the
// root), name, version, whether it is private and whether it has a test
// script.
type NodePackage struct {
	Dir, Name, Version string
	Private, HasTest   bool
}

// packageJSON is the part of package.json crane reads.
type packageJSON struct {
	Name       string            `json:"name"`
	Version    string            `json:"version"`
	Private    bool              `json:"private"`
	Type       string            `json:"type"`
	Scripts    map[string]string `json:"scripts"`
	Workspaces json.RawMessage   `json:"workspaces"`
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
	n := &Node{NodePackage: p.pkg("."), Type: p.Type}
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
	return NodePackage{Dir: dir, Name: p.Name, Version: p.Version, Private: p.Private, HasTest: strings.TrimSpace(p.Scripts["test"]) != ""}
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

// version is the version VERSION starts at: the root's for a single
// package, the first member's for a workspace (its packages get VERSION).
func (n *Node) version() string {
	if n.Workspaces == nil {
		return n.Version
	}
	for _, m := range n.Members {
		if m.Version != "" {
			return m.Version
		}
	}
	return ""
}

// Notes are what the user should know before building: packages without a
// test script (npm test fails there), a private single package (npm will
// not publish it) and members whose versions differ (the build gives them
// all VERSION).
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
	if v := n.version(); n.Workspaces != nil {
		for _, m := range n.Members {
			if m.Version != v {
				notes = append(notes, fmt.Sprintf("the workspace packages have different versions; VERSION starts at %s and the build gives every package VERSION", v))
				break
			}
		}
	}
	return notes
}

// Values are the facts the node pack may take: Name (the root package's
// name), InitialVersion and Workspaces (the patterns build.sh cleans, space
// separated; empty for a single package). Patterns with characters a shell
// would read are left out.
func (n *Node) Values() map[string]string {
	v := map[string]string{}
	if n.Name != "" {
		v["Name"] = n.Name
	}
	if s := n.version(); s != "" {
		v["InitialVersion"] = s
	}
	v["Workspaces"] = probe.ShellWords(n.Workspaces)
	return v
}
