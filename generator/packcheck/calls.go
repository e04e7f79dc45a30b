package packcheck

import (
	"path"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/ewilde/crane/generator"
)

// checkTemplateCalls reports {{ template "x" }} calls that name a template
// the pack does not define. Go's templates find them only when the call
// runs, so a call in a branch the examples do not take would fail a user's
// init. A pack defines the partials (_NAME.tmpl files, called "_NAME") and
// every {{ define }} and {{ block }} in its templates.
func (l *linter) checkTemplateCalls() {
	defined := map[string]bool{}
	type call struct {
		file, name string
		line       int
	}
	var calls []call
	partials := map[string][]string{} // a partial file -> the names it defines
	for _, p := range sortedPaths(l.snap) {
		top, _, _ := strings.Cut(p, "/")
		_, _, render, partial := generator.TargetName(p)
		if (top != generator.ComponentProject && top != generator.ComponentBuild) || !render {
			continue
		}
		text := string(l.snap.Files[p])
		t, err := generator.NewTemplate(p).Delims(l.m.FileDelims(p)).Parse(text)
		if err != nil {
			continue // reported as a template that does not parse
		}
		base := strings.TrimSuffix(path.Base(p), ".tmpl")
		if partial {
			defined[base] = true
			partials[p] = append(partials[p], base)
		}
		for _, tt := range t.Templates() {
			if tt.Name() != p {
				defined[tt.Name()] = true
				if partial {
					partials[p] = append(partials[p], tt.Name())
				}
			}
			if tt.Tree == nil {
				continue
			}
			for _, c := range templateNodes(tt.Tree.Root) {
				calls = append(calls, call{p, c.Name, 1 + strings.Count(text[:min(int(c.Position()), len(text))], "\n")})
			}
		}
	}
	called := map[string]bool{}
	for _, c := range calls {
		called[c.name] = true
		called[strings.TrimSuffix(c.name, ".tmpl")] = true // a call by the wrong name is reported below
	}
	for _, p := range sortedPaths(l.snap) {
		if names, ok := partials[p]; ok && !slices.ContainsFunc(names, func(n string) bool { return called[n] }) {
			l.add(p, 0, "never rendered and never called: a name starting with one _ is a partial, which other templates call by name ({{ template %q . }}); %s", names[0], literalHint(path.Base(p)))
		}
	}
	for _, c := range calls {
		switch trimmed := strings.TrimSuffix(c.name, ".tmpl"); {
		case defined[c.name]:
		case trimmed != c.name && defined[trimmed]:
			l.add(c.file, c.line, "calls template %q, which the pack does not define: a partial is called by its file name without .tmpl, {{ template %q . }}", c.name, trimmed)
		default:
			l.add(c.file, c.line, "calls template %q, which the pack does not define: add a partial _NAME.tmpl (called as {{ template \"_NAME\" . }}) or a {{ define %q }}", c.name, c.name)
		}
	}
}

// templateNodes returns the {{ template }} calls under n.
func templateNodes(n parse.Node) []*parse.TemplateNode {
	var out []*parse.TemplateNode
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.TemplateNode:
			out = append(out, n)
		case *parse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(n)
	return out
}
