package cmd

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDotnetNuspecReadmePath: with PackageManifest=nuspec (old-style
// projects, which assemble finds), the nuspec finds the root readme from its base
// path (bin/CONFIGURATION beside the nuspec, which the build scripts pass as
// NuspecBasePath) whatever form ProjectDir is given in (crane accepts
// ./src/Demo/ and writes the nuspec to src/Demo), and a readme name with XML
// characters keeps the nuspec well-formed.
func TestDotnetNuspecReadmePath(t *testing.T) {
	tests := []struct{ projectDir, readme, wantSrc, wantReadme string }{
		{"src/Demo", "README.md", "../../../../README.md", "README.md"},
		{"./src/Demo/", "README.md", "../../../../README.md", "README.md"},
		{"src//Demo", "README.md", "../../../../README.md", "README.md"},
		{".", "README.md", "../../README.md", "README.md"},
		{"src/Demo", `docs/Read & "me" <1>.md`, `../../../../docs/Read & "me" <1>.md`, `Read & "me" <1>.md`},
	}
	for _, tt := range tests {
		t.Run(tt.projectDir+" "+tt.readme, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			te := newTestEnv(t, "")
			code := te.run([]string{"init", "Demo", "--dir", dir, "--no-git", "--set", "PackageManifest=nuspec",
				"--set", "ProjectDir=" + tt.projectDir, "--set", "PackageReadme=" + tt.readme})
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, te.stderr)
			}
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(filepath.Clean(tt.projectDir)), "Demo.nuspec"))
			if err != nil {
				t.Fatal(err)
			}
			var nuspec struct {
				Readme string `xml:"metadata>readme"`
				Files  []struct {
					Src string `xml:"src,attr"`
				} `xml:"files>file"`
			}
			if err := xml.Unmarshal(data, &nuspec); err != nil {
				t.Fatalf("the nuspec is not well-formed XML: %v\n%s", err, data)
			}
			if nuspec.Readme != tt.wantReadme {
				t.Errorf("readme %q, want %q", nuspec.Readme, tt.wantReadme)
			}
			last := nuspec.Files[len(nuspec.Files)-1].Src
			if last != tt.wantSrc {
				t.Errorf("readme file src %q, want %q\n%s", last, tt.wantSrc, data)
			}
			if !strings.HasSuffix(last, tt.readme) {
				t.Errorf("the last file is not the readme: %q", last)
			}
		})
	}
}

// TestDotnetTestsNameTheLibraryFromGlobal: the test class names the library
// as global::NAME.Slug, so that a name that shadows itself inside the test
// namespace (Acme.Acme, Slug, Tests.Widgets) still binds to the library.
// TestE2EDotnetShadowingNames compiles these where the SDK is installed.
func TestDotnetTestsNameTheLibraryFromGlobal(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	te := newTestEnv(t, "")
	if code := te.run([]string{"init", "Acme.Acme", "--dir", dir, "--no-git"}); code != 0 {
		t.Fatalf("exit %d\n%s", code, te.stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "tests", "Acme.Acme.Tests", "SlugTests.cs"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "global::Acme.Acme.Slug.From("); n < 5 {
		t.Errorf("%d calls name global::Acme.Acme.Slug, want every one (5)\n%s", n, data)
	}
	if strings.Contains(strings.ReplaceAll(string(data), "global::Acme.Acme.Slug", ""), "Acme.Acme.Slug") {
		t.Errorf("a call names Acme.Acme.Slug without global::\n%s", data)
	}
}
