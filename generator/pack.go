package generator

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"text/template"

	"go.yaml.in/yaml/v3"

	"github.com/ewilde/crane/generator/ecosystem/all"
	"github.com/ewilde/crane/generator/packsrc"
	"github.com/ewilde/crane/internal/lazyre"
)

// Component names. Every pack splits its files into these two folders:
// project (solution, project, test project: init only) and build (VERSION,
// package manifest, build script, CI, ignore files: init and assemble).
const (
	ComponentProject = "project"
	ComponentBuild   = "build"
)

// Manifest is a pack's pack.yaml.
type Manifest struct {
	Name        string `yaml:"name"`
	Version     string `yaml:"version"`
	Description string `yaml:"description"`
	Toolchain   string `yaml:"toolchain"`
	Example     string `yaml:"example"` // a valid NAME, shown in help and rendered by the contract test
	// Ecosystem names the ecosystem whose knowledge the pack uses: the
	// rule its names follow, and what assemble reads (see package all).
	Ecosystem string `yaml:"ecosystem"`
	// NameRule is the name crane 1.x packs gave Ecosystem; Load reads it
	// into Ecosystem when ecosystem is not set, so the kept versions of
	// those packs load as they are.
	NameRule  string     `yaml:"name_rule"`
	Dir       string     `yaml:"dir"`
	Variables []Variable `yaml:"variables"`
	Files     []FileRule `yaml:"files"`
	// Extends names a pack this one overlays (see PackSource.extend), and
	// Drop the files of that pack it leaves out. Both are resolved before
	// the pack is validated; a loaded Pack has neither.
	Extends string   `yaml:"extends,omitempty"`
	Drop    []string `yaml:"drop,omitempty"`
	// Tests are the examples crane pack test renders (see PackTest).
	Tests []PackTest `yaml:"tests,omitempty"`
	// Actions are declarative edits of the rendered tree (see PackAction).
	Actions []PackAction `yaml:"actions,omitempty"`
	// Checks refuse combinations of values (see Check).
	Checks []Check `yaml:"checks,omitempty"`
	// Next is a template over the values: what to do after crane init,
	// printed after a successful init (see NextSteps).
	Next string `yaml:"next,omitempty"`
}

// FileRule sets the policy of, or a condition on, the pack files whose target
// path (tokens not yet replaced, e.g. "__Name__.sln") matches Path, a pack
// glob (see packglob.go). A pattern without a slash matches the base name.
// The first matching rule wins.
type FileRule struct {
	Path   string `yaml:"path"`
	Policy Policy `yaml:"policy"`
	// When is a template; the file is rendered only when it yields "true".
	When string `yaml:"when"`
	// EOL "crlf" renders the file with CRLF line endings (a .sln, a .ps1).
	EOL string `yaml:"eol"`
	// Aliases are other names of the file that its tool also reads: a name in
	// the same folder (.goreleaser.yml for .goreleaser.yaml) or, with a
	// slash, a path from the root (.config/goreleaser.yaml). When one is
	// there, or
	// the file under another case (Build.ps1 for build.ps1), the file is the
	// user's, kept and reported.
	Aliases []string `yaml:"aliases"`
	// Needs are files (paths from the root) the file calls, such as the
	// build script a CI workflow runs: assemble writes the file only when
	// crane writes, or wrote, each of them.
	Needs []string `yaml:"needs"`
	// RenamedFrom is the target path (tokens allowed) this file had in an
	// earlier version of the pack: crane update moves the user's file, with
	// its edits, to the new path.
	RenamedFrom string `yaml:"renamed_from"`
	// Delims are the left and right template delimiters of the templates
	// the rule matches, partials included (text/template's Delims), for a
	// file full of {{ such as a GitHub workflow; empty: {{ and }}.
	Delims []string `yaml:"delims,omitempty"`
}

// Pack is a loaded, validated pack: its manifest, its files and its parsed
// templates.
type Pack struct {
	Manifest
	// Origin is where a pack from a folder or git came from; empty for a
	// built-in pack.
	Origin   packsrc.Origin
	snapshot *packsrc.Snapshot // an external pack's files, as loaded (PackSource.Keep)
	// Limits bound every render of the pack; zero means DefaultLimits.
	Limits Limits
	files  []packFile
	// tmpl is the pack's one template set: its files and partials, and
	// pack.yaml's templates (see packtemplates.go).
	tmpl     *template.Template
	rules    []compiledRule
	actions  []compiledAction
	checks   []compiledCheck
	defaults map[string]parsedDefault  // templated defaults, by variable
	whens    map[string]*parsedDefault // templated variable whens, by variable
	dir      *template.Template        // nil when dir is plain
	next     *template.Template        // nil when next is plain
	patterns map[string]*regexp.Regexp // by expression
}

type compiledRule struct {
	FileRule
	when *template.Template
}

// packFile is one file of a pack, with its target path and mode derived from
// its source name (see targetName).
type packFile struct {
	src       string // path inside the pack fs, e.g. "dotnet/build/executable_build.sh.tmpl"
	component string
	target    string // e.g. "build.sh", tokens still in place
	mode      fs.FileMode
	render    bool
	data      []byte // verbatim files only
}

var (
	packNameRe = lazyre.New(`^[a-z][a-z0-9-]*$`)
	semverRe   = lazyre.New(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$`)
	varNameRe  = lazyre.New(`^[A-Z][A-Za-z0-9]*$`)
	// Path tokens name PascalCase variables, so lower-case dunder names such
	// as Python's __init__.py and __main__.py stay as they are.
	pathTokenRe  = lazyre.New(`__([A-Z][A-Za-z0-9]*)__`)
	variableType = []string{"string", "bool", "choice", "name", "list"}
)

// PackError is a broken pack: its manifest or templates are invalid. It lists
// every problem found.
type PackError struct {
	Pack     string
	Problems []string
}

func (e *PackError) Error() string {
	return fmt.Sprintf("pack %s is broken:\n  %s", e.Pack, strings.Join(e.Problems, "\n  "))
}

// ListPacks returns the names of the packs in fsys (one folder each, holding a
// pack.yaml), sorted.
func ListPacks(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := fs.Stat(fsys, path.Join(e.Name(), "pack.yaml")); err == nil {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

// UnknownPackError is returned by LoadPack for a name with no pack.
type UnknownPackError struct {
	Name  string
	Known []string
}

func (e *UnknownPackError) Error() string {
	return fmt.Sprintf("unknown pack %q; the packs are: %s (see crane packs)", e.Name, strings.Join(e.Known, ", "))
}

// LoadPack reads the pack called name from fsys (the folder name/ holding
// pack.yaml and the component folders), validates its manifest and parses
// every template with the real func map. A broken pack gives a *PackError
// that lists every problem.
func LoadPack(fsys fs.FS, name string) (*Pack, error) { return loadPack(fsys, name, false) }

// LoadReleased loads a released pack version (a kept one) as it was
// released: the authoring rules added since are not applied to it.
func LoadReleased(fsys fs.FS, name string) (*Pack, error) { return loadPack(fsys, name, true) }

// loadPack loads a pack; released (a kept version) skips the authoring
// rules added after packs were first released (pattern_help), since a
// released version is replayed exactly as it was.
func loadPack(fsys fs.FS, name string, released bool) (*Pack, error) {
	raw, err := fs.ReadFile(fsys, path.Join(name, "pack.yaml"))
	if err != nil {
		known, _ := ListPacks(fsys)
		return nil, &UnknownPackError{Name: name, Known: known}
	}
	p := &Pack{tmpl: newTemplate(name)}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&p.Manifest); err != nil {
		return nil, &PackError{Pack: name, Problems: []string{fmt.Sprintf("%s/pack.yaml: %v", name, err)}}
	}
	if p.Ecosystem == "" {
		p.Ecosystem = p.NameRule
	}
	problems := p.validateManifest(name, released)
	problems = append(problems, p.loadFiles(fsys, name)...)
	problems = append(problems, p.checkActions(name)...)
	problems = append(problems, prefixed(name+"/pack.yaml: ", p.parseChecks())...)
	if len(problems) > 0 {
		return nil, &PackError{Pack: name, Problems: problems}
	}
	p.bound()
	return p, nil
}

func (p *Pack) validateManifest(dir string, released bool) []string {
	var problems []string
	add := func(format string, args ...any) {
		problems = append(problems, dir+"/pack.yaml: "+fmt.Sprintf(format, args...))
	}
	if p.Name != dir {
		add("name %q must match the pack folder %q", p.Name, dir)
	}
	if !packNameRe.MatchString(p.Name) {
		add("name %q must be lowercase letters, digits and dashes", p.Name)
	}
	if !semverRe.MatchString(p.Version) {
		add("version %q is not a semantic version (like 1.2.3)", p.Version)
	}
	if strings.TrimSpace(p.Description) == "" {
		add("description is empty")
	}
	eco, ok := all.Lookup(p.Ecosystem)
	if !ok {
		add("ecosystem %q is unknown; known: %s", p.Ecosystem, strings.Join(all.Names(), ", "))
	}
	if rule := eco; ok && p.Example != "" {
		if msgs := rule.Check(p.Example); len(msgs) > 0 {
			add("example %q is not a valid name: %s", p.Example, strings.Join(msgs, "; "))
		}
	}
	seen := map[string]bool{}
	hasName := false
	for i, v := range p.Variables {
		where := fmt.Sprintf("variables[%d] %s", i, v.Name)
		if !varNameRe.MatchString(v.Name) || v.Name == "Facts" {
			add("%s: name must be PascalCase letters and digits", where)
		}
		if seen[v.Name] {
			add("%s: declared twice", where)
		}
		seen[v.Name] = true
		if !slices.Contains(variableType, v.Type) {
			add("%s: type %q is not one of %s", where, v.Type, strings.Join(variableType, ", "))
		}
		if v.Type == "choice" && len(v.Choices) == 0 {
			add("%s: a choice needs choices", where)
		}
		if v.Type != "choice" && len(v.Choices) > 0 {
			add("%s: choices are only for type choice", where)
		}
		if v.Type == "name" {
			if v.Name != "Name" {
				add("%s: type name is only for the variable Name", where)
			}
			hasName = true
		}
		if v.Path != "" && (v.Type != "string" || (v.Path != PathSingle && v.Path != PathList)) {
			add("%s: path %q must be %s or %s, on a string", where, v.Path, PathSingle, PathList)
		}
		if v.Computed && v.Default == "" {
			add("%s: a computed variable needs a default", where)
		}
		if v.OmitDefault && (v.Computed || strings.Contains(v.Default, "{{")) {
			add("%s: omit_default needs a literal default and a variable that is not computed", where)
		}
		if strings.TrimSpace(v.Help) == "" {
			add("%s: help is empty", where)
		}
		defaultErr, patternErr := p.parseVariable(v)
		if patternErr != nil {
			add("%s: pattern: %v", where, patternErr)
		}
		if v.Pattern != "" && strings.TrimSpace(v.PatternHelp) == "" && !released {
			add("%s: pattern_help is empty: say in words what the pattern accepts (a user never sees the pattern)", where)
		} else if v.Pattern == "" && v.PatternHelp != "" {
			add("%s: pattern_help is only for a variable with a pattern", where)
		}
		if defaultErr != nil {
			add("%s: default: %v", where, defaultErr)
		}
		if err := p.parseWhen(v); err != nil {
			add("%s: when: %v", where, err)
		}
	}
	if !hasName {
		add("variables: the pack needs a variable Name of type name")
	}
	if t, err := p.parseExpr("dir", p.Dir); err != nil {
		add("dir: %v", err)
	} else {
		p.dir = t
	}
	if t, err := p.parseExpr(dir+"/pack.yaml:next", p.Next); err != nil {
		add("next: %v", err)
	} else {
		p.next = t
	}
	for i, r := range p.Files {
		if !validGlob(r.Path) {
			add("files[%d]: bad path pattern %q: a pattern is a path with * (within a folder), ** (any number of folders), ?, [...] and {a,b}", i, r.Path)
		}
		if r.Delims != nil {
			if err := checkDelims(r.Delims); err != nil {
				add("files[%d] %s: %v", i, r.Path, err)
			}
		}
		if r.Policy != "" && !slices.Contains(Policies, r.Policy) {
			add("files[%d] %s: policy %q is not one of %v", i, r.Path, r.Policy, Policies)
		}
		if r.EOL != "" && r.EOL != "crlf" {
			add("files[%d] %s: eol %q must be crlf or empty", i, r.Path, r.EOL)
		}
		for _, a := range r.Aliases {
			if checkRelPath(a) != nil {
				add("files[%d] %s: alias %q must be a file name in the same folder, or a clean relative path from the root", i, r.Path, a)
			}
		}
		for _, n := range r.Needs {
			if checkRelPath(n) != nil {
				add("files[%d] %s: needs %q must be a clean relative path", i, r.Path, n)
			}
		}
		if r.RenamedFrom != "" && (strings.ContainsAny(r.Path, "*?[{") || checkRelPath(pathTokenRe.ReplaceAllString(r.RenamedFrom, "x")) != nil) {
			add("files[%d] %s: renamed_from %q needs a plain path and a clean relative old path", i, r.Path, r.RenamedFrom)
		}
		t, err := p.parseExpr(r.Path, r.When)
		if err != nil {
			add("files[%d] %s: when: %v", i, r.Path, err)
		}
		p.rules = append(p.rules, compiledRule{FileRule: r, when: t})
	}
	return problems
}

// rule returns the first rule whose pattern matches target, or nil.
func (p *Pack) rule(target string) *compiledRule {
	for i := range p.rules {
		if r := &p.rules[i]; matchRulePath(r.Path, target) {
			return r
		}
	}
	return nil
}

// Variable finds a variable by name.
func (p *Pack) Variable(name string) (Variable, bool) {
	i := slices.IndexFunc(p.Variables, func(v Variable) bool { return v.Name == name })
	if i < 0 {
		return Variable{}, false
	}
	return p.Variables[i], true
}

// prefixed puts prefix before each of msgs.
func prefixed(prefix string, msgs []string) []string {
	for i, m := range msgs {
		msgs[i] = prefix + m
	}
	return msgs
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Declares reports whether the pack has a variable name that a value may be
// given for (not a computed one).
func (p *Pack) Declares(name string) bool {
	v, ok := p.Variable(name)
	return ok && !v.Computed
}

// Choices are the choices of the variable name (none for a free value or an
// unknown variable).
func (p *Pack) Choices(name string) []string {
	v, _ := p.Variable(name)
	return v.Choices
}

// Default is the default of the variable name as pack.yaml writes it.
func (p *Pack) Default(name string) string {
	v, _ := p.Variable(name)
	return v.Default
}

// Renders reports whether the pack may write a file at target (a path
// without tokens, such as "build.ps1") in either component, whatever its
// when condition says.
func (p *Pack) Renders(target string) bool {
	return slices.ContainsFunc(p.files, func(f packFile) bool { return f.target == target })
}
