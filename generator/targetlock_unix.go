//go:build unix

package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// LockTarget takes the target's lock, so that two cranes never write in the
// same folder at once: an exclusive flock on the target folder itself, which
// leaves no file behind (a lock file beside .crane.yaml would be one more
// file in the user's repository). A second crane gets a *BusyError at once
// rather than waiting. A missing root needs no lock: a new project is
// renamed into place, which fails if another crane got there first.
func LockTarget(root string) (release func(), err error) {
	f, err := os.Open(root)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return func() {}, nil // the command says what is wrong with root
	}
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", root, err)
	}
	fd := int(f.Fd())
	if err := syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, &BusyError{Dir: root}
		}
		return func() {}, nil // a file system without locks: go on unlocked
	}
	return func() {
		_ = syscall.Flock(fd, syscall.LOCK_UN)
		f.Close()
	}, nil
}
