package dotnet

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/probe"
	"github.com/ewilde/crane/internal/fixture"
)

// projectPack is a dotnet pack that builds SDK-style projects from the
// project itself: it declares PackageManifest (as the dotnet pack does from
// 2.0.0).
type projectPack struct{}

func (projectPack) Declares(string) bool { return true }
func (projectPack) Renders(string) bool  { return true }
func (projectPack) Choices(name string) []string {
	if name == "TargetFramework" {
		return []string{"net8.0", "net9.0", "net10.0", "net6.0", "netstandard2.0", "netstandard2.1", "net462", "net48"}
	}
	return nil
}
func (projectPack) Default(string) string { return "net10.0" }

// packed is what the generated build would pack, as crane reads it.
type packed struct {
	ID, Version, VersionFrom, VersionProperty, License, Manifest string
	Frameworks                                                   []string
	Dependencies                                                 map[string][]string
	Drives                                                       []string
}

// assembleFixture writes the repository (in/) of testdata/assemble/name.txtar.
func assembleFixture(t *testing.T, name string) *probe.Repo {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("..", "..", "..", "testdata", "assemble", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	in := &txtar.Archive{}
	for _, f := range a.Files {
		if rel, ok := strings.CutPrefix(f.Name, "in/"); ok {
			in.Files = append(in.Files, txtar.File{Name: rel, Data: f.Data})
		}
	}
	dir := t.TempDir()
	fixture.Write(t, dir, in)
	r, err := probe.Scan(dir, Ecosystem{}.Finds)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func readPacked(t *testing.T, r *probe.Repo) (packed, *ecosystem.Facts) {
	t.Helper()
	f, err := Ecosystem{}.Facts(r, ecosystem.Request{Pack: projectPack{}})
	if err != nil {
		t.Fatal(err)
	}
	sol, _ := PickSolution(r, "")
	d, err := ReadDotnet(r, sol)
	if err != nil || d.Package == nil {
		t.Fatalf("no package: %v", err)
	}
	got := packed{
		ID: f.Values["PackageId"], Version: f.Values["InitialVersion"], VersionFrom: f.VersionFrom,
		VersionProperty: f.Values["VersionProperty"], License: f.Values["License"], Manifest: f.Values["PackageManifest"],
		Frameworks: d.Package.TargetFrameworks, Dependencies: map[string][]string{}, Drives: f.Drives,
	}
	for tf, deps := range d.Package.Dependencies() {
		got.Dependencies[tf] = []string{}
		for _, dep := range deps {
			got.Dependencies[tf] = append(got.Dependencies[tf], dep.ID+" "+dep.Version.Text)
		}
	}
	return got, f
}

// TestPackedFromProject reads the fixtures shaped like real repositories:
// the package id, version, license, frameworks and dependencies are the
// project's own, the manifest is the project, and no file's version is
// rewritten (Drives is empty: the build passes -p:Version).
func TestPackedFromProject(t *testing.T) {
	none := []string{}
	for _, tt := range []struct {
		fixture string
		want    packed
		notes   []string // substrings some note holds
	}{
		{"dotnet-serilog-shaped", packed{
			ID: "Acme.Logging", Version: "4.3.2", VersionFrom: "Directory.Version.props", VersionProperty: "VersionPrefix",
			License: "Apache-2.0", Manifest: "project",
			Frameworks: []string{"net10.0", "net9.0", "net8.0", "netstandard2.0"},
			Dependencies: map[string][]string{"net10.0": none, "net9.0": none, "net8.0": none,
				"netstandard2.0": {"System.Threading.Channels 8.0.0"}},
		}, []string{"also targets net471, net462 on Windows only", "crane writes no package manifest"}},
		{"dotnet-guardclauses-shaped", packed{
			ID: "Acme.GuardClauses", Version: "5.0.0", VersionFrom: "src/GuardClauses/GuardClauses.csproj", VersionProperty: "Version",
			License: "MIT", Manifest: "project",
			Frameworks:   []string{"net8.0", "netstandard2.1", "netstandard2.0"},
			Dependencies: map[string][]string{"net8.0": none, "netstandard2.1": none, "netstandard2.0": none},
		}, nil},
		{"dotnet-polly-shaped", packed{
			ID: "Acme.Resilience", License: "BSD-3-Clause", Manifest: "project",
			Frameworks:   []string{"net8.0", "netstandard2.0"},
			Dependencies: map[string][]string{"net8.0": none, "netstandard2.0": none},
		}, []string{"computes its version with MinVer", "not the other packable projects (src/Acme.Resilience.Core/Acme.Resilience.Core.csproj)",
			"crane cannot read Copyright statically (a property function crane does not evaluate: $([System.DateTime]::Now.ToString(yyyy)))"}},
		{"dotnet-mediatr-shaped", packed{
			ID: "Acme.Mediator", License: "Apache-2.0", Manifest: "project",
			Frameworks: []string{"netstandard2.0", "net6.0"},
			Dependencies: map[string][]string{
				"netstandard2.0": {"Acme.Mediator.Contracts [2.0.1, 3.0.0)", "Microsoft.Bcl.AsyncInterfaces 8.0.0"},
				"net6.0":         {"Acme.Mediator.Contracts [2.0.1, 3.0.0)"},
			},
		}, []string{"computes its version with MinVer"}},
		{"dotnet-fluentvalidation-shaped", packed{
			ID: "Acme.Validation", Version: "12.1.1", VersionFrom: "src/Directory.Build.props", VersionProperty: "VersionPrefix",
			License: "Apache-2.0", Manifest: "project",
			Frameworks: []string{"net8.0"}, Dependencies: map[string][]string{"net8.0": none},
		}, nil},
		{"dotnet-newtonsoft-shaped", packed{
			ID: "Acme.Json", Version: "11.0.1", VersionFrom: "Src/Acme.Json/Acme.Json.csproj", VersionProperty: "VersionPrefix",
			License: "MIT", Manifest: "project",
			Frameworks:   []string{"net8.0", "net6.0", "net45", "net40", "netstandard2.0"},
			Dependencies: map[string][]string{"net8.0": none, "net6.0": none, "net45": none, "net40": none, "netstandard2.0": none},
		}, []string{`prerelease suffix "beta2" is left out`, "when LibraryFrameworks is not set", "targets .NET Framework (net45, net40)"}},
	} {
		t.Run(tt.fixture, func(t *testing.T) {
			got, f := readPacked(t, assembleFixture(t, tt.fixture))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("packed (-want +got):\n%s", diff)
			}
			for _, n := range tt.notes {
				if !slices.ContainsFunc(f.Notes, func(s string) bool { return strings.Contains(s, n) }) {
					t.Errorf("no note says %q:\n%s", n, strings.Join(f.Notes, "\n"))
				}
			}
		})
	}
}

// nuspecPack is the dotnet pack before PackageManifest: every project gets
// a .nuspec.
type nuspecPack struct{ projectPack }

func (nuspecPack) Declares(name string) bool { return name != "PackageManifest" }
func (nuspecPack) Default(name string) string {
	if name == "License" {
		return "MIT"
	}
	return "net10.0"
}

func TestLicenseNoteOnlyForNuspec(t *testing.T) {
	const note = "src/Acme.Widgets/Acme.Widgets.csproj sets no license; the nuspec crane writes has the License value, MIT by default: give the SPDX expression with --set License=..."
	r := assembleFixture(t, "sdk-props")
	for _, tt := range []struct {
		pack ecosystem.Pack
		want bool
	}{{nuspecPack{}, true}, {projectPack{}, false}} {
		f, err := Ecosystem{}.Facts(r, ecosystem.Request{Pack: tt.pack})
		if err != nil {
			t.Fatal(err)
		}
		if got := slices.Contains(f.Notes, note); got != tt.want {
			t.Errorf("%T: license note %v, want %v:\n%s", tt.pack, got, tt.want, strings.Join(f.Notes, "\n"))
		}
		if _, ok := f.Values["License"]; ok {
			t.Errorf("%T: a License value for a project that sets none: %q", tt.pack, f.Values["License"])
		}
	}
}
