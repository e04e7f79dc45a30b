package golang

import (
	"errors"
	"path"
	"slices"

	"golang.org/x/mod/modfile"

	"github.com/ewilde/crane/generator/ecosystem"
)

// CheckEntry accepts a module's go.mod; a go.work has no folders.
func (Ecosystem) CheckEntry(e ecosystem.SolutionEntry) error {
	return ecosystem.CheckMemberEntry(e, "go.mod", "module", "a go.work", false)
}

// IsSolution accepts a go.work.
func (Ecosystem) IsSolution(p string, _ []byte) bool { return path.Base(p) == "go.work" }

// AddToSolution adds a use of the module whose go.mod is e.Project to the
// go.work at sol, as `go work use ./DIR` does (one use becomes a use
// block), keeping the rest as modfile formats it. A go.work that uses the
// folder already comes back unchanged.
func (Ecosystem) AddToSolution(sol string, data []byte, e ecosystem.SolutionEntry) ([]byte, error) {
	w, err := modfile.ParseWork(sol, data, nil)
	if err != nil {
		return nil, err
	}
	dir := path.Dir(ecosystem.RelativeTo(sol, e.Project))
	if dir != "." && !path.IsAbs(dir) && dir[0] != '.' {
		dir = "./" + dir // go work use writes a relative folder so
	}
	for _, u := range w.Use {
		if path.Clean(u.Path) == path.Clean(dir) {
			return data, nil
		}
	}
	if err := w.AddUse(dir, ""); err != nil {
		return nil, err
	}
	w.Cleanup()
	out := modfile.Format(w.Syntax)
	// modfile takes some broken files ("use)") and formats them into worse
	// ones: what it writes must read back, using the folder.
	if back, err := modfile.ParseWork(sol, out, nil); err != nil || !slices.ContainsFunc(back.Use, func(u *modfile.Use) bool { return u.Path == dir }) {
		return nil, errors.New("go.work: the use directives cannot be read; fix the file")
	}
	return out, nil
}
