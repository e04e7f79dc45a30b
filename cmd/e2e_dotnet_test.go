package cmd

import (
	"path/filepath"
	"regexp"
	"testing"
)

// TestE2EDotnet builds, tests (with coverage) and packs a generated dotnet
// project with the real SDK for each test framework, both solution formats
// and both package manifests, then breaks the library and expects the
// generated build to fail. Without dotnet on PATH it skips; the mcs test
// (TestDotnetCompilesWithMono) and the structure tests stand in for it.
func TestE2EDotnet(t *testing.T) {
	requireTools(t, "dotnet")
	for _, tc := range []struct{ framework, format, manifest string }{
		{"xunit.v3", "slnx", "project"},
		{"xunit", "sln", "project"},
		{"mstest", "slnx", "project"},
		{"xunit.v3", "sln", "nuspec"},
	} {
		t.Run(tc.framework+"_"+tc.format+"_"+tc.manifest, func(t *testing.T) {
			dir := generateProject(t, "init", "Demo.Lib", "--set", "TestFramework="+tc.framework,
				"--set", "SolutionFormat="+tc.format, "--set", "PackageManifest="+tc.manifest)
			out, err := runIn(t, dir, "./build.sh", "build", "test", "pack", "--coverage", "--build-number", "7")
			if err != nil {
				t.Fatalf("generated build failed: %v\n%s", err, out)
			}
			if passed := sumMatches(out, regexp.MustCompile(`Passed:\s+(\d+)`)); passed < 8 {
				t.Errorf("want at least 8 tests passed, got %d\n%s", passed, out)
			}
			mustExist(t, filepath.Join(dir, "artifacts", "Demo.Lib.0.1.0-ci.7.nupkg"))
			if tc.manifest == "project" {
				mustExist(t, filepath.Join(dir, "artifacts", "Demo.Lib.0.1.0-ci.7.snupkg"))
			}
			mustExist(t, filepath.Join(dir, "artifacts", "coverage", "*", "coverage.cobertura.xml"))

			breakFile(t, dir, "src/Demo.Lib/Slug.cs", "builder.Append('-');", "builder.Append('_');")
			if out, err := runIn(t, dir, "./build.sh"); err == nil {
				t.Fatalf("the build passed with a broken Slug:\n%s", out)
			}
		})
	}
}

// TestE2EDotnetShadowingNames builds and tests projects whose names shadow
// themselves inside the test namespace: in namespace Acme.Acme.Tests,
// "Acme.Acme.Slug" binds Acme to the namespace Acme.Acme and fails to
// compile (CS0234), and in Slug.Tests "Slug.Slug" binds Slug to the class.
// The tests name the library from global::.
func TestE2EDotnetShadowingNames(t *testing.T) {
	requireTools(t, "dotnet")
	for _, name := range []string{"Acme.Acme", "Slug", "Tests.Widgets"} {
		t.Run(name, func(t *testing.T) {
			dir := generateProject(t, "init", name)
			if out, err := runIn(t, dir, "./build.sh", "build", "test"); err != nil {
				t.Fatalf("generated build failed: %v\n%s", err, out)
			}
		})
	}
}
