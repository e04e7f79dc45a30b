package cmd

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/spf13/pflag"

	"github.com/ewilde/crane/generator"
)

// reportFlags choose how a plan is shown.
type reportFlags struct {
	dryRun bool
	diff   bool
	json   bool
}

// register adds --dry-run, --diff and --json to fs.
func (r *reportFlags) register(fs *pflag.FlagSet) {
	fs.BoolVar(&r.dryRun, "dry-run", false, "print the plan and write nothing")
	fs.BoolVar(&r.diff, "diff", false, "show a unified diff for every file (for a file kept as yours: crane's version)")
	fs.BoolVar(&r.json, "json", false, "print the plan as JSON")
}

// kindOrder is the order the summary line counts kinds in.
var kindOrder = []generator.Kind{
	generator.KindCreate, generator.KindUpdate, generator.KindMerge,
	generator.KindConflicted, generator.KindDelete,
	generator.KindIdentical, generator.KindKeep, generator.KindConflict,
}

// maxPathColumn caps the padded path column, so that one deep path does not
// push every note off the screen.
const maxPathColumn = 44

// printPlan prints one line per action ("create  Demo/Demo.sln"), paths
// under prefix, and with diff a unified diff under each line that changes
// something or keeps the user's file.
func printPlan(out io.Writer, p *generator.Plan, prefix string, withDiff bool) {
	w := bufio.NewWriter(out) // one write, not one a file
	defer w.Flush()
	width := 0
	for _, a := range p.Actions {
		width = max(width, min(len(displayPath(prefix, a.Path)), maxPathColumn))
	}
	for _, a := range p.Actions {
		note := a.Note
		if a.Kind == generator.KindCreate && a.Mode&0o111 != 0 {
			note = "(" + strings.TrimSuffix("0755, "+note, ", ") + ")"
		} else if note != "" {
			note = "(" + note + ")"
		}
		line := fmt.Sprintf("%-10s %-*s %s", a.Kind, width, displayPath(prefix, a.Path), note)
		fmt.Fprintln(w, strings.TrimRight(line, " "))
		if withDiff {
			w.Write(actionDiff(a))
		}
	}
}

func displayPath(prefix, p string) string {
	if prefix == "" || prefix == "." {
		return p
	}
	return path.Join(prefix, p)
}

// actionDiff is the unified diff between what is there and what crane writes
// (or, for a kept file, would have written).
func actionDiff(a generator.Action) []byte {
	switch a.Kind {
	case generator.KindCreate:
		return diff.Diff("/dev/null", nil, "b/"+a.Path, a.Data)
	case generator.KindUpdate, generator.KindMerge, generator.KindConflicted:
		return diff.Diff("a/"+a.Path, a.Old, "b/"+a.Path, a.Data)
	case generator.KindDelete:
		return diff.Diff("a/"+a.Path, a.Old, "/dev/null", nil)
	case generator.KindKeep:
		return diff.Diff("a/"+a.Path, a.Old, "crane/"+a.Path, a.Crane)
	}
	return nil
}

// summary is "Plan: 4 create, 1 merge, 1 keep."
func summary(p *generator.Plan) string {
	c := p.Count()
	var parts []string
	for _, k := range kindOrder {
		if c[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c[k], k))
		}
	}
	return "Plan: " + strings.Join(parts, ", ") + "."
}

// jsonAction is one action in --json output.
type jsonAction struct {
	Action string `json:"action"`
	Path   string `json:"path"`
	Policy string `json:"policy,omitempty"`
	Mode   string `json:"mode"`
	Note   string `json:"note,omitempty"`
	Diff   string `json:"diff,omitempty"`
	Class  string `json:"class,omitempty"` // crane update: how the file changed
}

// jsonReport is the whole --json document.
type jsonReport struct {
	Command     string         `json:"command"`
	Pack        string         `json:"pack"`
	PackVersion string         `json:"pack_version"`
	Root        string         `json:"root"`
	DryRun      bool           `json:"dry_run"`
	Actions     []jsonAction   `json:"actions"`
	Counts      map[string]int `json:"counts"`
	Written     int            `json:"written"`
	// Next is what the pack says to do next (pack.yaml next), rendered;
	// crane init only, not on a dry run.
	Next string `json:"next,omitempty"`
}

func printJSON(w io.Writer, command, root string, p *generator.Plan, dryRun, withDiff bool, written int) error {
	return writeJSON(w, newJSONReport(command, root, p, dryRun, withDiff, written))
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func newJSONReport(command, root string, p *generator.Plan, dryRun, withDiff bool, written int) jsonReport {
	r := jsonReport{
		Command: command, Pack: p.Lock.Pack, PackVersion: p.Lock.PackVersion,
		Root: root, DryRun: dryRun, Counts: map[string]int{}, Written: written,
		Actions: []jsonAction{},
	}
	for k, n := range p.Count() {
		r.Counts[string(k)] = n
	}
	for _, a := range p.Actions {
		ja := jsonAction{Action: string(a.Kind), Path: a.Path, Policy: string(a.Policy), Mode: fmt.Sprintf("%04o", a.Mode), Note: a.Note}
		if withDiff {
			ja.Diff = string(actionDiff(a))
		}
		r.Actions = append(r.Actions, ja)
	}
	return r
}

// outcome is the plan's summary and what became of it: nothing written (a
// conflict, a dry run, nothing to do: upToDate says why) or "<verb> N files".
func outcome(plan *generator.Plan, dryRun bool, written int, upToDate, verb string) string {
	s := summary(plan)
	switch {
	case len(plan.Conflicts()) > 0:
		s += " Nothing written."
	case dryRun:
		s += " Dry run: nothing written."
	case written == 0:
		s += " Nothing to write: " + upToDate + "."
	case written == 1:
		s += " " + verb + " 1 file."
	default:
		s += fmt.Sprintf(" %s %d files.", verb, written)
	}
	return s
}
