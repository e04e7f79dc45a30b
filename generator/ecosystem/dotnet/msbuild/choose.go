package msbuild

import "strings"

// choose evaluates <Choose>: the first <When> that holds, else <Otherwise>.
// A When crane cannot evaluate makes every property of the Choose unknown.
func (e *evaluator) choose(n *node, outer outcome) {
	for _, w := range n.Children {
		var c outcome
		switch w.Name {
		case "When":
			c = e.condition(condAttr(w))
		case "Otherwise":
			c = outcome{v: yes}
		default:
			continue
		}
		if outer.v == maybe || c.v == maybe {
			why := c.why
			if outer.v == maybe {
				why = outer.why
			}
			e.branch(n, outcome{v: maybe, why: why})
			return
		}
		if c.v == yes {
			e.branch(w, outcome{v: yes, assumed: c.assumed})
			return
		}
	}
}

// branch evaluates the body of a When or Otherwise (or every branch of a
// Choose, as unknown).
func (e *evaluator) branch(n *node, c outcome) {
	for _, g := range n.Children {
		switch g.Name {
		case "PropertyGroup":
			e.propertyGroup(g, combine(c, e.condition(condAttr(g)), func(a, b tri) tri {
				if a == maybe || b == maybe {
					return maybe
				}
				if a == yes && b == yes {
					return yes
				}
				return no
			}))
		case "ItemGroup":
			if c.v == yes {
				e.groups = append(e.groups, pending{file: e.file, n: g})
			}
		case "When", "Otherwise":
			e.branch(g, c)
		case "Choose":
			e.choose(g, c)
		}
	}
}

// toolset are the prefixes of imports the SDK or Visual Studio provides,
// which are not the repository's to read.
var toolset = []string{"$(msbuildextensionspath", "$(msbuildtoolspath", "$(msbuildbinpath", "$(vstoolspath", "$(msbuildsdkspath", "$(msbuildframeworktoolspath"}

// importNode follows <Import Project="..."> when its condition holds.
func (e *evaluator) importNode(n *node, outer outcome) {
	if _, sdk := n.attr("Sdk"); sdk {
		return
	}
	raw, _ := n.attr("Project")
	lower := strings.ToLower(strings.TrimSpace(raw))
	for _, t := range toolset {
		if strings.HasPrefix(lower, t) {
			return
		}
	}
	c := outer
	if c.v == yes {
		c = e.condition(condAttr(n))
	}
	switch c.v {
	case no:
		return
	case maybe:
		e.note("%s imports %s under %s; crane did not read it", e.file, raw, c.why)
		return
	}
	v := e.expand(raw)
	if !v.Known() {
		e.note("%s imports %s, which crane cannot resolve (%s)", e.file, raw, v.Unknown)
		return
	}
	rel, ok := e.resolve(v.Text)
	switch {
	case !ok:
		e.note("%s imports %s: a wildcard or a file outside the repository; crane did not read it", e.file, raw)
	case !e.files.Exists(rel):
		e.note("%s imports %s (%s), which is not there", e.file, raw, rel)
	default:
		e.load(rel)
	}
}
