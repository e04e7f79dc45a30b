// Package all lists crane's ecosystems. Adding an ecosystem is adding its
// package under generator/ecosystem and one line here.
package all

import (
	"slices"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/ecosystem/dotnet"
	"github.com/ewilde/crane/generator/ecosystem/golang"
	"github.com/ewilde/crane/generator/ecosystem/node"
	"github.com/ewilde/crane/generator/ecosystem/python"
	"github.com/ewilde/crane/generator/ecosystem/rust"
	"github.com/ewilde/crane/generator/probe"
)

// ecosystems are in the order assemble lists what it finds: most specific
// first, a package.json last (often only a repository's front-end tooling).
var ecosystems = []ecosystem.Ecosystem{
	dotnet.Ecosystem{},
	golang.Ecosystem{},
	rust.Ecosystem{},
	python.Ecosystem{},
	node.Ecosystem{},
}

// Ecosystems returns every ecosystem, in the order above.
func Ecosystems() []ecosystem.Ecosystem { return slices.Clone(ecosystems) }

// Lookup returns the ecosystem named name.
func Lookup(name string) (ecosystem.Ecosystem, bool) {
	for _, e := range ecosystems {
		if e.Name() == name {
			return e, true
		}
	}
	return nil, false
}

// Names are the ecosystems' names, sorted.
func Names() []string {
	var names []string
	for _, e := range ecosystems {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

// Finds reports whether any ecosystem wants files named name anywhere below
// a repository's root (probe.Scan's want).
func Finds(name string) bool {
	for _, e := range ecosystems {
		if d, ok := e.(ecosystem.DeepFinder); ok && d.Finds(name) {
			return true
		}
	}
	return false
}

// Looks lists what every ecosystem looks for: "a .NET solution (.sln,
// .slnx), a Go module (go.mod, go.work), ... or a package.json at the root".
func Looks() string {
	var l []string
	for _, e := range ecosystems {
		l = append(l, e.Looks())
	}
	return strings.Join(l[:len(l)-1], ", ") + " or " + l[len(l)-1]
}

// Detect returns the ecosystems r belongs to, in the order above.
func Detect(r *probe.Repo) []ecosystem.Ecosystem {
	var found []ecosystem.Ecosystem
	for _, e := range ecosystems {
		if e.Evidence(r) != "" {
			found = append(found, e)
		}
	}
	return found
}
