package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDotnetBuildScriptHelp: --help works from another folder and prints the
// header comment only, none of the code after it.
func TestDotnetBuildScriptHelp(t *testing.T) {
	requireTools(t, "bash")
	dir := generateProject(t, "init", "Demo")
	out, err := runIn(t, filepath.Dir(dir), testBash(), "out/build.sh", "--help")
	if err != nil || !strings.Contains(out, "Tasks (default: build test)") || !strings.Contains(out, "--coverage") {
		t.Errorf("--help from another folder: %v\n%s", err, out)
	}
	if strings.Contains(out, "set -euo pipefail") || strings.Contains(out, "root=") || strings.Contains(out, "parity:") {
		t.Errorf("--help prints code, not only the header comment:\n%s", out)
	}
}

// TestDotnetBuildScriptCalls runs the generated build.sh against a stand-in
// dotnet (testdata/dotnet/fake-dotnet) that records its arguments, and checks
// what the SDK would be asked: the SemVer version of a local, CI, --release
// and tagged build, coverage when asked, each task once in order, and a
// publish that pushes this build's package by its exact name, not a glob that
// would take stale packages in artifacts/ along.
func TestDotnetBuildScriptCalls(t *testing.T) {
	requireTools(t, "bash")
	tests := []struct {
		name, manifest string
		env, args      []string
		want           []string // the dotnet calls, arguments joined by |
	}{
		{"local build", "project", nil, []string{"build"}, []string{
			"restore|Demo.slnx|",
			"build|Demo.slnx|--no-restore|-c|Release|-p:Version=0.1.0-dev|-p:FileVersion=0.1.0.0|",
		}},
		{"CI build", "project", []string{"GITHUB_RUN_NUMBER=42"}, []string{"build"}, []string{
			"restore|Demo.slnx|",
			"build|Demo.slnx|--no-restore|-c|Release|-p:Version=0.1.0-ci.42|-p:FileVersion=0.1.0.42|",
		}},
		{"build number option over the environment", "project", []string{"BUILD_NUMBER=5"}, []string{"build", "-n", "007"}, []string{
			"restore|Demo.slnx|",
			"build|Demo.slnx|--no-restore|-c|Release|-p:Version=0.1.0-ci.7|-p:FileVersion=0.1.0.7|",
		}},
		{"release", "project", []string{"BUILD_NUMBER=42"}, []string{"build", "--release", "-c", "Debug"}, []string{
			"restore|Demo.slnx|",
			"build|Demo.slnx|--no-restore|-c|Debug|-p:Version=0.1.0|-p:FileVersion=0.1.0.42|",
		}},
		{"a CI build of the tag v0.1.0 is the release", "project", []string{"GITHUB_REF_TYPE=tag", "GITHUB_REF_NAME=v0.1.0", "GITHUB_RUN_NUMBER=9"}, []string{"build"}, []string{
			"restore|Demo.slnx|",
			"build|Demo.slnx|--no-restore|-c|Release|-p:Version=0.1.0|-p:FileVersion=0.1.0.9|",
		}},
		{"a branch build is not", "project", []string{"GITHUB_REF_TYPE=branch", "GITHUB_REF_NAME=v0.1.0", "GITHUB_RUN_NUMBER=9"}, []string{"build"}, []string{
			"restore|Demo.slnx|",
			"build|Demo.slnx|--no-restore|-c|Release|-p:Version=0.1.0-ci.9|-p:FileVersion=0.1.0.9|",
		}},
		{"each task once, in order", "project", nil, []string{"test", "build", "restore", "test"}, []string{
			"restore|Demo.slnx|",
			"build|Demo.slnx|--no-restore|-c|Release|-p:Version=0.1.0-dev|-p:FileVersion=0.1.0.0|",
			"test|Demo.slnx|--no-build|-c|Release|--logger|console;verbosity=normal|",
		}},
		{"coverage", "project", nil, []string{"test", "--coverage"}, []string{
			"restore|Demo.slnx|",
			"build|Demo.slnx|--no-restore|-c|Release|-p:Version=0.1.0-dev|-p:FileVersion=0.1.0.0|",
			"test|Demo.slnx|--no-build|-c|Release|--logger|console;verbosity=normal|--collect|XPlat Code Coverage|--results-directory|ROOT/artifacts/coverage|",
		}},
		{"publish pushes this build's package only", "project", []string{"NUGET_API_KEY=key"}, []string{"publish", "--source", "https://nuget.example/v3/index.json", "-n", "3"}, []string{
			"restore|Demo.slnx|",
			"build|Demo.slnx|--no-restore|-c|Release|-p:Version=0.1.0-ci.3|-p:FileVersion=0.1.0.3|",
			"pack|src/Demo/Demo.csproj|--no-build|-c|Release|-o|ROOT/artifacts|-p:Version=0.1.0-ci.3|",
			"nuget|push|ROOT/artifacts/Demo.0.1.0-ci.3.nupkg|--api-key|key|--source|https://nuget.example/v3/index.json|--skip-duplicate|",
		}},
		{"nuspec pack", "nuspec", nil, []string{"pack", "-n", "3"}, []string{
			"restore|Demo.slnx|",
			"build|Demo.slnx|--no-restore|-c|Release|-p:Version=0.1.0-ci.3|-p:FileVersion=0.1.0.3|",
			"pack|src/Demo/Demo.csproj|--no-build|-c|Release|-o|ROOT/artifacts|-p:NuspecFile=ROOT/src/Demo/Demo.nuspec|-p:NuspecBasePath=ROOT/src/Demo/bin/Release|-p:NuspecProperties=version=0.1.0-ci.3|",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := generateProject(t, "init", "Demo", "--set", "PackageManifest="+tt.manifest)
			// Stale packages of earlier builds, which publish must leave alone.
			if err := os.MkdirAll(filepath.Join(dir, "artifacts"), 0o755); err != nil {
				t.Fatal(err)
			}
			writeText(t, dir, "artifacts/Demo.0.0.9.nupkg", "")
			writeText(t, dir, "artifacts/Other.1.0.0.nupkg", "")
			out, code := runBuildSh(t, dir, append([]string{"PATH=" + fakeDotnetPath(t)}, tt.env...), tt.args...)
			if code != 0 {
				t.Fatalf("./build.sh %v: exit %d\n%s", tt.args, code, out)
			}
			log := strings.ReplaceAll(readText(t, filepath.Dir(dir), "dotnet.log"), dir, "ROOT")
			if diff := cmp.Diff(tt.want, strings.Split(strings.TrimSuffix(log, "\n"), "\n")); diff != "" {
				t.Errorf("./build.sh %v: dotnet calls (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}

// TestDotnetPowerShellQuoting: a value with the quotes PowerShell closes a
// single-quoted string with (' and the curly U+2018 and U+2019) stays one
// literal in build.ps1, and one word in build.sh.
func TestDotnetPowerShellQuoting(t *testing.T) {
	dir := generateProject(t, "init", "Demo", "--set", "SolutionFile=It's \u2018my\u2019 $(x).slnx")
	ps := readText(t, dir, "build.ps1")
	if want := "\n$solution = 'It''s \u2018\u2018my\u2019\u2019 $(x).slnx'\n"; !strings.Contains(ps, want) {
		t.Errorf("build.ps1 lacks %q", want)
	}
	sh := readText(t, dir, "build.sh")
	if want := "\nsolution='It'\\''s \u2018my\u2019 $(x).slnx'\n"; !strings.Contains(sh, want) {
		t.Errorf("build.sh lacks %q", want)
	}
}

// TestDotnetBuildScriptCleansEveryProject: ./build.sh clean removes bin/ and
// obj/ beside every project file, wherever the repository keeps its
// projects (Newtonsoft.Json's Src/, not only src/ and tests/), and nothing
// else: a bin/ without a project beside it, and .git, stay.
func TestDotnetBuildScriptCleansEveryProject(t *testing.T) {
	requireTools(t, "bash")
	dir := generateProject(t, "init", "Demo")
	for _, f := range []string{
		"Src/Other/Other.csproj", "Src/Other/bin/Release/x.dll", "Src/Other/obj/project.assets.json",
		"src/Demo/bin/Release/Demo.dll", "tests/Demo.Tests/obj/x.json",
		"tools/bin/keep.sh", ".git/objects/bin/keep", "artifacts/Demo.0.1.0.nupkg",
	} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755); err != nil {
			t.Fatal(err)
		}
		writeText(t, dir, f, "x")
	}
	if out, code := runBuildSh(t, dir, []string{"PATH=" + fakeDotnetPath(t)}, "clean"); code != 0 {
		t.Fatalf("./build.sh clean: exit %d\n%s", code, out)
	}
	for _, gone := range []string{"Src/Other/bin", "Src/Other/obj", "src/Demo/bin", "tests/Demo.Tests/obj", "artifacts"} {
		if _, err := os.Stat(filepath.Join(dir, gone)); err == nil {
			t.Errorf("%s is still there after clean", gone)
		}
	}
	for _, kept := range []string{"Src/Other/Other.csproj", "tools/bin/keep.sh", ".git/objects/bin/keep"} {
		if _, err := os.Stat(filepath.Join(dir, kept)); err != nil {
			t.Errorf("clean removed %s: %v", kept, err)
		}
	}
}

// TestBuildScriptsCleanKeepsTrackedFiles: in a git work tree, ./build.sh
// clean of the node, rust and dotnet packs removes what the build wrote in
// its output folder but keeps the files git tracks there (a repository may
// keep a README or a script in dist/ or artifacts/).
func TestBuildScriptsCleanKeepsTrackedFiles(t *testing.T) {
	requireTools(t, "bash", "git")
	for _, tt := range []struct {
		pack, name, out string
		path            []string
	}{
		{"node", "demo", "artifacts", nil},
		{"rust", "demo", "dist", []string{"cargo"}},
		{"dotnet", "Demo", "artifacts", nil},
	} {
		t.Run(tt.pack, func(t *testing.T) {
			requireTools(t, tt.path...)
			dir := generateProject(t, "init", tt.name, "--pack", tt.pack, "--no-git")
			if err := os.MkdirAll(filepath.Join(dir, tt.out), 0o755); err != nil {
				t.Fatal(err)
			}
			gitInit(t, dir)
			// The pack's .gitignore ignores the output folder: a file kept there
			// is tracked with git add -f, as a repository that keeps one does.
			writeText(t, dir, tt.out+"/README.md", "kept: git tracks it\n")
			gitIn(t, dir, "add", "-f", tt.out+"/README.md")
			gitIn(t, dir, "commit", "-q", "-m", "keep")
			writeText(t, dir, tt.out+"/built.tgz", "the build wrote it\n")
			env := []string{"PATH=" + fakeDotnetPath(t)}
			if out, code := runBuildSh(t, dir, env, "clean"); code != 0 {
				t.Fatalf("./build.sh clean: exit %d\n%s", code, out)
			}
			if _, err := os.Stat(filepath.Join(dir, tt.out, "README.md")); err != nil {
				t.Errorf("clean removed %s/README.md, which git tracks: %v", tt.out, err)
			}
			if _, err := os.Stat(filepath.Join(dir, tt.out, "built.tgz")); err == nil {
				t.Errorf("clean left %s/built.tgz, which the build wrote", tt.out)
			}
		})
	}
}
