package packcheck

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

// TestLintDelimsAndDoubleStar: lint parses a file with its rule's delims,
// so ${{ }} in a workflow is text while an undefined variable or template
// in [[ ]] is still found; and a conditional DIR/** reaches every depth, so
// it is not reported as DIR/* is.
func TestLintDelimsAndDoubleStar(t *testing.T) {
	dir := writePack(t, map[string]string{
		"pack.yaml": `name: wf
version: 1.0.0
description: workflows with their own delimiters
ecosystem: dotnet
example: Demo
variables:
  - name: Name
    type: name
    help: the name
  - name: Docs
    type: bool
    default: "true"
    help: add docs
files:
  - path: .github/workflows/**
    delims: ["[[", "]]"]
  - path: docs/**
    when: '{{ .Docs }}'
`,
		"build/dot_github/workflows/ci.yml.tmpl":      "name: [[ .Name ]]\nruns-on: ${{ matrix.os }}\nenv: [[ .Nmae ]]\n[[ template \"_steps.yml\" . ]][[ template \"_gone\" . ]]\n",
		"build/dot_github/workflows/_steps.yml.tmpl":  "- run: echo ${{ github.sha }} [[ .Name ]]\n",
		"build/dot_github/workflows/deep/cd.yml.tmpl": "on: ${{ github.ref }}\n[[ if .Docs ]]docs[[ end ]]\n",
		"project/docs/a.md":                           "a",
		"project/docs/deeper/b.md":                    "b",
	})
	var got []string
	for _, p := range Lint(generator.NewPackSource(templates.Packs()), dir) {
		got = append(got, p.String())
	}
	want := []string{
		`build/dot_github/workflows/ci.yml.tmpl:3: uses .Nmae, which the pack does not declare; add it under variables or fix the name`,
		`build/dot_github/workflows/ci.yml.tmpl:4: calls template "_gone", which the pack does not define: add a partial _NAME.tmpl (called as {{ template "_NAME" . }}) or a {{ define "_gone" }}`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lint (-want +got):\n%s", diff)
	}
}
