package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"text/template"

	"go.yaml.in/yaml/v3"
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
	Name        string     `yaml:"name"`
	Version     string     `yaml:"version"`
	Description string     `yaml:"description"`
	Toolchain   string     `yaml:"toolchain"`
	NameRule    string     `yaml:"name_rule"`
	Dir         string     `yaml:"dir"`
	Variables   []Variable `yaml:"variables"`
	Files       []FileRule `yaml:"files"`
}

// FileRule sets the policy of, or a condition on, the pack files whose target
// path (tokens not yet replaced, e.g. "__Name__.sln") matches Path. A pattern
// without a slash matches the base name. The first matching rule wins.
type FileRule struct {
	Path   string `yaml:"path"`
	Policy Policy `yaml:"policy"`
	// When is a template; the file is rendered only when it yields "true".
	When string `yaml:"when"`
	// EOL "crlf" renders the file with CRLF line endings (a .sln, a .ps1).
	EOL string `yaml:"eol"`
}

// Pack is a loaded, validated pack: its manifest, its files and its parsed
// templates.
type Pack struct {
	Manifest
	files []packFile
	tmpl  *template.Template
	rules []compiledRule
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
	packNameRe = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	semverRe   = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$`)
	varNameRe  = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	// Path tokens name PascalCase variables, so lower-case dunder names such
	// as Python's __init__.py and __main__.py stay as they are.
	pathTokenRe  = regexp.MustCompile(`__([A-Z][A-Za-z0-9]*)__`)
	variableType = []string{"string", "bool", "choice", "name"}
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
func LoadPack(fsys fs.FS, name string) (*Pack, error) {
	raw, err := fs.ReadFile(fsys, path.Join(name, "pack.yaml"))
	if err != nil {
		known, _ := ListPacks(fsys)
		return nil, &UnknownPackError{Name: name, Known: known}
	}
	p := &Pack{}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&p.Manifest); err != nil {
		return nil, &PackError{Pack: name, Problems: []string{fmt.Sprintf("%s/pack.yaml: %v", name, err)}}
	}
	problems := p.validateManifest(name)
	problems = append(problems, p.loadFiles(fsys, name)...)
	if len(problems) > 0 {
		return nil, &PackError{Pack: name, Problems: problems}
	}
	return p, nil
}

func (p *Pack) validateManifest(dir string) []string {
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
	if _, ok := nameRules[p.NameRule]; !ok {
		add("name_rule %q is unknown; known: %s", p.NameRule, strings.Join(sortedKeys(nameRules), ", "))
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
		if v.Computed && v.Default == "" {
			add("%s: a computed variable needs a default", where)
		}
		if strings.TrimSpace(v.Help) == "" {
			add("%s: help is empty", where)
		}
		if v.Pattern != "" {
			if _, err := regexp.Compile(v.Pattern); err != nil {
				add("%s: pattern: %v", where, err)
			}
		}
		if _, err := newTemplate(v.Name).Parse(v.Default); err != nil {
			add("%s: default: %v", where, err)
		}
	}
	if !hasName {
		add("variables: the pack needs a variable Name of type name")
	}
	if _, err := newTemplate("dir").Parse(p.Dir); err != nil {
		add("dir: %v", err)
	}
	for i, r := range p.Files {
		if _, err := path.Match(r.Path, ""); err != nil || r.Path == "" {
			add("files[%d]: bad path pattern %q", i, r.Path)
		}
		if r.Policy != "" && !slices.Contains(Policies, r.Policy) {
			add("files[%d] %s: policy %q is not one of %v", i, r.Path, r.Policy, Policies)
		}
		if r.EOL != "" && r.EOL != "crlf" {
			add("files[%d] %s: eol %q must be crlf or empty", i, r.Path, r.EOL)
		}
		t, err := newTemplate(r.Path).Parse(r.When)
		if err != nil {
			add("files[%d] %s: when: %v", i, r.Path, err)
		}
		p.rules = append(p.rules, compiledRule{FileRule: r, when: t})
	}
	return problems
}

// loadFiles walks the component folders, derives each target name and parses
// every template into one set, so that partials (files starting with "_") can
// be called by their base name.
func (p *Pack) loadFiles(fsys fs.FS, dir string) []string {
	var problems []string
	p.tmpl = newTemplate(dir)
	for _, comp := range []string{ComponentProject, ComponentBuild} {
		root := path.Join(dir, comp)
		if _, err := fs.Stat(fsys, root); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		err := fs.WalkDir(fsys, root, func(src string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(fsys, src)
			if err != nil {
				return err
			}
			rel := strings.TrimPrefix(src, root+"/")
			target, mode, render, partial := targetName(rel)
			if render {
				name := src
				if partial {
					name = strings.TrimSuffix(path.Base(rel), ".tmpl")
				}
				if _, err := p.tmpl.New(name).Parse(string(data)); err != nil {
					problems = append(problems, templateError(err).Error())
					return nil
				}
			}
			if partial {
				return nil
			}
			for _, m := range pathTokenRe.FindAllStringSubmatch(target, -1) {
				if !slices.ContainsFunc(p.Variables, func(v Variable) bool { return v.Name == m[1] }) {
					problems = append(problems, fmt.Sprintf("%s: path token %s names no variable", src, m[0]))
				}
			}
			if strings.ContainsAny(target, "{}") {
				problems = append(problems, fmt.Sprintf("%s: braces are not allowed in pack paths; use __Var__ tokens", src))
			}
			f := packFile{src: src, component: comp, target: target, mode: mode, render: render}
			if !render {
				f.data = data
			}
			p.files = append(p.files, f)
			return nil
		})
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", root, err))
		}
	}
	if len(p.files) == 0 {
		problems = append(problems, dir+": the pack has no files under project/ or build/")
	}
	sort.Slice(p.files, func(i, j int) bool { return p.files[i].src < p.files[j].src })
	return problems
}

// targetName maps a pack file name to the file it renders: "dot_" gives a
// leading dot (any segment), "executable_" gives mode 0755 (file only), ".tmpl"
// means render, and a base name starting with "_" is a partial.
func targetName(rel string) (target string, mode fs.FileMode, render, partial bool) {
	segs := strings.Split(rel, "/")
	mode = 0o644
	last := len(segs) - 1
	base := segs[last]
	if strings.HasSuffix(base, ".tmpl") {
		render = true
		base = strings.TrimSuffix(base, ".tmpl")
	}
	partial = strings.HasPrefix(base, "_") && !strings.HasPrefix(base, "__")
	for {
		if b, ok := strings.CutPrefix(base, "executable_"); ok {
			mode, base = 0o755, b
			continue
		}
		break
	}
	segs[last] = base
	for i, s := range segs {
		if b, ok := strings.CutPrefix(s, "dot_"); ok {
			segs[i] = "." + b
		}
	}
	return strings.Join(segs, "/"), mode, render, partial
}

// rule returns the first rule whose pattern matches target, or nil.
func (p *Pack) rule(target string) *compiledRule {
	for i := range p.rules {
		r := &p.rules[i]
		subject := target
		if !strings.Contains(r.Path, "/") {
			subject = path.Base(target)
		}
		if ok, _ := path.Match(r.Path, subject); ok {
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

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
