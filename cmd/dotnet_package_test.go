package cmd

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Checks of the dotnet pack's project files and package metadata, for
// TestDotnetStructure.

// msbuildProject is the part of a project or props file the checks read.
type msbuildProject struct {
	Sdk        string `xml:"Sdk,attr"`
	Properties []struct {
		Condition string     `xml:"Condition,attr"`
		Props     []xmlValue `xml:",any"`
	} `xml:"PropertyGroup"`
	Items []struct {
		Packages []struct {
			Include string `xml:"Include,attr"`
			Version string `xml:"Version,attr"`
		} `xml:"PackageReference"`
		Versions []struct {
			Include string `xml:"Include,attr"`
			Version string `xml:"Version,attr"`
		} `xml:"PackageVersion"`
		Refs []struct {
			Include string `xml:"Include,attr"`
		} `xml:"ProjectReference"`
		None []struct {
			Update      string `xml:"Update,attr"`
			Pack        string `xml:"Pack,attr"`
			PackagePath string `xml:"PackagePath,attr"`
		} `xml:"None"`
	} `xml:"ItemGroup"`
}

type xmlValue struct {
	XMLName xml.Name
	Value   string `xml:",chardata"`
}

// prop is the value of the unconditional property name, or "".
func (p *msbuildProject) prop(name string) string {
	for _, g := range p.Properties {
		if g.Condition != "" {
			continue
		}
		for _, v := range g.Props {
			if v.XMLName.Local == name {
				return v.Value
			}
		}
	}
	return ""
}

// references lists the PackageReference items as name -> Version attribute.
func (p *msbuildProject) references() map[string]string {
	refs := map[string]string{}
	for _, ig := range p.Items {
		for _, r := range ig.Packages {
			refs[r.Include] = r.Version
		}
	}
	return refs
}

func checkCsproj(t *testing.T, dir, rel string) *msbuildProject {
	t.Helper()
	var proj msbuildProject
	readXML(t, filepath.Join(dir, rel), &proj)
	if proj.Sdk != "Microsoft.NET.Sdk" || proj.prop("TargetFramework") != "net10.0" {
		t.Errorf("%s: not an SDK-style net10.0 project: %+v", rel, proj)
	}
	for _, ig := range proj.Items {
		for _, r := range ig.Refs {
			ref := filepath.Join(dir, filepath.Dir(rel), strings.ReplaceAll(r.Include, `\`, "/"))
			if _, err := os.Stat(ref); err != nil {
				t.Errorf("%s: project reference %s: %v", rel, r.Include, err)
			}
		}
	}
	return &proj
}

// testPackages are the packages (and their versions, as nuget.org lists them
// in late 2026) each test framework choice references.
var testPackages = map[string]map[string]string{
	"xunit.v3": {"xunit.v3": "4.0.2", "xunit.runner.visualstudio": "4.0.1", "Microsoft.NET.Test.Sdk": "18.11.0", "coverlet.collector": "10.0.1"},
	"xunit":    {"xunit": "2.9.3", "xunit.runner.visualstudio": "4.0.1", "Microsoft.NET.Test.Sdk": "18.11.0", "coverlet.collector": "10.0.1"},
	"mstest":   {"MSTest": "4.5.2", "Microsoft.NET.Test.Sdk": "18.11.0", "coverlet.collector": "10.0.1"},
}

// checkTestPackages: the test project references its framework's packages
// without versions, and Directory.Packages.props sets each version once
// (central package management) and nothing that is not referenced.
func checkTestPackages(t *testing.T, dir string, test *msbuildProject, framework string) {
	t.Helper()
	var central msbuildProject
	readXML(t, filepath.Join(dir, "Directory.Packages.props"), &central)
	if central.prop("ManagePackageVersionsCentrally") != "true" {
		t.Error("Directory.Packages.props does not turn on central package management")
	}
	versions := map[string]string{}
	for _, ig := range central.Items {
		for _, v := range ig.Versions {
			if _, dup := versions[v.Include]; dup {
				t.Errorf("Directory.Packages.props sets %s twice", v.Include)
			}
			versions[v.Include] = v.Version
		}
	}
	if diff := cmp.Diff(testPackages[framework], versions); diff != "" {
		t.Errorf("package versions for %s (-want +got):\n%s", framework, diff)
	}
	for name, version := range test.references() {
		if version != "" {
			t.Errorf("the test project sets %s's version %s; central package management sets it", name, version)
		}
		if _, ok := versions[name]; !ok {
			t.Errorf("the test project references %s, which Directory.Packages.props does not version", name)
		}
	}
	if len(test.references()) != len(versions) {
		t.Errorf("the test project references %v; Directory.Packages.props versions %v", test.references(), versions)
	}
	if framework == "xunit.v3" && test.prop("OutputType") != "Exe" {
		t.Error("an xUnit v3 test project must be an Exe")
	}
	if test.prop("IsPackable") != "false" {
		t.Error("the test project is packable")
	}
}

// checkPackageMetadata: dotnet pack of the library has everything a package
// needs from Directory.Build.props and the csproj: id, authors, description,
// license expression, a README that exists and is packed, symbols as
// .snupkg, deterministic builds, and ContinuousIntegrationBuild on CI.
func checkPackageMetadata(t *testing.T, dir, name string, lib *msbuildProject) {
	t.Helper()
	var props msbuildProject
	readXML(t, filepath.Join(dir, "Directory.Build.props"), &props)
	want := map[string]string{
		"Nullable": "enable", "ImplicitUsings": "enable", "TreatWarningsAsErrors": "true",
		"Deterministic": "true", "IncludeSymbols": "true", "SymbolPackageFormat": "snupkg",
		"PackageLicenseExpression": "MIT", "PublishRepositoryUrl": "true",
	}
	for k, v := range want {
		if got := props.prop(k); got != v {
			t.Errorf("Directory.Build.props: %s = %q, want %q", k, got, v)
		}
	}
	if props.prop("Authors") == "" {
		t.Error("Directory.Build.props sets no Authors")
	}
	ci := false
	for _, g := range props.Properties {
		for _, v := range g.Props {
			if v.XMLName.Local == "ContinuousIntegrationBuild" && v.Value == "true" && strings.Contains(g.Condition, "$(GITHUB_ACTIONS)") {
				ci = true
			}
		}
	}
	if !ci {
		t.Error("Directory.Build.props does not set ContinuousIntegrationBuild on GitHub Actions")
	}
	if lib.prop("PackageId") != name || lib.prop("Description") == "" || lib.prop("GenerateDocumentationFile") != "true" {
		t.Errorf("%s.csproj: PackageId %q, Description %q, GenerateDocumentationFile %q", name, lib.prop("PackageId"), lib.prop("Description"), lib.prop("GenerateDocumentationFile"))
	}
	readme := lib.prop("PackageReadmeFile")
	packed := false
	for _, ig := range lib.Items {
		for _, n := range ig.None {
			if n.Update == readme && n.Pack == "true" && n.PackagePath == `\` {
				packed = true
			}
		}
	}
	if readme == "" || !packed {
		t.Errorf("%s.csproj: PackageReadmeFile %q is not packed at the package root", name, readme)
	}
	if _, err := os.Stat(filepath.Join(dir, "src", name, readme)); err != nil {
		t.Errorf("the package README: %v", err)
	}
}

// checkGlobalJSON: global.json pins the SDK's major version and rolls
// forward to its latest feature band only.
func checkGlobalJSON(t *testing.T, dir string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "global.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		SDK struct {
			Version     string `json:"version"`
			RollForward string `json:"rollForward"`
		} `json:"sdk"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatalf("global.json: %v", err)
	}
	if !strings.HasPrefix(g.SDK.Version, "10.0.") || g.SDK.RollForward != "latestFeature" {
		t.Errorf("global.json: sdk %+v, want 10.0.x rolling forward to the latest feature band", g.SDK)
	}
}
