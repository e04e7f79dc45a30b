package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ewilde/crane/generator"
)

// initOptions are crane init's inputs.
type initOptions struct {
	name    string
	hasName bool
	pack    string
	dir     string // "" means the pack's default (usually ./NAME)
	noGit   bool
	values  valueFlags
	report  reportFlags
}

func newInitCmd(e *env) *cobra.Command {
	opts := &initOptions{}
	c := &cobra.Command{
		Use:   "init NAME",
		Short: "Render a new project from a pack",
		Long: `Render a new project from a pack into ./NAME (or --dir): a solution, a project,
a test project, a VERSION file, a package manifest and a build script.

The target folder must be missing or empty; to add build tooling to an
existing repository use crane assemble. Unless --no-git is given or the target
is already inside a git work tree, the new project is a git repository on
branch main (no commit). crane init --pack PACK --help lists that pack's
variables.`,
		Example: `  crane init Acme.Widgets
  crane init github.com/acme/widget --pack go
  crane init Demo --set TargetFramework=net8.0 --dry-run
  crane init Acme.Api --pack ./packs/company-dotnet
  crane init acme-svc --pack https://github.com/acme/crane-packs.git//go-service@v2.1.0`,
		Args: atMostOne("NAME", "quote a name that has spaces, and give the folder with --dir"),
		RunE: ran(func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.name, opts.hasName = args[0], true
			}
			return runInit(e, opts)
		}),
	}
	f := c.Flags()
	f.StringVar(&opts.pack, "pack", "dotnet", "the pack: a built-in name (see crane packs), a folder (./my-pack), or a git URL[//subdir][@ref]")
	f.StringVar(&opts.dir, "dir", "", "the folder to create the project in (default ./NAME)")
	opts.values.register(f)
	opts.report.register(f)
	f.BoolVar(&opts.noGit, "no-git", false, "do not make the project a git repository")
	defaultHelp := c.HelpFunc()
	c.SetHelpFunc(func(c *cobra.Command, args []string) {
		defaultHelp(c, args)
		if p, err := e.packs.Load(opts.pack); err == nil {
			fmt.Fprintln(c.OutOrStdout())
			writePackVariables(c.OutOrStdout(), p, e.facts())
		}
	})
	return c
}

// runInit renders the pack, plans the new project and applies the plan.
func runInit(e *env, opts *initOptions) error {
	p, err := e.packs.Load(opts.pack)
	if err != nil {
		return err
	}
	given, bad, err := givenValues(opts.values)
	if err != nil {
		return err
	}
	if opts.hasName {
		if set, ok := given["Name"]; ok && set != opts.name {
			return usageErrorf("the NAME argument %q and Name=%q from --set or --values disagree; give the name once", opts.name, set)
		}
		given["Name"] = opts.name
	}
	facts := e.facts()
	var ask generator.Prompter
	if e.interactive && !opts.report.json && bad == nil {
		ask = prompter(e.ctx, e.in, e.out)
	}
	vals, err := generator.Resolve(p, given, facts, ask)
	if bad != nil {
		return bad.withResolveError(err)
	}
	if err != nil {
		return err
	}
	dir := opts.dir
	if dir == "" {
		if dir, err = p.DirFor(vals); err != nil {
			return err
		}
	}
	for _, seg := range strings.Split(filepath.ToSlash(dir), "/") {
		if len(seg) > generator.MaxNameLen {
			return usageErrorf("target directory: a folder name of %d bytes is more than the %d file systems take; give a shorter name, or a folder with --dir", len(seg), generator.MaxNameLen)
		}
	}
	if generator.InGitDir(dir) {
		return usageErrorf("target directory %s is inside .git; crane never writes there: give a folder outside it", dir)
	}
	release, err := e.guard(dir)
	if err != nil {
		return err
	}
	defer release()
	empty, err := generator.IsEmptyDir(dir)
	if err != nil {
		return fmt.Errorf("target directory %s: %w; give --dir a folder that is missing or empty", dir, err)
	}
	if !empty {
		return fmt.Errorf("target directory %s is not empty; to add build tooling to an existing repository run crane assemble %s", dir, dir)
	}
	tree, err := generator.Render(p, vals, generator.ComponentProject, generator.ComponentBuild)
	if err != nil {
		return err
	}
	// Rendered before anything is written, so that a next that fails
	// writes nothing.
	next, err := p.NextSteps(vals)
	if err != nil {
		return err
	}
	plan, err := generator.MakePlan(dir, tree, nil, p.NewLock(dir, vals))
	if err != nil {
		return err
	}
	if !opts.report.json {
		printPlan(e.out, plan, filepath.ToSlash(dir), opts.report.diff)
	}
	written := 0
	if !opts.report.dryRun {
		var finish func(string) error
		// A .git that is already there is the user's, even one go-git
		// cannot open: initRepo would remove it on failure.
		_, noGit := os.Lstat(filepath.Join(dir, ".git"))
		if _, inRepo := e.git.WorkTree(dir); !opts.noGit && !inRepo && noGit != nil {
			finish = func(d string) error { return initRepo(e.git, d, dir) }
		}
		if written, err = generator.Apply(e.ctx, plan, generator.ApplyOptions{Finish: finish, Fault: e.fault}); err != nil {
			return err
		}
		keepPack(e, p)
	}
	if opts.report.json {
		r := newJSONReport("init", dir, plan, opts.report.dryRun, opts.report.diff, written)
		if !opts.report.dryRun {
			r.Next = next
		}
		return writeJSON(e.out, r)
	}
	if opts.report.dryRun {
		fmt.Fprintf(e.out, "%s Dry run: nothing written.\n", summary(plan))
		return nil
	}
	fmt.Fprintf(e.out, "Created %s from the %s pack (%s): %s files.\n", vals["Name"], p.Name, p.Version, strconv.Itoa(written))
	// The pack's next steps replace crane's pointer to build.sh; a pack
	// from a folder or git may have no build script to point to.
	switch {
	case next != "":
		fmt.Fprintf(e.out, "Next: cd %s\n", shellWord(dir))
		for _, line := range strings.Split(next, "\n") {
			if line != "" {
				line = "  " + line
			}
			fmt.Fprintln(e.out, line)
		}
	case slices.ContainsFunc(tree, func(f generator.File) bool { return f.Path == "build.sh" }):
		fmt.Fprintf(e.out, "Next: cd %s && ./build.sh\n", shellWord(dir))
	default:
		fmt.Fprintf(e.out, "Next: cd %s\n", shellWord(dir))
	}
	return nil
}
