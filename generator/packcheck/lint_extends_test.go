package packcheck

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

// A team's Go service pack over the built-in go pack: it gives the CI
// workflow a condition (a rule of its own for a path the go pack has a
// rule for), adds a Dockerfile, and has three mistakes of its own.
const overlayManifest = `name: svc
version: 1.0.0
description: our Go service over crane's go pack
extends: go
drop: [project/example_test.go.tmpl]
variables:
  - name: Ci
    type: choice
    default: github
    choices: [github, none]
    help: the CI service
  - name: Docker
    type: bool
    default: "true"
    help: add a Dockerfile
  - name: Unused
    type: string
    default: x
    help: nothing uses it
files:
  - path: .github/workflows/build.yml
    when: '{{ eq .Ci "github" }}'
    aliases: [build.yaml]
    needs: [build.sh]
  - path: Dockerfile
    when: '{{ and .Docker (not .Docker) }}'
  - path: ghost.txt
    policy: seed
`

// TestLintExtends: an overlay is linted at its own pack.yaml's lines, and
// the rules of the pack it extends that its own rules or drops make idle
// are not its problems.
func TestLintExtends(t *testing.T) {
	dir := writePack(t, map[string]string{
		"pack.yaml":               overlayManifest,
		"project/Dockerfile.tmpl": "FROM golang:{{ .GoVersion }}\n",
	})
	var got []string
	for _, p := range Lint(generator.NewPackSource(templates.Packs()), dir) {
		got = append(got, p.String())
	}
	want := []string{
		"pack.yaml:16: variable Unused is never used: no template, path, default or when refers to it; remove it",
		`pack.yaml:25: files Dockerfile: when "{{ and .Docker (not .Docker) }}" never holds for any value of the bool and choice variables it uses: 1 file(s) are never rendered`,
		"pack.yaml:27: files ghost.txt: the rule applies to no file (an earlier rule matches first, or no file has that path)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLintExtendsBrokenManifest: a schema error in an overlay's pack.yaml
// is reported at its line, like any pack's.
func TestLintExtendsBrokenManifest(t *testing.T) {
	dir := writePack(t, map[string]string{
		"pack.yaml":     "name: svc\nversion: 1.0.0\ndescription: d\nextends: go\nvariables:\n  - name: X\n    help: a\n    help: b\n",
		"project/a.txt": "a\n",
	})
	var got []string
	for _, p := range Lint(generator.NewPackSource(templates.Packs()), dir) {
		got = append(got, p.String())
	}
	want := []string{`pack.yaml:8: mapping key "help" already defined at line 7`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
