package cmd

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ewilde/crane/generator/packcheck"
)

// packTestOptions are crane pack test's inputs.
type packTestOptions struct {
	dir          string
	update       bool
	requireBuild bool
}

func newPackTestCmd(e *env) *cobra.Command {
	opts := &packTestOptions{}
	c := &cobra.Command{
		Use:   "test DIR",
		Short: "Render the pack's examples, compare with its golden trees, run its build check",
		Long: `Render each example the pack in DIR declares under tests: (without any, one
called example, with the pack's example name), compare it with the golden tree
DIR/testdata/NAME.txtar, and run the example's build check when the tools it
needs are on PATH: the command must pass, and fail after the declared break
edit, which proves the example's tests can fail. --update rewrites the golden
trees; --require-build fails an example whose build check would be skipped (in
CI, where the toolchain must be there). The build check is the one thing from a
pack crane ever runs, and only here, in a temporary folder, at your request.`,
		Example: "  crane pack test ./packs/company-dotnet\n  crane pack test ./packs/company-dotnet --update",
		Args:    cobra.ExactArgs(1),
		RunE: ran(func(c *cobra.Command, args []string) error {
			opts.dir = args[0]
			return runPackTest(e, opts)
		}),
	}
	c.Flags().BoolVarP(&opts.update, "update", "u", false, "rewrite the golden trees instead of comparing with them")
	c.Flags().BoolVar(&opts.requireBuild, "require-build", false, "fail an example whose build check would be skipped for a tool not on PATH (for CI)")
	return c
}

func runPackTest(e *env, opts *packTestOptions) error {
	results, err := packcheck.Test(e.packs, packFolder(opts.dir), packcheck.TestOptions{
		Update:       opts.update,
		RequireBuild: opts.requireBuild,
		Ctx:          e.ctx,
		Progress: func(format string, args ...any) {
			fmt.Fprintf(e.errOut, format+"\n", args...)
		},
	})
	if errors.Is(err, packcheck.ErrUpdateNeedsFolder) {
		return usageErrorf("%v", err)
	}
	if err != nil {
		return err
	}
	failed := 0
	for _, r := range results {
		if len(r.Problems) > 0 {
			failed++
			fmt.Fprintf(e.out, "FAIL %s\n", r.Name)
		} else {
			detail := "golden tree matches"
			if opts.update {
				detail = "golden tree written"
			}
			if r.Build != "" {
				detail += "; build " + r.Build
			}
			fmt.Fprintf(e.out, "ok   %s (%s)\n", r.Name, detail)
		}
		for _, p := range r.Problems {
			fmt.Fprintf(e.out, "    %s\n", strings.ReplaceAll(p, "\n", "\n    "))
		}
	}
	if failed > 0 {
		return fmt.Errorf("pack test: %d of %d example(s) failed in %s", failed, len(results), opts.dir)
	}
	return nil
}
