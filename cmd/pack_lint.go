package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/ewilde/crane/generator/packcheck"
)

// packLintOptions are crane pack lint's inputs.
type packLintOptions struct {
	dir string
}

func newPackLintCmd(e *env) *cobra.Command {
	opts := &packLintOptions{}
	return &cobra.Command{
		Use:   "lint DIR",
		Short: "List every problem of the pack in DIR, with file and line",
		Long: `Check the pack in DIR (or a built-in pack by name) and list every problem at
once as file:line: message: the manifest's schema, templates that do not parse,
variables nothing uses, templates that use a variable the pack does not
declare, files never rendered, file rules that match nothing, a when that never
holds, and paths Go module zips refuse. Exit 2 when there is any.`,
		Example: "  crane pack lint ./packs/company-dotnet",
		Args:    cobra.ExactArgs(1),
		RunE: ran(func(c *cobra.Command, args []string) error {
			opts.dir = args[0]
			return runPackLint(e, opts)
		}),
	}
}

func runPackLint(e *env, opts *packLintOptions) error {
	problems := packcheck.Lint(e.packs, packFolder(opts.dir))
	for _, p := range problems {
		fmt.Fprintf(e.out, "%s\n", p)
	}
	if len(problems) > 0 {
		return usageErrorf("pack lint: %d problem(s) in %s; fix them and run crane pack lint again", len(problems), opts.dir)
	}
	fmt.Fprintf(e.out, "%s: no problems.\n", opts.dir)
	return nil
}
