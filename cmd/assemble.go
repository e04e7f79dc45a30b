package cmd

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/ecosystem/all"
	"github.com/ewilde/crane/generator/probe"
)

// assembleOptions are crane assemble's inputs.
type assembleOptions struct {
	dir        string // the repository; "." when not given
	pack       string // "" means the lock file's pack, else the one detected
	solution   string
	values     valueFlags
	report     reportFlags
	writeNew   bool
	allowDirty bool
}

func newAssembleCmd(e *env) *cobra.Command {
	opts := &assembleOptions{}
	c := &cobra.Command{
		Use:   "assemble [DIR]",
		Short: "Merge a pack's build tooling into an existing repository",
		Long: `Add a pack's build tooling (VERSION, package manifest, build scripts, CI
workflow, .gitignore and .gitattributes lines) to an existing repository,
DIR or the current folder, without overwriting your files.

crane reads the repository first: for .NET the one .sln or .slnx below DIR
(--solution when there are several), its projects, their target framework,
an existing VERSION or crane 0.x VERSION.txt; for Go the go.mod or go.work;
for Rust the root Cargo.toml and its workspace members; for Python the root
pyproject.toml and the src/ or flat layout; for Node the root package.json
and its workspaces (pnpm and Yarn 2+ repositories are refused: the node pack
builds with npm). Those facts become the pack's values (--set and --values
override them, and the values of an existing .crane.yaml are reused). A
repository of more than one kind needs --pack the first time.

VERSION drives the versions that move together (a Cargo [workspace.package]
version, workspace members that share one version, else the root package's);
members that version on their own keep theirs. When no one version is there,
crane asks: choose the folders with --set VersionDirs="DIR ...".

A file crane did not write is never changed: it is kept and reported, --diff
shows crane's version and --write-new writes it beside yours as
NAME.crane-new. .gitignore and .gitattributes get missing lines in a crane
block, never changing how git treats a file you have: attributes only for the
files crane adds, no ignore line that hides a tracked file. The workflow runs
on the repository's default branch, and is not written when build.sh is
yours. A file you have in another case (Build.ps1) or under another name its
tool reads (.goreleaser.yml) is yours. Nothing is
written until the whole plan is known; a failure rolls everything back. A file
crane would merge into must have no uncommitted changes (--allow-dirty to
merge anyway). Running assemble twice writes nothing the second time.

Exit codes: 0 done, 1 failure, 2 usage (bad flag, no or several solutions,
several kinds of project, a project the pack cannot build),
3 conflicts (a folder in the way, or uncommitted changes in a file to merge).`,
		Example: `  crane assemble
  crane assemble ../acme-widgets --dry-run --diff
  crane assemble --solution src/solutions/Acme.sln --set TargetFramework=net8.0
  crane assemble --write-new`,
		Args: atMostOne("DIR", "quote a folder that has spaces"),
		RunE: ran(func(c *cobra.Command, args []string) error {
			opts.dir = "."
			if len(args) == 1 {
				opts.dir = args[0]
			}
			return runAssemble(e, opts)
		}),
	}
	f := c.Flags()
	f.StringVar(&opts.pack, "pack", "", "the pack whose build tooling to add (default: the lock file's, else detected)")
	f.StringVar(&opts.solution, "solution", "", "the .sln or .slnx to build, relative to DIR (when there are several)")
	opts.values.register(f)
	opts.report.register(f)
	f.BoolVar(&opts.writeNew, "write-new", false, "write crane's version of a kept file beside it as NAME"+generator.NewSuffix)
	f.BoolVar(&opts.allowDirty, "allow-dirty", false, "merge into files that have uncommitted changes")
	return c
}

// runAssemble probes the repository, renders the pack's build component with
// the facts, plans against the lock file and applies the plan.
func runAssemble(e *env, opts *assembleOptions) error {
	if info, err := os.Stat(opts.dir); err != nil || !info.IsDir() {
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			return usageErrorf("assemble %s: no such folder; give the repository's folder, or run crane assemble inside it", opts.dir)
		}
		return fmt.Errorf("assemble %s: %w", opts.dir, err)
	}
	if generator.InGitDir(opts.dir) {
		return usageErrorf("target directory %s is inside .git; crane never writes there: give the repository's folder", opts.dir)
	}
	release, err := e.guard(opts.dir)
	if err != nil {
		return err
	}
	defer release()
	openGit := openGitRepoAsync(opts.dir)
	repo, err := scan(e.ctx, opts.dir)
	if err != nil {
		return fmt.Errorf("reading %s: %w", opts.dir, err)
	}
	old, err := generator.ReadLock(opts.dir)
	if err != nil {
		return err
	}
	packName, err := choosePack(opts.pack, old, repo)
	if err != nil {
		return err
	}
	p, err := e.packs.Load(packName)
	var unknown *generator.UnknownPackError
	if errors.As(err, &unknown) && opts.pack == "" && (old == nil || old.Pack == "") {
		return usageErrorf("%s looks like a %s repository, but this crane has no %s pack; the packs are: %s (give one with --pack)",
			repo.Root, packName, packName, strings.Join(unknown.Known, ", "))
	}
	if err != nil {
		return err
	}
	given, bad, err := givenValues(opts.values)
	if err != nil {
		return err
	}
	found, err := probeFacts(repo, p, opts.solution, old, given)
	if err != nil {
		return err
	}
	gitRepo, err := openGit()
	if err != nil {
		return fmt.Errorf("reading the git repository of %s: %w", opts.dir, err)
	}
	branch := defaultBranch(gitRepo, p, found)
	vals, err := resolveAssemble(e, p, found, old, given, opts.report.json || bad != nil)
	if bad != nil {
		err = bad.withResolveError(err)
	}
	if err != nil {
		if !opts.report.json {
			printFound(e, repo, found) // the notes often say why a value is missing
		}
		return err
	}
	tree, err := generator.Render(p, vals, generator.ComponentBuild)
	if err != nil {
		return err
	}
	next := p.NewLock(opts.dir, vals)
	plan, err := generator.MakePlan(opts.dir, tree, old, next)
	if err != nil {
		return err
	}
	// A second plan, of the tree fitted to the repository: the first tells
	// which files crane adds.
	tree, notes, err := generator.Adopt(opts.dir, tree, plan, gitRepo, old)
	if err != nil {
		return err
	}
	found.Notes = append(found.Notes, notes...)
	if plan, err = generator.MakePlan(opts.dir, tree, old, next); err != nil {
		return err
	}
	if err := refineAssemblePlan(plan, found, opts, gitRepo); err != nil {
		return err
	}
	if n, err := sparseNote(gitRepo, plan); err != nil {
		return err
	} else if n != "" {
		found.Notes = append(found.Notes, n)
	}
	if branch != "" && vals["DefaultBranch"] == branch && writesWorkflow(plan) {
		found.Notes = append(found.Notes, branchNote(branch, gitRepo))
	}
	if n := workflowNote(gitRepo, repo.Root, plan); n != "" {
		found.Notes = append(found.Notes, n)
	}
	if !opts.report.dryRun && len(plan.Conflicts()) == 0 {
		// Before reportAssemble writes: the cache is by content, so a write
		// that fails after it leaves nothing wrong there.
		keepPack(e, p)
	}
	return reportAssemble(e, opts, plan, repo, found)
}

// scan probes dir, returning at once when ctx is cancelled (Ctrl-C): probing
// only reads, so the walk left running in the background harms nothing and
// ends with the process.
func scan(ctx context.Context, dir string) (*probe.Repo, error) {
	type result struct {
		repo *probe.Repo
		err  error
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("interrupted; nothing was written: %w", err)
	}
	done := make(chan result, 1)
	go func() {
		repo, err := probe.Scan(dir, all.Finds)
		done <- result{repo, err}
	}()
	select {
	case r := <-done:
		return r.repo, r.err
	case <-ctx.Done():
		return nil, fmt.Errorf("interrupted; nothing was written: %w", ctx.Err())
	}
}

// workflowNote warns when the plan writes a GitHub Actions workflow into a
// folder below its repository's root, where GitHub never runs it (a
// monorepo's service folder, say). The file is still written: it is the
// right content, in the wrong place for GitHub to see.
func workflowNote(g *generator.GitRepo, dir string, plan *generator.Plan) string {
	if g == nil {
		return ""
	}
	root := g.Root
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == "." {
		return ""
	}
	for _, a := range plan.Actions {
		if a.Kind == generator.KindCreate && strings.HasPrefix(a.Path, ".github/workflows/") {
			return fmt.Sprintf("%s is below the repository root %s, and GitHub runs workflows only from the root's .github/workflows: move %s there and run it in %s (working-directory: %s)",
				dir, root, a.Path, filepath.ToSlash(rel), filepath.ToSlash(rel))
		}
	}
	return ""
}

// refineAssemblePlan adds the --write-new files, notes where VERSION was
// seeded from, and refuses merges into files with uncommitted changes.
func refineAssemblePlan(plan *generator.Plan, found *ecosystem.Facts, opts *assembleOptions, repo *generator.GitRepo) error {
	if opts.writeNew {
		if err := plan.AddWriteNew(); err != nil {
			return err
		}
	}
	for i, a := range plan.Actions {
		if a.Path == "VERSION" && a.Kind == generator.KindCreate && found.VersionFrom != "" {
			plan.Actions[i].Note = "seed, from " + found.VersionFrom
		}
	}
	if opts.allowDirty {
		return nil
	}
	merges := map[string][]byte{}
	for _, a := range plan.Actions {
		if a.Kind == generator.KindMerge {
			merges[a.Path] = a.Old
		}
	}
	if repo == nil || len(merges) == 0 {
		return nil
	}
	dirty, err := repo.Dirty(plan.Root, merges)
	if err != nil {
		return err
	}
	for p, why := range dirty {
		dirty[p] = fmt.Sprintf("%s; commit or stash it, or run again with --allow-dirty", why)
	}
	plan.Refuse(dirty)
	return nil
}

// reportAssemble prints the facts and the plan, applies it unless this is a
// dry run, and says what was written.
func reportAssemble(e *env, opts *assembleOptions, plan *generator.Plan, repo *probe.Repo, found *ecosystem.Facts) error {
	if !opts.report.json {
		printFound(e, repo, found)
		printPlan(e.out, plan, "", opts.report.diff)
	}
	conflicts := plan.Conflicts()
	written := 0
	if !opts.report.dryRun && len(conflicts) == 0 {
		var err error
		if written, err = generator.Apply(e.ctx, plan, generator.ApplyOptions{Fault: e.fault}); err != nil {
			return err
		}
	}
	if opts.report.json {
		if err := printJSON(e.out, "assemble", repo.Root, plan, opts.report.dryRun, opts.report.diff, written); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(e.out, assembleOutcome(plan, opts, written))
	}
	if len(conflicts) > 0 {
		return &generator.ConflictError{Actions: conflicts}
	}
	return nil
}

// printFound prints what assemble found in the repository and its notes.
func printFound(e *env, repo *probe.Repo, found *ecosystem.Facts) {
	fmt.Fprintf(e.out, "root: %s (%s)\n", repo.Root, found.Summary)
	for _, n := range found.Notes {
		fmt.Fprintf(e.out, "note: %s\n", n)
	}
}

func assembleOutcome(plan *generator.Plan, opts *assembleOptions, written int) string {
	s := outcome(plan, opts.report.dryRun, written, "the build tooling is up to date", "Wrote")
	if keptYours(plan) && !opts.writeNew && !opts.report.diff {
		s += "\nKept your version of some files: see crane's with --diff, or write it beside yours with --write-new."
	}
	return s
}

// keptYours reports whether the plan keeps a file of the user's in place of
// crane's (a seed, such as VERSION, is the user's by design).
func keptYours(plan *generator.Plan) bool {
	for _, a := range plan.Actions {
		if a.Kind == generator.KindKeep && a.Policy != generator.PolicySeed {
			return true
		}
	}
	return false
}
