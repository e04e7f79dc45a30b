package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitBadNameExit2 proves that a bad name for the go and rust packs is a
// usage error: exit 2, every problem on stderr, nothing written.
func TestInitBadNameExit2(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string // on stderr
	}{
		{name: "go no domain", args: []string{"init", "widget", "--pack", "go"}, want: []string{
			`its first element "widget" is not a domain name`, "did you mean example.com/widget?",
		}},
		{name: "go dots and spaces", args: []string{"init", "example.com/../my widget", "--pack", "go"}, want: []string{
			`it contains ".."`, `it contains " "`,
		}},
		{name: "go command folder go build skips", args: []string{"init", "example.com/_x", "--pack", "go"}, want: []string{
			`its last element "_x" names the command folder cmd/_x, which go build ./... skips (a leading _)`,
		}},
		{name: "rust keyword", args: []string{"init", "fn", "--pack", "rust"}, want: []string{
			`"fn" is a Rust keyword`, "did you mean fn-rs?",
		}},
		{name: "rust space and digit", args: []string{"init", "1 widget", "--pack", "rust"}, want: []string{
			`it contains " "`, "it does not start with an ASCII letter", "did you mean widget?",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			te := newTestEnv(t, "")
			if code := te.run(append(tt.args, "--dir", dir, "--no-git")); code != 2 {
				t.Errorf("exit %d, want 2\n%s", code, te.stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(te.stderr.String(), w) {
					t.Errorf("stderr does not say %q:\n%s", w, te.stderr)
				}
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("%s was written (stat: %v)", dir, err)
			}
		})
	}
}

// TestInitDotnetUnicodeName: the .NET name rule takes C#'s Unicode letters
// ("Café.Widgets" is a valid namespace and package id), so the folders derived
// from the name must take them too.
func TestInitDotnetUnicodeName(t *testing.T) {
	for _, name := range []string{"Café.Widgets", "Ünïcode", "Λάμδα"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			te := newTestEnv(t, "")
			if code := te.run([]string{"init", name, "--dir", dir, "--no-git"}); code != 0 {
				t.Fatalf("exit %d\n%s", code, te.stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "src", name, name+".csproj")); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestInitDotnetValuesDoNotExpandInMSBuild: a Description or Author with
// MSBuild syntax stays literal in the csproj and Directory.Build.props. MSBuild expands $(...) and
// @(...) and unescapes %XX in a property's value, so $(MSBuildProjectName)
// would become the project's name, and $([System.IO.File]::ReadAllText(...))
// would run at build time.
func TestInitDotnetValuesDoNotExpandInMSBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	te := newTestEnv(t, "")
	code := te.run([]string{"init", "Demo", "--dir", dir, "--no-git",
		"--set", "Description=$(MSBuildProjectName) is 100%25 @(Compile)",
		"--set", "Author=$([System.IO.File]::ReadAllText('/etc/passwd'))"})
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, te.stderr)
	}
	for file, want := range map[string]string{
		"src/Demo/Demo.csproj":  "<Description>%24(MSBuildProjectName) is 100%2525 %40(Compile)</Description>",
		"Directory.Build.props": "<Authors>%24([System.IO.File]::ReadAllText(&#39;/etc/passwd&#39;))</Authors>",
	} {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %s:\n%s", file, want, data)
		}
		// The props file's own $(...) are conditions and lists the pack wrote, not values.
		text := strings.NewReplacer("$(WarningsNotAsErrors)", "", "$(GITHUB_ACTIONS)", "", "$(TF_BUILD)", "", "$(CI)", "").Replace(string(data))
		if strings.Contains(text, "$(") || strings.Contains(text, "@(") {
			t.Errorf("%s has MSBuild expansions of a value:\n%s", file, data)
		}
	}
}

// TestInitGoNameWithTilde: a module path the name rule accepts (~ is a module
// path character) gives a command and main package the go pack accepts.
func TestInitGoNameWithTilde(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	te := newTestEnv(t, "")
	if code := te.run([]string{"init", "example.com/go-widget_x~y.z", "--pack", "go", "--dir", dir, "--no-git"}); code != 0 {
		t.Fatalf("exit %d\n%s", code, te.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "cmd", "go-widget_x~y.z", "main.go")); err != nil {
		t.Error(err)
	}
}
