package cmd

import (
	"os"
	"runtime/debug"
)

// tuneGC sets the garbage collector for one short command, unless the user
// set GOGC or GOMEMLIMIT: a collection when the heap has grown fivefold
// rather than twofold (loading and rendering a 1,000-file pack allocates
// about 40 MB in well under a second, and the default collected about ten
// times, a third of the load time), under a soft limit of 512 MiB, so that
// a pack near its render limits (256 MB) makes crane use no more memory
// than it did with the default.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(512 << 20)
	}
}
