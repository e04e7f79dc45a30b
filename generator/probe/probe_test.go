package probe

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/internal/fixture"
)

func repo(t *testing.T, archive string) string {
	t.Helper()
	dir := t.TempDir()
	fixture.Write(t, dir, txtar.Parse([]byte(archive)))
	return dir
}

const sln = "Microsoft Visual Studio Solution File, Format Version 12.00\n"

func TestScanSkipsIgnoredAndBuildFolders(t *testing.T) {
	dir := repo(t, `
-- .gitignore --
# build
/ignored/
*.local.sln
-- .git/info/exclude --
excluded/
-- src/solutions/Acme.sln --
`+sln+`
-- ignored/Old.sln --
-- Mine.local.sln --
-- excluded/Ex.sln --
-- bin/B.sln --
-- obj/O.sln --
-- packages/P.sln --
-- node_modules/x/N.sln --
-- .git/G.sln --
-- deep/.gitignore --
sub
-- deep/sub/D.sln --
-- deep/D.slnx --
-- VERSION.txt --
1.4.2.0
-- build.ps1 --
-- README.md --
-- go.mod --
module example.com/acme
`)
	if err := os.Symlink(filepath.Join(dir, "src"), filepath.Join(dir, "linked")); err != nil {
		t.Fatal(err)
	}
	r, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := &Repo{
		Root:         dir,
		Solutions:    []string{"deep/D.slnx", "src/solutions/Acme.sln"},
		GoMod:        "go.mod",
		VersionFile:  "VERSION.txt",
		Version:      "1.4.2.0",
		BuildScripts: []string{"build.ps1"},
		Readme:       "README.md",
	}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("Scan (-want +got):\n%s", diff)
	}
	if got := r.SemVersion(); got != "1.4.2" {
		t.Errorf("SemVersion = %q, want 1.4.2", got)
	}
	if diff := cmp.Diff([]string{EcosystemDotnet, EcosystemGo}, r.Ecosystems()); diff != "" {
		t.Errorf("Ecosystems (-want +got):\n%s", diff)
	}
}

func TestPickSolution(t *testing.T) {
	r := &Repo{Root: repo(t, "-- a/A.sln --\n-- b/B.slnx --\n")}
	if _, err := r.PickSolution(""); !errors.As(err, new(*NoSolutionError)) {
		t.Errorf("no solutions: got %v", err)
	}
	r.Solutions = []string{"a/A.sln", "b/B.slnx"}
	var many *ManySolutionsError
	if _, err := r.PickSolution(""); !errors.As(err, &many) || len(many.Found) != 2 {
		t.Errorf("two solutions: got %v", err)
	}
	for _, tt := range []struct{ want, got, err string }{
		{want: "b/B.slnx", got: "b/B.slnx"},
		{want: filepath.Join(r.Root, "a", "A.sln"), got: "a/A.sln"},
		{want: "a/Missing.sln", err: "solution a/Missing.sln: "},
		{want: "../x.sln", err: "solution ../x.sln: outside " + r.Root},
		{want: "a/A.csproj", err: "solution a/A.csproj: not a .sln or .slnx file"},
	} {
		got, err := r.PickSolution(tt.want)
		if tt.err != "" {
			if err == nil || len(err.Error()) < len(tt.err) || err.Error()[:len(tt.err)] != tt.err {
				t.Errorf("PickSolution(%q) error = %v, want %q...", tt.want, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.got {
			t.Errorf("PickSolution(%q) = %q, %v; want %q", tt.want, got, err, tt.got)
		}
	}
}

func TestReadDotnet(t *testing.T) {
	dir := repo(t, `
-- src/solutions/Acme.Widgets.sln --
`+sln+`Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Acme.Core", "..\Acme.Core\Acme.Core.csproj", "{A}"
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Acme.Widgets", "..\Acme.Widgets\Acme.Widgets.csproj", "{B}"
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Acme.Widgets.Tests", "..\..\tests\Acme.Widgets.Tests\Acme.Widgets.Tests.csproj", "{C}"
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Gone", "..\Gone\Gone.csproj", "{D}"
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Out", "..\..\..\Out\Out.csproj", "{E}"
-- Directory.Build.props --
<Project><PropertyGroup><TargetFramework>net8.0</TargetFramework><GenerateDocumentationFile>true</GenerateDocumentationFile></PropertyGroup></Project>
-- src/Acme.Core/Acme.Core.csproj --
<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>netstandard2.0</TargetFramework></PropertyGroup></Project>
-- src/Acme.Widgets/Acme.Widgets.csproj --
<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><Description>Widgets.</Description></PropertyGroup></Project>
-- tests/Acme.Widgets.Tests/Acme.Widgets.Tests.csproj --
<Project Sdk="Microsoft.NET.Sdk"></Project>
-- README.md --
-- VERSION.txt --
2.1
`)
	r, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	sol, err := r.PickSolution("")
	if err != nil {
		t.Fatal(err)
	}
	d, err := r.ReadDotnet(sol)
	if err != nil {
		t.Fatal(err)
	}
	if d.Package == nil || d.Package.Name != "Acme.Widgets" {
		t.Fatalf("Package = %+v, want Acme.Widgets (named like the solution)", d.Package)
	}
	if got, want := d.Summary(), "src/solutions/Acme.Widgets.sln, 5 projects, 1 test project"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	want := map[string]string{
		"Name": "Acme.Widgets", "SolutionFile": "src/solutions/Acme.Widgets.sln", "SolutionFormat": "sln",
		"ProjectDir": "src/Acme.Widgets", "TargetFramework": "net8.0", "PackageReadme": "README.md",
		"Description": "Widgets.", "InitialVersion": "2.1.0", "PackageDocs": "true",
	}
	if diff := cmp.Diff(want, d.Values(r)); diff != "" {
		t.Errorf("Values (-want +got):\n%s", diff)
	}
	wantNotes := []string{
		"src/Gone/Gone.csproj is in the solution but cannot be read (no such file or directory)",
		"../Out/Out.csproj is outside the repository; crane does not read it",
	}
	if diff := cmp.Diff(wantNotes, d.Notes); diff != "" {
		t.Errorf("Notes (-want +got):\n%s", diff)
	}
}

func TestReadDotnetSymlinkOutside(t *testing.T) {
	outside := repo(t, "-- X.csproj --\n<Project Sdk=\"Microsoft.NET.Sdk\"/>\n")
	dir := repo(t, "-- X.sln --\n"+sln+`Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "X", "x\X.csproj", "{A}"`+"\n")
	if err := os.Symlink(outside, filepath.Join(dir, "x")); err != nil {
		t.Fatal(err)
	}
	r, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	d, err := r.ReadDotnet("X.sln")
	if err != nil {
		t.Fatal(err)
	}
	if d.Package != nil || len(d.Notes) != 1 {
		t.Errorf("a project behind a symlink out of the repository was read: %+v %q", d.Package, d.Notes)
	}
}

func TestReadGo(t *testing.T) {
	r, err := Scan(repo(t, `
-- go.mod --
module example.com/acme

go 1.26
-- go.work --
go 1.26

use (
	.
	./tools
)
`))
	if err != nil {
		t.Fatal(err)
	}
	g, err := r.ReadGo()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := g.Summary(), "module example.com/acme, workspace of 2 modules, go 1.26, a library (no main package)"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	want := map[string]string{"Name": "example.com/acme", "ModulePath": "example.com/acme", "GoVersion": "1.26", "Main": ""}
	if diff := cmp.Diff(want, g.Values()); diff != "" {
		t.Errorf("Values (-want +got):\n%s", diff)
	}
}

func TestReadGoFindsTheCommand(t *testing.T) {
	tests := []struct {
		name, archive, main, command string
	}{
		{"named like the module", `
-- go.mod --
module example.com/acme/widget
-- cmd/tool/main.go --
package main
-- cmd/widget/main.go --
package main
-- cmd/widget/main_test.go --
package main
`, "./cmd/widget", "widget"},
		{"the only one", `
-- go.mod --
module example.com/acme/widget
-- cmd/tool/main.go --
package main
-- cmd/notmain/x.go --
package notmain
`, "./cmd/tool", "tool"},
		{"the root", `
-- go.mod --
module example.com/acme/widget
-- main.go --
package main
`, ".", ""},
		{"tests only", `
-- go.mod --
module example.com/acme/widget
-- cmd/x/x_test.go --
package main
`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Scan(repo(t, tt.archive))
			if err != nil {
				t.Fatal(err)
			}
			g, err := r.ReadGo()
			if err != nil {
				t.Fatal(err)
			}
			v := g.Values()
			if v["Main"] != tt.main || v["Command"] != tt.command {
				t.Errorf("Main, Command = %q, %q; want %q, %q", v["Main"], v["Command"], tt.main, tt.command)
			}
		})
	}
}
