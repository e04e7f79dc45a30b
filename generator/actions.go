package generator

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/ecosystem/all"
	"github.com/ewilde/crane/internal/lazyre"
)

// PackAction is one entry of pack.yaml's actions: a declarative edit of the
// rendered tree, which Render applies after every file is rendered, so that
// init, crane pack test's golden trees and crane update all see the same
// bytes. Actions are data, never commands: crane knows each kind and does
// it itself, in memory, with no IO. Exactly one kind is set.
type PackAction struct {
	// AddToSolution lists a project the pack renders in the solution the
	// pack renders, when it renders one.
	AddToSolution *AddToSolution `yaml:"add_to_solution,omitempty"`
	// When is a template, like a file rule's: the action applies only when
	// it yields "true".
	When string `yaml:"when,omitempty"`
	// Unknown holds the keys that name no kind crane knows (a command,
	// say), so that loading reports them at their index, after extends
	// has merged the pack.
	Unknown map[string]any `yaml:",inline"`
}

// AddToSolution is the add_to_solution action: what `dotnet sln add`
// does, done by the pack's ecosystem (an ecosystem.SolutionAdder) on the
// rendered bytes.
type AddToSolution struct {
	// Project is the rendered path of the project file, __Var__ tokens
	// allowed ("src/__Name__.Api/__Name__.Api.csproj"): a file the pack
	// renders.
	Project string `yaml:"project"`
	// Folder is the solution folder to list it in ("src"); empty for the
	// solution's top level.
	Folder string `yaml:"folder,omitempty"`
	// Solution is the rendered path of the solution to edit, tokens
	// allowed; empty for the one solution at the root. Either way, when the
	// tree has no such solution the action does nothing.
	Solution string `yaml:"solution,omitempty"`
}

// actionKinds are the kinds of action crane knows.
var actionKinds = []string{"add_to_solution"}

// folderNameRe is a solution folder's name.
var folderNameRe = lazyre.New(`^[\p{L}\p{N}_][\p{L}\p{N}_. -]*$`)

// UnmarshalYAML reads an action, naming an unknown kind or field with its
// line (yaml's own strict decoding would name a Go type).
func (a *PackAction) UnmarshalYAML(n *yaml.Node) error {
	var errs []string
	fail := func(n *yaml.Node, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("line %d: actions: %s", n.Line, fmt.Sprintf(format, args...)))
	}
	if n.Kind != yaml.MappingNode {
		fail(n, "an action is a mapping, e.g. {add_to_solution: {project: src/__Name__.Api/__Name__.Api.csproj}}")
		return &yaml.TypeError{Errors: errs}
	}
	kinds := 0
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		switch key.Value {
		case "when":
			if err := val.Decode(&a.When); err != nil {
				fail(val, "when must be a string (a template, e.g. '{{ .WithApi }}')")
			}
		case "add_to_solution":
			kinds++
			for j := 0; val.Kind == yaml.MappingNode && j+1 < len(val.Content); j += 2 {
				if f := val.Content[j].Value; f != "project" && f != "folder" && f != "solution" {
					fail(val.Content[j], "add_to_solution has no field %q; its fields are project, folder and solution", f)
				}
			}
			a.AddToSolution = &AddToSolution{}
			if err := val.Decode(a.AddToSolution); err != nil {
				fail(val, "add_to_solution must be a mapping of project, folder and solution, e.g. {project: src/__Name__.Api/__Name__.Api.csproj, folder: src}")
			}
		default:
			kinds++
			var v any
			_ = val.Decode(&v)
			if a.Unknown == nil {
				a.Unknown = map[string]any{}
			}
			a.Unknown[key.Value] = v
		}
	}
	if kinds == 0 && len(errs) == 0 {
		fail(n, "an action needs a kind: %s", strings.Join(actionKinds, ", "))
	}
	if len(errs) > 0 {
		return &yaml.TypeError{Errors: errs}
	}
	return nil
}

// compiledAction is an action with its when parsed.
type compiledAction struct {
	PackAction
	when compiledRule // the action's when, held as a file rule's
	// components are those of the pack's files at the project's path: a
	// render of other components (assemble renders build alone) skips the
	// action.
	components []string
}

// checkActions validates pack.yaml's actions once the pack's files are
// loaded, and parses their whens.
func (p *Pack) checkActions(dir string) []string {
	var problems []string
	eco, _ := all.Lookup(p.Ecosystem)
	adder, _ := eco.(ecosystem.SolutionAdder)
	for i, a := range p.Actions {
		where := fmt.Sprintf("%s/pack.yaml: actions[%d] add_to_solution", dir, i)
		add := func(format string, args ...any) { problems = append(problems, where+": "+fmt.Sprintf(format, args...)) }
		s := a.AddToSolution
		if len(a.Unknown) > 0 || s == nil {
			kind := slices.Sorted(maps.Keys(a.Unknown))
			problems = append(problems, fmt.Sprintf("%s/pack.yaml: actions[%d]: unknown action %q; the actions are %s (a pack runs no commands: an action is data that crane applies itself)",
				dir, i, strings.Join(kind, ", "), strings.Join(actionKinds, ", ")))
			continue
		}
		t, err := p.parseExpr(fmt.Sprintf("pack.yaml:actions[%d]", i), a.When)
		if err != nil {
			add("when: %v", err)
		}
		ca := compiledAction{PackAction: a, when: compiledRule{FileRule: FileRule{When: a.When}, when: t}}
		for _, f := range p.files {
			if f.target == s.Project && !slices.Contains(ca.components, f.component) {
				ca.components = append(ca.components, f.component)
			}
		}
		p.actions = append(p.actions, ca)
		if eco != nil && adder == nil {
			add("the %s ecosystem has no solution to add a project to; add_to_solution is for the %s ecosystems", p.Ecosystem, strings.Join(solutionEcosystems(), ", "))
			continue
		}
		switch {
		case s.Project == "":
			add("project is empty; give the path of a project file the pack renders, e.g. src/__Name__.Api/__Name__.Api.csproj")
		case checkRelPath(pathTokenRe.ReplaceAllString(s.Project, "x")) != nil:
			add("project %q must be a clean relative path (__Var__ tokens allowed), as the pack renders it", s.Project)
		case adder != nil && adder.CheckEntry(ecosystem.SolutionEntry{Project: s.Project, Folder: s.Folder}) != nil:
			add("%v", adder.CheckEntry(ecosystem.SolutionEntry{Project: s.Project, Folder: s.Folder}))
		case !slices.ContainsFunc(p.files, func(f packFile) bool { return f.target == s.Project }):
			add("no file of the pack renders %s; give the target path of a project file the pack has (project/%s or project/%s.tmpl)", s.Project, s.Project, s.Project)
		}
		if s.Folder != "" && !folderNameRe.MatchString(s.Folder) {
			add("folder %q must be one solution folder's name: letters, digits, '_', '.', '-' and spaces, e.g. src", s.Folder)
		}
		if s.Solution != "" && (checkRelPath(pathTokenRe.ReplaceAllString(s.Solution, "x")) != nil || adder != nil && !adder.IsSolution(s.Solution, nil)) {
			add("solution %q must be the clean relative path of a solution file of the %s ecosystem (__Var__ tokens allowed), e.g. __Name__.slnx for dotnet", s.Solution, p.Ecosystem)
		}
	}
	return problems
}

// solutionEcosystems names the ecosystems add_to_solution works in.
func solutionEcosystems() []string {
	var names []string
	for _, e := range all.Ecosystems() {
		if _, ok := e.(ecosystem.SolutionAdder); ok {
			names = append(names, e.Name())
		}
	}
	return names
}

// applyActions applies the pack's actions, in order, to tree (Render's of
// components, sorted) for data and vals, and returns the tree. An action
// whose project is in no component rendered is skipped (assemble renders
// the build component alone); a project the action names that is not
// rendered with these values is a pack error; a tree without the solution
// is left as it is.
func (p *Pack) applyActions(tree Tree, data map[string]any, vals Values, components []string, clock *renderClock) (Tree, error) {
	eco, _ := all.Lookup(p.Ecosystem)
	adder, _ := eco.(ecosystem.SolutionAdder)
	lim := p.limits()
	for i, a := range p.actions {
		if !slices.ContainsFunc(a.components, func(c string) bool { return slices.Contains(components, c) }) {
			continue
		}
		where := fmt.Sprintf("%s/pack.yaml: actions[%d] add_to_solution", p.Name, i)
		fail := func(format string, args ...any) error {
			return &PackError{Pack: p.Name, Problems: []string{where + ": " + fmt.Sprintf(format, args...)}}
		}
		if a.When != "" {
			w := &boundedWriter{max: lim.MaxFileBytes, clock: clock}
			holds, err := a.when.holds(data, w)
			if errors.Is(err, errStopped) {
				return nil, limitError(p, "pack.yaml: actions["+fmt.Sprint(i)+"]: when", w, lim)
			} else if msg := p.refusedBy(err); msg != "" {
				return nil, &ValuesError{Problems: []string{msg}, Refused: true}
			} else if err != nil {
				return nil, fail("when: %v", templateError(err))
			}
			if !holds {
				continue
			}
		}
		project, err := expandPath(a.AddToSolution.Project, vals)
		if err != nil {
			return nil, fail("project: %v", err)
		}
		if _, ok := tree.Get(project); !ok {
			return nil, fail("project %s is not rendered with these values (its file's when does not hold?); give the action a when that holds only when the file is rendered", project)
		}
		sol, err := p.solutionOf(tree, a.AddToSolution, adder, vals)
		if err != nil {
			return nil, fail("%v", err)
		}
		if sol < 0 {
			continue // no solution: nothing to add to
		}
		data, err := adder.AddToSolution(tree[sol].Path, tree[sol].Data, ecosystem.SolutionEntry{Project: project, Folder: a.AddToSolution.Folder})
		if err != nil {
			return nil, fail("%s: %v; the action can only add to a solution it can read", tree[sol].Path, err)
		}
		tree[sol].Data = data
	}
	return tree, nil
}

// solutionOf returns the index in tree of the solution s edits: the one s
// names, else the one at the root; -1 when the tree has none. Several at
// the root is an error: s must name one.
func (p *Pack) solutionOf(tree Tree, s *AddToSolution, adder ecosystem.SolutionAdder, vals Values) (int, error) {
	if s.Solution != "" {
		sol, err := expandPath(s.Solution, vals)
		if err != nil {
			return -1, fmt.Errorf("solution: %w", err)
		}
		return slices.IndexFunc(tree, func(f File) bool { return f.Path == sol }), nil
	}
	found := -1
	var names []string
	for i, f := range tree {
		if !strings.Contains(f.Path, "/") && adder.IsSolution(f.Path, f.Data) {
			found = i
			names = append(names, f.Path)
		}
	}
	if len(names) > 1 {
		return -1, fmt.Errorf("the pack renders several solutions at the root (%s); name the one to add to in the action's solution field", strings.Join(names, ", "))
	}
	return found, nil
}
