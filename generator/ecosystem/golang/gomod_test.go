package golang

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator/probe"
	"github.com/ewilde/crane/internal/fixture"
)

func TestReadGo(t *testing.T) {
	r, err := probe.Scan(fixture.Dir(t, `
-- go.mod --
module example.com/acme

go 1.26
-- go.work --
go 1.26

use (
	.
	./tools
)
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	g, err := ReadGo(r)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := g.Summary(), "module example.com/acme, workspace of 2 modules, go 1.26, a library (no main package)"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	want := map[string]string{"Name": "example.com/acme", "ModulePath": "example.com/acme", "GoVersion": "1.26", "Main": ""}
	if diff := cmp.Diff(want, g.Values()); diff != "" {
		t.Errorf("Values (-want +got):\n%s", diff)
	}
}

func TestReadGoFindsTheCommand(t *testing.T) {
	tests := []struct {
		name, archive, main, command string
	}{
		{"named like the module", `
-- go.mod --
module example.com/acme/widget
-- cmd/tool/main.go --
package main
-- cmd/widget/main.go --
package main
-- cmd/widget/main_test.go --
package main
`, "./cmd/widget", "widget"},
		{"the only one", `
-- go.mod --
module example.com/acme/widget
-- cmd/tool/main.go --
package main
-- cmd/notmain/x.go --
package notmain
`, "./cmd/tool", "tool"},
		{"the root", `
-- go.mod --
module example.com/acme/widget
-- main.go --
package main
`, ".", ""},
		{"tests only", `
-- go.mod --
module example.com/acme/widget
-- cmd/x/x_test.go --
package main
`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := probe.Scan(fixture.Dir(t, tt.archive), nil)
			if err != nil {
				t.Fatal(err)
			}
			g, err := ReadGo(r)
			if err != nil {
				t.Fatal(err)
			}
			v := g.Values()
			if v["Main"] != tt.main || v["Command"] != tt.command {
				t.Errorf("Main, Command = %q, %q; want %q, %q", v["Main"], v["Command"], tt.main, tt.command)
			}
		})
	}
}
