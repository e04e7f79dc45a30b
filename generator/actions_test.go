package generator

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator/ecosystem/dotnet"
	"github.com/ewilde/crane/templates"
)

// apiPack is a team pack over the built-in dotnet pack that adds an API
// project, rendered when WithApi holds, and lists it in the base's
// solution with add_to_solution. extra is appended to its actions.
func apiPack(extra string) map[string]string {
	return map[string]string{
		"team/pack.yaml": `name: team
version: 1.0.0
description: dotnet with an API project
extends: dotnet
variables:
  - name: WithApi
    type: bool
    default: "true"
    help: add the API project
files:
  - path: src/__Name__.Api/*
    when: '{{ .WithApi }}'
actions:
  - add_to_solution:
      project: src/__Name__.Api/__Name__.Api.csproj
      folder: src
    when: '{{ .WithApi }}'
` + extra,
		"team/project/src/__Name__.Api/__Name__.Api.csproj.tmpl": "<Project Sdk=\"Microsoft.NET.Sdk\">\n</Project>\n",
	}
}

// listed returns the project paths the solution at p in files lists.
func listed(t *testing.T, files map[string]string, p string) []string {
	t.Helper()
	parse := dotnet.ParseSlnx
	if filepath.Ext(p) == ".sln" {
		parse = dotnet.ParseSln
	}
	s, err := parse([]byte(files[p]))
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	var out []string
	for _, pr := range s.Projects {
		out = append(out, pr.Path)
	}
	return out
}

// TestAddToSolutionOverDotnet: a pack extending dotnet lists its added
// project in the base's solution, .slnx or .sln, and only there: every
// other file is the base's, byte for byte; with WithApi false neither the
// project nor its entry is rendered.
func TestAddToSolutionOverDotnet(t *testing.T) {
	dir := writeFolder(t, apiPack(""))
	s := NewPackSource(templates.Packs())
	p, err := s.Load(filepath.Join(dir, "team"))
	if err != nil {
		t.Fatal(err)
	}
	base, err := s.Load("dotnet")
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"slnx", "sln"} {
		t.Run(format, func(t *testing.T) {
			given := map[string]string{"Name": "Acme", "SolutionFormat": format, "Author": "A", "Year": "2026"}
			got := renderAll(t, p, given)
			sol := "Acme." + format
			want := []string{"src/Acme/Acme.csproj", "tests/Acme.Tests/Acme.Tests.csproj", "src/Acme.Api/Acme.Api.csproj"}
			if format == "slnx" { // sorted within the folder, as dotnet sln add places it
				want = []string{"src/Acme.Api/Acme.Api.csproj", "src/Acme/Acme.csproj", "tests/Acme.Tests/Acme.Tests.csproj"}
			}
			if diff := cmp.Diff(want, listed(t, got, sol)); diff != "" {
				t.Errorf("%s lists (-want +got):\n%s", sol, diff)
			}
			plain := renderAll(t, base, given)
			for path, data := range plain {
				if path != sol && got[path] != data {
					t.Errorf("%s differs from the base pack's", path)
				}
			}
			if format == "sln" && !strings.Contains(got[sol], "\r\n\t\t{"+dotnet.DeriveGUID("project", "Acme.Api")+"} = {"+dotnet.DeriveGUID("folder", "Acme", "src")+"}\r\n") {
				t.Errorf("%s does not nest Acme.Api in src with CRLF:\n%s", sol, got[sol])
			}
			given["WithApi"] = "false"
			without := renderAll(t, p, given)
			if diff := cmp.Diff(plain, without); diff != "" {
				t.Errorf("WithApi=false differs from the base pack (-base +got):\n%s", diff)
			}
		})
	}
}

// TestActionsOfBaseAndOverlay: a pack over a pack with an action applies
// both packs' actions, the base's first.
func TestActionsOfBaseAndOverlay(t *testing.T) {
	files := apiPack("")
	files["top/pack.yaml"] = `name: top
version: 1.0.0
description: the team pack and a worker
extends: ../team
actions:
  - add_to_solution:
      project: src/__Name__.Worker/__Name__.Worker.csproj
`
	files["top/project/src/__Name__.Worker/__Name__.Worker.csproj.tmpl"] = "<Project Sdk=\"Microsoft.NET.Sdk.Worker\">\n</Project>\n"
	dir := writeFolder(t, files)
	p, err := NewPackSource(templates.Packs()).Load(filepath.Join(dir, "top"))
	if err != nil {
		t.Fatal(err)
	}
	got := renderAll(t, p, map[string]string{"Name": "Acme", "SolutionFormat": "sln", "Author": "A", "Year": "2026"})
	want := []string{"src/Acme/Acme.csproj", "tests/Acme.Tests/Acme.Tests.csproj", "src/Acme.Api/Acme.Api.csproj", "src/Acme.Worker/Acme.Worker.csproj"}
	if diff := cmp.Diff(want, listed(t, got, "Acme.sln")); diff != "" {
		t.Errorf("Acme.sln lists (-want +got):\n%s", diff)
	}

	// Dropping the project a base action lists is a pack error at load.
	files["top/pack.yaml"] = strings.Replace(files["top/pack.yaml"], "actions:", "drop: [project/src/__Name__.Api]\nactions:", 1)
	dir = writeFolder(t, files)
	_, err = NewPackSource(templates.Packs()).Load(filepath.Join(dir, "top"))
	if want := "top/pack.yaml: actions[0] add_to_solution: no file of the pack renders src/__Name__.Api/__Name__.Api.csproj"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Load with the base's project dropped = %v, want %q", err, want)
	}
}

// TestActionWithoutSolution: with no solution in the tree the action does
// nothing ("when that exists"), and that is not an error.
func TestActionWithoutSolution(t *testing.T) {
	files := apiPack("")
	files["team/pack.yaml"] = strings.Replace(files["team/pack.yaml"], "variables:", "drop: [project/__Name__.sln.tmpl, project/__Name__.slnx.tmpl]\nvariables:", 1)
	dir := writeFolder(t, files)
	p, err := NewPackSource(templates.Packs()).Load(filepath.Join(dir, "team"))
	if err != nil {
		t.Fatal(err)
	}
	got := renderAll(t, p, map[string]string{"Name": "Acme", "Author": "A", "Year": "2026"})
	if _, ok := got["src/Acme.Api/Acme.Api.csproj"]; !ok {
		t.Fatal("the API project is not rendered")
	}
	for path := range got {
		if strings.HasSuffix(path, ".sln") || strings.HasSuffix(path, ".slnx") {
			t.Errorf("a solution was rendered: %s", path)
		}
	}
}

// TestActionProblems: a broken action is a pack error at load, naming
// pack.yaml and the action; a project the pack has but does not render
// with the values given is one at render.
func TestActionProblems(t *testing.T) {
	tests := []struct {
		name, actions, ecosystem, want string
	}{
		{"unknown kind", "  - run: [rm, -rf, /]\n", "", `team/pack.yaml: actions[1]: unknown action "run"; the actions are add_to_solution (a pack runs no commands`},
		{"unknown field", "  - add_to_solution: {project: src/__Name__.Api/__Name__.Api.csproj, command: x}\n", "", `add_to_solution has no field "command"`},
		{"no kind", "  - when: 'true'\n", "", "an action needs a kind: add_to_solution"},
		{"missing project", "  - add_to_solution: {folder: src}\n", "", "team/pack.yaml: actions[1] add_to_solution: project is empty"},
		{"project no file renders", "  - add_to_solution: {project: src/__Name__.Web/__Name__.Web.csproj}\n", "", "team/pack.yaml: actions[1] add_to_solution: no file of the pack renders src/__Name__.Web/__Name__.Web.csproj"},
		{"not a project", "  - add_to_solution: {project: src/__Name__/Slug.cs}\n", "", "src/__Name__/Slug.cs is not a .NET project file"},
		{"escaping path", "  - add_to_solution: {project: ../x.csproj}\n", "", `project "../x.csproj" must be a clean relative path`},
		{"bad folder", "  - add_to_solution: {project: src/__Name__.Api/__Name__.Api.csproj, folder: a/b}\n", "", `folder "a/b" must be one solution folder's name`},
		{"bad solution", "  - add_to_solution: {project: src/__Name__.Api/__Name__.Api.csproj, solution: x.txt}\n", "", `solution "x.txt" must be the clean relative path of a solution file`},
		{"bad when", "  - add_to_solution: {project: src/__Name__.Api/__Name__.Api.csproj}\n    when: '{{ .Nope'\n", "", "actions[1] add_to_solution: when:"},
		{"ecosystem without solutions", "", "python", "the python ecosystem has no solution to add a project to; add_to_solution is for the dotnet, go, rust, node ecosystems"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := apiPack(tc.actions)
			if tc.ecosystem != "" {
				files["team/pack.yaml"] = strings.Replace(files["team/pack.yaml"], "extends: dotnet\n", "extends: dotnet\necosystem: "+tc.ecosystem+"\n", 1)
			}
			dir := writeFolder(t, files)
			_, err := NewPackSource(templates.Packs()).Load(filepath.Join(dir, "team"))
			var pe *PackError
			if !errors.As(err, &pe) {
				t.Fatalf("Load = %v, want a *PackError", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load error:\n%v\nwant it to hold %q", err, tc.want)
			}
		})
	}
	t.Run("project not rendered", func(t *testing.T) {
		files := apiPack("")
		files["team/pack.yaml"] = strings.TrimSuffix(files["team/pack.yaml"], "    when: '{{ .WithApi }}'\n") // the action's, the last line
		dir := writeFolder(t, files)
		p, err := NewPackSource(templates.Packs()).Load(filepath.Join(dir, "team"))
		if err != nil {
			t.Fatal(err)
		}
		vals, err := Resolve(p, map[string]string{"Name": "Acme", "WithApi": "false"}, Facts{Author: "A", Year: 2026}, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Render(p, vals, ComponentProject, ComponentBuild)
		want := "team/pack.yaml: actions[0] add_to_solution: project src/Acme.Api/Acme.Api.csproj is not rendered with these values"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Render = %v, want %q", err, want)
		}
	})
	t.Run("several solutions", func(t *testing.T) {
		files := apiPack("")
		files["team/project/Other.sln"] = "Microsoft Visual Studio Solution File, Format Version 12.00\n"
		dir := writeFolder(t, files)
		p, err := NewPackSource(templates.Packs()).Load(filepath.Join(dir, "team"))
		if err != nil {
			t.Fatal(err)
		}
		vals, err := Resolve(p, map[string]string{"Name": "Acme"}, Facts{Author: "A", Year: 2026}, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Render(p, vals, ComponentProject, ComponentBuild)
		want := "the pack renders several solutions at the root (Acme.slnx, Other.sln); name the one to add to in the action's solution field"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Render = %v, want %q", err, want)
		}
	})
}
