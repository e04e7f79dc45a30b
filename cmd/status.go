package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ewilde/crane/generator"
)

// statusOptions are crane status's inputs.
type statusOptions struct {
	dir   string
	check bool
	json  bool
}

func newStatusCmd(e *env) *cobra.Command {
	opts := &statusOptions{dir: "."}
	c := &cobra.Command{
		Use:   "status [DIR]",
		Short: "Show which of crane's files you have changed since crane wrote them, and whether the pack is newer",
		Long: `Read DIR's lock file (.crane.yaml) and report each file crane wrote as
unchanged, modified, missing or deleted (deleted by you, as crane update
recorded), and whether this crane has a newer version of the pack (then run
crane update). It writes nothing, except to finish or undo a crane run that
was interrupted there. For a pack from a folder or git it never goes to the
network: a folder is read as it is now, a git ref as crane last looked it up.

A file has drifted when it is managed (build scripts, CI) or a lines file
(.gitignore) and has been changed or is missing; sources and seeds (create and
seed policies) are yours to change once written.

--check is for CI: exit 0 when nothing drifted and the pack is up to date,
4 when something drifted or the pack is newer. --json gives the same to
machines, with each file's state and why it counts.`,
		Args: atMostOne("DIR", "quote a folder that has spaces"),
		RunE: ran(func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.dir = args[0]
			}
			return runStatus(e, opts)
		}),
	}
	c.Flags().BoolVar(&opts.check, "check", false, "exit 4 when a file drifted or the pack is newer")
	c.Flags().BoolVar(&opts.json, "json", false, "print the status as JSON")
	return c
}

// driftError is status --check finding drift or a newer pack (exit 4).
type driftError struct{ reasons []string }

func (d *driftError) Error() string {
	return "status --check: " + strings.Join(d.reasons, "; ") + "; run crane update (or crane update --dry-run to see what it does)"
}

// statusFile is one file in status --json.
type statusFile struct {
	Path   string `json:"path"`
	Policy string `json:"policy"`
	State  string `json:"state"`
	Drift  bool   `json:"drift"`
	Reason string `json:"reason,omitempty"`
}

// statusReport is the status --json document.
type statusReport struct {
	Pack          string         `json:"pack"`
	PackVersion   string         `json:"pack_version"`
	PackSource    string         `json:"pack_source,omitempty"` // an external pack's, as the lock records it
	PackCommit    string         `json:"pack_commit,omitempty"`
	LatestVersion string         `json:"latest_version,omitempty"`
	LatestCommit  string         `json:"latest_commit,omitempty"` // git: the commit the ref last resolved to
	Outdated      bool           `json:"outdated"`
	Note          string         `json:"note,omitempty"` // what status cannot tell of an external pack, and why
	Drift         int            `json:"drift"`
	Counts        map[string]int `json:"counts"`
	Files         []statusFile   `json:"files"`
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
	r := statusReport{Pack: lock.Pack, PackVersion: lock.PackVersion, PackSource: lock.PackSource, PackCommit: lock.PackCommit,
		Counts: map[string]int{}, Files: []statusFile{}}
	latestPack(e, lock, opts.dir, &r)
	for _, s := range states {
		f := statusFile{Path: s.Path, Policy: string(s.Policy), State: string(s.State)}
		lf, _ := lock.File(s.Path)
		switch {
		case lf.PackVersion != "" && lf.PackVersion != lock.PackVersion:
			f.Drift, f.Reason = true, "left in conflict by crane update: resolve it and run crane update"
		case s.State == generator.StateModified && (s.Policy == generator.PolicyManaged || s.Policy == generator.PolicyLines):
			f.Drift, f.Reason = true, "changed since crane wrote it"
		case s.State == generator.StateMissing && s.Policy != generator.PolicySeed:
			f.Drift, f.Reason = true, "missing: crane update records it as deleted"
		}
		if f.Drift {
			r.Drift++
		}
		r.Counts[f.State]++
		r.Files = append(r.Files, f)
	}
	if opts.json {
		if err := writeJSON(e.out, r); err != nil {
			return err
		}
	} else {
		printStatus(e, r)
	}
	if !opts.check {
		return nil
	}
	var reasons []string
	if r.Drift > 0 {
		noun := "files"
		if r.Drift == 1 {
			noun = "file"
		}
		reasons = append(reasons, fmt.Sprintf("%d %s drifted", r.Drift, noun))
	}
	if r.Outdated {
		reasons = append(reasons, fmt.Sprintf("the %s pack is newer (%s -> %s)", r.Pack, r.PackVersion, r.LatestVersion))
	}
	if len(reasons) > 0 {
		return &driftError{reasons}
	}
	return nil
}

func printStatus(e *env, r statusReport) {
	from := ""
	if r.PackSource != "" {
		from = " from " + r.PackSource
	}
	if r.PackCommit != "" {
		from += fmt.Sprintf(" (commit %.12s)", r.PackCommit)
	}
	fmt.Fprintf(e.out, "%s pack %s%s, %d files recorded in %s\n", r.Pack, r.PackVersion, from, len(r.Files), generator.LockName)
	for _, f := range r.Files {
		line := fmt.Sprintf("%-10s %s (%s)", f.State, f.Path, f.Policy)
		if f.Drift {
			line += ": drift, " + f.Reason
		}
		fmt.Fprintln(e.out, line)
	}
	deleted := ""
	if n := r.Counts["deleted"]; n > 0 {
		deleted = fmt.Sprintf(", %d deleted by you", n)
	}
	fmt.Fprintf(e.out, "%d unchanged, %d modified, %d missing%s.\n", r.Counts["unchanged"], r.Counts["modified"], r.Counts["missing"], deleted)
	if r.Outdated {
		fmt.Fprintf(e.out, "The %s pack is newer: %s -> %s; see crane update --dry-run.\n", r.Pack, r.PackVersion, r.LatestVersion)
	}
	if r.Note != "" {
		fmt.Fprintf(e.out, "note: %s\n", r.Note)
	}
}
