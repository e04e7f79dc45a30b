package packcheck

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/ewilde/crane/generator"
)

// checkVariables reports variables nothing uses, and templates that use a
// variable the pack does not declare (or, in a default, one declared after
// it: defaults are resolved in order).
func (l *linter) checkVariables() {
	declared := map[string]int{"Facts": -1}
	for i, v := range l.m.Variables {
		declared[v.Name] = i
	}
	var texts []string
	for _, p := range sortedPaths(l.snap) {
		top, _, _ := strings.Cut(p, "/")
		if top != generator.ComponentProject && top != generator.ComponentBuild {
			continue
		}
		texts = append(texts, p) // paths carry __Var__ tokens
		_, _, render, partial := generator.TargetName(p)
		if !render {
			continue
		}
		text := string(l.snap.Files[p])
		texts = append(texts, text)
		if partial {
			continue // a partial's dot is whatever its caller passes
		}
		left, right := l.m.FileDelims(p)
		for _, ref := range rootRefsIn(text, left, right) {
			if ref.name == "Facts" {
				l.add(p, ref.line, "%s", factsOnlyInDefaults)
			} else if _, ok := declared[ref.name]; !ok {
				l.add(p, ref.line, "uses .%s, which the pack does not declare; add it under variables or fix the name", ref.name)
			}
		}
	}
	for i, r := range l.m.Files {
		texts = append(texts, r.When)
		for _, ref := range rootRefs(r.When) {
			if ref.name == "Facts" {
				l.add("pack.yaml", l.lines[fmt.Sprintf("files[%d]", i)], "files %s: when %s", r.Path, factsOnlyInDefaults)
			} else if _, ok := declared[ref.name]; !ok {
				l.add("pack.yaml", l.lines[fmt.Sprintf("files[%d]", i)], "files %s: when uses .%s, which the pack does not declare", r.Path, ref.name)
			}
		}
	}
	for i, a := range l.m.Actions {
		texts = append(texts, a.When)
		if s := a.AddToSolution; s != nil {
			texts = append(texts, s.Project, s.Solution) // __Var__ tokens
		}
		for _, ref := range rootRefs(a.When) {
			if _, ok := declared[ref.name]; !ok {
				l.add("pack.yaml", l.lines[fmt.Sprintf("actions[%d]", i)], "actions[%d]: when uses .%s, which the pack does not declare", i, ref.name)
			}
		}
	}
	for _, t := range l.valueTemplates() {
		texts = append(texts, t.text)
		for _, ref := range rootRefs(t.text) {
			if ref.name == "Facts" {
				l.add("pack.yaml", t.line, "%s %s", t.what, factsOnlyInDefaults)
			} else if _, ok := declared[ref.name]; !ok {
				l.add("pack.yaml", t.line, "%s uses .%s, which the pack does not declare", t.what, ref.name)
			}
		}
	}
	for i, v := range l.m.Variables {
		texts = append(texts, v.Default, v.When)
		for _, ref := range rootRefs(v.When) {
			if j, ok := declared[ref.name]; ref.name == "Facts" {
				l.add("pack.yaml", l.lines[fmt.Sprintf("variables[%d]", i)], "variable %s: its when %s", v.Name, factsOnlyInDefaults)
			} else if !ok || j >= i {
				l.add("pack.yaml", l.lines[fmt.Sprintf("variables[%d]", i)], "variable %s: its when uses .%s, which is not declared before it (a when sees only the variables before it)", v.Name, ref.name)
			}
		}
		for _, ref := range rootRefs(v.Default) {
			if j, ok := declared[ref.name]; !ok || j >= i {
				l.add("pack.yaml", l.lines[fmt.Sprintf("variables[%d]", i)], "variable %s: its default uses .%s, which is not declared before it (defaults are resolved in order)", v.Name, ref.name)
			}
		}
	}
	all := strings.Join(texts, "\n")
	for i, v := range l.m.Variables {
		if v.Name == "Name" || l.baseVar(v.Name) {
			continue // the pack extended declares it: not this pack's to remove
		}
		used := regexp.MustCompile(`\.` + v.Name + `\b|__` + v.Name + `__`)
		if !used.MatchString(all) {
			l.add("pack.yaml", l.lines[fmt.Sprintf("variables[%d]", i)], "variable %s is never used: no template, path, default or when refers to it; remove it", v.Name)
		}
	}
}

// valueTemplate is a template of pack.yaml over the resolved values alone.
type valueTemplate struct {
	what, text string
	line       int
}

// valueTemplates are pack.yaml's dir, next and checks: templates over the
// resolved values.
func (l *linter) valueTemplates() []valueTemplate {
	out := []valueTemplate{{"dir", l.m.Dir, l.lines["dir"]}, {"next", l.m.Next, l.lines["next"]}}
	for i, c := range l.m.Checks {
		line := l.lines[fmt.Sprintf("checks[%d]", i)]
		out = append(out, valueTemplate{fmt.Sprintf("checks[%d]: when", i), c.When, line}, valueTemplate{fmt.Sprintf("checks[%d]: message", i), c.Message, line})
	}
	return out
}

// factsOnlyInDefaults says where .Facts may be used, and how to use a fact
// elsewhere.
const factsOnlyInDefaults = "uses .Facts, which only a variable's default can read (so that the value is shown, can be set and is recorded in the lock); declare a variable with a default such as {{ .Facts.Email }} and use that variable"

type ref struct {
	name string
	line int
}

// rootRefs returns the top-level data fields text uses: .X where dot is the
// template's data (not inside range or with, which move it), and $.X
// anywhere. A text that does not parse gives none (Load reports it).
func rootRefs(text string) []ref { return rootRefsIn(text, "", "") }

// rootRefsIn is rootRefs of a template with the delimiters left and right
// ("" for the default).
func rootRefsIn(text, left, right string) []ref {
	t, err := generator.NewTemplate("lint").Delims(left, right).Parse(text)
	if err != nil || t.Tree == nil {
		return nil
	}
	var refs []ref
	lineOf := func(n parse.Node) int { return 1 + strings.Count(text[:min(int(n.Position()), len(text))], "\n") }
	var walk func(n parse.Node, root bool)
	walk = func(n parse.Node, root bool) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c, root)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe, root)
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(c, root)
				}
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a, root)
			}
		case *parse.FieldNode:
			if root && !slices.Contains(refNames(refs), n.Ident[0]) {
				refs = append(refs, ref{n.Ident[0], lineOf(n)})
			}
		case *parse.VariableNode:
			if len(n.Ident) > 1 && n.Ident[0] == "$" {
				refs = append(refs, ref{n.Ident[1], lineOf(n)})
			}
		case *parse.ChainNode:
			walk(n.Node, root)
		case *parse.IfNode:
			walk(n.Pipe, root)
			walk(n.List, root)
			walk(n.ElseList, root)
		case *parse.RangeNode:
			walk(n.Pipe, root)
			walk(n.List, false)
			walk(n.ElseList, root)
		case *parse.WithNode:
			walk(n.Pipe, root)
			walk(n.List, false)
			walk(n.ElseList, root)
		case *parse.TemplateNode:
			walk(n.Pipe, root)
		}
	}
	walk(t.Tree.Root, true)
	return refs
}

func refNames(refs []ref) []string {
	names := make([]string, len(refs))
	for i, r := range refs {
		names[i] = r.name
	}
	return names
}
