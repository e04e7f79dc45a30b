package generator

import "fmt"

// BusyError is a target another crane is working in.
type BusyError struct {
	Dir string
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("another crane is running in %s; wait for it to finish and run again", e.Dir)
}
