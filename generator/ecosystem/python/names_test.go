package python

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPythonName(t *testing.T) {
	tests := []struct {
		name     string
		problems []string
		suggest  string
	}{
		{name: "widget"},
		{name: "Acme.Widget_2"},
		{name: "my-app"},
		{name: "", problems: []string{"the name is empty"}},
		{name: "My App", problems: []string{
			`it contains " "; a Python distribution name is letters, digits, ".", "-" and "_"`,
		}, suggest: "my-app"},
		{name: "-widget", problems: []string{
			`it starts or ends with ".", "-" or "_"; it must start and end with a letter or digit`,
		}, suggest: "widget"},
		{name: "widget_", problems: []string{
			`it starts or ends with ".", "-" or "_"; it must start and end with a letter or digit`,
		}, suggest: "widget"},
		{name: "a/b", problems: []string{
			`it contains "/"; a Python distribution name is letters, digits, ".", "-" and "_"`,
		}, suggest: "a-b"},
		{name: "3d-tools", problems: []string{`its import name "3d_tools" starts with a digit`}, suggest: "py3d-tools"},
		{name: "Class", problems: []string{`its import name "class" is a Python keyword`}, suggest: "pyclass"},
		{name: "json", problems: []string{`its import name "json" would shadow the standard library module json`}, suggest: "pyjson"},
		{name: "Test", problems: []string{`its import name "test" would shadow the standard library module test`}, suggest: "pytest"},
		{name: "tests", problems: []string{`its import name "tests" is taken by the project's folder tests/`}, suggest: "pytests"},
		{name: "Aux", problems: []string{`its import name "aux" is a name Windows reserves for a device, and it names the package folder`}},
		{name: "a..b", problems: []string{`it contains ".."`}, suggest: "a-b"},
		{name: strings.Repeat("a", 101), problems: []string{"it is 101 characters long; the limit is 100"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := pythonName{}
			if diff := cmp.Diff(tt.problems, r.Check(tt.name)); diff != "" {
				t.Errorf("Check(%q) (-want +got):\n%s", tt.name, diff)
			}
			if diff := cmp.Diff(tt.suggest, r.Suggest(tt.name)); diff != "" {
				t.Errorf("Suggest(%q) (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func TestPythonImportName(t *testing.T) {
	for name, want := range map[string]string{
		"widget":        "widget",
		"Acme.Widget":   "acme_widget",
		"my--app_.x":    "my_app_x",
		"Flask-SQLAlch": "flask_sqlalch",
	} {
		t.Run(name, func(t *testing.T) {
			if diff := cmp.Diff(want, PythonImportName(name)); diff != "" {
				t.Errorf("PythonImportName(%q) (-want +got):\n%s", name, diff)
			}
		})
	}
}
