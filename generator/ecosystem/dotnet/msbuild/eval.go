// Package msbuild evaluates MSBuild project files statically, as the build
// that crane's generated CI runs would see them: a project, the
// Directory.Build.props above it (and what that imports),
// Directory.Packages.props and Directory.Build.targets; properties in
// document order with $(...) expansion, and Conditions evaluated for a
// Release build on Linux ($(OS) is Unix). A value it cannot evaluate (a
// property function it does not know, a condition on the environment, an
// import it cannot follow) is reported as unknown, never guessed.
//
// It is written here, small and fuzzed, because no Go library evaluates
// MSBuild: the real evaluator needs the .NET SDK, which crane cannot assume.
package msbuild

import (
	"fmt"
	"path"
	"strings"
)

// Files is how the evaluator reads a repository: paths are slash-separated
// and relative to its root.
type Files interface {
	Read(rel string) ([]byte, error)
	Exists(rel string) bool
}

// maxFiles bounds the files one evaluation reads (imports included).
const maxFiles = 64

// Project is an evaluated project.
type Project struct {
	// Path is the project file, relative to the root.
	Path string
	// SDKStyle is true for <Project Sdk="...">, an <Sdk> element or an
	// <Import Sdk="...">; false for the old format.
	SDKStyle bool
	// Files are the files read, in evaluation order.
	Files []string
	// Unknowns say what the evaluator could not follow (an import it cannot
	// resolve, a file it cannot read), in order.
	Unknowns []string
	props    map[string]prop
	items    []Item
}

type prop struct {
	name string
	val  Value
	file string // the file that set it last
}

// Prop is a property's final value; an unset property is known and empty.
func (p *Project) Prop(name string) Value {
	return p.props[strings.ToLower(name)].val
}

// SetIn is the file that last set the property, "" when none did.
func (p *Project) SetIn(name string) string {
	return p.props[strings.ToLower(name)].file
}

// Defined reports whether some file read sets the property (or the
// evaluation could not tell whether it does).
func (p *Project) Defined(name string) bool {
	_, ok := p.props[strings.ToLower(name)]
	return ok
}

// Globals are the global properties of a build: those the command line
// gives, which no file can change.
type Globals map[string]string

// CI are the global properties of the generated build: dotnet build -c
// Release.
func CI() Globals { return Globals{"Configuration": "Release"} }

// Evaluate reads project (a path relative to the root) with the files MSBuild
// imports around it, under the global properties g. An error is a project
// file that cannot be read or is not MSBuild XML; everything else it cannot
// follow is in Unknowns.
func Evaluate(files Files, project string, g Globals) (*Project, error) {
	data, err := files.Read(project)
	if err != nil {
		return nil, err
	}
	root, err := parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: not MSBuild XML: %w", project, err)
	}
	e := &evaluator{
		files: files, project: project,
		global:   map[string]string{},
		declared: map[string]bool{},
		imported: map[string]bool{},
		p:        &Project{Path: project, props: map[string]prop{}},
	}
	for k, v := range g {
		e.global[strings.ToLower(k)] = v
	}
	e.p.SDKStyle = isSDK(root)
	dir := path.Dir(project)
	e.implicit(dir, "Directory.Build.props")
	e.implicit(dir, "Directory.Packages.props")
	e.imported[project] = true
	e.walk(project, root)
	e.implicit(dir, "Directory.Build.targets")
	e.evalItems()
	return e.p, nil
}

func isSDK(root *node) bool {
	if _, ok := root.attr("Sdk"); ok {
		return true
	}
	for _, c := range root.Children {
		if _, ok := c.attr("Sdk"); c.Name == "Sdk" || c.Name == "Import" && ok {
			return true
		}
	}
	return false
}

type evaluator struct {
	files    Files
	project  string
	file     string // the file being evaluated, for MSBuildThisFile*
	global   map[string]string
	declared map[string]bool // properties some file read sets, under any condition
	imported map[string]bool
	groups   []pending
	p        *Project
}

// pending is an ItemGroup, kept for the item pass that runs after every
// property is known, as MSBuild's does.
type pending struct {
	file string
	n    *node
}

func (e *evaluator) note(format string, args ...any) {
	e.p.Unknowns = append(e.p.Unknowns, fmt.Sprintf(format, args...))
}

// implicit imports the nearest file called name at or above dir, as the SDK
// does for Directory.Build.props, Directory.Packages.props and
// Directory.Build.targets.
func (e *evaluator) implicit(dir, name string) {
	for {
		rel := path.Join(dir, name)
		if e.files.Exists(rel) {
			e.load(rel)
			return
		}
		if dir == "." || dir == "/" || dir == "" {
			return
		}
		dir = path.Dir(dir)
	}
}

// load evaluates an imported file once; MSBuild ignores a repeated import.
func (e *evaluator) load(rel string) {
	if e.imported[rel] {
		return
	}
	if len(e.imported) >= maxFiles {
		e.note("%s: more than %d imported files; crane stopped following imports", rel, maxFiles)
		return
	}
	e.imported[rel] = true
	data, err := e.files.Read(rel)
	if err != nil {
		e.note("%s cannot be read: %v", rel, err)
		return
	}
	root, err := parse(data)
	if err != nil {
		e.note("%s is not MSBuild XML: %v", rel, err)
		return
	}
	e.walk(rel, root)
}

// walk evaluates one file's properties and imports in document order, and
// keeps its item groups for later.
func (e *evaluator) walk(file string, root *node) {
	saved := e.file
	e.file = file
	e.p.Files = append(e.p.Files, file)
	e.children(root.Children)
	e.file = saved
}

func (e *evaluator) children(nodes []*node) {
	for _, n := range nodes {
		switch n.Name {
		case "PropertyGroup":
			e.propertyGroup(n, e.condition(n.Attrs["Condition"]))
		case "ItemGroup":
			e.groups = append(e.groups, pending{file: e.file, n: n})
		case "Import":
			e.importNode(n, outcome{v: yes})
		case "ImportGroup":
			c := e.condition(condAttr(n))
			for _, imp := range n.Children {
				if imp.Name == "Import" {
					e.importNode(imp, c)
				}
			}
		case "Choose":
			e.choose(n, outcome{v: yes})
		}
	}
}

func condAttr(n *node) string {
	c, _ := n.attr("Condition")
	return c
}

// propertyGroup sets the group's properties; outer is the group's (or an
// enclosing When's) condition.
func (e *evaluator) propertyGroup(n *node, outer outcome) {
	for _, p := range n.Children {
		lower := strings.ToLower(p.Name)
		e.declared[lower] = true
		c := outer
		if outer.v != no {
			c = combine(outer, e.condition(condAttr(p)), func(a, b tri) tri {
				switch {
				case a == no || b == no:
					return no
				case a == maybe || b == maybe:
					return maybe
				}
				return yes
			})
		}
		if _, global := e.global[lower]; global || c.v == no {
			continue
		}
		v := e.expand(p.Text).assume(c.assumed...)
		if c.v == maybe {
			v = unknown("it is set under " + c.why)
		}
		e.p.props[lower] = prop{name: p.Name, val: v, file: e.file}
	}
}
