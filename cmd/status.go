package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/ewilde/crane/generator"
)

// statusOptions are crane status's inputs.
type statusOptions struct {
	dir string
}

func newStatusCmd(e *env) *cobra.Command {
	opts := &statusOptions{dir: "."}
	return &cobra.Command{
		Use:   "status [DIR]",
		Short: "Show which of crane's files you have changed since crane wrote them",
		Long: `Read DIR's lock file (.crane.yaml) and report each file crane wrote as
unchanged, modified or missing. It writes nothing, except to finish or undo\na crane run that was interrupted there.`,
		Args: atMostOne("DIR", "quote a folder that has spaces"),
		RunE: ran(func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.dir = args[0]
			}
			return runStatus(e, opts)
		}),
	}
}

func runStatus(e *env, opts *statusOptions) error {
	release, err := e.guard(opts.dir)
	if err != nil {
		return err
	}
	defer release()
	lock, err := generator.ReadLock(opts.dir)
	if err != nil {
		return err
	}
	if lock == nil {
		return fmt.Errorf("%s has no %s: crane has not written there; run crane init or crane assemble", opts.dir, generator.LockName)
	}
	states, err := generator.Status(opts.dir, lock)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.out, "%s pack %s, %d files recorded in %s\n", lock.Pack, lock.PackVersion, len(states), generator.LockName)
	counts := map[generator.FileState]int{}
	for _, s := range states {
		counts[s.State]++
		fmt.Fprintf(e.out, "%-10s %s (%s)\n", s.State, s.Path, s.Policy)
	}
	fmt.Fprintf(e.out, "%d unchanged, %d modified, %d missing.\n", counts[generator.StateUnchanged], counts[generator.StateModified], counts[generator.StateMissing])
	return nil
}
