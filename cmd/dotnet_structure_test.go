package cmd

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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
