package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/generator/packcheck"
)

// packNewOptions are crane pack new's inputs.
type packNewOptions struct {
	dir  string
	from string
	name string // "" means the folder's name
}

func newPackNewCmd(e *env) *cobra.Command {
	opts := &packNewOptions{}
	c := &cobra.Command{
		Use:   "new DIR",
		Short: "Start a pack in DIR from a built-in pack (or any pack)",
		Long: `Copy a pack (--from: a built-in name, a folder or a git URL) into DIR, which
must be missing or empty, renamed after DIR (or --name) at version 0.1.0, and
write its golden tree, so that crane pack lint DIR and crane pack test DIR pass
from the start. To change a few files of a pack rather than own all of them,
write a pack.yaml with extends: instead (see the README).`,
		Example: "  crane pack new ./packs/company-dotnet --from dotnet",
		Args:    cobra.ExactArgs(1),
		RunE: ran(func(c *cobra.Command, args []string) error {
			opts.dir = args[0]
			return runPackNew(e, opts)
		}),
	}
	c.Flags().StringVar(&opts.from, "from", "dotnet", "the pack to start from: a built-in name, a folder or a git URL")
	c.Flags().StringVar(&opts.name, "name", "", "the new pack's name (default: DIR's name)")
	return c
}

var (
	nameLineRe    = regexp.MustCompile(`(?m)^name:.*$`)
	versionLineRe = regexp.MustCompile(`(?m)^version:.*$`)
	packNameOK    = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	// nameRuleLineRe is an empty name_rule, which yaml writes for a
	// Manifest: crane's older name for ecosystem, not to be shown.
	nameRuleLineRe = regexp.MustCompile(`(?m)^name_rule: ""\n`)
)

func runPackNew(e *env, opts *packNewOptions) error {
	name := opts.name
	if name == "" {
		name = strings.Trim(regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(filepath.Base(opts.dir)), "-"), "-")
	}
	if !packNameOK.MatchString(name) {
		return usageErrorf("pack new: %q is not a pack name (lowercase letters, digits and dashes, starting with a letter); give one with --name", name)
	}
	empty, err := generator.IsEmptyDir(opts.dir)
	if err != nil {
		return usageErrorf("pack new: %s: %v; give a folder that is missing or empty", opts.dir, err)
	}
	if !empty {
		return usageErrorf("pack new: %s is not empty; give a folder that is missing or empty", opts.dir)
	}
	snap, _, err := e.packs.Snapshot(opts.from)
	if err != nil {
		return err
	}
	if flat, err := flatManifest(e, opts.from, snap.Files["pack.yaml"], snap.Files); err != nil {
		return err
	} else if flat != nil {
		snap.Files["pack.yaml"] = flat
	}
	manifest := string(snap.Files["pack.yaml"])
	manifest = nameLineRe.ReplaceAllLiteralString(manifest, "name: "+name)
	manifest = versionLineRe.ReplaceAllLiteralString(manifest, "version: 0.1.0")
	snap.Files["pack.yaml"] = []byte(manifest)
	paths := make([]string, 0, len(snap.Files))
	for p := range snap.Files {
		if !strings.HasPrefix(p, "testdata/") {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	_, statErr := os.Stat(opts.dir)
	for _, p := range paths {
		full := filepath.Join(opts.dir, filepath.FromSlash(p))
		err := os.MkdirAll(filepath.Dir(full), 0o755)
		if err == nil {
			err = os.WriteFile(full, snap.Files[p], 0o644)
		}
		if err != nil {
			if statErr != nil {
				os.RemoveAll(opts.dir) // it was missing: leave it so
			}
			return fmt.Errorf("pack new: cannot write %s: %w", full, err)
		}
	}
	results, err := packcheck.Test(e.packs, packFolder(opts.dir), packcheck.TestOptions{Update: true, Ctx: e.ctx,
		LookPath: func(string) (string, error) { return "", os.ErrNotExist }}) // golden trees only: no build now
	if err != nil {
		return err
	}
	for _, r := range results {
		for _, p := range r.Problems {
			fmt.Fprintf(e.errOut, "crane: pack new: example %s: %s\n", r.Name, p)
		}
	}
	fmt.Fprintf(e.out, "Created pack %s in %s from %s: %d files, and its golden tree under testdata/.\n", name, opts.dir, opts.from, len(paths))
	fmt.Fprintf(e.out, "Next: edit it, then crane pack lint %s && crane pack test %s\n", shellWord(opts.dir), shellWord(opts.dir))
	return nil
}

// flatManifest tidies the pack.yaml of a pack that extends another, which
// pack new copies merged over its base (crane wrote that pack.yaml, so
// nothing of its author's is lost): a rule that applies to no file of the
// merged pack is left out, as lint would report it: a rule of the base for
// a path the pack gave its own rule (the first match wins), or for files
// the pack drops; the empty name_rule is crane's older name for ecosystem.
// nil when from extends nothing: its pack.yaml is its author's, kept as
// written.
func flatManifest(e *env, from string, merged []byte, files map[string][]byte) ([]byte, error) {
	own, err := e.packs.OwnManifest(from)
	var head struct {
		Extends string `yaml:"extends"`
	}
	if err != nil || yaml.Unmarshal(own, &head) != nil || head.Extends == "" {
		return nil, nil
	}
	var m generator.Manifest
	if err := yaml.Unmarshal(merged, &m); err != nil {
		return nil, fmt.Errorf("pack new: the merged pack.yaml of %s: %w", from, err)
	}
	p, err := e.packs.Load(from)
	if err != nil {
		return nil, err
	}
	paths := make([]string, 0, len(files))
	for f := range files {
		paths = append(paths, f)
	}
	used := p.RulesInUse(paths)
	rules := m.Files[:0]
	for i, r := range m.Files {
		if used[i] {
			rules = append(rules, r)
		}
	}
	m.Files = rules
	var doc yaml.Node
	if err := doc.Encode(m); err != nil {
		return nil, err
	}
	dropEmpty(&doc)
	var out strings.Builder
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return nameRuleLineRe.ReplaceAll([]byte(out.String()), nil), nil
}

// dropEmpty removes, from every mapping under n, the keys whose value is
// empty ("", false, [] or {}): what crane reads as unset anyway, which a
// pack.yaml an author edits is better without (policy: "", needs: [] on
// every rule).
func dropEmpty(n *yaml.Node) {
	for _, c := range n.Content {
		dropEmpty(c)
	}
	if n.Kind != yaml.MappingNode {
		return
	}
	kept := n.Content[:0]
	for i := 0; i+1 < len(n.Content); i += 2 {
		v := n.Content[i+1]
		empty := (v.Kind == yaml.ScalarNode && v.Tag != "!!int" && (v.Value == "" || v.Value == "false" && v.Tag == "!!bool")) ||
			((v.Kind == yaml.SequenceNode || v.Kind == yaml.MappingNode) && len(v.Content) == 0)
		if !empty {
			kept = append(kept, n.Content[i], v)
		}
	}
	n.Content = kept
}
