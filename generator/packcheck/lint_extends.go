package packcheck

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/ewilde/crane/generator"
)

// overlayInfo is what lint needs to know of a pack that extends another:
// Lint sees the pack merged over its base, whose pack.yaml crane wrote, so
// its lines are not the author's, and its base's rules and variables are
// not the author's to change.
type overlayInfo struct {
	extendsLine int             // the line of extends: in the author's pack.yaml
	ownRules    int             // files[0:ownRules] of the merged manifest are the author's
	ownVars     map[string]bool // variables the author's pack.yaml declares
	ownFiles    map[string]bool // the author's files (paths in the pack); the others are the base's
	drops       []string        // the author's drop list
}

// ownPack reads the pack.yaml of the pack spec names as its author wrote
// it, and the paths of its files; nil for a pack that extends nothing.
func ownPack(src generator.PackSource, spec string) ([]byte, map[string]bool) {
	snap, err := src.OwnSnapshot(spec)
	if err != nil {
		return nil, nil
	}
	data := snap.Files["pack.yaml"]
	var head struct {
		Extends string `yaml:"extends"`
	}
	if yaml.Unmarshal(data, &head) != nil || head.Extends == "" {
		return nil, nil
	}
	files := map[string]bool{}
	for p := range snap.Files {
		files[p] = true
	}
	return data, files
}

// useOwnManifest points l's pack.yaml lines at the author's pack.yaml own
// (the merged one's variables and rules by name and index) and records
// which rules and variables come from the pack extended.
func (l *linter) useOwnManifest(own []byte, ownFiles map[string]bool) {
	var m generator.Manifest
	if yaml.Unmarshal(own, &m) != nil {
		return
	}
	ownLines := manifestLines(own)
	o := &overlayInfo{extendsLine: ownLines["extends"], ownRules: len(m.Files), ownVars: map[string]bool{}, ownFiles: ownFiles, drops: m.Drop}
	lines := map[string]int{}
	for k, v := range ownLines {
		lines[k] = v
	}
	for i := range l.m.Files {
		lines[fmt.Sprintf("files[%d]", i)] = o.extendsLine
		if i < o.ownRules {
			lines[fmt.Sprintf("files[%d]", i)] = ownLines[fmt.Sprintf("files[%d]", i)]
		}
	}
	ownIndex := map[string]int{}
	for j, v := range m.Variables {
		ownIndex[v.Name] = j
		o.ownVars[v.Name] = true
	}
	for i, v := range l.m.Variables {
		key := fmt.Sprintf("variables[%d]", i)
		lines[key] = o.extendsLine
		if j, ok := ownIndex[v.Name]; ok {
			lines[key] = ownLines[fmt.Sprintf("variables[%d]", j)]
		}
	}
	l.lines, l.overlay = lines, o
}

// baseRule reports whether files[i] of the merged manifest is a rule of the
// pack extended.
func (l *linter) baseRule(i int) bool { return l.overlay != nil && i >= l.overlay.ownRules }

// baseVar reports whether the variable name comes from the pack extended
// only.
func (l *linter) baseVar(name string) bool { return l.overlay != nil && !l.overlay.ownVars[name] }
