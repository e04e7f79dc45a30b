// Package dotnet is crane's knowledge of .NET: dotted C# names, and the
// solutions, C# projects, MSBuild properties and nuspecs of a repository.
package dotnet

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/probe"
)

// Ecosystem is .NET: solutions (.sln, .slnx) anywhere below the root, their
// C# projects, and dotted C# names.
type Ecosystem struct{ dotnetName }

// Name is "dotnet".
func (Ecosystem) Name() string { return "dotnet" }

// Looks says what makes a .NET repository.
func (Ecosystem) Looks() string { return "a .NET solution (.sln, .slnx)" }

// Finds wants every .sln and .slnx file below the root.
func (Ecosystem) Finds(name string) bool {
	ext := path.Ext(name)
	return ext == ".sln" || ext == ".slnx"
}

// ChoosesSolution marks that --solution chooses among several solutions.
func (Ecosystem) ChoosesSolution() {}

// Evidence lists the solutions found.
func (e Ecosystem) Evidence(r *probe.Repo) string {
	return strings.Join(solutions(r), ", ")
}

// solutions are the .sln and .slnx files the walk found, sorted.
func solutions(r *probe.Repo) []string {
	var out []string
	for _, f := range r.Deep {
		if (Ecosystem{}).Finds(path.Base(f)) {
			out = append(out, f)
		}
	}
	return out
}

// Facts reads the solution (req.Solution, else the one recorded in the lock
// file when it is still there, else the only one), its projects and the
// package to pack.
func (Ecosystem) Facts(r *probe.Repo, req ecosystem.Request) (*ecosystem.Facts, error) {
	solution := req.Solution
	if s := req.Recorded["SolutionFile"]; s != "" && solution == "" {
		if _, err := PickSolution(r, s); err == nil {
			solution = s
		}
	}
	sol, err := PickSolution(r, solution)
	var many *ManySolutionsError
	switch {
	case errors.As(err, &many):
		return nil, ecosystem.Refusef("%vchoose one with --solution PATH", err)
	case errors.As(err, new(*NoSolutionError)):
		return nil, ecosystem.Refusef("%v; create one (dotnet new sln) or choose another pack with --pack", err)
	case err != nil:
		return nil, ecosystem.Refusef("%v", err)
	}
	d, err := ReadDotnet(r, sol)
	if err != nil {
		return nil, err
	}
	f := &ecosystem.Facts{Values: d.Values(r), Summary: "dotnet: " + d.Summary(), Notes: d.Notes}
	if d.Package == nil {
		f.Note("no packable project (every one is a test project, not C#, or sets IsPackable false); give the one to pack with --set Name=... --set ProjectDir=...")
		return f, nil
	}
	id := d.Package.PackageID
	if id == "" {
		id = "the one " + d.Package.Name + " defines"
	}
	pick := "the package is " + id + " (" + d.Package.Path + ")"
	manifest, says := "the nuspec packs", "the nuspec says"
	if packsItself(req.Pack, d.Package) {
		manifest = "the pack's TargetFramework (the SDK CI installs, the framework of a test project crane writes) is"
		says = manifest
	}
	if tfs := d.Package.TargetFrameworks; len(tfs) > 0 {
		f.Values["TargetFramework"] = knownFramework(req.Pack, tfs)
		if f.Values["TargetFramework"] == "" {
			delete(f.Values, "TargetFramework")
			pick += fmt.Sprintf("; it targets %s, which the pack does not know: %s %s (choose with --set TargetFramework=...)",
				strings.Join(tfs, ", "), says, req.Pack.Default("TargetFramework"))
		} else if len(tfs) > 1 {
			pick += fmt.Sprintf("; it targets %s: %s %s", strings.Join(tfs, ", "), manifest, f.Values["TargetFramework"])
		}
	}
	f.Notes = append([]string{pick}, f.Notes...)
	packageFacts(f, r, req.Pack, d.Package)
	return f, nil
}

// knownFramework is the first of the project's frameworks that the pack's
// TargetFramework choices hold, "" when none.
func knownFramework(p ecosystem.Pack, tfs []string) string {
	if !p.Declares("TargetFramework") {
		return ""
	}
	choices := p.Choices("TargetFramework")
	for _, tf := range tfs {
		if len(choices) == 0 || slices.Contains(choices, tf) {
			return tf
		}
	}
	return ""
}
