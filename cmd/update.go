package cmd

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ewilde/crane/generator"
	upd "github.com/ewilde/crane/generator/update"
)

// updateOptions are crane update's inputs.
type updateOptions struct {
	dir        string
	values     valueFlags
	report     reportFlags
	allowDirty bool
	pack       string
}

func newUpdateCmd(e *env) *cobra.Command {
	opts := &updateOptions{dir: "."}
	c := &cobra.Command{
		Use:   "update [DIR]",
		Short: "Bring a project crane wrote forward to its pack's newer version, or to new values",
		Long: `Read DIR's lock file (.crane.yaml), render the pack at the version it records
with the recorded values (what crane wrote: the base), render the pack as this
crane has it with the same values and any --set (theirs), and compare both
with what is in DIR (yours). Every file is classed and handled:

  unchanged, user-only   left as it is
  pack-only              crane's new version taken
  both                   3-way merge (diff3); the same lines changed on both
                         sides give git conflict markers, and in a git
                         repository the file's three versions in the index
  added                  created (a file of yours already there is kept; one
                         assemble kept out, e.g. beside your .goreleaser.yml,
                         is not added)
  removed                deleted if you never changed it, else kept as yours
  deleted                a file you deleted is not brought back
  renamed                moved with your edits (renamed_from in pack.yaml)

Lines files (.gitignore) are merged as sets of lines. The base is rendered from
the pack versions crane keeps; where that disagrees with the lock's hashes, it
is read from git by the blob id the lock records, and failing that the file is
merged two-way. No git repository is needed.

For a pack from a folder or git, theirs is the pack at the source the lock
records (a folder as it is now, a branch at its newest commit, a tag as it
was), or at --pack (e.g. a new tag), which the lock then records; the base is
the pack exactly as crane rendered it, from crane's cache by content hash or,
for git, from the recorded commit.

Nothing is written until the whole plan is known; a failure or Ctrl-C rolls
everything back. A file to be merged must have no uncommitted changes
(--allow-dirty to merge anyway). The lock records the new version only for
files that merged cleanly: resolve the markers and run update again to finish.

Exit codes: 0 done, 1 failure, 2 usage, 3 conflicts (markers written, or
uncommitted changes in a file to merge).`,
		Example: `  crane update --dry-run
  crane update --diff
  crane update --set TargetFramework=net9.0
  crane update --pack https://github.com/acme/crane-packs.git//go-service@v2.2.0
  crane update ../acme-widgets --json`,
		Args: atMostOne("DIR", "quote a folder that has spaces"),
		RunE: ran(func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.dir = args[0]
			}
			return runUpdate(e, opts)
		}),
	}
	f := c.Flags()
	opts.values.register(f)
	opts.report.register(f)
	f.BoolVar(&opts.allowDirty, "allow-dirty", false, "merge into files that have uncommitted changes")
	f.StringVar(&opts.pack, "pack", "", "an external pack's new source (a folder, or a git URL[//subdir][@ref], e.g. a new tag); default: the one .crane.yaml records")
	return c
}

// runUpdate plans the update, prints it and applies it.
func runUpdate(e *env, opts *updateOptions) error {
	if generator.InGitDir(opts.dir) {
		return usageErrorf("%s is inside .git; crane never writes there: give the project's folder", opts.dir)
	}
	if info, err := os.Stat(opts.dir); err != nil || !info.IsDir() {
		return usageErrorf("update %s: no such folder; give the project's folder, or run crane update inside it", opts.dir)
	}
	release, err := e.guard(opts.dir) // one crane at a time; an interrupted run finished or undone first
	if err != nil {
		return err
	}
	defer release()
	lock, err := generator.ReadLock(opts.dir)
	if err != nil {
		return err
	}
	if lock == nil {
		return usageErrorf("%s has no %s: crane has not written there; run crane init or crane assemble", opts.dir, generator.LockName)
	}
	p, packs, baseNote, err := updatePacks(e, opts, lock)
	if err != nil {
		return err
	}
	given, bad, err := givenValues(opts.values)
	if err != nil {
		return err
	}
	if bad != nil {
		return bad.withResolveError(nil)
	}
	res, err := upd.Plan(upd.Options{
		Root: opts.dir, Lock: lock, Pack: p, Packs: packs, Given: given,
		Facts: e.facts(), Blobs: upd.RepoBlobs(opts.dir),
	})
	if err != nil {
		return err
	}
	plan := res.Plan
	if !opts.allowDirty {
		if err := refuseDirty(plan); err != nil {
			return err
		}
	}
	if !opts.report.json {
		fmt.Fprintf(e.out, "%s pack %s -> %s\n", p.Name, res.From, res.To)
		switch {
		case baseNote != "":
			fmt.Fprintln(e.out, baseNote)
		case !res.BaseKept:
			fmt.Fprintf(e.out, "note: this crane does not keep the %s pack %s; files git does not have are merged two-way\n", p.Name, res.From)
		}
		printPlan(e.out, withClasses(plan, res.Classes), "", opts.report.diff)
	}
	refused := plan.Conflicts()
	written := 0
	if !opts.report.dryRun && len(refused) == 0 {
		if written, err = generator.Apply(e.ctx, plan, generator.ApplyOptions{}); err != nil {
			return err
		}
		keepPack(e, p)
		// After the files, not inside Apply's transaction: a rollback there
		// could not take back an index already written.
		if err := upd.RecordConflicts(opts.dir, res.Conflicted); err != nil {
			return fmt.Errorf("the update is written, conflict markers included, but recording the conflicts in git's index failed: %w; resolve the markers and git add the files", err)
		}
	}
	if opts.report.json {
		r := newJSONReport("update", opts.dir, plan, opts.report.dryRun, opts.report.diff, written)
		for i, a := range r.Actions {
			r.Actions[i].Class = string(res.Classes[a.Path])
		}
		if err := writeJSON(e.out, r); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(e.out, updateOutcome(plan, opts, written))
	}
	if len(refused) > 0 {
		return &generator.ConflictError{Actions: refused}
	}
	var pending []string
	for _, c := range res.Conflicted {
		pending = append(pending, c.Path)
	}
	if pending = append(pending, res.Unresolved...); len(pending) > 0 {
		return &upd.ConflictsError{Paths: pending}
	}
	return nil
}

// refuseDirty refuses merges into files with uncommitted changes.
func refuseDirty(plan *generator.Plan) error {
	merges := map[string][]byte{}
	for _, a := range plan.Actions {
		if (a.Kind == generator.KindMerge || a.Kind == generator.KindConflicted) && a.Old != nil {
			merges[a.Path] = a.Old
		}
	}
	dirty, err := generator.Dirty(plan.Root, merges)
	if err != nil {
		return err
	}
	for p, why := range dirty {
		dirty[p] = fmt.Sprintf("%s; commit or stash it, or run again with --allow-dirty", why)
	}
	plan.Refuse(dirty)
	return nil
}

// withClasses is plan with each note led by the file's class, for printing.
func withClasses(plan *generator.Plan, classes map[string]upd.Class) *generator.Plan {
	out := *plan
	out.Actions = make([]generator.Action, len(plan.Actions))
	for i, a := range plan.Actions {
		if c, ok := classes[a.Path]; ok {
			a.Note = strings.TrimSuffix(string(c)+": "+a.Note, ": ")
		}
		out.Actions[i] = a
	}
	return &out
}

func updateOutcome(plan *generator.Plan, opts *updateOptions, written int) string {
	return outcome(plan, opts.report.dryRun, written, "up to date", "Changed")
}
