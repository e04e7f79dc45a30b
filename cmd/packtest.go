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
	dirs         []string
	update       bool
	requireBuild bool
}

func newPackTestCmd(e *env) *cobra.Command {
	opts := &packTestOptions{}
	c := &cobra.Command{
		Use:   "test DIR...",
		Short: "Render the pack's examples, compare with its golden trees, run its build check",
		Long: `Render each example the pack in DIR declares under tests: (without any, one
called example, with the pack's example name), compare it with the golden tree
DIR/testdata/NAME.txtar, and run the example's build check when the tools it
needs are on PATH: the command must pass, and fail after the declared break
edit, which proves the example's tests can fail. --update rewrites the golden
trees; --require-build fails an example whose build check would be skipped (in
CI, where the toolchain must be there). The build check is the one thing from a
pack crane ever runs, and only here, in a temporary folder, at your request.
Several packs (a repository of them: crane pack test packs/*) are tested in
turn, each under a line naming it.`,
		Example: "  crane pack test ./packs/company-dotnet\n  crane pack test ./packs/company-dotnet --update\n  crane pack test --require-build packs/*",
		Args:    cobra.MinimumNArgs(1),
		RunE: ran(func(c *cobra.Command, args []string) error {
			opts.dirs = args
			return runPackTest(e, opts)
		}),
	}
	c.Flags().BoolVarP(&opts.update, "update", "u", false, "rewrite the golden trees instead of comparing with them")
	c.Flags().BoolVar(&opts.requireBuild, "require-build", false, "fail an example whose build check would be skipped for a tool not on PATH (for CI)")
	return c
}

func runPackTest(e *env, opts *packTestOptions) error {
	failed, examples, packsFailed := 0, 0, 0
	for _, dir := range opts.dirs {
		if len(opts.dirs) > 1 {
			fmt.Fprintf(e.out, "== %s\n", dir)
		}
		f, n, err := testOnePack(e, opts, dir)
		if err != nil {
			return err
		}
		failed, examples = failed+f, examples+n
		if f > 0 {
			packsFailed++
		}
	}
	switch {
	case failed == 0:
		return nil
	case len(opts.dirs) == 1:
		return fmt.Errorf("pack test: %d of %d example(s) failed in %s", failed, examples, opts.dirs[0])
	}
	return fmt.Errorf("pack test: %d of %d example(s) failed, in %d of %d packs", failed, examples, packsFailed, len(opts.dirs))
}

// testOnePack runs pack test on the pack in dir and prints its results; it
// returns how many examples failed, of how many.
func testOnePack(e *env, opts *packTestOptions, dir string) (failed, examples int, err error) {
	results, err := packcheck.Test(e.packs, packFolder(dir), packcheck.TestOptions{
		Update:       opts.update,
		RequireBuild: opts.requireBuild,
		Ctx:          e.ctx,
		Progress: func(format string, args ...any) {
			fmt.Fprintf(e.errOut, format+"\n", args...)
		},
	})
	if errors.Is(err, packcheck.ErrUpdateNeedsFolder) {
		return 0, 0, usageErrorf("%v", err)
	}
	if err != nil {
		return 0, 0, err
	}
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
	return failed, len(results), nil
}
