package packcheck

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

// TestLintChecksAndNext: checks and next use only declared variables, never
// .Facts, and parse; a variable only they use is used.
func TestLintChecksAndNext(t *testing.T) {
	const manifest = `name: checked
version: 1.0.0
description: checks and next steps
ecosystem: python
example: demo
variables:
  - name: Name
    type: name
    help: the name
  - name: Cli
    type: string
    default: x
    help: only a check and next use it
checks:
  - when: '{{ eq .Cli .Name }}'
    message: '{{ .Cli }} is {{ .Nmae }}'
  - when: '{{ eq .Facts.Year 2026 }}'
    message: m
next: |
  run {{ .Cli }} {{ .Tool }}
`
	tests := []struct {
		name     string
		manifest string
		want     []string
	}{
		{"undeclared and facts", manifest, []string{
			"pack.yaml:15: checks[0]: message uses .Nmae, which the pack does not declare",
			"pack.yaml:17: checks[1]: when uses .Facts, which only a variable's default can read (so that the value is shown, can be set and is recorded in the lock); declare a variable with a default such as {{ .Facts.Email }} and use that variable",
			"pack.yaml:19: next uses .Tool, which the pack does not declare",
		}},
		{"does not parse", manifest[:len(manifest)-len("run {{ .Cli }} {{ .Tool }}\n")] + "  {{ .Cli \n" + "", []string{
			"pack.yaml: next: template: checked/pack.yaml:next:2: unclosed action started at checked/pack.yaml:next:1",
			"pack.yaml:15: checks[0]: message uses .Nmae, which the pack does not declare",
			"pack.yaml:17: checks[1]: when uses .Facts, which only a variable's default can read (so that the value is shown, can be set and is recorded in the lock); declare a variable with a default such as {{ .Facts.Email }} and use that variable",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writePack(t, map[string]string{
				"pack.yaml":                 tt.manifest,
				"project/__Name__.txt.tmpl": "{{ .Name }}\n",
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
