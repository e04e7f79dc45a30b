package msbuild

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzEvaluate evaluates any project file beside a Directory.Build.props
// that imports it back: no panic, no endless import, the same result twice,
// and a value is either known or says why not.
func FuzzEvaluate(f *testing.F) {
	for _, s := range []string{
		serilogShaped,
		`<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><A>$(A)$(A)$(A)</A><B>$(A.Substring(1,2))</B></PropertyGroup></Project>`,
		`<Project><Choose><When Condition="$(X) == 1"><PropertyGroup><V>1</V></PropertyGroup></When><Otherwise><Choose><When Condition="true"/></Choose></Otherwise></Choose></Project>`,
		`<Project><Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))"/><ItemGroup><PackageReference Include="A;$(B)" Update="C" Version="@(X)"/></ItemGroup></Project>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, project string) {
		m := mapFiles{
			"src/P/P.csproj":        project,
			"Directory.Build.props": `<Project><Import Project="src/P/P.csproj" /><PropertyGroup><Root>1</Root></PropertyGroup></Project>`,
		}
		one, err1 := Evaluate(m, "src/P/P.csproj", CI())
		two, err2 := Evaluate(m, "src/P/P.csproj", CI())
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("errors differ: %v, %v", err1, err2)
		}
		if err1 != nil {
			return
		}
		if diff := cmp.Diff(one, two, cmp.AllowUnexported(Project{}, prop{})); diff != "" {
			t.Fatalf("two evaluations differ:\n%s", diff)
		}
		for _, p := range one.props {
			if !p.val.Known() && p.val.Text != "" {
				t.Errorf("%s is unknown (%s) yet has text %q", p.name, p.val.Unknown, p.val.Text)
			}
		}
		if len(one.Files) > maxFiles+1 {
			t.Errorf("read %d files", len(one.Files))
		}
		_ = one.Dependencies()
	})
}

// FuzzCondition evaluates any condition: no panic, and maybe always says why.
func FuzzCondition(f *testing.F) {
	for _, s := range []string{
		"'$(OS)' == 'Windows_NT'", "!$(A.EndsWith('Tests')) and ($(B) >= 2 or Exists('x'))",
		"$([MSBuild]::IsTargetFrameworkCompatible('$(TargetFramework)', 'net8.0'))", "'a' == 'b' or", "((((",
	} {
		f.Add(s)
	}
	e := &evaluator{files: mapFiles{"x": ""}, project: "p/P.csproj", file: "p/P.csproj", global: map[string]string{},
		declared: map[string]bool{}, p: &Project{props: map[string]prop{}}}
	f.Fuzz(func(t *testing.T, cond string) {
		o := e.condition(cond)
		if o.v == maybe && strings.TrimSpace(o.why) == "" {
			t.Errorf("condition %q is maybe without a reason", cond)
		}
		if again := e.condition(cond); again.v != o.v {
			t.Errorf("condition %q: %v then %v", cond, o.v, again.v)
		}
	})
}
