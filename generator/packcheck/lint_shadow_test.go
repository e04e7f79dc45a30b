package packcheck

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

// TestLintShadowedRules: an overlay rule that gives a base pack's file a
// when of its own, and leaves out what the base's rule for it sets, is
// reported with what to copy; one that copies it, or sets the field
// itself, is not.
func TestLintShadowedRules(t *testing.T) {
	tests := []struct {
		name, rules string
		want        []string
	}{
		{
			name: "drops aliases and needs",
			rules: `  - path: .github/workflows/build.yml
    when: '{{ .Ci }}'
  - path: "*.yaml"
    when: '{{ .Ci }}'
  - path: VERSION
    when: '{{ .Ci }}'
`,
			want: []string{
				"pack.yaml:11: files .github/workflows/build.yml: applies, instead of the rule .github/workflows/build.yml of the pack extended, to 1 file(s) such as .github/workflows/build.yml (the first matching rule wins), so what that rule sets is lost: aliases: [build.yaml], needs: [build.sh]; copy it into this rule to keep it, or set each field to what you mean",
				"pack.yaml:13: files *.yaml: applies, instead of the rule .goreleaser.yaml of the pack extended, to 1 file(s) such as .goreleaser.yaml (the first matching rule wins), so what that rule sets is lost: aliases: [.goreleaser.yml, goreleaser.yaml, goreleaser.yml, .config/goreleaser.yaml, .config/goreleaser.yml]; copy it into this rule to keep it, or set each field to what you mean",
				"pack.yaml:15: files VERSION: applies, instead of the rule VERSION of the pack extended, to 1 file(s) such as VERSION (the first matching rule wins), so what that rule sets is lost: policy: seed; copy it into this rule to keep it, or set each field to what you mean",
			},
		},
		{
			name: "sets its own",
			rules: `  - path: VERSION
    when: '{{ .Ci }}'
    policy: managed
  - path: "*.yaml"
    when: '{{ .Ci }}'
    aliases: [.goreleaser.yml]
`,
		},
		{
			name: "copies them",
			rules: `  - path: .github/workflows/build.yml
    when: '{{ .Ci }}'
    aliases: [build.yaml]
    needs: [build.sh]
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writePack(t, map[string]string{
				"pack.yaml": strings.TrimLeft(`
name: svc
version: 1.0.0
description: our Go service over crane's go pack
extends: go
variables:
  - name: Ci
    type: bool
    default: "true"
    help: add CI
files:
`, "\n") + tt.rules,
			})
			var got []string
			for _, p := range Lint(generator.NewPackSource(templates.Packs()), dir) {
				got = append(got, p.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
