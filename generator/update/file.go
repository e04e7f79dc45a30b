package update

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/ewilde/crane/generator"
)

// disk is how a path stands in the directory.
type disk int

const (
	absent disk = iota
	regular
	other // a symlink (itself or a folder above it), a folder, a device
)

// read reads root/p, never through a symlink.
func read(root, p string) ([]byte, fs.FileMode, disk, error) {
	for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
		info, err := os.Lstat(filepath.Join(root, filepath.FromSlash(dir)))
		if err == nil && !info.IsDir() {
			return nil, 0, other, nil
		}
	}
	full := filepath.Join(root, filepath.FromSlash(p))
	info, err := os.Lstat(full)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, 0, absent, nil
	case err != nil:
		return nil, 0, absent, err
	case !info.Mode().IsRegular():
		return nil, 0, other, nil
	}
	data, err := os.ReadFile(full)
	return data, info.Mode().Perm(), regular, err
}

// planFile decides what to do with one file the pack renders now.
func (u *updater) planFile(f generator.File) error {
	from := f.Path
	lf, inLock := u.Lock.File(f.Path)
	if f.RenamedFrom != "" && !inLock {
		if old, ok := u.Lock.File(f.RenamedFrom); ok {
			if _, _, st, err := read(u.Root, f.Path); err == nil && st == absent {
				from, lf, inLock = f.RenamedFrom, old, true
				u.renamed[from] = true
			}
		}
	}
	a := generator.Action{Path: f.Path, Policy: f.Policy, Mode: f.Mode, Crane: f.Data}
	ours, mode, st, err := read(u.Root, from)
	if err != nil {
		return err
	}
	if st == regular {
		a.Old, a.Mode = ours, mode
	}
	switch {
	case st == other:
		a.Kind, a.Note = generator.KindKeep, "not a regular file, or below a symlink; crane never writes through one"
		if inLock {
			u.files = append(u.files, lf)
		}
		u.add(a, ClassYours)
		return nil
	case !inLock:
		return u.planNew(a, f, st)
	case st == absent:
		a.Kind, a.Note = generator.KindKeep, "you deleted it; crane does not bring it back"
		if lf.Deleted {
			a.Note = "deleted by you earlier; not brought back"
		}
		u.files = append(u.files, generator.LockFile{Path: f.Path, Policy: f.Policy, SHA256: generator.Hash(f.Data), GitBlob: generator.GitBlob(f.Data), Deleted: true})
		u.add(a, ClassDeleted)
		return nil
	}
	version := u.fileVersion(lf)
	var base []byte
	var known bool
	if version != u.Lock.PackVersion {
		// Left in conflict by an earlier update with the lock's version.
		if HasMarkers(ours) {
			a.Kind, a.Note = generator.KindKeep, "still has conflict markers: resolve them, then run crane update again"
			u.files = append(u.files, lf)
			u.res.Unresolved = append(u.res.Unresolved, f.Path)
			u.add(a, ClassBoth)
			return nil
		}
		// Resolved: the user merged the lock's version into it, so that
		// version's render is its base.
		version = u.Lock.PackVersion
		base, known, err = u.rendered(version, from)
	} else {
		base, known, err = u.baseOf(from, lf, version)
	}
	if err != nil {
		return err
	}
	return u.merge(a, f, from, lf, version, base, known, ours)
}

// planNew handles a file the lock does not record: new in the pack, or the
// user's own file at a path the pack now uses.
func (u *updater) planNew(a generator.Action, f generator.File, st disk) error {
	if st == absent && u.keptOut(f.Path) {
		a.Kind, a.Note = generator.KindKeep, "not written here: assemble kept it out (yours under another name, or it runs a file that is yours); crane does not add it now"
		u.add(a, ClassYours)
		return nil
	}
	switch {
	case st == absent:
		a.Kind, a.Data = generator.KindCreate, f.Data
		u.record(f.Path, f.Policy, f.Data)
		u.add(a, ClassAdded)
	case bytes.Equal(a.Old, f.Data):
		a.Kind = generator.KindIdentical
		u.record(f.Path, f.Policy, f.Data)
		u.add(a, ClassAdded)
	case f.Policy == generator.PolicyLines:
		merged, _ := generator.MergeLines(a.Old, f.Data)
		a.Kind, a.Data, a.Note = generator.KindMerge, merged, "missing lines added in the crane block"
		if bytes.Equal(merged, a.Old) {
			a.Kind, a.Data, a.Note = generator.KindIdentical, nil, ""
		}
		u.record(f.Path, f.Policy, merged)
		u.add(a, ClassYours)
	default:
		a.Kind, a.Note = generator.KindKeep, "yours, not crane's; crane's version: --diff"
		u.add(a, ClassYours)
	}
	return nil
}

// merge decides a file crane wrote and the user still has.
func (u *updater) merge(a generator.Action, f generator.File, from string, lf generator.LockFile, version string, base []byte, known bool, ours []byte) error {
	class := ClassNoBase
	if known {
		class = classify(base, ours, f.Data)
	}
	if from != f.Path {
		u.add(generator.Action{Kind: generator.KindDelete, Path: from, Policy: lf.Policy, Mode: a.Mode, Old: ours, Note: "renamed to " + f.Path}, ClassRenamed)
	}
	moved := from != f.Path
	var result []byte
	conflicts := 0
	switch {
	case f.Policy == generator.PolicySeed:
		result = ours // the user's by design
	case f.Policy == generator.PolicyLines:
		result = MergeLinesSet(base, ours, f.Data)
	case bytes.Equal(ours, f.Data), class == ClassUserOnly:
		result = ours
	case class == ClassUnchanged, class == ClassPackOnly:
		result = f.Data
	case known:
		result, conflicts = Merge(base, ours, f.Data, Labels{Ours: "yours", Base: "crane " + version, Theirs: "crane " + u.Pack.Version})
	default:
		result, conflicts = Merge2(ours, f.Data, Labels{Ours: "yours", Base: "crane " + version + " (not found: a two-way merge)", Theirs: "crane " + u.Pack.Version})
	}
	if moved {
		class = ClassRenamed
	}
	switch {
	case conflicts > 0:
		a.Kind, a.Data = generator.KindConflicted, result
		plural := "s"
		if conflicts == 1 {
			plural = ""
		}
		a.Note = fmt.Sprintf("%d conflicting change%s: resolve the markers, then run crane update again", conflicts, plural)
		if moved {
			a.Old = nil
		}
		stages := Stages{Path: f.Path, Executable: a.Mode&0o111 != 0, Ours: ours, Theirs: f.Data}
		if known {
			stages.Base = base
		}
		u.res.Conflicted = append(u.res.Conflicted, stages)
		kept := lf
		kept.Path, kept.PackVersion = f.Path, version
		u.files = append(u.files, kept)
	case moved:
		a.Kind, a.Data, a.Old, a.Note = generator.KindCreate, result, nil, "renamed from "+from
		u.recordResult(f, result)
	case bytes.Equal(result, ours):
		a.Kind = generator.KindIdentical
		// A lines file as crane last left it (assemble may have narrowed its
		// block), or with every line crane renders, is crane's as far as crane
		// goes: the user's own lines around the block change nothing.
		linesDone := f.Policy == generator.PolicyLines && (generator.Hash(ours) == lf.SHA256 || hasAllLines(ours, f.Data))
		if !bytes.Equal(ours, f.Data) && !linesDone {
			a.Kind, a.Note = generator.KindKeep, keepNote(f.Policy, class)
		}
		u.recordResult(f, result)
	case class == ClassPackOnly || class == ClassUnchanged:
		a.Kind, a.Data, a.Note = generator.KindUpdate, result, "only the pack changed it"
		u.recordResult(f, result)
	default:
		a.Kind, a.Data, a.Note = generator.KindMerge, result, "your changes and the pack's, merged"
		u.recordResult(f, result)
	}
	u.add(a, class)
	return nil
}

func keepNote(p generator.Policy, c Class) string {
	if p == generator.PolicySeed {
		return "seed: yours"
	}
	if c == ClassUserOnly {
		return "only you changed it"
	}
	return "yours"
}

// recordResult records a file that merged cleanly: for a lines file the
// bytes written (the lock's rule for those), else crane's render, so that
// the next update's base is exactly what this pack version renders.
func (u *updater) recordResult(f generator.File, result []byte) {
	if f.Policy == generator.PolicyLines {
		u.record(f.Path, f.Policy, result)
		return
	}
	u.record(f.Path, f.Policy, f.Data)
}

// planRemoved decides a file the lock records and the pack no longer renders:
// deleted when the user has not changed it, else kept as theirs.
func (u *updater) planRemoved(lf generator.LockFile) error {
	ours, mode, st, err := read(u.Root, lf.Path)
	if err != nil || st != regular {
		return err // gone already, or not crane's to touch: forgotten
	}
	a := generator.Action{Path: lf.Path, Policy: lf.Policy, Mode: mode, Old: ours}
	base, known, err := u.baseOf(lf.Path, lf, u.fileVersion(lf))
	if err != nil {
		return err
	}
	if known && bytes.Equal(base, ours) && lf.Policy != generator.PolicySeed {
		a.Kind, a.Note = generator.KindDelete, "the pack no longer has it"
	} else {
		a.Kind, a.Note = generator.KindKeep, "the pack no longer has it; you changed it, so it stays, as yours"
	}
	u.add(a, ClassRemoved)
	return nil
}

// keptOut reports whether the pack already had path at the lock's version
// although the lock does not record it: crane chose not to write it (assemble
// keeps out a file the user has under another name, and a workflow that
// would run a build script of the user's), so it is not new in the pack and
// update does not add it. A base that cannot be rendered says no.
func (u *updater) keptOut(path string) bool {
	if u.Lock.Pack != u.Pack.Name {
		return false
	}
	_, inBase, err := u.rendered(u.Lock.PackVersion, path)
	return err == nil && inBase
}
