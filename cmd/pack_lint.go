package cmd

import (
	"fmt"
	"path"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/ewilde/crane/generator/packcheck"
)

// packLintOptions are crane pack lint's inputs.
type packLintOptions struct {
	dirs []string
}

func newPackLintCmd(e *env) *cobra.Command {
	opts := &packLintOptions{}
	return &cobra.Command{
		Use:   "lint DIR...",
		Short: "List every problem of the pack in DIR, with file and line",
		Long: `Check the pack in DIR (or a built-in pack by name) and list every problem at
once as file:line: message: the manifest's schema, templates that do not parse,
variables nothing uses, templates that use a variable the pack does not
declare, files never rendered, file rules that match nothing, a when that never
holds, and paths Go module zips refuse. Exit 2 when there is any. Several
packs (a repository of them: crane pack lint packs/*) are linted in turn, each
problem's file named from the pack's folder.`,
		Example: "  crane pack lint ./packs/company-dotnet\n  crane pack lint packs/*",
		Args:    cobra.MinimumNArgs(1),
		RunE: ran(func(c *cobra.Command, args []string) error {
			opts.dirs = args
			return runPackLint(e, opts)
		}),
	}
}

func runPackLint(e *env, opts *packLintOptions) error {
	total, failed := 0, 0
	for _, dir := range opts.dirs {
		problems := packcheck.Lint(e.packs, packFolder(dir))
		for _, p := range problems {
			if len(opts.dirs) > 1 {
				p.File = path.Join(filepath.ToSlash(dir), p.File)
			}
			fmt.Fprintf(e.out, "%s\n", p)
		}
		if len(problems) > 0 {
			total += len(problems)
			failed++
		} else {
			fmt.Fprintf(e.out, "%s: no problems.\n", dir)
		}
	}
	switch {
	case failed == 0:
		return nil
	case len(opts.dirs) == 1:
		return usageErrorf("pack lint: %d problem(s) in %s; fix them and run crane pack lint again", total, opts.dirs[0])
	}
	return usageErrorf("pack lint: %d problem(s) in %d of %d packs; fix them and run crane pack lint again", total, failed, len(opts.dirs))
}
