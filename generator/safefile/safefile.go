// Package safefile reads the files crane reads from a user's folder: only
// regular files (a named pipe would block, a device never ends) and never
// more than a limit, so that no file can hang crane or exhaust its memory.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// Limits on what crane reads: a file larger than these is refused rather
// than read into memory.
const (
	// MaxFileSize bounds every file crane reads from a repository
	// (manifests, VERSION, ignore files, files it merges or compares).
	MaxFileSize = 8 << 20
	// MaxLockSize bounds the lock file, which lists one line per file.
	MaxLockSize = 1 << 20
)

// Read reads the file name, refusing anything but a regular file (a
// named pipe would block, a device never ends) and a file larger than limit
// bytes. A symlink to a regular file is followed. A missing file gives an
// error that matches fs.ErrNotExist.
func Read(name string, limit int64) ([]byte, error) {
	return readOpened(name, limit, func() (*os.File, error) {
		return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	})
}

// ReadIn is Read for a name inside r, refusing a symlink.
func ReadIn(r *os.Root, name string, limit int64) ([]byte, error) {
	info, err := r.Lstat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, notRegularError(name, info.Mode())
	}
	return readOpened(name, limit, func() (*os.File, error) {
		return r.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	})
}

func readOpened(name string, limit int64, open func() (*os.File, error)) ([]byte, error) {
	f, err := open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, notRegularError(name, info.Mode())
	}
	if info.Size() > limit {
		return nil, tooLargeError(name, limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooLargeError(name, limit)
	}
	return data, nil
}

// KindError is a path crane must read that is not a regular file.
type KindError struct {
	Path string
	Kind string
}

func (e *KindError) Error() string {
	return fmt.Sprintf("%s is %s, not a regular file; crane reads only regular files: move it away and run again", e.Path, e.Kind)
}

func notRegularError(name string, m fs.FileMode) error {
	kind := "not a regular file"
	switch {
	case m&fs.ModeSymlink != 0:
		kind = "a symlink"
	case m.IsDir():
		kind = "a folder"
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeDevice != 0:
		kind = "a device"
	}
	return &KindError{Path: name, Kind: kind}
}

// ErrTooLarge is matched (errors.Is) by a file refused for its size.
var ErrTooLarge = errors.New("file too large")

// TooLargeError is a file larger than crane reads.
type TooLargeError struct {
	Path  string
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is larger than %d KiB, more than crane reads; move it away or shorten it and run again", e.Path, e.Limit>>10)
}

// Is matches ErrTooLarge.
func (e *TooLargeError) Is(target error) bool { return target == ErrTooLarge }

func tooLargeError(name string, limit int64) error { return &TooLargeError{Path: name, Limit: limit} }
