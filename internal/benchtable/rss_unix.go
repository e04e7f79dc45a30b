//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// peakRSS is the finished process's peak resident set in KiB, or 0 when the
// system does not say. Linux reports ru_maxrss in KiB, macOS in bytes.
func peakRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss) / 1024
	}
	return int64(ru.Maxrss)
}
