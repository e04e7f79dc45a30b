package ecosystem

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

// SolutionAdder is an Ecosystem with a file that lists a repository's
// projects (a .NET solution): pack.yaml's add_to_solution action uses it to
// list a project the pack renders in the solution the pack renders, as
// `dotnet sln add` would, without running anything. Every method is pure:
// it sees bytes, never a file system.
type SolutionAdder interface {
	// CheckEntry says what is wrong with e as an entry of the ecosystem's
	// solutions, nil when nothing is: its project (a clean path from the
	// root, e.g. "src/Acme.Api/Acme.Api.csproj", perhaps with __Var__
	// tokens) must be one of the ecosystem's project files, and its folder
	// one the solution format has.
	CheckEntry(e SolutionEntry) error
	// IsSolution reports whether the file at p (slash-separated, from the
	// root), holding data, is a solution AddToSolution can edit.
	IsSolution(p string, data []byte) bool
	// AddToSolution returns data, the solution at sol, with e's project
	// listed. A solution that lists it already comes back unchanged, byte
	// for byte, so adding twice is adding once. An error says why the
	// solution cannot be read.
	AddToSolution(sol string, data []byte, e SolutionEntry) ([]byte, error)
}

// SolutionEntry is a project to list in a solution.
type SolutionEntry struct {
	// Project is the project file's path from the root, slash-separated.
	Project string
	// Folder is the solution folder to list it in ("src"), "" for the
	// solution's top level.
	Folder string
}

// RelativeTo returns target (a clean path from the root) relative to the
// folder of file (also from the root), with "../" where it must climb.
func RelativeTo(file, target string) string {
	dir := path.Dir(file)
	if dir == "." {
		return target
	}
	from, to := strings.Split(dir, "/"), strings.Split(target, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}

// MemberMatch reports whether a workspace member pattern (Cargo's members,
// npm's workspaces: a folder, or a glob whose segments path.Match reads,
// "**" standing for any number of folders) covers dir. Both are
// slash-separated, relative to the workspace's root; a leading "./" is
// ignored.
func MemberMatch(pattern, dir string) bool {
	clean := func(s string) []string {
		s = path.Clean(strings.TrimPrefix(strings.TrimSpace(s), "./"))
		return strings.Split(s, "/")
	}
	p, d := clean(pattern), clean(dir)
	return slices.Equal(p, d) || matchSegs(p, d)
}

func matchSegs(pat, segs []string) bool {
	if len(pat) == 0 {
		return len(segs) == 0
	}
	if pat[0] == "**" {
		for i := 0; i <= len(segs); i++ {
			if matchSegs(pat[1:], segs[i:]) {
				return true
			}
		}
		return false
	}
	if len(segs) == 0 {
		return false
	}
	ok, err := path.Match(pat[0], segs[0])
	return ok && err == nil && matchSegs(pat[1:], segs[1:])
}

// CheckMemberEntry is CheckEntry for a workspace whose members are folders
// holding a manifest (go.work's modules, Cargo's crates, npm's packages):
// e's project must be such a manifest, in a folder below the root when
// below is set, and e has no folder, which only a .NET solution has.
// member names a member ("module", "crate", "package") and workspace the
// file that lists them ("a go.work").
func CheckMemberEntry(e SolutionEntry, manifest, member, workspace string, below bool) error {
	if path.Base(e.Project) != manifest || (below && path.Dir(e.Project) == ".") {
		where := ""
		if below {
			where = " below the root"
		}
		return fmt.Errorf("project %s is not the %s of a %s%s: give the path of the %s's %s", e.Project, manifest, member, where, member, manifest)
	}
	if e.Folder != "" {
		return fmt.Errorf("folder is for a .NET solution: %s has none; leave it out", workspace)
	}
	return nil
}
