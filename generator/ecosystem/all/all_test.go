package all

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator/probe"
	"github.com/ewilde/crane/internal/fixture"
)

func scan(t *testing.T, archive string) *probe.Repo {
	t.Helper()
	r, err := probe.Scan(fixture.Dir(t, archive), Finds)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestEcosystemsFromRootManifests(t *testing.T) {
	r := scan(t, `
-- package.json --
{}
-- pyproject.toml --
-- Cargo.toml --
-- go.mod --
module example.com/x
-- sub/package.json --
{}
`)
	var names, evidence []string
	for _, e := range Detect(r) {
		names, evidence = append(names, e.Name()), append(evidence, e.Evidence(r))
	}
	if diff := cmp.Diff([]string{"go", "rust", "python", "node"}, names); diff != "" {
		t.Errorf("Detect (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"go.mod", "Cargo.toml", "pyproject.toml", "package.json"}, evidence); diff != "" {
		t.Errorf("Evidence (-want +got):\n%s", diff)
	}
}

func TestDetectSolutionBelowTheRoot(t *testing.T) {
	r := scan(t, "-- src/Acme.sln --\nMicrosoft Visual Studio Solution File, Format Version 12.00\n-- go.work --\ngo 1.26\n")
	var got []string
	for _, e := range Detect(r) {
		got = append(got, e.Name()+": "+e.Evidence(r))
	}
	if diff := cmp.Diff([]string{"dotnet: src/Acme.sln", "go: go.work"}, got); diff != "" {
		t.Errorf("Detect (-want +got):\n%s", diff)
	}
}

func TestNamesAndLookup(t *testing.T) {
	if diff := cmp.Diff([]string{"dotnet", "go", "node", "python", "rust"}, Names()); diff != "" {
		t.Errorf("Names (-want +got):\n%s", diff)
	}
	for _, n := range Names() {
		if e, ok := Lookup(n); !ok || e.Name() != n {
			t.Errorf("Lookup(%q) = %v, %v", n, e, ok)
		}
	}
	if _, ok := Lookup("cobol"); ok {
		t.Error("Lookup(cobol) found an ecosystem")
	}
}
