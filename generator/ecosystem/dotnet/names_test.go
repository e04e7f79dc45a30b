package dotnet

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDotnetName(t *testing.T) {
	tests := []struct {
		name     string
		problems []string
		suggest  string
	}{
		{"Demo", nil, ""},
		{"Acme.Widgets.Core", nil, ""},
		{"_Private.Thing2", nil, ""},
		{"Ünïcode.Nämé", nil, ""},
		{"", []string{"the name is empty"}, ""},
		{"my-app", []string{`it contains "-"; a .NET name is identifiers (letters, digits, _) joined by dots`}, "MyApp"},
		{"acme.my widget", []string{`it contains " "; a .NET name is identifiers (letters, digits, _) joined by dots`}, "Acme.MyWidget"},
		{"a/b", []string{"it contains a path separator; give a name, and --dir for the folder", `it contains "/"; a .NET name is identifiers (letters, digits, _) joined by dots`}, "A.B"},
		{"Foo..Bar", []string{`it contains ".."`}, "Foo.Bar"},
		{".Demo", []string{"it starts or ends with a dot"}, "Demo"},
		{"/abs/Demo", []string{
			"it is an absolute path; give a name, and --dir for the folder",
			"it contains a path separator; give a name, and --dir for the folder",
			`it contains "/"; a .NET name is identifiers (letters, digits, _) joined by dots`,
		}, "Abs.Demo"},
		{"Acme.class", []string{`segment "class" is a C# keyword`}, "Acme.Class"},
		{"Acme.Class", nil, ""},
		{"nul", []string{`segment "nul" is a name Windows reserves for a device`}, ""},
		{"Acme.LPT9.X", []string{`segment "LPT9" is a name Windows reserves for a device`}, ""},
		{"9Lives", []string{`segment "9Lives" starts with a digit`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := dotnetName{}
			if diff := cmp.Diff(tt.problems, r.Check(tt.name)); diff != "" {
				t.Errorf("Check (-want +got):\n%s", diff)
			}
			if got := r.Suggest(tt.name); got != tt.suggest {
				t.Errorf("Suggest = %q, want %q", got, tt.suggest)
			}
		})
	}
	long := make([]byte, 101)
	for i := range long {
		long[i] = 'A'
	}
	if got := (dotnetName{}).Check(string(long)); len(got) != 1 || got[0] != "it is 101 characters long; the limit is 100" {
		t.Errorf("101 characters: %v", got)
	}
}

// FuzzDotnetName: Check never panics, and a suggestion is always a valid name.
func FuzzDotnetName(f *testing.F) {
	for _, s := range []string{"Demo", "my-app", "a/b", "Foo..Bar", "CON", "1x", "Ünï.code", ".", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		r := dotnetName{}
		problems := r.Check(name)
		if s := r.Suggest(name); s != "" {
			if len(problems) == 0 {
				t.Errorf("Suggest(%q) = %q for a valid name", name, s)
			}
			if msgs := r.Check(s); len(msgs) > 0 {
				t.Errorf("Suggest(%q) = %q, which is invalid: %v", name, s, msgs)
			}
		}
	})
}
