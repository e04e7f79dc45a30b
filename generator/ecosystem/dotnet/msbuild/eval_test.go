package msbuild

import (
	"errors"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"
)

// mapFiles is a repository in memory.
type mapFiles map[string]string

func (m mapFiles) Read(rel string) ([]byte, error) {
	s, ok := m[rel]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return []byte(s), nil
}

func (m mapFiles) Exists(rel string) bool {
	if _, ok := m[rel]; ok {
		return true
	}
	for k := range m {
		if strings.HasPrefix(k, rel+"/") || rel == "." {
			return true
		}
	}
	return false
}

func files(archive string) mapFiles {
	m := mapFiles{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		m[f.Name] = string(f.Data)
	}
	return m
}

func evaluate(t *testing.T, m mapFiles, project string, g Globals) *Project {
	t.Helper()
	p, err := Evaluate(m, project, g)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// serilogShaped: a version in a file Directory.Build.props imports, the
// .NET Framework targets only on Windows, then the unconditional list.
const serilogShaped = `
-- Directory.Build.props --
<Project>
  <Import Project="$(MSBuildThisFileDirectory)Directory.Version.props" />
  <PropertyGroup>
    <SignAssembly Condition="Exists('$(MSBuildThisFileDirectory)assets/Key.snk')">true</SignAssembly>
    <GenerateDocumentationFile Condition="!$(MSBuildProjectName.EndsWith('Tests'))">true</GenerateDocumentationFile>
  </PropertyGroup>
</Project>
-- Directory.Version.props --
<Project><PropertyGroup><VersionPrefix>4.3.2</VersionPrefix></PropertyGroup></Project>
-- assets/Key.snk --
-- src/Log/Log.csproj --
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <AssemblyVersion>$(VersionPrefix.Substring(0,3)).0.0</AssemblyVersion>
    <TargetFrameworks Condition=" '$(OS)' == 'Windows_NT'">net471;net462</TargetFrameworks>
    <TargetFrameworks>$(TargetFrameworks);net10.0;net8.0;netstandard2.0</TargetFrameworks>
    <PackageLicenseExpression>Apache-2.0</PackageLicenseExpression>
    <Copyright>(c) $([System.DateTime]::Now.Year)</Copyright>
  </PropertyGroup>
  <ItemGroup Condition=" '$(TargetFramework)' == 'netstandard2.0' ">
    <PackageReference Include="System.Threading.Channels" Version="8.0.0" />
  </ItemGroup>
  <ItemGroup>
    <PackageReference Include="PolySharp" Version="1.15.0" PrivateAssets="All" />
  </ItemGroup>
</Project>
`

func TestEvaluateSerilogShaped(t *testing.T) {
	m := files(serilogShaped)
	p := evaluate(t, m, "src/Log/Log.csproj", CI())
	got := map[string]Value{}
	for _, name := range []string{"VersionPrefix", "TargetFrameworks", "SignAssembly", "GenerateDocumentationFile", "AssemblyVersion", "PackageLicenseExpression", "Copyright"} {
		got[name] = p.Prop(name)
	}
	want := map[string]Value{
		"VersionPrefix":             {Text: "4.3.2"},
		"TargetFrameworks":          {Text: ";net10.0;net8.0;netstandard2.0"},
		"SignAssembly":              {Text: "true"},
		"GenerateDocumentationFile": {Text: "true"},
		"AssemblyVersion":           {Text: "4.3.0.0"},
		"PackageLicenseExpression":  {Text: "Apache-2.0"},
		"Copyright":                 {Unknown: "a property function crane does not evaluate: $([System.DateTime]::Now.Year)"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("properties (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"net10.0", "net8.0", "netstandard2.0"}, p.Prop("TargetFrameworks").List()); diff != "" {
		t.Errorf("frameworks (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Directory.Build.props", "Directory.Version.props", "src/Log/Log.csproj"}, p.Files); diff != "" {
		t.Errorf("files read (-want +got):\n%s", diff)
	}
	if !p.SDKStyle || len(p.Unknowns) != 0 {
		t.Errorf("SDKStyle %v, unknowns %q", p.SDKStyle, p.Unknowns)
	}
	// The outer build has no TargetFramework: the netstandard2.0 group is
	// not there; the inner netstandard2.0 build has it.
	deps := func(g Globals) []string {
		var out []string
		for _, d := range evaluate(t, m, "src/Log/Log.csproj", g).Dependencies() {
			out = append(out, d.ID+" "+d.Version.Text+map[bool]string{true: " private"}[d.Private])
		}
		return out
	}
	if diff := cmp.Diff([]string{"PolySharp 1.15.0 private"}, deps(CI())); diff != "" {
		t.Errorf("outer dependencies (-want +got):\n%s", diff)
	}
	inner := Globals{"Configuration": "Release", "TargetFramework": "netstandard2.0"}
	if diff := cmp.Diff([]string{"System.Threading.Channels 8.0.0", "PolySharp 1.15.0 private"}, deps(inner)); diff != "" {
		t.Errorf("netstandard2.0 dependencies (-want +got):\n%s", diff)
	}
}

func TestEvaluateImportsAndCentralVersions(t *testing.T) {
	m := files(`
-- Directory.Build.props --
<Project>
  <PropertyGroup>
    <Authors>Acme</Authors>
    <RepositoryUrl>https://example.com/$(MSBuildProjectName)</RepositoryUrl>
  </PropertyGroup>
</Project>
-- Directory.Packages.props --
<Project>
  <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup>
    <PackageVersion Include="Microsoft.Bcl.AsyncInterfaces" Version="8.0.0" />
    <PackageVersion Include="Newer" Version="1.0.0" />
  </ItemGroup>
  <ItemGroup Condition="$([MSBuild]::IsTargetFrameworkCompatible($(TargetFramework), 'net9.0'))">
    <PackageVersion Update="Newer" Version="9.0.0" />
  </ItemGroup>
</Project>
-- Directory.Build.targets --
<Project>
  <Import Project="$(MSBuildThisFileDirectory)eng/$(ProjectType).targets" Condition="'$(ProjectType)' != ''" />
</Project>
-- eng/Library.targets --
<Project><PropertyGroup><PackageLicenseExpression>BSD-3-Clause</PackageLicenseExpression></PropertyGroup></Project>
-- src/Directory.Build.props --
<Project>
  <Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" />
  <PropertyGroup><Authors>$(Authors), and friends</Authors></PropertyGroup>
</Project>
-- src/Core/Core.csproj --
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFrameworks>net9.0;netstandard2.0</TargetFrameworks>
    <ProjectType>Library</ProjectType>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Bcl.AsyncInterfaces" Condition="!$([MSBuild]::IsTargetFrameworkCompatible($(TargetFramework), 'netcoreapp3.1'))" />
    <PackageReference Include="Newer" />
    <PackageReference Include="Pinned" VersionOverride="2.0.0" />
  </ItemGroup>
</Project>
`)
	p := evaluate(t, m, "src/Core/Core.csproj", CI())
	if diff := cmp.Diff([]string{"src/Directory.Build.props", "Directory.Build.props", "Directory.Packages.props", "src/Core/Core.csproj", "Directory.Build.targets", "eng/Library.targets"}, p.Files); diff != "" {
		t.Errorf("files read (-want +got):\n%s", diff)
	}
	for name, want := range map[string]string{
		"Authors": "Acme, and friends", "RepositoryUrl": "https://example.com/Core", "PackageLicenseExpression": "BSD-3-Clause",
	} {
		if got := p.Prop(name); got.Text != want || !got.Known() {
			t.Errorf("%s = %+v, want %q", name, got, want)
		}
	}
	for _, tt := range []struct {
		tf   string
		want []string
	}{
		{"netstandard2.0", []string{"Microsoft.Bcl.AsyncInterfaces 8.0.0", "Newer 1.0.0", "Pinned 2.0.0"}},
		{"net9.0", []string{"Newer 9.0.0", "Pinned 2.0.0"}},
	} {
		var got []string
		for _, d := range evaluate(t, m, "src/Core/Core.csproj", Globals{"TargetFramework": tt.tf}).Dependencies() {
			got = append(got, d.ID+" "+d.Version.Text)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s dependencies (-want +got):\n%s", tt.tf, diff)
		}
	}
}

func TestEvaluateUnknownAndAssumed(t *testing.T) {
	m := files(`
-- A.csproj --
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFrameworks Condition="'$(LibraryFrameworks)'==''">net8.0;net45</TargetFrameworks>
    <TargetFrameworks Condition="'$(LibraryFrameworks)'!=''">$(LibraryFrameworks)</TargetFrameworks>
    <VersionSuffix Condition="'$(GITHUB_RUN_NUMBER)' != ''">ci-$(GITHUB_RUN_NUMBER)</VersionSuffix>
    <Version>$(BuildVersion)</Version>
    <Description>Release: $(Configuration)</Description>
    <PackageId>$(MSBuildProjectName)</PackageId>
    <Choice>one</Choice>
  </PropertyGroup>
  <Choose>
    <When Condition="'$(Configuration)' == 'Debug'"><PropertyGroup><Choice>debug</Choice></PropertyGroup></When>
    <Otherwise><PropertyGroup><Choice>release</Choice></PropertyGroup></Otherwise>
  </Choose>
  <Import Project="missing.props" />
  <Import Project="$(Somewhere)/*.props" />
</Project>
`)
	p := evaluate(t, m, "A.csproj", CI())
	got := map[string]Value{}
	for _, name := range []string{"TargetFrameworks", "VersionSuffix", "Version", "Description", "PackageId", "Choice"} {
		got[name] = p.Prop(name)
	}
	want := map[string]Value{
		"TargetFrameworks": {Text: "net8.0;net45", Assumed: []string{"LibraryFrameworks"}},
		"VersionSuffix":    {Unknown: "it is set under $(GITHUB_RUN_NUMBER), an environment variable, which differs from build to build"},
		"Version":          {Assumed: []string{"BuildVersion"}},
		"Description":      {Text: "Release: Release"},
		"PackageId":        {Text: "A"},
		"Choice":           {Text: "release"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("properties (-want +got):\n%s", diff)
	}
	wantUnknowns := []string{
		"A.csproj imports missing.props (missing.props), which is not there",
		"A.csproj imports $(Somewhere)/*.props: a wildcard or a file outside the repository; crane did not read it",
	}
	if diff := cmp.Diff(wantUnknowns, p.Unknowns); diff != "" {
		t.Errorf("unknowns (-want +got):\n%s", diff)
	}
}

func TestEvaluateErrors(t *testing.T) {
	m := files("-- bad.csproj --\n<Project><PropertyGroup>\n-- html.csproj --\n<html/>\n")
	for _, name := range []string{"bad.csproj", "html.csproj"} {
		if _, err := Evaluate(m, name, CI()); err == nil || !strings.HasPrefix(err.Error(), name+": not MSBuild XML: ") {
			t.Errorf("%s: error %v", name, err)
		}
	}
	if _, err := Evaluate(m, "none.csproj", CI()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing project: error %v", err)
	}
}

func TestEvaluateImportCycle(t *testing.T) {
	m := files(`
-- Directory.Build.props --
<Project><Import Project="other.props" /><PropertyGroup><Chain>$(Chain)x</Chain></PropertyGroup></Project>
-- other.props --
<Project><Import Project="$(MSBuildThisFileDirectory)Directory.Build.props" /><PropertyGroup><Chain>$(Chain)y</Chain></PropertyGroup></Project>
-- p/P.csproj --
<Project />
`)
	p := evaluate(t, m, "p/P.csproj", CI())
	if got := p.Prop("Chain"); got.Text != "yx" {
		t.Errorf("Chain = %+v, want yx (each file once)", got)
	}
	if path.Base(p.Path) != "P.csproj" || p.SDKStyle {
		t.Errorf("project %+v", p)
	}
}

func TestEvaluateBoundsValues(t *testing.T) {
	var b strings.Builder
	b.WriteString("<Project><PropertyGroup><A>ab</A>")
	for range 40 {
		b.WriteString("<A>$(A)$(A)</A>")
	}
	b.WriteString("<B>$(A.Replace('a', '$(A)'))</B><C>x$(B)</C></PropertyGroup></Project>")
	p := evaluate(t, mapFiles{"P.csproj": b.String()}, "P.csproj", CI())
	long := strings.Repeat("a", 1000)
	q := evaluate(t, mapFiles{"Q.csproj": "<Project><PropertyGroup><L>" + long + "</L><D>$(L.Replace('a', '" + long + "'))</D></PropertyGroup></Project>"}, "Q.csproj", CI())
	for name, v := range map[string]Value{"A": p.Prop("A"), "B": p.Prop("B"), "C": p.Prop("C"), "D": q.Prop("D")} {
		if v.Known() || len(v.Text) > maxValue {
			t.Errorf("%s: known %v, %d bytes; want unknown, too long", name, v.Known(), len(v.Text))
		}
	}
	if !q.Prop("L").Known() {
		t.Errorf("L (1000 bytes) is unknown: %s", q.Prop("L").Unknown)
	}
}

func TestEvaluateParentPropsForms(t *testing.T) {
	for _, imp := range []string{
		`$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))`,
		`$([MSBuild]::GetPathOfFileAbove(Directory.Build.props, $(MSBuildThisFileDirectory)..))`,
		`$([MSBuild]::GetDirectoryNameOfFileAbove($(MSBuildThisFileDirectory).., Directory.Build.props))\Directory.Build.props`,
		`..\Directory.Build.props`,
		`$(MSBuildThisFileDirectory)..\Directory.Build.props`,
	} {
		m := mapFiles{
			"Directory.Build.props":       `<Project><PropertyGroup><Root>yes</Root></PropertyGroup></Project>`,
			"src/Directory.Build.props":   `<Project><Import Project="` + imp + `" /></Project>`,
			"src/A/A.csproj":              `<Project Sdk="Microsoft.NET.Sdk" />`,
			"src/A/unrelated/Other.props": ``,
		}
		p := evaluate(t, m, "src/A/A.csproj", CI())
		if got := p.Prop("Root"); got.Text != "yes" || len(p.Unknowns) > 0 {
			t.Errorf("import %s: Root = %+v, unknowns %q", imp, got, p.Unknowns)
		}
	}
}
