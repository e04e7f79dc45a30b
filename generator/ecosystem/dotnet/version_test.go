package dotnet

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadVersion(t *testing.T) {
	const head = `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup>`
	const tail = `</PropertyGroup></Project>`
	for _, tt := range []struct {
		name, props string
		want        Version
	}{
		{"none", ``, Version{}},
		{"version with a suffix", `<Version>1.2.3-beta.1+sha</Version>`,
			Version{Property: "Version", Value: "1.2.3", Written: "1.2.3-beta.1+sha", Suffix: "beta.1", File: "A.csproj"}},
		{"prefix and suffix", `<VersionPrefix>2.1</VersionPrefix><VersionSuffix>rc1</VersionSuffix>`,
			Version{Property: "VersionPrefix", Value: "2.1.0", Written: "2.1", Suffix: "rc1", File: "A.csproj"}},
		{"version wins over prefix", `<VersionPrefix>2.1.0</VersionPrefix><Version>3.0.0</Version>`,
			Version{Property: "Version", Value: "3.0.0", Written: "3.0.0", File: "A.csproj"}},
		{"empty version falls back to prefix", `<Version></Version><VersionPrefix>4.0.0</VersionPrefix>`,
			Version{Property: "VersionPrefix", Value: "4.0.0", Written: "4.0.0", File: "A.csproj"}},
		{"four parts", `<Version>1.2.3.4</Version>`,
			Version{Property: "Version", Written: "1.2.3.4", File: "A.csproj", Unknown: "'1.2.3.4' is not a version of the form X.Y.Z"}},
		{"from a property the build passes", `<Version>$(BuildVersion)</Version>`,
			Version{Property: "Version", File: "A.csproj", Unknown: "it is built from BuildVersion, which no file crane read sets (does your build pass it?)"}},
		{"from the environment", `<Version>$(RELEASE_VERSION)</Version>`,
			Version{Property: "Version", File: "A.csproj", Unknown: "$(RELEASE_VERSION), an environment variable, which differs from build to build"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := evalProject(mapFiles{"A.csproj": head + tt.props + tail}, "A.csproj")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, p.Version); diff != "" {
				t.Errorf("version (-want +got):\n%s", diff)
			}
		})
	}
	p, err := evalProject(mapFiles{"A.csproj": `<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="MinVer" Version="6.0.0" PrivateAssets="all" /></ItemGroup></Project>`}, "A.csproj")
	if err != nil || p.Version.Tool != "MinVer" {
		t.Errorf("MinVer: %+v, %v", p.Version, err)
	}
}
