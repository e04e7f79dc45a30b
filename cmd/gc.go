package cmd

import (
	"os"
	"runtime/debug"
)

// tuneGC sets the garbage collector for one short command, unless the user
// set GOGC or GOMEMLIMIT: a collection when the heap has grown fivefold
// rather than twofold (crane init of a 1,000-file pack allocates about
// 45 MB, most of it parse trees that stay live, in a tenth of a second:
// the default collected five times, this once, and init uses about a
// fifth less CPU), under a soft limit of 512 MiB, so that a pack near its
// render limits (256 MB) makes crane use little more memory than it did.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(512 << 20)
	}
}
