package msbuild

import (
	"testing"
)

func TestCondition(t *testing.T) {
	e := &evaluator{
		files: files("-- src/A/A.csproj --\n-- src/A/key.snk --\n-- Directory.Build.props --\n"), project: "src/A/A.csproj", file: "Directory.Build.props",
		global:   map[string]string{"configuration": "Release", "targetframework": "net8.0"},
		declared: map[string]bool{"declared": true},
		p:        &Project{props: map[string]prop{"five": {name: "Five", val: Value{Text: "5"}}}},
	}
	for _, tt := range []struct {
		cond string
		want tri
	}{
		{"", yes},
		{"'$(OS)' == 'Windows_NT'", no},
		{" '$(OS)' != 'Windows_NT' ", yes},
		{"'$(Configuration)|$(Platform)' == 'Release|AnyCPU'", no}, // Platform: assumed empty
		{"'$(configuration)'=='RELEASE'", yes},
		{"'$(Declared)' == ''", yes},
		{"$(Five) > 4 and $(Five) <= 5", yes},
		{"$(Five) < 4 or ('$(OS)' == 'Unix' and !false)", yes},
		{"!('$(OS)' == 'Unix')", no},
		{"Exists('key.snk')", yes},                                  // relative to the project, not to this file
		{"Exists('$(MSBuildThisFileDirectory)src/A/key.snk')", yes}, // this file: Directory.Build.props
		{"Exists('$(MSBuildProjectDirectory)/key.snk')", yes},
		{"!Exists('nope.snk')", yes},
		{"HasTrailingSlash('$(MSBuildThisFileDirectory)')", yes},
		{"$([MSBuild]::IsTargetFrameworkCompatible('$(TargetFramework)', 'netstandard2.1'))", yes},
		{"$([MSBuild]::GetTargetFrameworkIdentifier('$(TargetFramework)')) == '.NETFramework'", no},
		{"'$(CI)' == 'true'", maybe},
		{"'$(CI)' == 'true' and false", no},
		{"'$(CI)' == 'true' or true", yes},
		{"$([System.Environment]::GetEnvironmentVariable('X')) == ''", maybe},
		{"'$(Five)' == '5' and", maybe},
		{"'unclosed == 'x'", maybe},
		{"(true", maybe},
		{"'a' < 'b'", maybe},
		{"Exists('../../../outside')", maybe},
		{"Frob('x')", maybe},
	} {
		if got := e.condition(tt.cond); got.v != tt.want {
			t.Errorf("condition %q = %v (%s), want %v", tt.cond, got.v, got.why, tt.want)
		}
	}
}

func TestFrameworkCompatible(t *testing.T) {
	for _, tt := range []struct {
		target, candidate string
		want, ok          bool
	}{
		{"net8.0", "netcoreapp3.1", true, true},
		{"netstandard2.0", "netcoreapp3.1", false, true},
		{"net462", "netstandard2.0", true, true},
		{"net46", "netstandard2.0", false, true},
		{"net472", "netstandard2.1", false, true},
		{"netcoreapp3.0", "netstandard2.1", true, true},
		{"net8.0", "net9.0", false, true},
		{"net10.0", "net9.0", true, true},
		{"net8.0", "net8.0-windows", false, true},
		{"net8.0-windows", "net8.0", true, true},
		{"net48", "net462", true, true},
		{"", "net8.0", false, true},
		{"uap10.0", "net8.0", false, false},
	} {
		got, ok := frameworkCompatible(tt.target, tt.candidate)
		if got != tt.want || ok != tt.ok {
			t.Errorf("frameworkCompatible(%q, %q) = %v, %v; want %v, %v", tt.target, tt.candidate, got, ok, tt.want, tt.ok)
		}
	}
}
