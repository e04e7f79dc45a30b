//go:build unix

package packsrc

import (
	"os"
	"syscall"
)

// openRead opens p to read. os.Open would first try to add a regular file
// to the runtime's poller, which refuses it: four fcntl calls and an
// epoll_ctl for every file of a pack (https://github.com/golang/go/issues/44552).
func openRead(p string) (*os.File, error) {
	for {
		fd, err := syscall.Open(p, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "open", Path: p, Err: err}
		}
		return os.NewFile(uintptr(fd), p), nil
	}
}
