package cmd

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDotnetStructure checks the dotnet pack's output where no SDK is needed:
// the solution parses, every project in it exists, every project GUID has its
// configuration lines, the project files are well-formed SDK-style XML, the
// package is described by the project (Directory.Build.props and the csproj)
// with no .nuspec, package versions are central, and global.json pins the SDK.
func TestDotnetStructure(t *testing.T) {
	for _, tc := range []struct{ name, format, framework string }{
		{"Demo", "slnx", "xunit.v3"},
		{"Acme.Widgets.Core", "sln", "xunit.v3"},
		{"Acme.Xunit2", "slnx", "xunit"},
		{"Acme.MSTest", "sln", "mstest"},
	} {
		t.Run(tc.name+"_"+tc.format+"_"+tc.framework, func(t *testing.T) {
			args := []string{"init", tc.name, "--set", "TestFramework=" + tc.framework}
			if tc.format != "slnx" { // slnx is the default
				args = append(args, "--set", "SolutionFormat="+tc.format)
			}
			dir := generateProject(t, args...)
			var projects []string
			if tc.format == "sln" {
				projects = checkSln(t, dir, tc.name)
			} else {
				projects = checkSlnx(t, dir, tc.name)
			}
			want := []string{"src/" + tc.name + "/" + tc.name + ".csproj", "tests/" + tc.name + ".Tests/" + tc.name + ".Tests.csproj"}
			if strings.Join(projects, ",") != strings.Join(want, ",") {
				t.Errorf("solution projects %v, want %v", projects, want)
			}
			lib := checkCsproj(t, dir, want[0])
			test := checkCsproj(t, dir, want[1])
			checkTestPackages(t, dir, test, tc.framework)
			if len(lib.references()) != 0 {
				t.Errorf("the library references packages: %v", lib.references())
			}
			checkPackageMetadata(t, dir, tc.name, lib)
			checkGlobalJSON(t, dir)
			checkPowerShellScript(t, dir)
			if _, err := os.Stat(filepath.Join(dir, "src", tc.name, tc.name+".nuspec")); err == nil {
				t.Error("init wrote a .nuspec: the project is the package manifest")
			}
		})
	}
}

// TestDotnetNuspecManifest: PackageManifest=nuspec (old-style projects,
// which assemble finds) renders the nuspec and packs from it.
func TestDotnetNuspecManifest(t *testing.T) {
	dir := generateProject(t, "init", "Demo", "--set", "PackageManifest=nuspec", "--set", "PackageId=Acme.Demo")
	checkNuspec(t, dir, "Demo", "Acme.Demo")
	checkPackStep(t, dir)
}

// checkPackStep: both build scripts give dotnet pack one nuspec property and
// the base path. NuGet splits NuspecProperties into key=value pairs at
// unescaped semicolons only, and the dotnet CLI splits an unquoted ';' into
// another MSBuild property, so "version=X;configuration=Y" can reach NuGet in
// no form that works from both shells (dotnet/sdk#15482).
func checkPackStep(t *testing.T, dir string) {
	t.Helper()
	for _, script := range []string{"build.sh", "build.ps1"} {
		data, err := os.ReadFile(filepath.Join(dir, script))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if !strings.Contains(text, "-p:NuspecBasePath=") {
			t.Errorf("%s: dotnet pack is not given NuspecBasePath", script)
		}
		for _, line := range strings.Split(text, "\n") {
			if i := strings.Index(line, "NuspecProperties="); i >= 0 && strings.ContainsAny(line[i:], ";%") {
				t.Errorf("%s: more than one nuspec property: %s", script, strings.TrimSpace(line))
			}
		}
	}
}

var slnProjectRe = regexp.MustCompile(`(?m)^Project\("\{([0-9A-F-]{36})\}"\) = "([^"]+)", "([^"]+)", "\{([0-9A-F-]{36})\}"\r?$`)

// checkSln returns the solution's project paths (slash-separated).
func checkSln(t *testing.T, dir, name string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name+".sln"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if !strings.Contains(text, "\r\nMicrosoft Visual Studio Solution File, Format Version 12.00\r\n") {
		t.Error("no Format Version 12.00 header with CRLF line endings")
	}
	if strings.Count(text, "\n") != strings.Count(text, "\r\n") {
		t.Error("the .sln mixes line endings")
	}
	const folderType = "2150E333-8FDC-42A3-9474-1A3956D46DE8"
	var projects []string
	guids := map[string]bool{}
	for _, m := range slnProjectRe.FindAllStringSubmatch(text, -1) {
		if guids[m[4]] {
			t.Errorf("GUID %s used twice", m[4])
		}
		guids[m[4]] = true
		if m[1] == folderType {
			if !strings.Contains(text, "= {"+m[4]+"}") {
				t.Errorf("solution folder %s nests nothing", m[2])
			}
			continue
		}
		rel := strings.ReplaceAll(m[3], `\`, "/")
		if _, err := os.Stat(filepath.Join(dir, rel)); err != nil {
			t.Errorf("project %s: %v", m[2], err)
		}
		for _, cfg := range []string{"Debug|Any CPU.ActiveCfg", "Debug|Any CPU.Build.0", "Release|Any CPU.ActiveCfg", "Release|Any CPU.Build.0"} {
			if !strings.Contains(text, "{"+m[4]+"}."+cfg+" = ") {
				t.Errorf("project %s has no %s line", m[2], cfg)
			}
		}
		projects = append(projects, rel)
	}
	if !strings.HasSuffix(text, "EndGlobal\r\n") {
		t.Error("the .sln does not end with EndGlobal")
	}
	return projects
}

func checkSlnx(t *testing.T, dir, name string) []string {
	t.Helper()
	var sol struct {
		Configurations struct {
			BuildTypes []struct {
				Name string `xml:"Name,attr"`
			} `xml:"BuildType"`
		} `xml:"Configurations"`
		Folders []struct {
			Projects []struct {
				Path string `xml:"Path,attr"`
			} `xml:"Project"`
		} `xml:"Folder"`
	}
	readXML(t, filepath.Join(dir, name+".slnx"), &sol)
	if len(sol.Configurations.BuildTypes) != 2 {
		t.Errorf("want Debug and Release build types, got %+v", sol.Configurations.BuildTypes)
	}
	var projects []string
	for _, f := range sol.Folders {
		for _, p := range f.Projects {
			if _, err := os.Stat(filepath.Join(dir, p.Path)); err != nil {
				t.Errorf("project %s: %v", p.Path, err)
			}
			projects = append(projects, p.Path)
		}
	}
	return projects
}

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

func checkNuspec(t *testing.T, dir, name, id string) {
	t.Helper()
	var pkg struct {
		Metadata struct {
			ID          string `xml:"id"`
			Version     string `xml:"version"`
			Authors     string `xml:"authors"`
			Description string `xml:"description"`
			License     string `xml:"license"`
		} `xml:"metadata"`
		Files []struct {
			Src    string `xml:"src,attr"`
			Target string `xml:"target,attr"`
		} `xml:"files>file"`
	}
	readXML(t, filepath.Join(dir, "src", name, name+".nuspec"), &pkg)
	m := pkg.Metadata
	if m.ID != id || m.Version != "$version$" || m.Authors == "" || m.Description == "" || m.License != "MIT" {
		t.Errorf("nuspec metadata: %+v", m)
	}
	if len(pkg.Files) == 0 || !strings.HasSuffix(pkg.Files[0].Src, name+".dll") {
		t.Errorf("nuspec files: %+v", pkg.Files)
	}
	// File paths are relative to the base path the build scripts pass:
	// bin/CONFIGURATION beside the nuspec.
	for _, f := range pkg.Files {
		if strings.HasSuffix(f.Src, "README.md") {
			if _, err := os.Stat(filepath.Join(dir, "src", name, "bin", "Release", f.Src)); err != nil {
				t.Errorf("nuspec packs %s: %v", f.Src, err)
			}
		}
	}
}

func readXML(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s is not well-formed XML: %v", path, err)
	}
}

// checkPowerShellScript: build.ps1 runs as ./build.ps1 on Linux and macOS
// too, so it is executable and LF (a CR after the #! line breaks env).
func checkPowerShellScript(t *testing.T, dir string) {
	t.Helper()
	p := filepath.Join(dir, "build.ps1")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "#!/usr/bin/env pwsh\n") || strings.Contains(string(data), "\r") {
		t.Errorf("build.ps1 must start with #!/usr/bin/env pwsh and use LF line endings")
	}
	if info, err := os.Stat(p); err != nil || info.Mode().Perm()&0o111 == 0 {
		t.Errorf("build.ps1 is not executable: %v %v", info.Mode(), err)
	}
}
