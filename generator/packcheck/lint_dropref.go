package packcheck

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/ewilde/crane/generator"
)

// tokenRe is a __Var__ token of a pack path.
var tokenRe = regexp.MustCompile(`__[A-Za-z][A-Za-z0-9]*__`)

// checkDroppedNames reports, in a pack that extends another, each file a
// drop removes whose rendered name a file still rendered from the pack
// extended (not replaced by one of the author's) names: a CI workflow that
// runs ./build.ps1 breaks when build.ps1 is dropped. A name is matched
// whole (build.ps1 is not in mybuild.ps1 or build.ps1x); a __Var__ token in
// it matches the token or one template action ({{ .Name }}.csproj names
// __Name__.csproj). When a file still rendered has the same base name, the
// dropped file's whole path is looked for instead.
func (l *linter) checkDroppedNames(src generator.PackSource, spec string) {
	if l.overlay == nil || len(l.overlay.drops) == 0 {
		return
	}
	dropped, err := src.Dropped(spec)
	if err != nil || len(dropped) != len(l.overlay.drops) {
		return // Snapshot failed the same way, and that was reported
	}
	own := map[string]bool{}  // targets of the author's files
	kept := map[string]bool{} // base names of every file still rendered
	var base []string         // the base's files still rendered or called, paths in the pack
	for _, p := range sortedPaths(l.snap) {
		target, ok := renderedTarget(p)
		if !ok {
			if isPartial(p) && !l.overlay.ownFiles[p] {
				base = append(base, p)
			}
			continue
		}
		kept[path.Base(target)] = true
		if l.overlay.ownFiles[p] {
			own[target] = true
		} else {
			base = append(base, p)
		}
	}
	for i, d := range l.overlay.drops {
		for _, p := range dropped[i] {
			target, ok := renderedTarget(p)
			if !ok || own[target] {
				continue
			}
			name := path.Base(target)
			if kept[name] {
				name = target
			}
			re := nameRe(name)
			if re == nil {
				continue
			}
			var users []string
			for _, b := range base {
				bt, ok := renderedTarget(b)
				if !ok {
					bt = b + " (a partial)"
				}
				if !own[bt] && namesWhole(re, string(l.snap.Files[b])) {
					users = append(users, bt)
				}
			}
			if len(users) == 0 {
				continue
			}
			sort.Strings(users)
			verb := "still names it"
			if len(users) > 1 {
				verb = "still name it"
			}
			l.add("pack.yaml", l.lines[fmt.Sprintf("drop[%d]", i)], "drop %s: %s is dropped but %s %s; replace those files too, or keep it", d, name, joinAnd(users), verb)
		}
	}
}

// renderedTarget is the path the pack file p renders to in the project
// (tokens left in place); false for files that are not rendered (pack.yaml,
// testdata/) and for partials, which are only called (see isPartial).
func renderedTarget(p string) (string, bool) {
	top, rel, nested := strings.Cut(p, "/")
	if !nested || (top != generator.ComponentProject && top != generator.ComponentBuild) {
		return "", false
	}
	target, _, _, partial := generator.TargetName(rel)
	if partial {
		return "", false
	}
	return target, true
}

// isPartial reports whether the pack file p is a partial of project/ or
// build/, whose text is rendered where a template calls it.
func isPartial(p string) bool {
	top, rel, nested := strings.Cut(p, "/")
	if !nested || (top != generator.ComponentProject && top != generator.ComponentBuild) {
		return false
	}
	_, _, render, partial := generator.TargetName(rel)
	return partial && render
}

// nameRe matches name with each __Var__ token in it standing for the token
// itself or one template action; nil when name has no letter or digit
// outside its tokens (it would match any action).
func nameRe(name string) *regexp.Regexp {
	lits := tokenRe.Split(name, -1)
	if !strings.ContainsFunc(strings.Join(lits, ""), func(r rune) bool { return isNameChar(byte(r)) && r != '_' && r != '-' }) {
		return nil
	}
	toks := tokenRe.FindAllString(name, -1)
	var b strings.Builder
	for i, lit := range lits {
		b.WriteString(regexp.QuoteMeta(lit))
		if i < len(toks) {
			b.WriteString(`(?:` + regexp.QuoteMeta(toks[i]) + `|\{\{[^{}]*\}\})`)
		}
	}
	return regexp.MustCompile(b.String())
}

// namesWhole reports whether text holds a match of re that is a whole name:
// not preceded by a name character or a dot, and not followed by a name
// character or by a dot and a name character (build.ps1 ends a sentence
// with a dot, build.ps1.bak is another name).
func namesWhole(re *regexp.Regexp, text string) bool {
	for _, m := range re.FindAllStringIndex(text, -1) {
		if m[0] > 0 && (isNameChar(text[m[0]-1]) || text[m[0]-1] == '.') {
			continue
		}
		if m[1] < len(text) && isNameChar(text[m[1]]) {
			continue
		}
		if m[1]+1 < len(text) && text[m[1]] == '.' && isNameChar(text[m[1]+1]) {
			continue
		}
		return true
	}
	return false
}

func isNameChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// joinAnd joins names as "a", "a and b", "a, b and c".
func joinAnd(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
