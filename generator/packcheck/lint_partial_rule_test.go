package packcheck

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

// TestLintPartialOwnRule: a rule that names only a partial gives it its
// delimiters (a partial is parsed with those of the rule matching its own
// path), so it applies to a file, and the partial it parses is defined for
// a caller with other delimiters, as the render has it.
func TestLintPartialOwnRule(t *testing.T) {
	dir := writePack(t, map[string]string{
		"pack.yaml": `name: wf
version: 1.0.0
description: a workflow calling a partial with delimiters of its own
ecosystem: dotnet
example: Demo
variables:
  - name: Name
    type: name
    help: the name
files:
  - path: .github/workflows/_steps.yml
    delims: ["[[", "]]"]
  - path: .github/workflows/lint.yml
    delims: ["<<", ">>"]
`,
		"build/dot_github/workflows/_steps.yml.tmpl": "- run: echo ${{ github.sha }} [[ .Name ]]\n",
		"build/dot_github/workflows/lint.yml.tmpl":   "name: << .Name >>\nsteps:\n<< template \"_steps.yml\" . >>\n",
	})
	var got []string
	for _, p := range Lint(generator.NewPackSource(templates.Packs()), dir) {
		got = append(got, p.String())
	}
	if diff := cmp.Diff([]string(nil), got); diff != "" {
		t.Errorf("lint (-want +got):\n%s", diff)
	}
}
