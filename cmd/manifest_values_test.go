package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/google/go-cmp/cmp"
)

// TestTOMLManifestsKeepEveryCharacter: a Description or Author with control
// characters (DEL included, which TOML requires escaped and JSON does not)
// leaves pyproject.toml and Cargo.toml valid TOML that reads back as given.
func TestTOMLManifestsKeepEveryCharacter(t *testing.T) {
	const desc = "ctl \x01 esc \x1b[31m del \x7f quote \" back \\ nl \n ls \u2028 end"
	const author = "O'Brien \x7f & <Co>"
	tests := []struct {
		pack, name, manifest string
		read                 func(map[string]any) (string, string)
	}{
		{"python", "acme-widget", "pyproject.toml", func(m map[string]any) (string, string) {
			p := m["project"].(map[string]any)
			return p["description"].(string), p["authors"].([]any)[0].(map[string]any)["name"].(string)
		}},
		{"rust", "fast-slug", "crates/fast-slug/Cargo.toml", func(m map[string]any) (string, string) {
			return m["package"].(map[string]any)["description"].(string), author
		}},
		{"rust", "fast-slug", "Cargo.toml", func(m map[string]any) (string, string) {
			return desc, m["workspace"].(map[string]any)["package"].(map[string]any)["authors"].([]any)[0].(string)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.pack+"/"+tt.manifest, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			te := newTestEnv(t, "")
			if code := te.run([]string{"init", tt.name, "--pack", tt.pack, "--dir", dir, "--no-git",
				"--set", "Description=" + desc, "--set", "Author=" + author}); code != 0 {
				t.Fatalf("exit %d\n%s", code, te.stderr)
			}
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(tt.manifest)))
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if _, err := toml.Decode(string(data), &m); err != nil {
				t.Fatalf("%s is not valid TOML: %v\n%s", tt.manifest, err, data)
			}
			gotDesc, gotAuthor := tt.read(m)
			if diff := cmp.Diff([]string{desc, author}, []string{gotDesc, gotAuthor}); diff != "" {
				t.Errorf("description, author (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSourceFilesTakeControlCharacters: a Description with control
// characters (NUL included, which only a --values file can carry) leaves the
// Python package importable and the Go package compilable: the generated
// build byte-compiles and vets them.
func TestSourceFilesTakeControlCharacters(t *testing.T) {
	values := filepath.Join(t.TempDir(), "values.yaml")
	if err := os.WriteFile(values, []byte(`Description: "nul \0 soh \x01 esc \x1b del \x7f end"`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("python", func(t *testing.T) {
		requireTools(t, "python3")
		dir := generateProject(t, "init", "acme-widget", "--pack", "python", "--values", values)
		if out, err := runIn(t, dir, "python3", "-c", "import sys; sys.path.insert(0, 'src'); import acme_widget; print(repr(acme_widget.__doc__))"); err != nil || !strings.Contains(out, `nul \x00 soh \x01 esc \x1b del \x7f end`) {
			t.Errorf("import: %v\n%s", err, out)
		}
	})
	t.Run("go", func(t *testing.T) {
		requireTools(t, "go")
		dir := generateProject(t, "init", "example.com/widget", "--pack", "go", "--values", values)
		if out, err := runIn(t, dir, "go", "vet", "./..."); err != nil {
			t.Errorf("go vet: %v\n%s", err, out)
		}
		if out, err := runIn(t, dir, "gofmt", "-l", "."); err != nil || out != "" {
			t.Errorf("gofmt -l: %v\n%s", err, out)
		}
	})
}
