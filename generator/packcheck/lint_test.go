package packcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

func writePack(t *testing.T, files map[string]string) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "pack")
	for p, data := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const lintManifest = `name: bad
version: 1.0.0
description: a pack with one of every problem
ecosystem: dotnet
example: Demo
variables:
  - name: Name
    type: name
    help: the name
  - name: Unused
    type: string
    default: x
    help: nothing uses it
  - name: Early
    type: string
    default: "{{ .Late }}"
    help: uses a later variable
  - name: Late
    type: string
    default: y
    help: declared after Early
  - name: Tests
    type: bool
    default: "true"
    help: add tests
tests:
  - name: Bad Name
  - name: ok
    values: {Nope: x}
    build: {run: [], break: {path: x}}
files:
  - path: never.txt
    when: '{{ and .Tests (not .Tests) }}'
  - path: ghost.txt
    policy: seed
  - path: deep/*
    when: '{{ .Tests }}'
`

// TestLintTable: every kind of problem is found at once, with its file and
// line.
func TestLintTable(t *testing.T) {
	dir := writePack(t, map[string]string{
		"pack.yaml":                       lintManifest,
		"project/ok.txt.tmpl":             "{{ .Name }} {{ .Early }}\n{{ range .Name | list }}{{ .Anything }}{{ end }}\n",
		"project/typo.tmpl":               "line one\n{{ .Nmae }}\n",
		"project/broken.tmpl":             "a\nb\n{{ if .Name }}\n",
		"project/never.txt":               "x",
		"project/_helper":                 "{{ define \"h\" }}{{ end }}",
		"project/{x}.txt":                 "x",
		"project/a'b.txt":                 "x",
		"project/main.go":                 "package main",
		"project/literal_main.go":         "package main",
		"project/literal__core.c.tmpl":    "/* {{ .Name }} */\n",
		"project/literal_x.tmpl.literal":  "{{ .Nmae }} stays as it is\n",
		"stray.txt":                       "x",
		"README.md":                       "about the pack",
		"testdata/example.txt":            "kept",
		"project/_h.tmpl":                 "h",
		"project/_version.py.tmpl":        "__version__ = \"1.0\"\n",
		"project/calls.txt.tmpl":          "{{ template \"_h.tmpl\" . }}\n{{ if .Tests }}{{ template \"missing\" . }}{{ end }}\n{{ .Facts.Year }}\n",
		"project/deep/a.txt":              "a",
		"project/deep/sub/b.txt":          "b",
		".github/workflows/pack-test.yml": "on: push",
	})
	got := Lint(generator.NewPackSource(templates.Packs()), dir)
	var lines []string
	for _, p := range got {
		lines = append(lines, p.String())
	}
	want := []string{
		"pack.yaml:10: variable Unused is never used: no template, path, default or when refers to it; remove it",
		"pack.yaml:14: variable Early: its default uses .Late, which is not declared before it (defaults are resolved in order)",
		`pack.yaml:27: tests: name "Bad Name" must be lowercase letters, digits and dashes (it names testdata/NAME.txtar)`,
		"pack.yaml:28: tests ok: values: the pack has no variable Nope",
		"pack.yaml:28: tests ok: build: run is empty; give the command and its arguments, e.g. [./build.sh, test]",
		"pack.yaml:28: tests ok: build: break needs a path and the text to find",
		`pack.yaml:32: files never.txt: when "{{ and .Tests (not .Tests) }}" never holds for any value of the bool and choice variables it uses: 1 file(s) are never rendered`,
		"pack.yaml:34: files ghost.txt: the rule applies to no file (an earlier rule matches first, or no file has that path)",
		"pack.yaml:36: files deep/*: * matches one path segment, so the when does not apply to 1 file(s) further down deep/, such as deep/sub/b.txt, which are rendered whatever it says; write deep/** to match every depth",
		"project/_helper: never rendered: a name starting with one _ is a partial, which must end in .tmpl and is only called from other templates; to write a file named _helper, name it literal__helper.tmpl (rendered) or literal__helper (copied as it is)",
		`project/_version.py.tmpl: never rendered and never called: a name starting with one _ is a partial, which other templates call by name ({{ template "_version.py" . }}); to write a file named _version.py, name it literal__version.py.tmpl (rendered) or literal__version.py (copied as it is)`,
		`project/a'b.txt: Go module zips refuse this path (invalid char '\''); rename it (use __Var__ tokens, not braces)`,
		"project/broken.tmpl:4: unexpected EOF",
		`project/calls.txt.tmpl:1: calls template "_h.tmpl", which the pack does not define: a partial is called by its file name without .tmpl, {{ template "_h" . }}`,
		`project/calls.txt.tmpl:2: calls template "missing", which the pack does not define: add a partial _NAME.tmpl (called as {{ template "_NAME" . }}) or a {{ define "missing" }}`,
		"project/calls.txt.tmpl:3: uses .Facts, which only a variable's default can read (so that the value is shown, can be set and is recorded in the lock); declare a variable with a default such as {{ .Facts.Email }} and use that variable",
		"project/literal_main.go: Go files and module files in a pack must end in .tmpl (rendered) or .literal (copied as they are): a .go file would be compiled, and a go.mod cuts its folder out of a module",
		"project/main.go: Go files and module files in a pack must end in .tmpl (rendered) or .literal (copied as they are): a .go file would be compiled, and a go.mod cuts its folder out of a module",
		"project/typo.tmpl:2: uses .Nmae, which the pack does not declare; add it under variables or fix the name",
		"project/{x}.txt: braces are not allowed in pack paths; use __Var__ tokens",
		"stray.txt: never rendered: only files under project/ and build/ are (testdata/ holds pack test's golden trees)",
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("lint (-want +got):\n%s", diff)
	}
}

// TestBuiltinPacksLintClean: crane's own packs pass crane pack lint.
func TestBuiltinPacksLintClean(t *testing.T) {
	names, err := generator.ListPacks(templates.Packs())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			for _, p := range Lint(generator.NewPackSource(templates.Packs()), name) {
				t.Error(p)
			}
		})
	}
}

// TestLintSchema: unknown and mistyped fields of pack.yaml are each reported
// at their line.
func TestLintSchema(t *testing.T) {
	dir := writePack(t, map[string]string{
		"pack.yaml":     "name: bad\nversion: 1.0.0\ncolour: red\ndescription: d\necosystem: dotnet\nvariables:\n  - name: Name\n    type: name\n    help: h\n    colour: blue\n",
		"project/a.txt": "a",
	})
	var got []string
	for _, p := range Lint(generator.NewPackSource(nil), dir) {
		got = append(got, p.String())
	}
	want := []string{
		"pack.yaml:3: field colour not found in type generator.Manifest",
		"pack.yaml:10: field colour not found in type generator.Variable",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLintActions: broken actions are reported at their line in pack.yaml,
// all at once: an unknown kind (a command), a missing project, a project
// no file renders, a when that never holds, a when naming an undeclared
// variable. A variable used only by an action's when is used.
func TestLintActions(t *testing.T) {
	manifest := `name: team
version: 1.0.0
description: dotnet with an API project
ecosystem: dotnet
example: Demo
variables:
  - name: Name
    type: name
    help: the name
  - name: WithApi
    type: bool
    default: "true"
    help: add the API project
actions:
  - run: [dotnet, sln, add]
  - add_to_solution: {folder: src}
  - add_to_solution: {project: src/__Name__.Web/__Name__.Web.csproj}
  - add_to_solution: {project: src/__Name__.Api/__Name__.Api.csproj}
    when: '{{ and .WithApi (not .WithApi) }}'
  - add_to_solution: {project: src/__Name__.Api/__Name__.Api.csproj}
    when: '{{ .WithWeb }}'
`
	files := map[string]string{
		"pack.yaml": manifest,
		"project/src/__Name__.Api/__Name__.Api.csproj.tmpl": "<Project Sdk=\"Microsoft.NET.Sdk\" />\n",
	}
	var got []string
	for _, p := range Lint(generator.NewPackSource(templates.Packs()), writePack(t, files)) {
		got = append(got, p.String())
	}
	want := []string{
		`pack.yaml:15: actions[0]: unknown action "run"; the actions are add_to_solution (a pack runs no commands: an action is data that crane applies itself)`,
		"pack.yaml:16: actions[1] add_to_solution: project is empty; give the path of a project file the pack renders, e.g. src/__Name__.Api/__Name__.Api.csproj",
		"pack.yaml:17: actions[2] add_to_solution: no file of the pack renders src/__Name__.Web/__Name__.Web.csproj; give the target path of a project file the pack has (project/src/__Name__.Web/__Name__.Web.csproj or project/src/__Name__.Web/__Name__.Web.csproj.tmpl)",
		"pack.yaml:20: actions[4]: when uses .WithWeb, which the pack does not declare",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lint (-want +got):\n%s", diff)
	}

	// A loadable pack: the when that never holds is found.
	files["pack.yaml"] = strings.Join(strings.Split(files["pack.yaml"], "\n")[:14], "\n") + `
  - add_to_solution: {project: src/__Name__.Api/__Name__.Api.csproj}
    when: '{{ and .WithApi (not .WithApi) }}'
`
	got = nil
	for _, p := range Lint(generator.NewPackSource(templates.Packs()), writePack(t, files)) {
		got = append(got, p.String())
	}
	want = []string{`pack.yaml:15: actions[0]: when "{{ and .WithApi (not .WithApi) }}" never holds for any value of the bool and choice variables it uses: the action never applies`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lint (-want +got):\n%s", diff)
	}
}
