package packcheck

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ewilde/crane/generator"
)

// checkShadowedRules reports, in a pack that extends another, a rule of its
// own that comes before a rule of the pack extended for the same files and
// leaves out what that rule sets: the first matching rule wins, so giving a
// base pack's file a when of one's own silently drops the base rule's
// policy, aliases, needs and the rest. It names what to copy.
func (l *linter) checkShadowedRules(p *generator.Pack) {
	if l.overlay == nil {
		return
	}
	type pair struct{ own, base int }
	count := map[pair]int{}
	example := map[pair]string{}
	var order []pair
	for _, f := range p.SourceFiles() {
		idx := p.RulesFor(f.Target)
		if len(idx) == 0 || l.baseRule(idx[0]) {
			continue
		}
		j := slices.IndexFunc(idx, l.baseRule)
		if j < 0 {
			continue
		}
		k := pair{idx[0], idx[j]}
		if count[k] == 0 {
			order = append(order, k)
			example[k] = f.Target
		}
		count[k]++
	}
	for _, k := range order {
		own, base := p.Files[k.own], p.Files[k.base]
		lost := droppedFields(own, base)
		if len(lost) == 0 {
			continue
		}
		l.add("pack.yaml", l.lines[fmt.Sprintf("files[%d]", k.own)], "files %s: applies, instead of the rule %s of the pack extended, to %d file(s) such as %s (the first matching rule wins), so what that rule sets is lost: %s; copy it into this rule to keep it, or set each field to what you mean", own.Path, base.Path, count[k], example[k], strings.Join(lost, ", "))
	}
}

// droppedFields are the fields base sets that own leaves unset, as
// pack.yaml writes them. A field own sets, to any value, is its author's
// choice: a list of its own, a policy, when: "true" to render always.
func droppedFields(own, base generator.FileRule) []string {
	var lost []string
	if base.Policy != "" && own.Policy == "" {
		lost = append(lost, fmt.Sprintf("policy: %s", base.Policy))
	}
	if base.When != "" && own.When == "" {
		lost = append(lost, fmt.Sprintf("when: '%s'", base.When))
	}
	if base.EOL != "" && own.EOL == "" {
		lost = append(lost, fmt.Sprintf("eol: %s", base.EOL))
	}
	if len(base.Aliases) > 0 && len(own.Aliases) == 0 {
		lost = append(lost, fmt.Sprintf("aliases: [%s]", strings.Join(base.Aliases, ", ")))
	}
	if len(base.Needs) > 0 && len(own.Needs) == 0 {
		lost = append(lost, fmt.Sprintf("needs: [%s]", strings.Join(base.Needs, ", ")))
	}
	if base.RenamedFrom != "" && own.RenamedFrom == "" {
		lost = append(lost, fmt.Sprintf("renamed_from: %s", base.RenamedFrom))
	}
	if len(base.Delims) > 0 && len(own.Delims) == 0 {
		lost = append(lost, fmt.Sprintf("delims: [%q, %q]", base.Delims[0], base.Delims[len(base.Delims)-1]))
	}
	return lost
}

// checkBaseDelims reports, in a pack that extends another, a rule of its
// own whose delims apply to templates of the pack extended that were
// written for other ones (the base's rule's, else {{ }}): the first
// matching rule wins, so a rule for .github/workflows/** with [[ ]] makes
// the base's workflow print its {{ .Name }} as it is.
func (l *linter) checkBaseDelims(p *generator.Pack) {
	if l.overlay == nil {
		return
	}
	type key struct {
		rule int
		base string // the delims the file was written for
	}
	count := map[key]int{}
	example := map[key]string{}
	var order []key
	for _, f := range p.SourceFiles() {
		idx := p.RulesFor(f.Target)
		if !f.Render || l.overlay.ownFiles[f.Src] || len(idx) == 0 || l.baseRule(idx[0]) || len(p.Files[idx[0]].Delims) != 2 {
			continue
		}
		base := []string{"{{", "}}"}
		if j := slices.IndexFunc(idx, l.baseRule); j >= 0 && len(p.Files[idx[j]].Delims) == 2 {
			base = p.Files[idx[j]].Delims
		}
		if slices.Equal(base, p.Files[idx[0]].Delims) {
			continue
		}
		k := key{idx[0], base[0] + " " + base[1]}
		if count[k] == 0 {
			order = append(order, k)
			example[k] = f.Src
		}
		count[k]++
	}
	for _, k := range order {
		r := p.Files[k.rule]
		l.add("pack.yaml", l.lines[fmt.Sprintf("files[%d]", k.rule)], "files %s: its delims %s %s apply to %d template(s) of the pack extended written for %s, such as %s, whose actions would render as text; give the rule a path that names only this pack's files", r.Path, r.Delims[0], r.Delims[1], count[k], k.base, example[k])
	}
}
