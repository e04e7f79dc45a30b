package cmd

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/ecosystem/all"
	"github.com/ewilde/crane/generator/probe"
)

// choosePack is --pack, else the lock file's pack (a folder found relative
// to the repository, see generator.ResolveSource), else the one ecosystem the
// probe found. Several ecosystems (a .NET solution and a package.json for
// front-end tooling, say) are a usage error that lists them, as several
// solutions are: --pack chooses.
func choosePack(flag string, old *generator.Lock, repo *probe.Repo) (string, error) {
	switch {
	case flag != "":
		return flag, nil
	case old != nil && old.PackSource != "":
		spec, err := generator.ResolveSource(old.PackSource, repo.Root) // a pack from a folder or git
		if err != nil {
			return "", fmt.Errorf("%w; give the pack's folder with --pack", err)
		}
		return spec, nil
	case old != nil && old.Pack != "":
		return old.Pack, nil
	}
	eco := all.Detect(repo)
	switch len(eco) {
	case 0:
		return "", usageErrorf("nothing to assemble in %s: crane looks for %s; give --pack to choose a pack (see crane packs)", repo.Root, all.Looks())
	case 1:
		return eco[0].Name(), nil
	}
	found := make([]string, len(eco))
	for i, e := range eco {
		found[i] = fmt.Sprintf("%s (%s)", e.Name(), e.Evidence(repo))
	}
	return "", usageErrorf("%s holds more than one kind of project: %s; choose the pack to assemble with --pack, e.g. --pack %s (later runs reuse it from .crane.yaml)",
		repo.Root, strings.Join(found, ", "), eco[0].Name())
}

// probeFacts asks pack p's ecosystem what the repository says, then adds
// what every ecosystem shares: a crane 0.x VERSION.txt seeds VERSION, and
// other build scripts are noted. given are the user's --set and --values.
func probeFacts(repo *probe.Repo, p *generator.Pack, solution string, old *generator.Lock, given map[string]string) (*ecosystem.Facts, error) {
	eco, ok := all.Lookup(p.Ecosystem)
	if !ok {
		return nil, usageErrorf("pack %s: ecosystem %q is unknown; known: %s", p.Name, p.Ecosystem, strings.Join(all.Names(), ", "))
	}
	if _, ok := eco.(ecosystem.SolutionChooser); solution != "" && !ok {
		return nil, usageErrorf("--solution is for packs whose projects live in a solution (such as dotnet), not %s", p.Name)
	}
	req := ecosystem.Request{Pack: p, Solution: solution, Given: given}
	if old != nil && old.Pack == p.Name {
		req.Recorded = old.Values.Strings()
	}
	f, err := eco.Facts(repo, req)
	var refusal *ecosystem.Refusal
	if errors.As(err, &refusal) {
		return nil, usageErrorf("%s", refusal.Text)
	}
	if err != nil {
		return nil, err
	}
	if f.Values == nil {
		f.Values = map[string]string{}
	}
	if repo.VersionFile == "VERSION" {
		delete(f.Values, "InitialVersion") // VERSION is the user's: the seed is never written
	}
	if repo.VersionFile == "VERSION.txt" && f.VersionFrom == "" && repo.SemVersion() != "" && p.Declares("InitialVersion") {
		f.Values["InitialVersion"] = repo.SemVersion()
		f.VersionFrom = repo.VersionFile
		f.Note("VERSION.txt (crane 0.x) says %s: VERSION starts at %s; VERSION.txt is left as it is, and crane's build scripts read VERSION",
			repo.Version, repo.SemVersion())
	}
	for _, s := range repo.BuildScripts {
		if !p.Renders(s) {
			f.Note("%s is an existing build script; crane leaves it, and adds its own build scripts beside it", s)
		}
	}
	return f, nil
}

// resolveAssemble resolves the pack's values: the probe's facts, then the
// lock file's values (when it is this pack's), then --values and --set
// (see generator.ResolveWith).
// Facts and lock values the pack does not declare are dropped. noPrompt
// (--json, or malformed --set entries) never asks for a missing value.
func resolveAssemble(e *env, p *generator.Pack, found *ecosystem.Facts, old *generator.Lock, flags map[string]string, noPrompt bool) (generator.Values, error) {
	given := map[string]string{}
	for k, v := range found.Values {
		if p.Declares(k) {
			given[k] = v
		}
	}
	if old != nil && old.Pack == p.Name {
		for k, v := range old.Values.Strings() {
			if p.Declares(k) {
				given[k] = v
			}
		}
	}
	for _, k := range found.FollowGiven {
		if v, ok := found.Values[k]; ok && p.Declares(k) {
			given[k] = v
		}
	}
	facts := e.facts()
	var ask generator.Prompter
	if e.interactive && !noPrompt {
		ask = prompter(e.ctx, e.in, e.out)
	}
	// What the repository and the lock say is dropped for a variable that
	// no longer applies; a --set for one is refused.
	return generator.ResolveWith(p, given, flags, facts, ask)
}

// openGitRepoAsync starts reading the git repository holding dir (its
// index above all) and returns a function that waits for it: the probe's
// walk of the tree and the index cost about the same on a big repository,
// and neither needs the other.
func openGitRepoAsync(dir string) func() (*generator.GitRepo, error) {
	type opened struct {
		repo *generator.GitRepo
		err  error
	}
	ch := make(chan opened, 1)
	go func() {
		r, err := generator.OpenGitRepo(dir)
		ch <- opened{r, err}
	}()
	return func() (*generator.GitRepo, error) {
		o := <-ch
		return o.repo, o.err
	}
}
