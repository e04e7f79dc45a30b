package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// monoLowering rewrites the generated C# into what Mono's C# compiler (mcs
// 6.8, C# 7 with -langversion:experimental) reads, changing no behaviour.
// mcs cannot read:
//   - file-scoped namespaces, "namespace X;" (C# 10): made a block;
//   - implicit usings (C# 10, the SDK's ImplicitUsings and the test
//     project's <Using> items): written out at the top;
//   - the null-forgiving operator, "null!" (C# 8): dropped (mcs has no
//     nullable reference types, so there is nothing to forgive);
//   - "is null" (a C# 7 pattern) without -langversion:experimental, which
//     the test passes.
//
// The pack keeps file-scoped namespaces and implicit usings (what .NET
// projects use today) and this lowering is the whole difference.
type monoLowering struct{ usings []string }

var (
	fileScopedNamespaceRe = regexp.MustCompile(`(?m)^namespace ([\p{L}\p{N}_.]+);[ \t]*$`)
	nullForgivingRe       = regexp.MustCompile(`\bnull!`)
)

func (l monoLowering) lower(src string) string {
	if m := fileScopedNamespaceRe.FindStringSubmatchIndex(src); m != nil {
		src = src[:m[0]] + "namespace " + src[m[2]:m[3]] + " {" + src[m[1]:] + "}\n"
	}
	src = nullForgivingRe.ReplaceAllString(src, "null")
	var head strings.Builder
	for _, u := range l.usings {
		head.WriteString("using " + u + ";\n")
	}
	return head.String() + src
}

// implicitUsings are the .NET SDK's implicit usings for a class library that
// Mono's base library has (System.Net.Http aside).
var implicitUsings = []string{"System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Threading", "System.Threading.Tasks"}

// TestDotnetCompilesWithMono compiles the generated library and its tests with
// Mono's C# compiler, against a stub of the test framework
// (testdata/dotnet/mcs), and runs the tests with a reflection runner compiled
// the same way: they must all pass, and fail once Slug is broken. It proves
// the C# compiles and the tests test, for every test framework choice, where
// the .NET SDK cannot be installed. Without mcs and mono it skips
// (./build.sh test installs them with apt-get where it can).
func TestDotnetCompilesWithMono(t *testing.T) {
	if testing.Short() {
		t.Skip("the Mono build of the dotnet pack's C# is skipped in -short mode")
	}
	for _, tool := range []string{"mcs", "mono"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not on PATH: skipping the Mono build of the dotnet pack's C# (apt-get install mono-mcs mono-runtime; ./build.sh test does it as root)", tool)
		}
	}
	stubs := map[string]struct{ file, using string }{
		"xunit.v3": {"Xunit.cs", "Xunit"},
		"xunit":    {"Xunit.cs", "Xunit"},
		"mstest":   {"MSTest.cs", "Microsoft.VisualStudio.TestTools.UnitTesting"},
	}
	for _, framework := range []string{"xunit.v3", "xunit", "mstest"} {
		t.Run(framework, func(t *testing.T) {
			dir := generateProject(t, "init", "Acme.Slugs", "--set", "TestFramework="+framework)
			build := t.TempDir()
			stub := stubs[framework]
			monoCompile(t, build, "Stubs.dll", nil, testdataFile(t, stub.file))
			monoCompile(t, build, "Runner.exe", nil, testdataFile(t, "Runner.cs"))

			run := func() (string, error) {
				lib := monoLowering{usings: implicitUsings}
				tests := monoLowering{usings: append(append([]string{}, implicitUsings...), stub.using)}
				monoCompile(t, build, "Acme.Slugs.dll", nil,
					writeLowered(t, build, lib, filepath.Join(dir, "src", "Acme.Slugs", "Slug.cs")))
				monoCompile(t, build, "Acme.Slugs.Tests.dll", []string{"Acme.Slugs.dll", "Stubs.dll"},
					writeLowered(t, build, tests, filepath.Join(dir, "tests", "Acme.Slugs.Tests", "SlugTests.cs")))
				c := exec.Command("mono", "Runner.exe", "Acme.Slugs.Tests.dll")
				c.Dir = build
				out, err := c.CombinedOutput()
				return string(out), err
			}
			out, err := run()
			if err != nil || !strings.Contains(out, "\n8 passed, 0 failed\n") {
				t.Fatalf("the generated tests under mono: %v, want 8 passed, 0 failed\n%s", err, out)
			}
			breakFile(t, dir, "src/Acme.Slugs/Slug.cs", "builder.Append('-');", "builder.Append('_');")
			if out, err := run(); err == nil || !strings.Contains(out, "FAIL SlugTests.From_MakesSlugs") {
				t.Fatalf("the tests passed with a broken Slug: %v\n%s", err, out)
			}
		})
	}
}

// TestMonoLowering pins the rewrite: a file-scoped namespace becomes a block
// around the rest of the file, null! becomes null, and the usings lead.
func TestMonoLowering(t *testing.T) {
	l := monoLowering{usings: []string{"System", "Xunit"}}
	got := l.lower("[assembly: X]\n\nnamespace A.B;\n\npublic class C { object o = null!; }\n")
	want := "using System;\nusing Xunit;\n[assembly: X]\n\nnamespace A.B {\n\npublic class C { object o = null; }\n}\n"
	if got != want {
		t.Errorf("lowered:\n%s\nwant:\n%s", got, want)
	}
}

func testdataFile(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "testdata", "dotnet", "mcs", name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// writeLowered writes the lowered copy of src into dir and returns its path.
func writeLowered(t *testing.T, dir string, l monoLowering, src string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, filepath.Base(src))
	if err := os.WriteFile(p, []byte(l.lower(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// monoCompile compiles sources with mcs into dir/out (a .dll is a library,
// a .exe a program), referencing refs in dir.
func monoCompile(t *testing.T, dir, out string, refs []string, sources ...string) {
	t.Helper()
	args := []string{"-langversion:experimental", "-codepage:utf8", "-nologo", "-out:" + out}
	if strings.HasSuffix(out, ".dll") {
		args = append(args, "-target:library")
	}
	for _, r := range refs {
		args = append(args, "-r:"+r)
	}
	c := exec.Command("mcs", append(args, sources...)...)
	c.Dir = dir
	if b, err := c.CombinedOutput(); err != nil {
		t.Fatalf("mcs %s: %v\n%s", strings.Join(c.Args[1:], " "), err, b)
	}
}
