//go:build !unix

package generator

// LockTarget is a no-op where flock is not available.
func LockTarget(root string) (release func(), err error) { return func() {}, nil }
