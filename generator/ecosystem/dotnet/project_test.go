package dotnet

import (
	"io/fs"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// mapFiles is a repository in memory, for the MSBuild evaluator.
type mapFiles map[string]string

func (m mapFiles) Read(rel string) ([]byte, error) {
	s, ok := m[rel]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return []byte(s), nil
}

func (m mapFiles) Exists(rel string) bool { _, ok := m[rel]; return ok }

const oldStyle = `<?xml version="1.0" encoding="utf-8"?>
<Project ToolsVersion="4.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <PropertyGroup>
    <Configuration Condition=" '$(Configuration)' == '' ">Debug</Configuration>
    <OutputType>Library</OutputType>
    <TargetFrameworkVersion>v4.5.2</TargetFrameworkVersion>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="System" />
    <Reference Include="xunit, Version=1.9.2.1705, Culture=neutral" />
  </ItemGroup>
</Project>`

func TestParseProject(t *testing.T) {
	tests := []struct {
		name, path, data string
		want             Project
	}{
		{"old style", "src/Acme/Acme.csproj", "\uFEFF" + oldStyle, Project{
			Name: "Acme", Path: "src/Acme/Acme.csproj", PackageID: "Acme", TargetFrameworks: []string{"net452"},
		}},
		{"old style test by name", "Acme.UnitTests/Acme.UnitTests.csproj", oldStyle, Project{
			Name: "Acme.UnitTests", Path: "Acme.UnitTests/Acme.UnitTests.csproj", PackageID: "Acme.UnitTests", TargetFrameworks: []string{"net452"}, Test: true,
		}},
		{"sdk multi-target with metadata", "src/A/A.csproj", `<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFrameworks>netstandard2.0; net8.0</TargetFrameworks>
    <Description>Widgets.</Description>
    <Authors>Acme</Authors>
    <RepositoryUrl>https://example.com/acme</RepositoryUrl>
    <GenerateDocumentationFile>true</GenerateDocumentationFile>
  </PropertyGroup>
</Project>`, Project{
			Name: "A", Path: "src/A/A.csproj", PackageID: "A", SDKStyle: true, TargetFrameworks: []string{"netstandard2.0", "net8.0"},
			Description: "Widgets.", Authors: "Acme", RepositoryURL: "https://example.com/acme", Docs: true,
		}},
		{"test by package reference", "t/Check/Check.csproj", `<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>$(DefaultTfm)</TargetFramework><IsPackable>false</IsPackable></PropertyGroup>
  <ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.0.0" /></ItemGroup>
</Project>`, Project{Name: "Check", Path: "t/Check/Check.csproj", PackageID: "Check", SDKStyle: true, Test: true, NotPackable: true}},
		{"sdk element", "X.csproj", `<Project><Sdk Name="Microsoft.NET.Sdk" /><PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup></Project>`,
			Project{Name: "X", Path: "X.csproj", PackageID: "X", SDKStyle: true, Test: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := evalProject(mapFiles{tt.path: tt.data}, tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreUnexported(Project{})); diff != "" {
				t.Errorf("project (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPackable(t *testing.T) {
	for _, tt := range []struct {
		p    Project
		want bool
	}{
		{Project{Path: "a/A.csproj"}, true},
		{Project{Path: "a/A.fsproj"}, false},
		{Project{Path: "a/A.csproj", Test: true}, false},
		{Project{Path: "a/A.csproj", NotPackable: true}, false},
		{Project{Path: "a/A.csproj", Missing: true}, false},
	} {
		if got := tt.p.Packable(); got != tt.want {
			t.Errorf("%+v.Packable() = %v, want %v", tt.p, got, tt.want)
		}
	}
}

func TestPackageIDUnknown(t *testing.T) {
	for _, tt := range []struct{ csproj, want string }{
		{`<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><AssemblyName>Acme.Core</AssemblyName></PropertyGroup></Project>`, "Acme.Core"},
		{`<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><AssemblyName>Acme.Core</AssemblyName><PackageId>Acme</PackageId></PropertyGroup></Project>`, "Acme"},
		{`<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><PackageId>$([System.Environment]::GetEnvironmentVariable('ID'))</PackageId></PropertyGroup></Project>`, ""},
		{`<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><PackageId>$(IdPrefix).Core</PackageId></PropertyGroup></Project>`, ""},
		{`<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><AssemblyName Condition="'$(CI)' == 'true'">X</AssemblyName></PropertyGroup></Project>`, ""},
	} {
		p, err := evalProject(mapFiles{"src/Core/Core.csproj": tt.csproj}, "src/Core/Core.csproj")
		if err != nil || p.PackageID != tt.want {
			t.Errorf("%s: PackageID %q, %v; want %q", tt.csproj, p.PackageID, err, tt.want)
		}
	}
}
