package packcheck

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

// dropBase is a small pack to extend: a CI workflow (and the partial it
// calls) that run build.ps1, a README that names it at the end of a
// sentence, notes that name only longer names, and a solution that names
// the project file through a template action.
var dropBase = map[string]string{
	"pack.yaml": `name: base
version: 1.0.0
description: a base
ecosystem: dotnet
variables:
  - name: Name
    type: name
    help: the name
`,
	"build/executable_build.ps1.tmpl":        "Write-Host {{ .Name }}\n",
	"build/executable_build.sh.tmpl":         "echo {{ .Name }}\n",
	"build/dot_github/workflows/ci.yml.tmpl": "steps:\n  - run: ./build.ps1 test\n{{ template \"_steps\" . }}\n",
	"build/_steps.tmpl":                      "  - run: pwsh build.ps1 pack\n",
	"project/README.md.tmpl":                 "# {{ .Name }}\n\nOn Windows run build.ps1.\n",
	"project/NOTES.md":                       "mybuild.sh, build.shx and build.sh.bak are other names.\n",
	"project/__Name__.csproj.tmpl":           "<Project />\n",
	"project/app.sln.tmpl":                   "Project = {{ .Name }}.csproj\n",
}

// TestLintDroppedNames: an overlay's drop of a file whose name a file
// still rendered from the base names is reported at the drop's line, with
// the files that name it; mentions inside longer names, files the overlay
// replaces, and a dropped file the overlay writes again are not.
func TestLintDroppedNames(t *testing.T) {
	tests := []struct {
		name  string
		drop  string
		files map[string]string // the overlay's files beside pack.yaml
		want  []string
	}{
		{
			name:  "a script the CI and a partial still run",
			drop:  `["**/*.ps1.tmpl"]`,
			files: map[string]string{"project/README.md.tmpl": "# {{ .Name }}\n\nRun build.sh.\n"},
			want:  []string{"pack.yaml:4: drop **/*.ps1.tmpl: build.ps1 is dropped but .github/workflows/ci.yml and build/_steps.tmpl (a partial) still name it; replace those files too, or keep it"},
		},
		{
			name: "the README too",
			drop: "\n  - build/executable_build.ps1.tmpl",
			want: []string{"pack.yaml:5: drop build/executable_build.ps1.tmpl: build.ps1 is dropped but .github/workflows/ci.yml, README.md and build/_steps.tmpl (a partial) still name it; replace those files too, or keep it"},
		},
		{
			name: "a name with a token, named through an action",
			drop: "[project/__Name__.csproj.tmpl]",
			want: []string{"pack.yaml:4: drop project/__Name__.csproj.tmpl: __Name__.csproj is dropped but app.sln still names it; replace those files too, or keep it"},
		},
		{
			name: "only longer names mention it",
			drop: "[build/executable_build.sh.tmpl]",
		},
		{
			name:  "written again by the overlay",
			drop:  `["**/*.ps1.tmpl"]`,
			files: map[string]string{"build/executable_build.ps1.tmpl": "Write-Host ours\n"},
		},
	}
	base := writePack(t, dropBase)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"pack.yaml": "name: team\nversion: 1.0.0\nextends: " + base + "\ndrop: " + tc.drop + "\ndescription: ours\n"}
			for p, data := range tc.files {
				files[p] = data
			}
			var got []string
			for _, p := range Lint(generator.NewPackSource(templates.Packs()), writePack(t, files)) {
				got = append(got, p.String())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestLintDroppedNamesDotnet: a team pack over the built-in dotnet pack
// without PowerShell is told that the CI workflow still runs build.ps1.
func TestLintDroppedNamesDotnet(t *testing.T) {
	dir := writePack(t, map[string]string{
		"pack.yaml": "name: team\nversion: 1.0.0\ndescription: no PowerShell\nextends: dotnet\ndrop: [build/executable_build.ps1.tmpl]\n",
	})
	var got []string
	for _, p := range Lint(generator.NewPackSource(templates.Packs()), dir) {
		got = append(got, p.String())
	}
	want := []string{"pack.yaml:5: drop build/executable_build.ps1.tmpl: build.ps1 is dropped but .github/workflows/build.yml, README.md, __ProjectDir__/__Name__.nuspec, build.sh and tests/__TestName__/__TestName__.csproj still name it; replace those files too, or keep it"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
