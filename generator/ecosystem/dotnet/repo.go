package dotnet

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/ewilde/crane/generator/probe"
)

// NoSolutionError is a repository with no .NET solution.
type NoSolutionError struct{ Root string }

func (e *NoSolutionError) Error() string {
	return fmt.Sprintf("no .NET solution in %s: crane looks for one .sln or .slnx file below it, "+
		"skipping .git, bin, obj, packages, node_modules and git-ignored folders", e.Root)
}

// ManySolutionsError is a repository with more than one solution, none chosen.
type ManySolutionsError struct{ Found []string }

func (e *ManySolutionsError) Error() string {
	return fmt.Sprintf("found %d solutions:\n  %s\n", len(e.Found), strings.Join(e.Found, "\n  "))
}

// PickSolution returns the solution to use: want when given (relative to
// the root, or absolute inside it), else the only one found.
func PickSolution(r *probe.Repo, want string) (string, error) {
	if want == "" {
		switch len(solutions(r)) {
		case 0:
			return "", &NoSolutionError{Root: r.Root}
		case 1:
			return solutions(r)[0], nil
		}
		return "", &ManySolutionsError{Found: solutions(r)}
	}
	rel := filepath.ToSlash(filepath.Clean(want))
	if filepath.IsAbs(want) {
		var err error
		if rel, err = filepath.Rel(r.Root, want); err != nil {
			return "", err
		}
		rel = filepath.ToSlash(rel)
	}
	if ext := path.Ext(rel); ext != ".sln" && ext != ".slnx" {
		return "", fmt.Errorf("solution %s: not a .sln or .slnx file", want)
	}
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", fmt.Errorf("solution %s: outside %s; give a solution inside it, relative to its root", want, r.Root)
	}
	if _, err := probe.Inside(r.Root, rel); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", &NoSuchSolutionError{Want: want, Root: r.Root, Found: solutions(r)}
		}
		return "", fmt.Errorf("solution %s: %v; give a solution inside %s", want, unwrapPath(err), r.Root)
	}
	return rel, nil
}

// NoSuchSolutionError is a --solution that is not there.
type NoSuchSolutionError struct {
	Want, Root string
	Found      []string
}

func (e *NoSuchSolutionError) Error() string {
	msg := fmt.Sprintf("solution %s: no such file in %s (crane looks for the path relative to the repository's root)", e.Want, e.Root)
	switch len(e.Found) {
	case 0:
		return msg + "; there is no .sln or .slnx below it: create one (dotnet new sln) or leave out --solution"
	case 1:
		return msg + fmt.Sprintf("; the solution there is %s: give --solution %s, or leave it out", e.Found[0], e.Found[0])
	}
	return msg + fmt.Sprintf("; the solutions there are %s: give one of them with --solution", strings.Join(e.Found, ", "))
}

// Dotnet is a .NET solution and its projects.
type Dotnet struct {
	Solution string // slash-separated, relative to the root
	Format   string // "sln" or "slnx"
	Projects []Project
	// Package is the project crane packs: the packable project named like
	// the solution, else the first packable one. Nil when none is packable.
	Package *Project
	// Notes say what crane chose and what it could not read.
	Notes []string
}

// ReadDotnet reads solution (a path PickSolution gave) and its projects.
func ReadDotnet(r *probe.Repo, solution string) (*Dotnet, error) {
	data, err := probe.ReadInside(r.Root, solution)
	if err != nil {
		return nil, err
	}
	var s *Solution
	if path.Ext(solution) == ".slnx" {
		s, err = ParseSlnx(data)
	} else {
		s, err = ParseSln(data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", solution, err)
	}
	d := &Dotnet{Solution: solution, Format: s.Format}
	for _, sp := range s.Projects {
		d.Projects = append(d.Projects, readProject(r, path.Join(path.Dir(solution), sp.Path), d))
	}
	d.pickPackage()
	return d, nil
}

func readProject(r *probe.Repo, rel string, d *Dotnet) Project {
	p := Project{Name: strings.TrimSuffix(path.Base(rel), path.Ext(rel)), Path: rel, Missing: true}
	if rel == ".." || strings.HasPrefix(rel, "../") {
		d.note("%s is outside the repository; crane does not read it", rel)
		return p
	}
	if _, err := probe.ReadInside(r.Root, rel); err != nil {
		d.note("%s is in the solution but cannot be read (%v)", rel, unwrapPath(err))
		return p
	}
	p, err := evalProject(repoFiles{root: r.Root}, rel)
	if err != nil {
		d.note("%s: not a readable project file (%v)", rel, unwrapPath(err))
		p.Missing = true
		return p
	}
	readNuspec(r, &p)
	if !p.SDKStyle {
		if cfg, err := probe.ReadInside(r.Root, path.Join(path.Dir(rel), "packages.config")); err == nil &&
			strings.Contains(strings.ToLower(string(cfg)), `id="microsoft.net.test.sdk"`) {
			p.Test = true
		}
		if !p.Test {
			d.note("%s is an old-style project; dotnet pack (./build.sh pack) needs an SDK-style one", rel)
		}
	}
	return p
}

// repoFiles reads a repository for the MSBuild evaluator, never through a
// symlink out of it.
type repoFiles struct{ root string }

func (f repoFiles) Read(rel string) ([]byte, error) { return probe.ReadInside(f.root, rel) }

func (f repoFiles) Exists(rel string) bool {
	_, err := probe.Inside(f.root, rel)
	return err == nil
}

func (d *Dotnet) pickPackage() {
	base := strings.TrimSuffix(path.Base(d.Solution), path.Ext(d.Solution))
	var packable []*Project
	for i := range d.Projects {
		if d.Projects[i].Packable() {
			packable = append(packable, &d.Projects[i])
		}
	}
	for _, p := range packable {
		if p.Name == base {
			d.Package = p
		}
	}
	if d.Package == nil && len(packable) > 0 {
		d.Package = packable[0]
		if len(packable) > 1 {
			d.note("%d packable projects and none named like the solution; crane packs the first, %s (choose another with --set Name=... --set ProjectDir=...)", len(packable), d.Package.Name)
			return
		}
	}
	var others []string
	for _, p := range packable {
		if p != d.Package {
			others = append(others, p.Path)
		}
	}
	if n := len(others); n > 3 {
		others = append(others[:3], fmt.Sprintf("and %d more", n-3))
	}
	if len(others) > 0 {
		d.note("crane's build packs %s only, not the other packable projects (%s); choose the one to pack with --set Name=... --set ProjectDir=...",
			d.Package.Name, strings.Join(others, ", "))
	}
}

func (d *Dotnet) note(format string, args ...any) {
	d.Notes = append(d.Notes, fmt.Sprintf(format, args...))
}

// Tests counts the test projects.
func (d *Dotnet) Tests() int {
	n := 0
	for _, p := range d.Projects {
		if p.Test {
			n++
		}
	}
	return n
}

// Summary is "Acme.Widgets.sln, 3 projects, 1 test project".
func (d *Dotnet) Summary() string {
	return fmt.Sprintf("%s, %s, %s", d.Solution, probe.Plural(len(d.Projects), "project"), probe.Plural(d.Tests(), "test project"))
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
