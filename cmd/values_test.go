package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestValuesFileKeepsScalarsAsWritten: a --values file's scalars reach the
// pack as the user wrote them, not as YAML's number types print them
// (3.10 is not 3.1, 1.0 is not 1).
func TestValuesFileKeepsScalarsAsWritten(t *testing.T) {
	file := filepath.Join(t.TempDir(), "values.yaml")
	yaml := "PythonVersion: 3.10\nInitialVersion: 1.0\nYear: 2026\nPackageDocs: false\nDescription: \"a {{ .Name }} b\"\nAuthor: 'O''Hara'\n"
	if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := valueFlags{values: file, set: []string{"Year=2027"}}.given()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"PythonVersion":  "3.10",
		"InitialVersion": "1.0",
		"Year":           "2027",
		"PackageDocs":    "false",
		"Description":    "a {{ .Name }} b",
		"Author":         "O'Hara",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("given (-want +got):\n%s", diff)
	}
}

func TestValuesFileProblems(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"nested", "Author:\n  first: a\nYear: [1, 2]\nLicense: ~\n", []string{"Author must be a string, number or bool", "License must be a string, number or bool", "Year must be a string, number or bool"}},
		{"duplicate", "Year: 2020\nYear: 2021\n", []string{"Year"}},
		{"not a map", "- a\n- b\n", []string{"it must be a YAML map of variable: value"}},
		{"a string", "just words\n", []string{"it must be a YAML map of variable: value"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "values.yaml")
			if err := os.WriteFile(file, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := valueFlags{values: file}.given()
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestValuesFileEmpty(t *testing.T) {
	file := filepath.Join(t.TempDir(), "values.yaml")
	if err := os.WriteFile(file, []byte("# nothing\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := valueFlags{values: file}.given()
	if err != nil || len(got) != 0 {
		t.Errorf("given = %v, %v; want nothing", got, err)
	}
}

// TestInitListsEveryValueProblemAtOnce: a malformed --set does not hide the
// other problems (an unknown variable, a bad value, a bad name).
func TestInitListsEveryValueProblemAtOnce(t *testing.T) {
	file := filepath.Join(t.TempDir(), "values.yaml")
	if err := os.WriteFile(file, []byte("Author: [a, b]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	te := newTestEnv(t, "")
	root := t.TempDir()
	code := te.run([]string{"init", "my-app", "--dir", filepath.Join(root, "out"), "--no-git",
		"--values", file, "--set", "novalue", "--set", "Year=abc", "--set", "Nope=1"})
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	for _, want := range []string{
		`--set "novalue": want key=value`,
		"Author must be a string, number or bool",
		`Year: "abc" is not a four-digit year, e.g. 2026; give another with --set Year=...`,
		"unknown variable Nope",
		"did you mean MyApp?",
	} {
		if !strings.Contains(te.stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, te.stderr)
		}
	}
	if entries, _ := os.ReadDir(root); len(entries) != 0 {
		t.Errorf("a failed run wrote %v", entries)
	}
}
