package golang

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/probe"
	"github.com/ewilde/crane/internal/fixture"
)

// toml has three commands and an old go directive.
const threeCommands = `
-- go.mod --
module github.com/acme/toml

go 1.15
-- cmd/toml-test-decoder/main.go --
package main
-- cmd/toml-test-encoder/main.go --
package main
-- cmd/tomlv/main.go --
package main
`

func facts(t *testing.T, archive string, given map[string]string) *ecosystem.Facts {
	t.Helper()
	r, err := probe.Scan(fixture.Dir(t, archive), nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Ecosystem{}.Facts(r, ecosystem.Request{Given: given})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestFactsSeveralCommandsAndAnOldGoDirective(t *testing.T) {
	f := facts(t, threeCommands, nil)
	want := &ecosystem.Facts{
		Values: map[string]string{"Name": "github.com/acme/toml", "ModulePath": "github.com/acme/toml", "GoVersion": "1.15",
			"Main": "./cmd/toml-test-decoder", "Command": "toml-test-decoder"},
		Summary: "go: module github.com/acme/toml, go 1.15, 3 commands; building ./cmd/toml-test-decoder",
		Notes: []string{
			"3 commands (./cmd/toml-test-decoder, ./cmd/toml-test-encoder, ./cmd/tomlv): the build stamps and releases ./cmd/toml-test-decoder, the first; " +
				"choose another with --set Main=./cmd/NAME (e.g. --set Main=./cmd/toml-test-encoder)",
			"the go directive is go 1.15, older than go 1.22: crane keeps it, as it is yours; " +
				"the build compiles the module as Go 1.15, so its code cannot use generics (go 1.18), the min, max and clear builtins (go 1.21), " +
				"range over integers and per-iteration loop variables (go 1.22), range over functions (go 1.23), and CI installs Go 1.15 (setup-go reads go.mod); " +
				"to use them, raise it with go mod edit -go=1.22",
		},
	}
	if diff := cmp.Diff(want, f); diff != "" {
		t.Errorf("Facts (-want +got):\n%s", diff)
	}
}

func TestFactsGivenMainNamesTheCommand(t *testing.T) {
	for _, tt := range []struct {
		name    string
		given   map[string]string
		command string
		follow  []string
	}{
		{"main alone", map[string]string{"Main": "./cmd/tomlv"}, "tomlv", []string{"Command"}},
		{"main and command (the given command wins in Resolve)", map[string]string{"Main": "./cmd/tomlv", "Command": "tv"}, "tomlv", nil},
		{"the root", map[string]string{"Main": "."}, "", []string{"Command"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := facts(t, threeCommands, tt.given)
			if f.Values["Main"] != tt.given["Main"] || f.Values["Command"] != tt.command {
				t.Errorf("Main, Command = %q, %q; want %q, %q", f.Values["Main"], f.Values["Command"], tt.given["Main"], tt.command)
			}
			if diff := cmp.Diff(tt.follow, f.FollowGiven); diff != "" {
				t.Errorf("FollowGiven (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFactsSeedAMajorVersionModule(t *testing.T) {
	for _, tt := range []struct{ name, archive, version, from string }{
		{"v3 without tags", "-- go.mod --\nmodule github.com/acme/cli/v3\n\ngo 1.22\n", "3.0.0", "the module path's /v3"},
		{"v1 without tags keeps the default", "-- go.mod --\nmodule github.com/acme/cli\n\ngo 1.22\n", "", ""},
		{"a VERSION of the user's", "-- go.mod --\nmodule github.com/acme/cli/v3\n-- VERSION --\n3.4.0\n", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := facts(t, tt.archive, nil)
			if f.Values["InitialVersion"] != tt.version || f.VersionFrom != tt.from {
				t.Errorf("InitialVersion, VersionFrom = %q, %q; want %q, %q", f.Values["InitialVersion"], f.VersionFrom, tt.version, tt.from)
			}
		})
	}
}

func TestCompareGo(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"1.15", "1.22", -1}, {"1.21.3", "1.22", -1}, {"1.22", "1.22", 0}, {"1.22.0", "1.22", 0},
		{"1.22rc1", "1.22", 0}, {"1.26", "1.22", 1}, {"1.9", "1.10", -1},
	} {
		if got := compareGo(tt.a, tt.b); got != tt.want {
			t.Errorf("compareGo(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
