//go:build !unix

package main

import "os"

// peakRSS is 0 where the system reports no peak resident set through
// os.ProcessState (Windows): the table then leaves the RSS row empty.
func peakRSS(*os.ProcessState) int64 { return 0 }
