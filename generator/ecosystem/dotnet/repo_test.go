package dotnet

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator/probe"
	"github.com/ewilde/crane/internal/fixture"
)

const sln = "Microsoft Visual Studio Solution File, Format Version 12.00\n"

func TestPickSolution(t *testing.T) {
	r := &probe.Repo{Root: fixture.Dir(t, "-- a/A.sln --\n-- b/B.slnx --\n")}
	if _, err := PickSolution(r, ""); !errors.As(err, new(*NoSolutionError)) {
		t.Errorf("no solutions: got %v", err)
	}
	r.Deep = []string{"a/A.sln", "b/B.slnx"}
	var many *ManySolutionsError
	if _, err := PickSolution(r, ""); !errors.As(err, &many) || len(many.Found) != 2 {
		t.Errorf("two solutions: got %v", err)
	}
	for _, tt := range []struct{ want, got, err string }{
		{want: "b/B.slnx", got: "b/B.slnx"},
		{want: filepath.Join(r.Root, "a", "A.sln"), got: "a/A.sln"},
		{want: "a/Missing.sln", err: "solution a/Missing.sln: no such file in " + r.Root + " (crane looks for the path relative to the repository's root); the solutions there are a/A.sln, b/B.slnx: give one of them with --solution"},
		{want: "../x.sln", err: "solution ../x.sln: outside " + r.Root + "; give a solution inside it, relative to its root"},
		{want: "a/A.csproj", err: "solution a/A.csproj: not a .sln or .slnx file"},
	} {
		got, err := PickSolution(r, tt.want)
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

func TestNoSuchSolution(t *testing.T) {
	r := &probe.Repo{Root: fixture.Dir(t, "-- a/A.sln --\n")}
	_, err := PickSolution(r, "nosuch.sln")
	want := "solution nosuch.sln: no such file in " + r.Root + " (crane looks for the path relative to the repository's root); there is no .sln or .slnx below it: create one (dotnet new sln) or leave out --solution"
	if err == nil || err.Error() != want {
		t.Errorf("no solutions: %v\nwant %s", err, want)
	}
	r.Deep = []string{"a/A.sln"}
	_, err = PickSolution(r, "nosuch.sln")
	want = "solution nosuch.sln: no such file in " + r.Root + " (crane looks for the path relative to the repository's root); the solution there is a/A.sln: give --solution a/A.sln, or leave it out"
	if err == nil || err.Error() != want {
		t.Errorf("one solution: %v\nwant %s", err, want)
	}
}

func TestReadDotnet(t *testing.T) {
	dir := fixture.Dir(t, `
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
	r, err := probe.Scan(dir, Ecosystem{}.Finds)
	if err != nil {
		t.Fatal(err)
	}
	sol, err := PickSolution(r, "")
	if err != nil {
		t.Fatal(err)
	}
	d, err := ReadDotnet(r, sol)
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
		"Description": "Widgets.", "PackageDocs": "true", "GlobalJson": "false",
	}
	if diff := cmp.Diff(want, d.Values(r)); diff != "" {
		t.Errorf("Values (-want +got):\n%s", diff)
	}
	wantNotes := []string{
		"src/Gone/Gone.csproj is in the solution but cannot be read (no such file or directory)",
		"../Out/Out.csproj is outside the repository; crane does not read it",
		"crane's build packs Acme.Widgets only, not the other packable projects (src/Acme.Core/Acme.Core.csproj); choose the one to pack with --set Name=... --set ProjectDir=...",
	}
	if diff := cmp.Diff(wantNotes, d.Notes); diff != "" {
		t.Errorf("Notes (-want +got):\n%s", diff)
	}
}

func TestReadDotnetSymlinkOutside(t *testing.T) {
	outside := fixture.Dir(t, "-- X.csproj --\n<Project Sdk=\"Microsoft.NET.Sdk\"/>\n")
	dir := fixture.Dir(t, "-- X.sln --\n"+sln+`Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "X", "x\X.csproj", "{A}"`+"\n")
	if err := os.Symlink(outside, filepath.Join(dir, "x")); err != nil {
		t.Fatal(err)
	}
	r, err := probe.Scan(dir, Ecosystem{}.Finds)
	if err != nil {
		t.Fatal(err)
	}
	d, err := ReadDotnet(r, "X.sln")
	if err != nil {
		t.Fatal(err)
	}
	if d.Package != nil || len(d.Notes) != 1 {
		t.Errorf("a project behind a symlink out of the repository was read: %+v %q", d.Package, d.Notes)
	}
}

func TestOtherPackableProjectsNote(t *testing.T) {
	d := &Dotnet{Solution: "A.sln"}
	for _, name := range []string{"B", "A", "C", "D", "E", "F"} {
		d.Projects = append(d.Projects, Project{Name: name, Path: name + "/" + name + ".csproj"})
	}
	d.pickPackage()
	want := []string{"crane's build packs A only, not the other packable projects (B/B.csproj, C/C.csproj, D/D.csproj, and 2 more); choose the one to pack with --set Name=... --set ProjectDir=..."}
	if diff := cmp.Diff(want, d.Notes); diff != "" || d.Package == nil || d.Package.Name != "A" {
		t.Errorf("package %+v; notes (-want +got):\n%s", d.Package, diff)
	}
}
