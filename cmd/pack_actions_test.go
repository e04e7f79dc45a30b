package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ewilde/crane/generator/ecosystem/dotnet"
)

// apiTeamPack writes a pack that extends dotnet with an API class library
// referencing the base's, listed in the solution by add_to_solution, and
// returns its folder.
func apiTeamPack(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "team")
	files := map[string]string{
		"pack.yaml": `name: team
version: 1.0.0
description: dotnet with an API library
extends: dotnet
actions:
  - add_to_solution:
      project: src/__Name__.Api/__Name__.Api.csproj
      folder: src
`,
		"project/src/__Name__.Api/__Name__.Api.csproj.tmpl": `<Project Sdk="Microsoft.NET.Sdk">

  <ItemGroup>
    <ProjectReference Include="..\{{ .Name }}\{{ .Name }}.csproj" />
  </ItemGroup>

</Project>
`,
		"project/src/__Name__.Api/SlugApi.cs.tmpl": `namespace {{ .Name }}.Api;

/// <summary>The slugs of the API.</summary>
public static class SlugApi
{
    /// <summary>The slug of a title, at most 32 characters.</summary>
    public static string Of(string title) => Slug.From(title, 32);
}
`,
	}
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestPackActionSolutionBuilds: crane init with a pack extending dotnet
// whose action lists its added project renders a solution (.slnx and .sln)
// whose every project is in the tree, the added one among them; and with
// Mono's C# compiler on PATH, the base library and the added one that
// references it compile (the .NET SDK, which would build the solution
// itself, cannot be installed here).
func TestPackActionSolutionBuilds(t *testing.T) {
	pack := apiTeamPack(t)
	for _, format := range []string{"slnx", "sln"} {
		t.Run(format, func(t *testing.T) {
			dir := generateProject(t, "init", "Acme.Slugs", "--pack", pack, "--set", "SolutionFormat="+format)
			data, err := os.ReadFile(filepath.Join(dir, "Acme.Slugs."+format))
			if err != nil {
				t.Fatal(err)
			}
			parse := dotnet.ParseSlnx
			if format == "sln" {
				parse = dotnet.ParseSln
			}
			sol, err := parse(data)
			if err != nil {
				t.Fatal(err)
			}
			var paths []string
			for _, p := range sol.Projects {
				paths = append(paths, p.Path)
				if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p.Path))); err != nil {
					t.Errorf("the solution lists %s, which init did not write: %v", p.Path, err)
				}
			}
			if !strings.Contains(strings.Join(paths, " "), "src/Acme.Slugs.Api/Acme.Slugs.Api.csproj") {
				t.Errorf("the solution does not list the API project: %v", paths)
			}
			if testing.Short() {
				return
			}
			for _, tool := range []string{"mcs", "mono"} {
				if _, err := exec.LookPath(tool); err != nil {
					t.Skipf("%s is not on PATH: skipping the Mono build of the added project", tool)
				}
			}
			build := t.TempDir()
			lib := monoLowering{usings: implicitUsings}
			monoCompile(t, build, "Acme.Slugs.dll", nil, writeLowered(t, build, lib, filepath.Join(dir, "src", "Acme.Slugs", "Slug.cs")))
			monoCompile(t, build, "Acme.Slugs.Api.dll", []string{"Acme.Slugs.dll"},
				writeLowered(t, build, lib, filepath.Join(dir, "src", "Acme.Slugs.Api", "SlugApi.cs")))
		})
	}
}
