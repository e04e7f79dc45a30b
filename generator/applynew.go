package generator

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
)

// newStageDir is the folder beside root in which a new project is staged:
// named from root's name, so that the next crane run finds it, and short,
// so that a long name still fits.
func newStageDir(root string) string {
	sum := sha256.Sum256([]byte(filepath.Base(root)))
	return filepath.Join(filepath.Dir(root), stagePrefix+"init-"+hex.EncodeToString(sum[:4]))
}

// applyNew writes a new project: every file in one folder beside root,
// flushed, then renamed to root. Missing parents of root are created first
// (and removed again on failure). A crash leaves root absent and the staging
// folder, which the next crane run for root removes.
func applyNew(ctx context.Context, root string, steps []Action, opt ApplyOptions) (n int, err error) {
	root = filepath.Clean(root)
	parent, stage := filepath.Dir(root), newStageDir(root)
	var parents []string
	defer func() {
		if err != nil {
			for i := len(parents) - 1; i >= 0; i-- {
				_ = os.Remove(parents[i])
			}
		}
	}()
	if parents, err = mkdirParents(parent); err != nil {
		return 0, err
	}
	pr, err := os.OpenRoot(parent)
	if err != nil {
		return 0, fmt.Errorf("opening %s: %w", parent, err)
	}
	defer pr.Close()
	po := newFSOps(pr, opt.Fault, opt.link)
	if err := po.mkdir(filepath.Base(stage)); err != nil {
		return 0, fileError(root, err)
	}
	defer func() {
		if err != nil {
			_ = os.RemoveAll(stage)
		}
	}()
	// Held until the project is in place, so that another crane's recovery
	// does not take the staging folder for a leftover.
	release, err := LockTarget(stage)
	if err != nil {
		return 0, err
	}
	defer release()
	sr, err := pr.OpenRoot(filepath.Base(stage))
	if err != nil {
		return 0, err
	}
	defer sr.Close()
	// Each folder made is opened once, and its files are created in it by
	// name: a path from the staging folder would be opened one folder at a
	// time, for every file.
	dirs := []string{"."}
	made := map[string]*fsOps{".": po.in(sr)}
	defer func() {
		for d, o := range made {
			if d != "." {
				o.r.Close()
			}
		}
	}()
	var mkdirs func(d string) error
	mkdirs = func(d string) error {
		if made[d] != nil {
			return nil
		}
		if err := mkdirs(path.Dir(d)); err != nil {
			return err
		}
		up := made[path.Dir(d)]
		if err := up.mkdir(path.Base(d)); err != nil {
			return err
		}
		r, err := up.r.OpenRoot(path.Base(d))
		if err != nil {
			return err
		}
		made[d] = up.in(r)
		dirs = append(dirs, d)
		return nil
	}
	for _, a := range steps {
		if err := ctx.Err(); err != nil {
			return 0, interrupted(err)
		}
		if err := mkdirs(path.Dir(a.Path)); err != nil {
			return 0, fileError(path.Dir(a.Path), err)
		}
	}
	// The files, then the folders (deepest first), each created and
	// flushed several at once (see eachAtOnce): nothing is in place until
	// every one is done and the folder is renamed below.
	write := func(i int) error {
		a := steps[i]
		return made[path.Dir(a.Path)].write(path.Base(a.Path), a.Data, a.Mode)
	}
	if i, err := eachAtOnce(ctx, len(steps), write); err != nil {
		return 0, atFile(steps, i, err)
	}
	slices.Reverse(dirs)
	if i, err := eachAtOnce(ctx, len(dirs), func(i int) error { return made[dirs[i]].syncDir(".") }); err != nil {
		if i < 0 {
			return 0, err
		}
		return 0, fileError(dirs[i], err)
	}
	if opt.Finish != nil {
		if err := opt.Finish(stage); err != nil {
			return 0, err
		}
	}
	if err := ctx.Err(); err != nil {
		return 0, interrupted(err)
	}
	if _, err := os.Lstat(root); !errors.Is(err, fs.ErrNotExist) {
		return 0, fmt.Errorf("%s appeared while crane was writing it; nothing was written: run again", root)
	}
	if err := po.rename(filepath.Base(stage), filepath.Base(root)); err != nil {
		return 0, fileError(root, err)
	}
	_ = po.syncDir(".")
	return len(steps), nil
}

// atFile words eachAtOnce's error for steps[i] (i < 0: an interruption).
func atFile(steps []Action, i int, err error) error {
	if i < 0 {
		return err
	}
	return fileError(steps[i].Path, err)
}

func interrupted(err error) error {
	return fmt.Errorf("interrupted; every change was rolled back: %w", err)
}

// mkdirParents creates dir and its missing parents, following symlinks (the
// path the user named: on macOS /tmp is one), and returns those it created.
func mkdirParents(dir string) ([]string, error) {
	info, err := os.Stat(dir)
	if err == nil {
		if !info.IsDir() {
			return nil, fmt.Errorf("%s is a file where crane needs a folder; move it away and run again", dir)
		}
		return nil, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	var made []string
	if up := filepath.Dir(dir); up != dir {
		if made, err = mkdirParents(up); err != nil {
			return nil, err
		}
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		for i := len(made) - 1; i >= 0; i-- {
			_ = os.Remove(made[i])
		}
		return nil, err
	}
	return append(made, dir), nil
}

// recoverNew removes the staging folder a crashed crane init of root left
// beside it, and says so; one that a running crane init holds is a
// *BusyError.
func recoverNew(root string) ([]string, error) {
	stage := newStageDir(filepath.Clean(root))
	info, err := os.Lstat(stage)
	if err != nil || !info.IsDir() {
		return nil, nil
	}
	release, err := LockTarget(stage)
	if err != nil {
		var busy *BusyError
		if errors.As(err, &busy) {
			return nil, &BusyError{Dir: root}
		}
		return nil, err
	}
	defer release()
	if err := os.RemoveAll(stage); err != nil {
		return []string{fmt.Sprintf("could not remove %s, what an interrupted crane init left: %v; remove it by hand", stage, err)}, nil
	}
	return []string{fmt.Sprintf("removed %s, what an interrupted crane init of %s left; nothing of it was in place", stage, root)}, nil
}
