package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestE2EDotnet builds, tests and packs a generated dotnet project with the
// real SDK, then breaks the library and expects the generated build to fail.
func TestE2EDotnet(t *testing.T) {
	requireTools(t, "dotnet")
	dir := generateProject(t, "init", "Demo.Lib")
	out, err := runIn(t, dir, "./build.sh", "build", "test", "pack", "--build-number", "7")
	if err != nil {
		t.Fatalf("generated build failed: %v\n%s", err, out)
	}
	passed := countMatch(out, regexp.MustCompile(`Passed:\s+(\d+)`))
	if passed < 8 {
		t.Errorf("want at least 8 tests passed, got %d\n%s", passed, out)
	}
	mustExist(t, filepath.Join(dir, "artifacts", "Demo.Lib.0.1.0.7.nupkg"))

	breakFile(t, dir, "src/Demo.Lib/Slug.cs", "builder.Append('-');", "builder.Append('_');")
	if out, err := runIn(t, dir, "./build.sh"); err == nil {
		t.Fatalf("the build passed with a broken Slug:\n%s", out)
	}
}

// TestDotnetBuildScriptArguments runs the parts of the generated build.sh
// that need no SDK: help from another folder, a bad task, a bad option
// value, and the message when dotnet is missing.
func TestDotnetBuildScriptArguments(t *testing.T) {
	requireTools(t, "bash")
	dir := generateProject(t, "init", "Demo")
	parent := filepath.Dir(dir)
	out, err := runIn(t, parent, "bash", "out/build.sh", "--help")
	if err != nil || !strings.Contains(out, "Tasks (default: build test)") {
		t.Errorf("--help from another folder: %v\n%s", err, out)
	}
	// The help is the header comment only, none of the code after it.
	if strings.Contains(out, "set -euo pipefail") || strings.Contains(out, "root=") {
		t.Errorf("--help prints code, not only the header comment:\n%s", out)
	}
	// The build number is the fourth part of the assembly version, at most 65534.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"bogus"}, "unknown task or option: bogus"},
		{[]string{"-c", "Fast"}, "configuration must be Debug or Release"},
		{[]string{"--build-number", "x1"}, "build number must be digits"},
		{[]string{"--build-number", "65535"}, "build number must be at most 65534"},
		{[]string{"-n", "99999999999999999999999"}, "build number must be at most 65534"},
	} {
		out, err := runIn(t, dir, "./build.sh", c.args...)
		if code := exitCodeOf(err); code != 2 || !strings.Contains(out, c.want) {
			t.Errorf("./build.sh %v: exit %d, want 2 and %q\n%s", c.args, code, c.want, out)
		}
	}
	// Without dotnet on PATH (bash and coreutils only), the script says what to install.
	bin := t.TempDir()
	for _, tool := range []string{"bash", "dirname", "tr", "sed", "cat"} {
		if p, err := exec.LookPath(tool); err == nil {
			if err := os.Symlink(p, filepath.Join(bin, tool)); err != nil {
				t.Fatal(err)
			}
		}
	}
	c := exec.Command(filepath.Join(bin, "bash"), "./build.sh")
	c.Dir, c.Env = dir, []string{"PATH=" + bin}
	cout, err := c.CombinedOutput()
	if exitCodeOf(err) != 2 || !strings.Contains(string(cout), "dotnet is not on PATH; install the .NET SDK") {
		t.Errorf("without dotnet: %v\n%s", err, cout)
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
