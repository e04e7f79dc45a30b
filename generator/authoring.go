package generator

import (
	"strings"
	"text/template"
)

// PackTest is one example a pack declares for crane pack test: the values
// it renders with, its golden tree (testdata/NAME.txtar in the pack) and an
// optional build check.
type PackTest struct {
	Name   string            `yaml:"name"`
	Values map[string]string `yaml:"values"` // as --set takes them; Name defaults to the pack's example
	Build  *BuildCheck       `yaml:"build,omitempty"`
}

// BuildCheck is the command crane pack test runs in the rendered example
// when every tool in Needs is on PATH, and the edit that must make it fail,
// which proves the example's tests can fail. Only crane pack test runs it,
// on the author's request; crane init never runs anything from a pack.
type BuildCheck struct {
	Needs []string `yaml:"needs"` // executables the command needs; missing ones skip the check
	Run   []string `yaml:"run"`   // the command and its arguments, run without a shell
	Break *Edit    `yaml:"break"` // an edit to the rendered example that must make Run fail
}

// Edit replaces the first Find in the rendered file Path with Replace.
type Edit struct {
	Path    string `yaml:"path"`
	Find    string `yaml:"find"`
	Replace string `yaml:"replace"`
}

// SourceFile is one file of a loaded pack, for crane pack lint.
type SourceFile struct {
	Src       string // path in the pack, e.g. "project/__Name__.sln.tmpl"
	Component string
	Target    string // tokens still in place
	Render    bool
}

// SourceFiles lists the pack's files (not its partials), sorted by Src.
func (p *Pack) SourceFiles() []SourceFile {
	out := make([]SourceFile, len(p.files))
	for i, f := range p.files {
		out[i] = SourceFile{Src: strings.TrimPrefix(f.src, p.Name+"/"), Component: f.component, Target: f.target, Render: f.render}
	}
	return out
}

// RuleFor returns the index in Files of the rule that applies to target,
// or -1.
func (p *Pack) RuleFor(target string) int {
	for i := range p.rules {
		if &p.rules[i] == p.rule(target) {
			return i
		}
	}
	return -1
}

// NewTemplate returns an empty template with the func map packs render
// with, for tools that parse a pack's templates.
func NewTemplate(name string) *template.Template { return newTemplate(name) }

// RenderString renders text (a default or a when condition) with vals,
// bounded like a pack render.
func RenderString(text string, vals Values) (string, error) {
	s, err := renderString(newTemplate("text"), text, vals, Facts{}, DefaultLimits)
	if err != nil {
		return "", templateError(err)
	}
	return s, nil
}

// RulesFor returns the indexes in Files of every rule whose path matches
// target, in order: the first is the one that applies (see RuleFor).
func (p *Pack) RulesFor(target string) []int {
	var out []int
	for i := range p.rules {
		if matchRulePath(p.rules[i].Path, target) {
			out = append(out, i)
		}
	}
	return out
}

// RulesInUse returns the indexes in Files of the rules that apply to
// something: the first match of a file of the pack, or of a partial among
// paths (the pack's files, as "build/dot_github/workflows/_steps.yml.tmpl")
// when the rule gives it its delims, the one thing a rule does to a
// partial. A rule not in it could go without changing any output.
func (p *Pack) RulesInUse(paths []string) map[int]bool {
	used := map[int]bool{}
	for _, f := range p.files {
		used[p.RuleFor(f.target)] = true
	}
	for _, src := range paths {
		top, rel, ok := strings.Cut(src, "/")
		if !ok || (top != ComponentProject && top != ComponentBuild) {
			continue
		}
		target, _, render, partial := targetName(rel)
		if i := p.RuleFor(target); partial && render && i >= 0 && len(p.rules[i].Delims) > 0 {
			used[i] = true
		}
	}
	delete(used, -1)
	return used
}
