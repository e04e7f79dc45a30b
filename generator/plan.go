package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ewilde/crane/generator/safefile"
)

// Kind is what a plan does with one path.
type Kind string

// The kinds of action, as --dry-run prints them.
const (
	KindCreate    Kind = "create"    // absent: written
	KindIdentical Kind = "identical" // present with crane's bytes: nothing to do
	KindUpdate    Kind = "update"    // crane's earlier file, unchanged by the user: replaced
	KindMerge     Kind = "merge"     // lines policy: missing lines added in the crane block
	KindKeep      Kind = "keep"      // present and the user's: left alone
	KindConflict  Kind = "conflict"  // a folder, or a file where a folder must go: cannot apply
	// KindConflicted (crane update) writes a 3-way merge that holds conflict
	// markers: both sides changed the same lines.
	KindConflicted Kind = "conflicted"
	// KindDelete (crane update) removes crane's unchanged file that the pack
	// no longer has, or a renamed file's old path.
	KindDelete Kind = "delete"
)

// Writes reports whether the kind writes a file.
func (k Kind) Writes() bool {
	return k == KindCreate || k == KindUpdate || k == KindMerge || k == KindConflicted
}

// Changes reports whether the kind changes the directory: writes or deletes.
func (k Kind) Changes() bool { return k.Writes() || k == KindDelete }

// Action is what the plan does with one path.
type Action struct {
	Kind   Kind
	Path   string // slash-separated, relative to the root
	Policy Policy // "" for the lock file
	Mode   fs.FileMode
	Data   []byte // what is written (Kind.Writes)
	Crane  []byte // what crane rendered for this path
	Old    []byte // what is there now (nil when absent)
	Note   string
}

// Plan is everything a command will do in Root, decided before anything is
// written. Lock is the lock file as it will be afterwards.
type Plan struct {
	Root    string
	Actions []Action
	Lock    *Lock
}

// Count returns how many actions there are of each kind.
func (p *Plan) Count() map[Kind]int {
	c := map[Kind]int{}
	for _, a := range p.Actions {
		c[a.Kind]++
	}
	return c
}

// Conflicts returns the actions that stop the plan from being applied.
func (p *Plan) Conflicts() []Action {
	var out []Action
	for _, a := range p.Actions {
		if a.Kind == KindConflict {
			out = append(out, a)
		}
	}
	return out
}

// Writes reports how many files applying the plan writes.
func (p *Plan) Writes() int {
	n := 0
	for _, a := range p.Actions {
		if a.Kind.Writes() {
			n++
		}
	}
	return n
}

// MakePlan compares tree with what is in root (which may not exist yet) and
// old, root's lock file (nil when there is none), and decides an action per
// file by its policy. next carries the new lock's pack, version and values;
// its Files are filled in here. MakePlan only reads.
func MakePlan(root string, tree Tree, old *Lock, next Lock) (*Plan, error) {
	p := &Plan{Root: root}
	kinds := map[string]*Action{}
	parents := map[string]string{} // folder -> problem ("" when fine)
	// A new project: nothing is there to compare with, file by file.
	_, err := os.Lstat(root)
	absent := errors.Is(err, fs.ErrNotExist) && old == nil
	for _, f := range tree {
		a := Action{Kind: KindCreate, Path: f.Path, Policy: f.Policy, Mode: f.Mode, Crane: f.Data, Data: f.Data}
		if !absent {
			if a, err = planFile(root, f, old, parents); err != nil {
				return nil, err
			}
		}
		p.Actions = append(p.Actions, a)
		kinds[f.Path] = &p.Actions[len(p.Actions)-1]
	}
	next.Files = lockFiles(tree, kinds, old)
	p.Lock = &next
	lockAction, err := planLock(root, &next)
	if err != nil {
		return nil, err
	}
	p.Actions = append(p.Actions, lockAction)
	slices.SortFunc(p.Actions, func(a, b Action) int { return strings.Compare(a.Path, b.Path) })
	return p, nil
}

func planFile(root string, f File, old *Lock, parents map[string]string) (Action, error) {
	a := Action{Path: f.Path, Policy: f.Policy, Mode: f.Mode, Crane: f.Data}
	if problem := parentProblem(root, path.Dir(f.Path), parents); problem != "" {
		a.Kind, a.Note = KindConflict, problem
		return a, nil
	}
	full := filepath.Join(root, filepath.FromSlash(f.Path))
	info, err := os.Lstat(full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if lf, ok := old.File(f.Path); ok && lf.Deleted {
			a.Kind, a.Note = KindKeep, "you deleted it (crane update recorded it); not brought back"
			return a, nil
		}
		if other, note := otherName(root, f); other != "" {
			a.Kind, a.Note = KindKeep, note
			a.Old, _ = os.ReadFile(filepath.Join(root, filepath.FromSlash(other)))
			return a, nil
		}
		a.Kind, a.Data = KindCreate, f.Data
		return a, nil
	case err != nil:
		return a, err
	case info.Mode()&fs.ModeSymlink != 0:
		a.Kind, a.Note = KindKeep, "a symlink; crane never writes through one"
		return a, nil
	case !info.Mode().IsRegular():
		a.Kind, a.Note = KindConflict, "not a regular file; move it away and run again"
		return a, nil
	}
	a.Mode = info.Mode().Perm()
	a.Old, err = safefile.Read(full, safefile.MaxFileSize)
	if err != nil {
		return a, err
	}
	if bytes.Equal(a.Old, f.Data) {
		a.Kind = KindIdentical
		return a, nil
	}
	lf, ours := old.File(f.Path)
	ours = ours && lf.SHA256 == Hash(a.Old)
	switch f.Policy {
	case PolicySeed:
		a.Kind, a.Note = KindKeep, "seed"
	case PolicyLines:
		merged, added := MergeLines(a.Old, f.Data)
		if added == 0 && bytes.Equal(merged, a.Old) {
			a.Kind = KindIdentical
		} else {
			a.Kind, a.Data = KindMerge, merged
			a.Note = fmt.Sprintf("+%d lines in the crane block", added)
		}
	case PolicyManaged:
		if ours {
			a.Kind, a.Data, a.Note = KindUpdate, f.Data, "crane's, unchanged since"
		} else if _, was := old.File(f.Path); was {
			a.Kind, a.Note = KindKeep, "changed since crane wrote it; crane's version: --diff"
		} else {
			a.Kind, a.Note = KindKeep, "yours; crane's version: --diff"
		}
	default:
		a.Kind, a.Note = KindKeep, "yours; crane's version: --diff"
	}
	if a.Kind.Writes() && info.Mode().Perm()&0o222 == 0 {
		a.Kind, a.Data = KindKeep, nil
		a.Note = "read-only, so crane leaves it alone; make it writable (chmod u+w) and run again to let crane write it"
	}
	return a, nil
}

// parentProblem checks that every folder above rel is a real folder (or
// absent): never a file, never a symlink. Results are cached in seen.
func parentProblem(root, dir string, seen map[string]string) string {
	if dir == "." {
		return ""
	}
	if p, ok := seen[dir]; ok {
		return p
	}
	problem := parentProblem(root, path.Dir(dir), seen)
	if problem == "" {
		info, err := os.Lstat(filepath.Join(root, filepath.FromSlash(dir)))
		switch {
		case err != nil:
		case info.Mode()&fs.ModeSymlink != 0:
			problem = dir + " is a symlink; crane never writes through one: replace it with a folder, or move it away, and run again"
		case !info.IsDir():
			problem = dir + " is a file where crane needs a folder; move it away and run again"
		}
	}
	seen[dir] = problem
	return problem
}

// lockFiles records the hash of what crane wrote (for a merge, the merged
// file) for every file crane writes or finds identical, keeps old entries for files it leaves alone, and keeps old
// entries for files this render does not cover (such as the project files
// when assemble renders only the build component).
func lockFiles(tree Tree, actions map[string]*Action, old *Lock) []LockFile {
	var files []LockFile
	for _, f := range tree {
		a := actions[f.Path]
		switch a.Kind {
		case KindCreate, KindUpdate, KindMerge:
			files = append(files, LockFile{Path: f.Path, Policy: f.Policy, SHA256: Hash(a.Data), GitBlob: GitBlob(a.Data)})
		case KindIdentical:
			// What is there: crane's bytes, or for a lines file the merge
			// crane wrote earlier.
			files = append(files, LockFile{Path: f.Path, Policy: f.Policy, SHA256: Hash(a.Old), GitBlob: GitBlob(a.Old)})
		default:
			if lf, ok := old.File(f.Path); ok {
				files = append(files, lf)
			}
		}
	}
	if old != nil {
		for _, lf := range old.Files {
			if _, ok := tree.Get(lf.Path); !ok {
				files = append(files, lf)
			}
		}
	}
	return files
}

// LockAction is the action that writes l as root's lock file: create,
// update, identical, or a conflict when something else is in its place.
func LockAction(root string, l *Lock) (Action, error) { return planLock(root, l) }

func planLock(root string, l *Lock) (Action, error) {
	data := l.Marshal()
	a := Action{Path: LockName, Mode: 0o644, Data: data, Crane: data, Note: "lock file"}
	full := filepath.Join(root, LockName)
	info, err := os.Lstat(full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		a.Kind = KindCreate
	case err != nil:
		return a, err
	case !info.Mode().IsRegular():
		a.Kind, a.Note, a.Data = KindConflict, "the lock file is not a regular file; move it away and run again", nil
	default:
		a.Old, err = safefile.Read(full, safefile.MaxLockSize)
		if err != nil {
			return a, err
		}
		a.Mode = info.Mode().Perm()
		if bytes.Equal(a.Old, data) {
			a.Kind, a.Data = KindIdentical, nil
		} else {
			a.Kind = KindUpdate
		}
	}
	return a, nil
}

// otherName finds f under another name: the same name in another case in
// its folder (Build.ps1 for build.ps1, one file on Windows and macOS), or one
// of its aliases in any case (.goreleaser.yml for .goreleaser.yaml; an alias
// with a slash is a path from the root). It returns that path and a note, or
// "" when there is none.
func otherName(root string, f File) (string, string) {
	dir, base := path.Split(f.Path)
	if name := findFold(root, dir, base); name != "" {
		return dir + name, fmt.Sprintf("yours, as %s: the same file as %s on Windows and macOS", dir+name, base)
	}
	for _, a := range f.Aliases {
		adir, abase := dir, a
		if strings.Contains(a, "/") {
			adir, abase = path.Split(a)
		}
		if name := findFold(root, adir, abase); name != "" {
			return adir + name, fmt.Sprintf("yours, as %s, another name of %s", adir+name, base)
		}
	}
	return "", ""
}

// findFold returns the name of the entry of root's folder dir that is name in
// any case, or "".
func findFold(root, dir, name string) string {
	entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(dir)))
	if err != nil {
		return ""
	}
	for _, e := range entries {
		if strings.EqualFold(e.Name(), name) {
			return e.Name()
		}
	}
	return ""
}
