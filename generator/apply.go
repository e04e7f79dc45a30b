package generator

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
)

// ConflictError is a plan that cannot be applied without overwriting
// something that is not crane's.
type ConflictError struct {
	Actions []Action
}

func (e *ConflictError) Error() string {
	var b strings.Builder
	noun := "conflicts"
	if len(e.Actions) == 1 {
		noun = "conflict"
	}
	fmt.Fprintf(&b, "%d %s; nothing was written:", len(e.Actions), noun)
	for _, a := range e.Actions {
		fmt.Fprintf(&b, "\n  %s: %s", a.Path, a.Note)
	}
	return b.String()
}

// ApplyOptions tune Apply.
type ApplyOptions struct {
	// Finish runs once every file is in dir and before the change is
	// committed; an error rolls every file back. It cleans up after itself.
	// dir is the target, or for a new project the folder it is staged in,
	// renamed to the target afterwards.
	Finish func(dir string) error
	// Fault, for crash tests, runs after each file-system change Apply
	// makes, numbered from 1; it may kill the process.
	Fault func(op int)
	// beforeStep, in tests, injects a failure before the i-th rename.
	beforeStep func(i int) error
	// link, in tests, replaces hard links (to act as a file system without
	// them).
	link func(oldname, newname string) error
}

// Apply writes the plan's files and returns how many it wrote. It refuses a
// plan with conflicts and never writes through a symlink or outside the
// target: every write goes through the opened target folder.
//
// A new project (the target does not exist) is written in one folder beside
// it, flushed, and renamed into place: all or nothing. In an existing folder
// each file is staged beside its target and flushed, each file it replaces
// is backed up by a hard link, and a journal naming them is written before
// the first rename; each file is then put in place by one atomic rename (the
// lock file last), so a user's file is never absent. An error, or ctx being
// cancelled, rolls back to exactly what was there; after a crash the next
// crane run finishes or undoes the apply (see Recover).
func Apply(ctx context.Context, p *Plan, opt ApplyOptions) (int, error) {
	if c := p.Conflicts(); len(c) > 0 {
		return 0, &ConflictError{Actions: c}
	}
	var steps []Action
	for _, a := range p.Actions {
		if a.Kind.Changes() {
			steps = append(steps, a)
		}
	}
	// The lock file last: it describes the files placed before it.
	slices.SortStableFunc(steps, func(a, b Action) int {
		return boolInt(a.Path == LockName) - boolInt(b.Path == LockName)
	})
	if _, err := os.Stat(p.Root); errors.Is(err, fs.ErrNotExist) {
		return applyNew(ctx, p.Root, steps, opt)
	}
	r, err := os.OpenRoot(p.Root)
	if err != nil {
		return 0, fmt.Errorf("opening %s: %w", p.Root, err)
	}
	defer r.Close()
	return applyIn(ctx, newFSOps(r, opt.Fault, opt.link), steps, opt, p.Root)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// applyIn applies steps in the existing folder o.r (see Apply).
func applyIn(ctx context.Context, o *fsOps, steps []Action, opt ApplyOptions, root string) (n int, err error) {
	j := &journal{}
	for _, a := range steps {
		// A conflicted merge with nothing there is a renamed file's new path.
		create := a.Kind == KindCreate || (a.Kind == KindConflicted && a.Old == nil)
		j.Files = append(j.Files, journalFile{Path: a.Path, Create: create, Delete: a.Kind == KindDelete})
	}
	if j.Dirs, err = missingDirs(o.r, j.Files); err != nil {
		return 0, err
	}
	if len(steps) > 0 {
		if err := j.save(o, journalStaging); err != nil {
			return 0, fileError(root, err)
		}
		defer func() {
			if err != nil {
				err = rollback(o, j, err)
			}
		}()
	}
	for _, d := range j.Dirs {
		if err := o.mkdir(d); err != nil {
			return 0, fileError(d, err)
		}
	}
	for i, a := range steps {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if !j.Files[i].Delete {
			if err := o.write(j.stage(i), a.Data, a.Mode); err != nil {
				return 0, fileError(a.Path, err)
			}
		}
		if !j.Files[i].Create {
			if err := o.hardlink(a.Path, j.backup(i)); err != nil {
				if err := o.copyFile(a.Path, j.backup(i)); err != nil {
					return 0, fileError(a.Path, err)
				}
			}
		}
	}
	for _, d := range j.folders() {
		if err := o.syncDir(d); err != nil {
			return 0, fileError(d, err)
		}
	}
	if len(steps) > 0 {
		if err := j.save(o, journalForward); err != nil {
			return 0, fileError(root, err)
		}
	}
	for i, a := range steps {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if opt.beforeStep != nil {
			if err := opt.beforeStep(i); err != nil {
				return 0, err
			}
		}
		if err := place(o, j, i); err != nil {
			return 0, fileError(a.Path, err)
		}
	}
	if opt.Finish != nil {
		if err := opt.Finish(root); err != nil {
			return 0, err
		}
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if len(steps) > 0 {
		defer j.pruneDeleted(o)
		if err := j.finish(o); err != nil {
			// Every file is in place; only the cleanup failed.
			return len(steps), fmt.Errorf("cleaning up in %s: %w; crane removes what is left on its next run", root, err)
		}
	}
	return len(steps), nil
}

// rollback undoes an apply that failed with cause.
func rollback(o *fsOps, j *journal, cause error) error {
	if j.State == journalForward {
		if err := j.save(o, journalBack); err != nil {
			return fmt.Errorf("%w; and rolling back failed: %v", cause, err)
		}
	}
	if err := j.back(o); err != nil {
		return fmt.Errorf("%w; and rolling back failed: %v", cause, err)
	}
	if errors.Is(cause, context.Canceled) {
		return fmt.Errorf("interrupted; every change was rolled back: %w", cause)
	}
	return cause
}

// place puts the i-th staged file in place. A new file is linked into
// place, which fails rather than replace a file that appeared since the plan
// (on a file system without hard links, such as FAT, it is checked and
// renamed instead); an existing one is replaced by one rename.
func place(o *fsOps, j *journal, i int) error {
	f, stage := j.Files[i], j.stage(i)
	if f.Delete {
		return o.remove(f.Path) // its backup stays until the journal is finished
	}
	if !f.Create {
		return o.rename(stage, f.Path)
	}
	err := o.hardlink(stage, f.Path)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		if o.exists(f.Path) {
			return &fs.PathError{Op: "create", Path: f.Path, Err: fs.ErrExist}
		}
		err = o.rename(stage, f.Path)
	}
	if err != nil {
		return err
	}
	return o.remove(stage)
}

// missingDirs lists the folders the files need that do not exist, parents
// first, and refuses a symlink or a file where a folder must be.
func missingDirs(r *os.Root, files []journalFile) ([]string, error) {
	var out []string
	seen := map[string]bool{".": true}
	var need func(d string) error
	need = func(d string) error {
		if seen[d] {
			return nil
		}
		seen[d] = true
		if err := need(path.Dir(d)); err != nil {
			return err
		}
		info, err := r.Lstat(d)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			out = append(out, d)
		case err != nil:
			return fileError(d, err)
		case info.Mode()&fs.ModeSymlink != 0:
			return fmt.Errorf("%s is a symlink; crane never writes through one: replace it with a folder and run again", d)
		case !info.IsDir():
			return fmt.Errorf("%s is a file where crane needs a folder; move it away and run again", d)
		}
		return nil
	}
	for _, f := range files {
		if err := need(path.Dir(f.Path)); err != nil {
			return nil, err
		}
	}
	return out, nil
}
