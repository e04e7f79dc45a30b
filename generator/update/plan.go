package update

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ewilde/crane/generator"
)

// Class is how a file changed between what crane wrote (base), what is there
// (ours) and what crane writes now (theirs).
type Class string

// The classes.
const (
	ClassUnchanged Class = "unchanged"    // nobody changed it
	ClassPackOnly  Class = "pack-only"    // only the pack changed it: taken
	ClassUserOnly  Class = "user-only"    // only you changed it: kept
	ClassBoth      Class = "both"         // both changed it: merged
	ClassAdded     Class = "added"        // new in the pack
	ClassRemoved   Class = "removed"      // the pack no longer has it
	ClassDeleted   Class = "deleted"      // you deleted it: not brought back
	ClassRenamed   Class = "renamed"      // the pack moved it (renamed_from)
	ClassYours     Class = "yours"        // crane never wrote it: left alone
	ClassNoBase    Class = "unknown-base" // what crane wrote cannot be rebuilt: a two-way merge
)

// Packs serves a pack at a version (generator.PackSource).
type Packs interface {
	LoadVersion(name, version string) (*generator.Pack, error)
}

// Blobs reads a git blob by id, for a base that cannot be rendered; nil
// outside a repository.
type Blobs func(id string) ([]byte, bool)

// Options are what an update starts from.
type Options struct {
	Root  string
	Lock  *generator.Lock   // the directory's lock file
	Pack  *generator.Pack   // the pack now
	Packs Packs             // its earlier versions
	Given map[string]string // values to change (--set, --values)
	Facts generator.Facts
	Blobs Blobs
}

// Stages are the three versions of a conflicted file, for the git index.
type Stages struct {
	Path               string
	Executable         bool
	Base, Ours, Theirs []byte // Base nil when unknown
}

// Result is an update's plan and what it found.
type Result struct {
	Plan       *generator.Plan
	Classes    map[string]Class // by path, for every action but the lock's
	Conflicted []Stages         // files the plan writes with conflict markers
	Unresolved []string         // files still holding markers from an earlier update
	From, To   string           // pack versions
	BaseKept   bool             // whether this crane keeps the From version
}

// ConflictsError says that files hold conflict markers (exit 3).
type ConflictsError struct{ Paths []string }

func (e *ConflictsError) Error() string {
	what := fmt.Sprintf("%d files have", len(e.Paths))
	if len(e.Paths) == 1 {
		what = "1 file has"
	}
	return fmt.Sprintf("%s conflicts: %s; resolve the markers (git mergetool, or by hand), then run crane update again",
		what, strings.Join(e.Paths, ", "))
}

// updater holds one update's state.
type updater struct {
	Options
	comps   []string
	vals    generator.Values
	bases   map[string]generator.Tree // rendered base per version; nil when not kept
	res     *Result
	files   []generator.LockFile
	renamed map[string]bool // old paths moved by renamed_from
}

// Plan decides, for every file of the pack and of the lock, its class and
// what to do, and returns the plan for generator.Apply. It only reads.
func Plan(o Options) (*Result, error) {
	u := &updater{Options: o, bases: map[string]generator.Tree{}, renamed: map[string]bool{}}
	u.res = &Result{Plan: &generator.Plan{Root: o.Root}, Classes: map[string]Class{}, From: o.Lock.PackVersion, To: o.Pack.Version}
	vals, err := generator.ResolveWith(o.Pack, lockValues(o.Pack, o.Lock.Values), o.Given, o.Facts, nil)
	if err != nil {
		return nil, err
	}
	u.vals = vals
	both, err := generator.Render(o.Pack, vals, generator.ComponentProject, generator.ComponentBuild)
	if err != nil {
		return nil, err
	}
	base, err := u.base(o.Lock.PackVersion)
	if err != nil {
		return nil, err
	}
	u.res.BaseKept = base != nil
	u.comps = components(o.Lock, base, both)
	theirs := slices.DeleteFunc(slices.Clone(both), func(f generator.File) bool { return !slices.Contains(u.comps, f.Component) })
	for _, f := range theirs {
		if err := u.planFile(f); err != nil {
			return nil, err
		}
	}
	for _, lf := range o.Lock.Files {
		if _, ok := theirs.Get(lf.Path); ok || u.renamed[lf.Path] {
			continue
		}
		if err := u.planRemoved(lf); err != nil {
			return nil, err
		}
	}
	lock := o.Pack.NewLock(o.Root, vals) // an external pack's source, commit and hash too
	lock.Files = u.files
	next := &lock
	u.res.Plan.Lock = next
	la, err := generator.LockAction(o.Root, next)
	if err != nil {
		return nil, err
	}
	p := u.res.Plan
	p.Actions = append(p.Actions, la)
	slices.SortFunc(p.Actions, func(a, b generator.Action) int { return strings.Compare(a.Path, b.Path) })
	return u.res, nil
}

// lockValues are the lock's values that pack still has, as strings.
func lockValues(p *generator.Pack, recorded generator.Values) map[string]string {
	out := map[string]string{}
	for k, v := range recorded.Strings() {
		if pv, ok := p.Variable(k); ok && !pv.Computed {
			out[k] = v
		}
	}
	return out
}

// base renders the pack at version with the lock's values (both
// components); nil when this crane does not keep that version.
func (u *updater) base(version string) (generator.Tree, error) {
	if t, ok := u.bases[version]; ok {
		return t, nil
	}
	p, err := u.Packs.LoadVersion(u.Lock.Pack, version)
	var nk *generator.NotKeptError
	if errors.As(err, &nk) {
		u.bases[version] = nil
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	vals, err := generator.ResolveWith(p, lockValues(p, u.Lock.Values), nil, u.Facts, nil)
	if err != nil {
		return nil, fmt.Errorf("rendering %s %s with the values in %s: %w", p.Name, version, generator.LockName, err)
	}
	t, err := generator.Render(p, vals, generator.ComponentProject, generator.ComponentBuild)
	if err != nil {
		return nil, err
	}
	u.bases[version] = t
	return t, nil
}

// components are the components the lock records files of (init: both;
// assemble: build), found by rendering; both when none can be told.
func components(l *generator.Lock, trees ...generator.Tree) []string {
	var comps []string
	for _, t := range trees {
		for _, f := range t {
			if _, ok := l.File(f.Path); ok && !slices.Contains(comps, f.Component) {
				comps = append(comps, f.Component)
			}
		}
	}
	if len(comps) == 0 {
		return []string{generator.ComponentProject, generator.ComponentBuild}
	}
	return comps
}

// baseOf is what crane wrote at path for lf: the render of lf's version when
// its hash agrees with the lock, else the git blob the lock names when the
// repository has it. ok is false when neither gives it.
func (u *updater) baseOf(path string, lf generator.LockFile, version string) ([]byte, bool, error) {
	t, err := u.base(version)
	if err != nil {
		return nil, false, err
	}
	if f, ok := t.Get(path); ok && (generator.Hash(f.Data) == lf.SHA256 || f.Policy == generator.PolicyLines) {
		return f.Data, true, nil
	}
	if u.Blobs != nil && lf.GitBlob != "" {
		if data, ok := u.Blobs(lf.GitBlob); ok && generator.Hash(data) == lf.SHA256 {
			return data, true, nil
		}
	}
	return nil, false, nil
}

// rendered is path as the pack at version renders it with the lock's values.
func (u *updater) rendered(version, path string) ([]byte, bool, error) {
	t, err := u.base(version)
	if err != nil {
		return nil, false, err
	}
	f, ok := t.Get(path)
	return f.Data, ok, nil
}

// fileVersion is the pack version lf's hash was rendered by.
func (u *updater) fileVersion(lf generator.LockFile) string {
	if lf.PackVersion != "" {
		return lf.PackVersion
	}
	return u.Lock.PackVersion
}

func (u *updater) add(a generator.Action, c Class) {
	u.res.Plan.Actions = append(u.res.Plan.Actions, a)
	u.res.Classes[a.Path] = c
}

func (u *updater) record(path string, policy generator.Policy, data []byte) {
	u.files = append(u.files, generator.LockFile{Path: path, Policy: policy, SHA256: generator.Hash(data), GitBlob: generator.GitBlob(data)})
}

func classify(base, ours, theirs []byte) Class {
	ob, tb := bytes.Equal(ours, base), bytes.Equal(theirs, base)
	switch {
	case ob && tb:
		return ClassUnchanged
	case ob:
		return ClassPackOnly
	case tb:
		return ClassUserOnly
	}
	return ClassBoth
}
