//go:build !unix

package packsrc

import "os"

// openRead opens p to read.
func openRead(p string) (*os.File, error) { return os.Open(p) }
