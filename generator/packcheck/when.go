package packcheck

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ewilde/crane/generator"
)

// maxCombinations bounds the values checkWhen tries for one condition.
const maxCombinations = 4096

// checkWhen reports file rules that match no file of the pack, and whens
// that never hold: it tries every combination of the bool and choice
// variables a condition uses (the others at their defaults for the pack's
// example name), so a condition false for all of them leaves its files
// unreachable.
func (l *linter) checkWhen(p *generator.Pack) {
	files := p.SourceFiles()
	inUse := p.RulesInUse(sortedPaths(l.snap))
	for i, r := range p.Files {
		line := l.lines[fmt.Sprintf("files[%d]", i)]
		matched := 0
		for _, f := range files {
			if p.RuleFor(f.Target) == i {
				matched++
			}
		}
		switch {
		case matched == 0 && inUse[i]:
			// It gives a partial its delims.
		case matched == 0 && l.baseRule(i):
			// The pack extended has the rule; this pack dropped its files or
			// gave them a rule of its own, which comes first.
		case matched == 0:
			l.add("pack.yaml", line, "files %s: the rule applies to no file (an earlier rule matches first, or no file has that path)", r.Path)
		case r.When == "" || l.canHold(p, r.When):
		case l.baseRule(i):
			l.add("pack.yaml", line, "files %s: when %q, a rule of the pack extended, never holds with this pack's variables: %d file(s) are never rendered", r.Path, r.When, matched)
		default:
			l.add("pack.yaml", line, "files %s: when %q never holds for any value of the bool and choice variables it uses: %d file(s) are never rendered", r.Path, r.When, matched)
		}
	}
}

// checkActionWhen reports actions whose when never holds (see checkWhen).
func (l *linter) checkActionWhen(p *generator.Pack) {
	for i, a := range p.Actions {
		if a.When != "" && !l.canHold(p, a.When) {
			l.add("pack.yaml", l.lines[fmt.Sprintf("actions[%d]", i)], "actions[%d]: when %q never holds for any value of the bool and choice variables it uses: the action never applies", i, a.When)
		}
	}
}

// checkVariableWhen reports variables whose when never holds (see
// checkWhen): the variable never applies. A when that uses a variable not
// declared before it is reported by checkVariables instead.
func (l *linter) checkVariableWhen(p *generator.Pack) {
	for i, v := range p.Variables {
		earlier := func(r ref) bool {
			return slices.ContainsFunc(p.Variables[:i], func(w generator.Variable) bool { return w.Name == r.name })
		}
		if !slices.ContainsFunc(rootRefs(v.When), func(r ref) bool { return !earlier(r) }) && v.When != "" && !l.canHold(p, v.When) {
			l.add("pack.yaml", l.lines[fmt.Sprintf("variables[%d]", i)], "variable %s: when %q never holds for any value of the bool and choice variables it uses: the variable never applies", v.Name, v.When)
		}
	}
}

// checkDeepFiles reports a conditional rule for a folder's files, DIR/*,
// when files further down DIR match no rule: * does not cross a /, so the
// condition leaves them out and they are rendered whatever it says (DIR/**
// is what reaches them).
func (l *linter) checkDeepFiles(p *generator.Pack) {
	files := p.SourceFiles()
	for i, r := range p.Files {
		dir, ok := strings.CutSuffix(r.Path, "/*")
		if r.When == "" || !ok || strings.ContainsAny(dir, "*?[{") {
			continue
		}
		var deep []string
		for _, f := range files {
			if rest, under := strings.CutPrefix(f.Target, dir+"/"); under && strings.Contains(rest, "/") && p.RuleFor(f.Target) < 0 {
				deep = append(deep, f.Target)
			}
		}
		if len(deep) > 0 {
			l.add("pack.yaml", l.lines[fmt.Sprintf("files[%d]", i)], "files %s: * matches one path segment, so the when does not apply to %d file(s) further down %s/, such as %s, which are rendered whatever it says; write %s/** to match every depth", r.Path, len(deep), dir, deep[0], dir)
		}
	}
}

func (l *linter) canHold(p *generator.Pack, when string) bool {
	type axis struct {
		name   string
		values []string
	}
	var axes []axis
	n := 1
	for _, ref := range rootRefs(when) {
		v, ok := p.Variable(ref.name)
		if !ok || v.Computed {
			continue
		}
		switch v.Type {
		case "bool":
			axes = append(axes, axis{v.Name, []string{"false", "true"}})
			n *= 2
		case "choice":
			axes = append(axes, axis{v.Name, v.Choices})
			n *= len(v.Choices)
		}
	}
	if n > maxCombinations {
		return true // too many to try: give it the benefit of the doubt
	}
	name := p.Example
	if name == "" {
		name = "Example"
	}
	for i := 0; i < n; i++ {
		given := map[string]string{"Name": name}
		k := i
		for _, a := range axes {
			given[a.name] = a.values[k%len(a.values)]
			k /= len(a.values)
		}
		vals, err := generator.Resolve(p, given, generator.Facts{Author: "A", Year: 2026}, nil)
		if err != nil {
			vals = rawValues(p, given) // a broken default is reported on its own
		}
		out, err := generator.RenderString(when, vals)
		if err != nil || generator.WhenHolds(out) {
			return true
		}
	}
	return false
}

// rawValues are given, else each variable's default as written: enough to
// evaluate a condition when a default does not render.
func rawValues(p *generator.Pack, given map[string]string) generator.Values {
	vals := generator.Values{}
	for _, v := range p.Variables {
		raw, ok := given[v.Name]
		if !ok {
			raw = v.Default
		}
		switch v.Type {
		case "bool":
			vals[v.Name] = raw == "true"
		case "list":
			vals[v.Name] = generator.SplitList(raw)
		default:
			vals[v.Name] = raw
		}
	}
	return vals
}
