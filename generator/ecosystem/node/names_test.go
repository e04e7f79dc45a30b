package node

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNodeName(t *testing.T) {
	tests := []struct {
		name     string
		problems []string
		suggest  string
	}{
		{name: "widget"},
		{name: "my-app.js_2"},
		{name: "@acme/widget"},
		{name: "", problems: []string{"the name is empty"}},
		{name: "My App", problems: []string{
			"it has capital letters; npm package names are lowercase",
			`it contains " "; an npm name is lowercase letters, digits, "-", "." and "_" ("@scope/" first if scoped)`,
		}, suggest: "my-app"},
		{name: "@Acme/My Widget", problems: []string{
			"it has capital letters; npm package names are lowercase",
			`it contains " "; an npm name is lowercase letters, digits, "-", "." and "_" ("@scope/" first if scoped)`,
		}, suggest: "@acme/my-widget"},
		{name: " widget", problems: []string{
			"it starts or ends with a space",
			`it contains " "; an npm name is lowercase letters, digits, "-", "." and "_" ("@scope/" first if scoped)`,
		}, suggest: "widget"},
		{name: ".hidden", problems: []string{`it starts with "." or "_"`}, suggest: "hidden"},
		{name: "_private", problems: []string{`it starts with "." or "_"`}, suggest: "private"},
		{name: "a/b", problems: []string{`it contains "/"; only a scoped name ("@scope/name") may, and --dir picks the folder`}, suggest: "a-b"},
		{name: "@acme/a/b", problems: []string{
			`it contains more than one "/"; a scoped name is "@scope/name"`,
		}, suggest: "@acme/a-b"},
		{name: "@/widget", problems: []string{"the scope is empty"}},
		{name: "@acme/", problems: []string{"the name after the scope is empty"}},
		{name: "@acme/_x", problems: []string{`the name after the scope, "_x", starts with "." or "_"`}, suggest: "@acme/x"},
		// packages/node_modules is skipped by npm workspaces and by .gitignore.
		{name: "@acme/node_modules", problems: []string{`the name after the scope, "node_modules", names the package folder packages/node_modules, which npm and git skip`}, suggest: "@acme/node-modules"},
		{name: "wid~get!", problems: []string{
			`it contains "~!"; an npm name is lowercase letters, digits, "-", "." and "_" ("@scope/" first if scoped)`,
		}, suggest: "wid-get"},
		{name: "http", problems: []string{`it is a Node core module name`}, suggest: "node-http"},
		{name: "child_process", problems: []string{`it is a Node core module name`}, suggest: "node-child-process"},
		{name: "@acme/http"},
		{name: "node_modules", problems: []string{`it is a name npm reserves`}, suggest: "node-node-modules"},
		{name: "favicon.ico", problems: []string{`it is a name npm reserves`}},
		{name: "con", problems: []string{`"con" is a name Windows reserves for a device, and it names the package folder`}},
		{name: "../up", problems: []string{`it contains ".."`, `it contains "/"; only a scoped name ("@scope/name") may, and --dir picks the folder`, `it starts with "." or "_"`}, suggest: "up"},
		{name: strings.Repeat("a", 215), problems: []string{"it is 215 characters long; the limit is 214"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := nodeName{}
			if diff := cmp.Diff(tt.problems, r.Check(tt.name)); diff != "" {
				t.Errorf("Check(%q) (-want +got):\n%s", tt.name, diff)
			}
			if diff := cmp.Diff(tt.suggest, r.Suggest(tt.name)); diff != "" {
				t.Errorf("Suggest(%q) (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}
