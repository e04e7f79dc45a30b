// Package packcheck is what a pack's author runs on a pack: Lint finds every
// problem at once, with file and line; Test renders the pack's examples,
// compares them with the golden trees kept in the pack and runs their
// declared build checks.
package packcheck

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/mod/module"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/generator/packsrc"
)

// Problem is one thing wrong with a pack, at a file (relative to the pack's
// folder) and line (0: the whole file).
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line == 0 {
		return p.File + ": " + p.Msg
	}
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
}

// rootFiles are the files a pack may hold beside pack.yaml, project/,
// build/ and testdata/ that are never rendered on purpose.
var rootFileRe = regexp.MustCompile(`^(?i)(readme|license|licence|changelog|notice|contributing)(\.[a-z]+)?$`)

// Lint checks the pack spec names (usually a folder) and returns every
// problem, sorted by file and line: the manifest's schema, templates that
// do not parse, variables never used, templates that use a variable the
// pack does not have, files never rendered, a when (of a file rule or an
// action) that never holds, actions that are broken (an unknown kind, no
// project, a project no file renders), paths Go module zips refuse, and, in
// a pack that extends another, a dropped file a file still rendered names.
func Lint(src generator.PackSource, spec string) []Problem {
	snap, _, err := src.Snapshot(spec)
	var pe *generator.PackError
	if errors.As(err, &pe) { // an overlay that cannot be merged over its base
		l := &linter{}
		for _, msg := range pe.Problems {
			l.addLoaded(strings.TrimPrefix(msg, pe.Pack+"/"))
		}
		return l.problems
	}
	if err != nil {
		return []Problem{{File: "pack.yaml", Msg: err.Error()}}
	}
	l := &linter{snap: snap, lines: manifestLines(snap.Files["pack.yaml"])}
	_ = yaml.Unmarshal(snap.Files["pack.yaml"], &l.m)
	if own, files := ownPack(src, spec); own != nil {
		l.useOwnManifest(own, files)
	}
	p, err := src.Load(spec)
	switch {
	case errors.As(err, &pe):
		for _, msg := range pe.Problems {
			l.addLoaded(strings.TrimPrefix(msg, pe.Pack+"/"))
		}
		p = l.loadWithout(pe.Pack)
	case err != nil:
		l.add("pack.yaml", 0, "%s", err.Error())
	}
	l.checkFiles()
	l.checkVariables()
	l.checkTemplateCalls()
	l.checkTests()
	if p != nil {
		l.checkWhen(p)
		l.checkActionWhen(p)
		l.checkVariableWhen(p)
		l.checkDeepFiles(p)
		l.checkShadowedRules(p)
		l.checkBaseDelims(p)
	}
	l.checkDroppedNames(src, spec)
	sort.SliceStable(l.problems, func(i, j int) bool {
		a, b := l.problems[i], l.problems[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return l.problems
}

type linter struct {
	snap     packsrc.Snapshot
	m        generator.Manifest
	lines    map[string]int // "variables[2]", "files[0]" -> line in pack.yaml
	overlay  *overlayInfo   // the pack extends another (see useOwnManifest)
	problems []Problem
}

func (l *linter) add(file string, line int, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

var (
	loadedRe = regexp.MustCompile(`^([^:]+?)(?::(\d+))?: (.*)$`)
	itemRe   = regexp.MustCompile(`^((?:variables|files|actions|checks)\[\d+\])`)
	// yaml.v3 words its errors "line N: what", one per line.
	yamlLineRe = regexp.MustCompile(`(?m)line (\d+): (.*)$`)
)

// addLoaded adds a problem LoadPack found ("file:line: msg" or
// "pack.yaml: variables[1] X: msg"), with its pack.yaml line when it names
// a variable or file rule.
func (l *linter) addLoaded(msg string) {
	if yamlErrs := yamlLineRe.FindAllStringSubmatch(msg, -1); strings.HasPrefix(msg, "pack.yaml: ") && len(yamlErrs) > 0 {
		for _, m := range yamlErrs {
			line, _ := strconv.Atoi(m[1])
			l.add("pack.yaml", line, "%s", m[2])
		}
		return
	}
	m := loadedRe.FindStringSubmatch(msg)
	if m == nil {
		l.add("pack.yaml", 0, "%s", msg)
		return
	}
	line, _ := strconv.Atoi(m[2])
	if it := itemRe.FindString(m[3]); it != "" && line == 0 {
		line = l.lines[it]
	}
	l.add(m[1], line, "%s", m[3])
}

// loadWithout loads the pack less the files that have problems, so that the
// checks needing a loaded pack still run; nil when the manifest itself is
// broken.
func (l *linter) loadWithout(name string) *generator.Pack {
	rest := packsrc.Snapshot{Files: map[string][]byte{}}
	for p, data := range l.snap.Files {
		if !slices.ContainsFunc(l.problems, func(pr Problem) bool { return pr.File == p && p != "pack.yaml" }) {
			rest.Files[p] = data
		}
	}
	p, err := generator.LoadPack(rest.FS(name), name)
	if err != nil {
		return nil
	}
	return p
}

// manifestLines maps each top-level key of pack.yaml, and each of its
// variables[i], files[i], tests[i], actions[i], checks[i] and drop[i], to its
// line.
func manifestLines(data []byte) map[string]int {
	out := map[string]int{}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return out
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		out[key.Value] = key.Line
		if key.Value == "variables" || key.Value == "files" || key.Value == "tests" || key.Value == "actions" || key.Value == "checks" || key.Value == "drop" {
			for j, item := range val.Content {
				out[fmt.Sprintf("%s[%d]", key.Value, j)] = item.Line
			}
		}
	}
	return out
}

// checkFiles reports files never rendered and paths Go module zips refuse.
func (l *linter) checkFiles() {
	for _, p := range sortedPaths(l.snap) {
		top, _, nested := strings.Cut(p, "/")
		switch {
		case p == "pack.yaml", top == "testdata" && nested:
		case (top == generator.ComponentProject || top == generator.ComponentBuild) && nested:
			base := path.Base(p)
			if _, _, render, partial := generator.TargetName(p); partial && !render {
				l.add(p, 0, "never rendered: a name starting with one _ is a partial, which must end in .tmpl and is only called from other templates; %s", literalHint(base))
			}
			if strings.HasSuffix(base, ".go") || base == "go.mod" || base == "go.sum" || base == "go.work" {
				l.add(p, 0, "Go files and module files in a pack must end in .tmpl (rendered) or .literal (copied as they are): a .go file would be compiled, and a go.mod cuts its folder out of a module")
			}
		case !nested && rootFileRe.MatchString(p):
		case strings.HasPrefix(top, "."):
			// The repository's own: .github/workflows that run crane pack
			// test, .gitignore, .editorconfig, when the pack is at its root.
		default:
			l.add(p, 0, "never rendered: only files under project/ and build/ are (testdata/ holds pack test's golden trees)")
		}
		if err := module.CheckFilePath(p); err != nil {
			l.add(p, 0, "Go module zips refuse this path (%v); rename it (use __Var__ tokens, not braces)", unwrapModErr(err))
		}
	}
}

// literalHint says how a pack writes a file named like the partial base
// (its source name): with the literal_ prefix.
func literalHint(base string) string {
	name := strings.TrimSuffix(strings.TrimSuffix(base, ".tmpl"), ".literal")
	return fmt.Sprintf("to write a file named %s, name it literal_%s.tmpl (rendered) or literal_%s (copied as it is)", name, name, name)
}

// unwrapModErr keeps the reason of a module.CheckFilePath error, not the
// path it repeats.
func unwrapModErr(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		return msg[i+2:]
	}
	return msg
}

func sortedPaths(snap packsrc.Snapshot) []string {
	paths := make([]string, 0, len(snap.Files))
	for p := range snap.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}

// checkTests reports examples pack test could not run: a bad or repeated
// name, a build check without a command, a break edit without a file or
// text to find.
func (l *linter) checkTests() {
	seen := map[string]bool{}
	for i, tc := range l.m.Tests {
		line := l.lines[fmt.Sprintf("tests[%d]", i)]
		if !testNameRe.MatchString(tc.Name) {
			l.add("pack.yaml", line, "tests: name %q must be lowercase letters, digits and dashes (it names testdata/NAME.txtar)", tc.Name)
		} else if seen[tc.Name] {
			l.add("pack.yaml", line, "tests: %s is declared twice", tc.Name)
		}
		seen[tc.Name] = true
		for _, k := range sortedKeys(tc.Values) {
			if i := slices.IndexFunc(l.m.Variables, func(v generator.Variable) bool { return v.Name == k }); i < 0 {
				l.add("pack.yaml", line, "tests %s: values: the pack has no variable %s", tc.Name, k)
			} else if l.m.Variables[i].Computed {
				l.add("pack.yaml", line, "tests %s: values: %s is computed from the others and cannot be given", tc.Name, k)
			}
		}
		if b := tc.Build; b != nil {
			if len(b.Run) == 0 {
				l.add("pack.yaml", line, "tests %s: build: run is empty; give the command and its arguments, e.g. [./build.sh, test]", tc.Name)
			}
			if b.Break != nil && (b.Break.Path == "" || b.Break.Find == "") {
				l.add("pack.yaml", line, "tests %s: build: break needs a path and the text to find", tc.Name)
			}
		}
	}
}
