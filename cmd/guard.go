package cmd

import (
	"fmt"

	"github.com/ewilde/crane/generator"
)

// guard takes dir's target lock and finishes or undoes a crane run that was
// interrupted there, telling the user on stderr what it did. Every command
// that reads or writes a target calls it first and release when done.
func (e *env) guard(dir string) (release func(), err error) {
	release, err = generator.LockTarget(dir)
	if err != nil {
		return nil, err
	}
	notes, err := generator.Recover(dir)
	for _, n := range notes {
		fmt.Fprintf(e.errOut, "crane: %s\n", n)
	}
	if err != nil {
		release()
		return nil, err
	}
	return release, nil
}
