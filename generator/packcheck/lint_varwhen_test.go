package packcheck

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

// TestLintVariableWhen: a variable's when parses, uses only variables
// declared before it (never .Facts) and can hold; a variable only a when
// uses is used.
func TestLintVariableWhen(t *testing.T) {
	const head = `name: asks
version: 1.0.0
description: conditional questions
ecosystem: python
example: demo
variables:
  - name: Name
    type: name
    help: the name
  - name: Insiders
    type: bool
    default: "false"
    help: only a when uses it
  - name: Repo
    type: string
    optional: true
    help: the insiders repository
`
	tests := []struct {
		name string
		when string
		want []string
	}{
		{"fine", `'{{ .Insiders }}'`, nil},
		{"does not parse", `'{{ .Insiders '`, []string{
			"pack.yaml:14: variables[2] Repo: when: template: asks/pack.yaml variable Repo when:1: unclosed action",
		}},
		{"later variable", `'{{ and .Insiders .Later }}'`, []string{
			"pack.yaml:14: variable Repo: its when uses .Later, which is not declared before it (a when sees only the variables before it)",
		}},
		{"undeclared and facts", `'{{ and .Insiders .Nope (eq .Facts.Year 2026) }}'`, []string{
			"pack.yaml:14: variable Repo: its when uses .Nope, which is not declared before it (a when sees only the variables before it)",
			"pack.yaml:14: variable Repo: its when uses .Facts, which only a variable's default can read (so that the value is shown, can be set and is recorded in the lock); declare a variable with a default such as {{ .Facts.Email }} and use that variable",
		}},
		{"never holds", `'{{ and .Insiders (not .Insiders) }}'`, []string{
			`pack.yaml:14: variable Repo: when "{{ and .Insiders (not .Insiders) }}" never holds for any value of the bool and choice variables it uses: the variable never applies`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			manifest := head + "    when: " + tt.when + "\n  - name: Later\n    type: string\n    default: x\n    help: h\n"
			dir := writePack(t, map[string]string{
				"pack.yaml":                 manifest,
				"project/__Name__.txt.tmpl": "{{ .Name }} {{ .Repo }} {{ .Later }}\n",
			})
			var got []string
			for _, p := range Lint(generator.NewPackSource(templates.Packs()), dir) {
				got = append(got, p.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("lint (-want +got):\n%s", diff)
			}
		})
	}
}
