package generator

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sync/atomic"
	"syscall"

	"github.com/ewilde/crane/generator/safefile"
)

// fsOps does every file-system change Apply and Recover make, through an
// opened directory (os.Root), so that a folder swapped for a symlink cannot
// send a write outside the target. It counts the changes: a crash test's
// fault hook runs after each one.
type fsOps struct {
	r     *os.Root
	n     *atomic.Int64 // shared by the fsOps of one apply
	fault func(op int)
	link  func(oldname, newname string) error // nil: r.Link
}

func newFSOps(r *os.Root, fault func(int), link func(string, string) error) *fsOps {
	return &fsOps{r: r, n: new(atomic.Int64), fault: fault, link: link}
}

// in gives an fsOps for r that counts with o.
func (o *fsOps) in(r *os.Root) *fsOps {
	return &fsOps{r: r, n: o.n, fault: o.fault, link: o.link}
}

// did counts one change and runs the fault hook (from several goroutines
// at once when files are written side by side, see eachAtOnce).
func (o *fsOps) did() {
	n := o.n.Add(1)
	if o.fault != nil {
		o.fault(int(n))
	}
}

func (o *fsOps) mkdir(name string) error {
	err := o.r.Mkdir(name, 0o755)
	o.did()
	return err
}

// write creates name (which must not exist) with data and mode and flushes
// it to the disk before it returns.
func (o *fsOps) write(name string, data []byte, mode fs.FileMode) error {
	f, err := o.r.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode.Perm())
	o.did()
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	o.did()
	if err == nil {
		err = f.Chmod(mode.Perm()) // not narrowed by the umask
	}
	if err == nil {
		err = f.Sync()
		o.did()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// copyFile copies from into to (which must not exist), as a backup on a
// file system without hard links.
func (o *fsOps) copyFile(from, to string) error {
	src, err := o.r.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil {
		return err
	}
	data, err := io.ReadAll(io.LimitReader(src, safefile.MaxFileSize+1))
	if err != nil {
		return err
	}
	return o.write(to, data, info.Mode())
}

func (o *fsOps) rename(from, to string) error {
	err := o.r.Rename(from, to)
	o.did()
	return err
}

func (o *fsOps) hardlink(from, to string) error {
	link := o.link
	if link == nil {
		link = o.r.Link
	}
	err := link(from, to)
	o.did()
	return err
}

// remove removes name; a missing one is no error.
func (o *fsOps) remove(name string) error {
	err := o.r.Remove(name)
	o.did()
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// syncDir flushes a folder's entries (new names, renames) to the disk.
func (o *fsOps) syncDir(dir string) error {
	f, err := o.r.Open(dir)
	if err != nil {
		return err
	}
	err = f.Sync()
	o.did()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOTSUP) {
		return nil // a file system that cannot sync a folder
	}
	return err
}

func (o *fsOps) exists(name string) bool {
	_, err := o.r.Lstat(name)
	return err == nil
}

// sameFile reports whether a and b are both there and the same file.
func (o *fsOps) sameFile(a, b string) bool {
	ia, err := o.r.Lstat(a)
	if err != nil {
		return false
	}
	ib, err := o.r.Lstat(b)
	return err == nil && os.SameFile(ia, ib)
}

// stageName is the staging file of the i-th file of an apply, beside its
// target: short, so that a target with a long name still has one.
func stageName(target string, i int) string {
	return path.Join(path.Dir(target), fmt.Sprintf("%s%d", stagePrefix, i))
}

// stagePrefix starts the name of every file crane writes for a moment: a
// staged file, a backup, the journal.
const stagePrefix = ".crane-stage-"

// fileError words an error met writing the user's file rel, naming rel
// rather than the staging file, and says what to do.
func fileError(rel string, err error) error {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		inner := err
		var pe *fs.PathError
		var le *os.LinkError
		if errors.As(err, &pe) {
			inner = pe.Err
		} else if errors.As(err, &le) {
			inner = le.Err
		}
		return &writeError{path: rel, hint: inner.Error() + "; fix it and run again", err: err}
	}
	var hint string
	switch errno {
	case syscall.ENAMETOOLONG:
		hint = "a file name is too long for this file system; choose shorter values"
	case syscall.EACCES, syscall.EPERM, syscall.EROFS:
		hint = "permission denied; make its folder writable and run again"
	case syscall.ENOSPC, syscall.EDQUOT:
		hint = "no space left on the device; free some and run again"
	case syscall.EEXIST:
		hint = "a file appeared there since crane planned; run again"
	case syscall.ENOTDIR:
		hint = "a file is where crane needs a folder; move it away and run again"
	case syscall.ELOOP:
		hint = "a folder on the way is a symlink; crane never writes through one"
	default:
		hint = errno.Error() + "; fix it and run again"
	}
	return &writeError{path: rel, hint: hint, err: err}
}

// writeError is a failure to write one of the user's files.
type writeError struct {
	path, hint string
	err        error
}

func (e *writeError) Error() string { return fmt.Sprintf("writing %s: %s", e.path, e.hint) }
func (e *writeError) Unwrap() error { return e.err }
