// Package golang is crane's knowledge of Go: module paths as names, and a
// go.mod or go.work at a repository's root, its commands and go version.
package golang

import (
	"fmt"
	"strings"
	"text/template"

	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/probe"
)

// Ecosystem is Go.
type Ecosystem struct{ goName }

// Name is "go".
func (Ecosystem) Name() string { return "go" }

// Looks says what makes a Go repository.
func (Ecosystem) Looks() string { return "a Go module (go.mod, go.work)" }

// Evidence is "go.mod", "go.work" or both.
func (Ecosystem) Evidence(r *probe.Repo) string {
	var found []string
	for _, f := range []string{"go.mod", "go.work"} {
		if r.Has(f) {
			found = append(found, f)
		}
	}
	return strings.Join(found, ", ")
}

// Facts reads the module and workspace: the module path, the go directive
// (kept however old, with a note), the command to build (a given Main wins;
// several are listed) and the version VERSION starts at (the latest release
// tag of the module's major version, else N.0.0 for a /vN module).
func (e Ecosystem) Facts(r *probe.Repo, req ecosystem.Request) (*ecosystem.Facts, error) {
	if e.Evidence(r) == "" {
		return nil, ecosystem.Refusef("no go.mod or go.work (go mod init) at the root of %s; the go pack builds from it: add one, or choose another pack with --pack", r.Root)
	}
	g, err := ReadGo(r)
	if err != nil {
		return nil, fmt.Errorf("reading the Go module: %w", err)
	}
	if r.Has("go.mod") && g.Module == "" {
		return nil, ecosystem.Refusef("go.mod has no module line (go mod init MODULE writes one); fix it, or choose another pack with --pack")
	}
	follow, given := takeGivenMain(g, req.Given)
	f := &ecosystem.Facts{Values: g.Values(), Summary: "go: " + g.Summary(), FollowGiven: follow}
	if req.Pack == nil || req.Pack.Declares("Main") {
		noteMains(f, g, given) // which command the build releases
	}
	noteOldGo(f, g)
	seedFromTag(f, r, g, req.Pack)
	if req.Pack != nil && !req.Pack.Renders("build.sh") {
		return f, nil // no build script whose lint runs gofmt
	}
	if files := unformatted(r.Root); len(files) > 0 {
		them := "them"
		if len(files) == 1 {
			them = "it"
		}
		f.Note("gofmt would change %s (%s): ./build.sh lint, which the workflow runs, fails until you run gofmt -w on %s",
			probe.Plural(len(files), "Go file"), strings.Join(firstFew(files, 3), ", "), them)
	}
	return f, nil
}

// firstFew is the first n of s, with "..." for the rest.
func firstFew(s []string, n int) []string {
	if len(s) <= n {
		return s
	}
	return append(s[:n:n], "...")
}

// Funcs are the template functions Go packs use: goPackage (the package
// name a module path gives), goExecName (the binary go install builds) and
// goMajor (the major version a /vN or .vN suffix names, 0 for none).
func (Ecosystem) Funcs() template.FuncMap {
	return template.FuncMap{"goPackage": PackageName, "goExecName": ExecName, "goMajor": PathMajor}
}
