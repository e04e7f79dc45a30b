package packcheck

import (
	"strings"

	"github.com/google/go-cmp/cmp/cmpopts"
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

// TestLintOverlayDelimsOverBase: an overlay's rule with delims of its own
// that also matches a template of the pack extended (the go pack's
// workflow, written for {{ }}) is reported, since that template would
// print its actions; a rule naming only the overlay's files is not.
func TestLintOverlayDelimsOverBase(t *testing.T) {
	manifest := `name: wf
version: 1.0.0
description: the go pack with a workflow of its own
extends: go
files:
  - path: .github/workflows/RULE
    delims: ["[[", "]]"]
`
	files := map[string]string{"build/dot_github/workflows/lint.yml.tmpl": "name: [[ .Name ]]\nruns-on: ${{ matrix.os }}\n"}
	for rule, want := range map[string][]string{
		"lint.yml": nil,
		"**": {"pack.yaml:6: files .github/workflows/**: its delims [[ ]] apply to 1 template(s) of the pack extended written for {{ }}, such as build/dot_github/workflows/build.yml.tmpl, whose actions would render as text; give the rule a path that names only this pack's files",
			"pack.yaml:6: files .github/workflows/**: applies, instead of the rule .github/workflows/build.yml of the pack extended, to 1 file(s) such as .github/workflows/build.yml (the first matching rule wins), so what that rule sets is lost: aliases: [build.yaml], needs: [build.sh]; copy it into this rule to keep it, or set each field to what you mean"},
	} {
		files["pack.yaml"] = strings.Replace(manifest, "RULE", rule, 1)
		var got []string
		for _, p := range Lint(generator.NewPackSource(templates.Packs()), writePack(t, files)) {
			got = append(got, p.String())
		}
		if diff := cmp.Diff(want, got, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
			t.Errorf("rule %s: lint (-want +got):\n%s", rule, diff)
		}
	}
}
