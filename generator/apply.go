package generator

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
	// Finish runs once every file is in place and before the change is
	// committed; an error rolls every file back. It cleans up after itself.
	Finish func() error
	// beforeStep, in tests, injects a failure before the i-th rename.
	beforeStep func(i int) error
	// link, in tests, replaces os.Link (to act as a file system without
	// hard links).
	link func(oldname, newname string) error
}

// tx records what Apply changed so that it can put everything back.
type tx struct {
	root    string      // the target root, cleaned: mkdirAll stops there
	dirs    []string    // folders created, in creation order
	staged  []string    // temporary files not yet renamed into place
	placed  []string    // new files renamed into place where nothing was
	backups [][2]string // {target, backup} of files replaced
	link    func(oldname, newname string) error
}

// Apply writes the plan's files: each is staged beside its target and renamed
// into place (a KindDelete moves its file to a backup, deleted once all is
// done); an error, or ctx being cancelled, rolls back to exactly what was
// there before. It refuses a plan with conflicts, never writes through a
// symlink and returns how many files it wrote.
func Apply(ctx context.Context, p *Plan, opt ApplyOptions) (n int, err error) {
	if c := p.Conflicts(); len(c) > 0 {
		return 0, &ConflictError{Actions: c}
	}
	t := tx{link: os.Link}
	if opt.link != nil {
		t.link = opt.link
	}
	defer func() {
		if err != nil {
			if rerr := t.rollback(); rerr != nil {
				err = fmt.Errorf("%w; and rolling back failed: %v", err, rerr)
			} else if errors.Is(err, context.Canceled) {
				err = fmt.Errorf("interrupted; every change was rolled back: %w", err)
			}
		}
	}()
	if err := t.mkdirRoot(p.Root); err != nil {
		return 0, err
	}
	type step struct {
		a      Action
		target string
		tmp    string
	}
	var steps []step
	for _, a := range p.Actions {
		if !a.Kind.Changes() {
			continue
		}
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		target := filepath.Join(p.Root, filepath.FromSlash(a.Path))
		if err := t.mkdirAll(filepath.Dir(target)); err != nil {
			return 0, err
		}
		if a.Kind == KindDelete {
			steps = append(steps, step{a, target, ""})
			continue
		}
		tmp, err := t.stage(target, a.Data, a.Mode)
		if err != nil {
			return 0, err
		}
		steps = append(steps, step{a, target, tmp})
	}
	for i, s := range steps {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if opt.beforeStep != nil {
			if err := opt.beforeStep(i); err != nil {
				return 0, err
			}
		}
		if s.a.Kind == KindDelete {
			if err := t.remove(s.target); err != nil {
				return 0, fmt.Errorf("removing %s: %w", s.a.Path, err)
			}
			continue
		}
		// A conflicted merge with nothing there is a renamed file's new path.
		create := s.a.Kind == KindCreate || (s.a.Kind == KindConflicted && s.a.Old == nil)
		if err := t.place(s.target, s.tmp, create); err != nil {
			return 0, fmt.Errorf("writing %s: %w", s.a.Path, err)
		}
	}
	if opt.Finish != nil {
		if err := opt.Finish(); err != nil {
			return 0, err
		}
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	for _, b := range t.backups {
		_ = os.Remove(b[1])
	}
	for _, s := range steps {
		if s.a.Kind == KindDelete {
			t.pruneEmpty(filepath.Dir(s.target))
		}
	}
	return len(steps), nil
}

// mkdirRoot creates the target root and its missing parents, recording each.
// The root and the folders above it are the path the user named, so a
// symlink among them is followed (on macOS /tmp is one); only what is below
// the root must be real folders.
func (t *tx) mkdirRoot(root string) error {
	t.root = filepath.Clean(root)
	return t.mkdir(t.root, true)
}

// mkdirAll creates dir, a folder at or below the root, and its missing
// parents, recording each, and refuses a symlink or a file on the way.
func (t *tx) mkdirAll(dir string) error { return t.mkdir(dir, false) }

// mkdir creates dir and its missing parents, recording each. With follow it
// follows symlinks; without, it refuses them and stops at the root.
func (t *tx) mkdir(dir string, follow bool) error {
	if !follow && dir == t.root {
		return nil
	}
	stat := os.Lstat
	if follow {
		stat = os.Stat
	}
	info, err := stat(dir)
	if err == nil {
		if info.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s is a symlink; crane never writes through one", dir)
		}
		if !info.IsDir() {
			return fmt.Errorf("%s is a file where crane needs a folder", dir)
		}
		return nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if parent := filepath.Dir(dir); parent != dir {
		if err := t.mkdir(parent, follow); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	t.dirs = append(t.dirs, dir)
	return nil
}

func (t *tx) stage(target string, data []byte, mode fs.FileMode) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(target), ".crane-stage-*")
	if err != nil {
		return "", err
	}
	t.staged = append(t.staged, f.Name())
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), mode)
	}
	return f.Name(), err
}

// place renames tmp to target. A new file is linked into place, which fails
// rather than replace a file that appeared since the plan (on a file system
// without hard links, such as FAT, it is checked and renamed instead); an
// existing one is first moved to a backup.
func (t *tx) place(target, tmp string, create bool) error {
	if create {
		err := t.link(tmp, target)
		if err != nil && !errors.Is(err, fs.ErrExist) {
			if _, lerr := os.Lstat(target); lerr == nil {
				return &fs.PathError{Op: "create", Path: target, Err: fs.ErrExist}
			}
			err = os.Rename(tmp, target)
		}
		if err != nil {
			return err
		}
		t.placed = append(t.placed, target)
		return t.unstage(tmp)
	}
	backup := tmp + ".bak"
	if err := os.Rename(target, backup); err != nil {
		return err
	}
	t.backups = append(t.backups, [2]string{target, backup})
	if err := os.Rename(tmp, target); err != nil {
		return err
	}
	return t.unstage(tmp)
}

// remove moves target to a backup beside it, which rollback puts back and a
// committed Apply deletes.
func (t *tx) remove(target string) error {
	f, err := os.CreateTemp(filepath.Dir(target), ".crane-stage-*")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	if err := os.Remove(name); err != nil {
		return err
	}
	backup := name + ".bak"
	if err := os.Rename(target, backup); err != nil {
		return err
	}
	t.backups = append(t.backups, [2]string{target, backup})
	return nil
}

// pruneEmpty removes dir and the folders above it that a deletion left
// empty, up to the root (never the root itself).
func (t *tx) pruneEmpty(dir string) {
	for {
		rel, err := filepath.Rel(t.root, dir)
		if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return
		}
		if os.Remove(dir) != nil {
			return // not empty
		}
		dir = filepath.Dir(dir)
	}
}

func (t *tx) unstage(tmp string) error {
	for i, s := range t.staged {
		if s == tmp {
			t.staged = append(t.staged[:i], t.staged[i+1:]...)
			break
		}
	}
	if err := os.Remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// rollback undoes everything in reverse order and reports the first failure.
func (t *tx) rollback() error {
	var errs []error
	for _, s := range t.staged {
		if err := os.Remove(s); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	for i := len(t.placed) - 1; i >= 0; i-- {
		if err := os.Remove(t.placed[i]); err != nil {
			errs = append(errs, err)
		}
	}
	for i := len(t.backups) - 1; i >= 0; i-- {
		b := t.backups[i]
		if _, err := os.Lstat(b[1]); err != nil {
			continue // never moved
		}
		if err := os.Rename(b[1], b[0]); err != nil {
			errs = append(errs, err)
		}
	}
	for i := len(t.dirs) - 1; i >= 0; i-- {
		if err := os.Remove(t.dirs[i]); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
