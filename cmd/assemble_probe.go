package cmd

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/generator/probe"
)

// repoFacts are what the probe found, ready for a pack: values by variable
// name, a one-line summary, notes for the user, and the file VERSION is
// seeded from ("" when none).
type repoFacts struct {
	values      map[string]string
	summary     string
	notes       []string
	versionFrom string
}

// choosePack is --pack, else the lock file's pack, else the one ecosystem the
// probe found. Several ecosystems (a .NET solution and a package.json for
// front-end tooling, say) are a usage error that lists them, as several
// solutions are: --pack chooses.
func choosePack(flag string, old *generator.Lock, repo *probe.Repo) (string, error) {
	switch {
	case flag != "":
		return flag, nil
	case old != nil && old.Pack != "":
		return old.Pack, nil
	}
	eco := repo.Ecosystems()
	switch len(eco) {
	case 0:
		return "", usageErrorf("nothing to assemble in %s: crane looks for a .NET solution (.sln, .slnx), "+
			"a Go module (go.mod, go.work), or a Cargo.toml, pyproject.toml or package.json at the root; give --pack to choose a pack (see crane packs)", repo.Root)
	case 1:
		return eco[0], nil
	}
	found := make([]string, len(eco))
	for i, e := range eco {
		found[i] = fmt.Sprintf("%s (%s)", e, repo.Evidence(e))
	}
	return "", usageErrorf("%s holds more than one kind of project: %s; choose the pack to assemble with --pack, e.g. --pack %s (later runs reuse it from .crane.yaml)",
		repo.Root, strings.Join(found, ", "), eco[0])
}

// probeFacts reads what pack p needs from the repository. For dotnet the
// solution is --solution, else the lock file's when it is still there, else
// the one found.
func probeFacts(repo *probe.Repo, p *generator.Pack, solution string, old *generator.Lock) (*repoFacts, error) {
	f := &repoFacts{}
	if old == nil || old.Pack != p.Name {
		old = &generator.Lock{}
	}
	if s, ok := old.Values["SolutionFile"].(string); ok && solution == "" {
		if _, err := repo.PickSolution(s); err == nil {
			solution = s
		}
	}
	switch p.Name {
	case probe.EcosystemDotnet:
		if err := dotnetFacts(repo, p, solution, f); err != nil {
			return nil, err
		}
	case probe.EcosystemGo:
		if repo.GoMod == "" && repo.GoWork == "" {
			return nil, usageErrorf("no go.mod or go.work (go mod init) at the root of %s; the go pack builds from it: add one, or choose another pack with --pack", repo.Root)
		}
		g, err := repo.ReadGo()
		if err != nil {
			return nil, fmt.Errorf("reading the Go module: %w", err)
		}
		if repo.GoMod != "" && g.Module == "" {
			return nil, usageErrorf("%s has no module line (go mod init MODULE writes one); fix it, or choose another pack with --pack", repo.GoMod)
		}
		f.values, f.summary = g.Values(), "go: "+g.Summary()
	case probe.EcosystemRust, probe.EcosystemPython, probe.EcosystemNode:
		if err := manifestFacts(repo, p.Name, f); err != nil {
			return nil, err
		}
	default:
		f.values, f.summary = map[string]string{}, p.Name
	}
	if solution != "" && p.Name != probe.EcosystemDotnet {
		return nil, usageErrorf("--solution is for the dotnet pack, not %s", p.Name)
	}
	if repo.VersionFile == "VERSION" {
		delete(f.values, "InitialVersion") // VERSION is the user's: the seed is never written
	}
	if repo.VersionFile == "VERSION.txt" && f.versionFrom == "" && repo.SemVersion() != "" && declares(p, "InitialVersion") {
		f.values["InitialVersion"] = repo.SemVersion()
		f.versionFrom = repo.VersionFile
		f.notes = append(f.notes, fmt.Sprintf("VERSION.txt (crane 0.x) says %s: VERSION starts at %s; VERSION.txt is left as it is, and crane's build scripts read VERSION",
			repo.Version, repo.SemVersion()))
	}
	for _, s := range repo.BuildScripts {
		if s != "build.sh" && s != "build.ps1" {
			f.notes = append(f.notes, fmt.Sprintf("%s is an existing build script; crane leaves it, and its build.sh and build.ps1 sit beside it", s))
		}
	}
	return f, nil
}

func dotnetFacts(repo *probe.Repo, p *generator.Pack, solution string, f *repoFacts) error {
	sol, err := repo.PickSolution(solution)
	var many *probe.ManySolutionsError
	switch {
	case errors.As(err, &many):
		return usageErrorf("%vchoose one with --solution PATH", err)
	case errors.As(err, new(*probe.NoSolutionError)):
		return usageErrorf("%v; create one (dotnet new sln) or choose another pack with --pack", err)
	case err != nil:
		return usageErrorf("%v", err)
	}
	d, err := repo.ReadDotnet(sol)
	if err != nil {
		return err
	}
	f.values, f.summary, f.notes = d.Values(repo), "dotnet: "+d.Summary(), d.Notes
	if d.Package == nil {
		f.notes = append(f.notes, "no packable project (every one is a test project, not C#, or sets IsPackable false); give the one to pack with --set Name=... --set ProjectDir=...")
		return nil
	}
	pick := "the package is " + d.Package.Name + " (" + d.Package.Path + ")"
	if tfs := d.Package.TargetFrameworks; len(tfs) > 0 {
		f.values["TargetFramework"] = knownFramework(p, tfs)
		if f.values["TargetFramework"] == "" {
			delete(f.values, "TargetFramework")
			v, _ := p.Variable("TargetFramework")
			pick += fmt.Sprintf("; it targets %s, which the pack does not know: the nuspec says %s (choose with --set TargetFramework=...)", strings.Join(tfs, ", "), v.Default)
		} else if len(tfs) > 1 {
			pick += fmt.Sprintf("; it targets %s: the nuspec packs %s", strings.Join(tfs, ", "), f.values["TargetFramework"])
		}
	}
	f.notes = append([]string{pick}, f.notes...)
	return nil
}

// knownFramework is the first of the project's frameworks that the pack's
// TargetFramework choices hold, "" when none.
func knownFramework(p *generator.Pack, tfs []string) string {
	v, ok := p.Variable("TargetFramework")
	if !ok {
		return ""
	}
	for _, tf := range tfs {
		if len(v.Choices) == 0 || slices.Contains(v.Choices, tf) {
			return tf
		}
	}
	return ""
}

func declares(p *generator.Pack, name string) bool {
	v, ok := p.Variable(name)
	return ok && !v.Computed
}

// resolveAssemble resolves the pack's values: the probe's facts, then the
// lock file's values (when it is this pack's), then --values and --set.
// Facts and lock values the pack does not declare are dropped. noPrompt
// (--json, or malformed --set entries) never asks for a missing value.
func resolveAssemble(e *env, p *generator.Pack, found *repoFacts, old *generator.Lock, flags map[string]string, noPrompt bool) (generator.Values, error) {
	given := map[string]string{}
	for k, v := range found.values {
		if declares(p, k) {
			given[k] = v
		}
	}
	if old != nil && old.Pack == p.Name {
		for k, v := range old.Values.Strings() {
			if declares(p, k) {
				given[k] = v
			}
		}
	}
	for k, v := range flags {
		given[k] = v
	}
	facts := e.facts()
	var ask generator.Prompter
	if e.interactive && !noPrompt {
		ask = prompter(e.ctx, e.in, e.out)
	}
	return generator.Resolve(p, given, facts, ask)
}
