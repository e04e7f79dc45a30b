//go:build unix

package generator

import (
	"os"
	"syscall"
)

// readIndexFile calls parse with the bytes of the index file at name,
// mapped into memory rather than copied onto the heap (a big repository's
// index is megabytes), and unmaps them after: parse must keep none of them.
func readIndexFile(name string, parse func([]byte)) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	size := info.Size()
	if size == 0 || size != int64(int(size)) {
		data, err := os.ReadFile(name)
		if err == nil {
			parse(data)
		}
		return err
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		data, err := os.ReadFile(name)
		if err == nil {
			parse(data)
		}
		return err
	}
	defer syscall.Munmap(data)
	parse(data)
	return nil
}
