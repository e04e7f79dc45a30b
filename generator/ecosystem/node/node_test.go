package node

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator/probe"
	"github.com/ewilde/crane/internal/fixture"
)

func scan(t *testing.T, archive string) *probe.Repo {
	t.Helper()
	r, err := probe.Scan(fixture.Dir(t, archive), nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestReadNodeMembers(t *testing.T) {
	for _, tt := range []struct {
		name, archive string
		workspaces    string
		members       []string
	}{
		{"single", `
-- package.json --
{"name": "widget", "version": "1.2.3", "scripts": {"test": "node --test"}}
`, "", nil},
		{"array workspaces", `
-- package.json --
{"name": "mono", "private": true, "workspaces": ["packages/*", "apps/web/", "bad dir/*", "../out"]}
-- packages/b/package.json --
{"name": "@m/b", "version": "2.0.0"}
-- packages/a/package.json --
{"name": "@m/a", "version": "2.0.0"}
-- packages/.hidden/package.json --
{}
-- packages/notes/README.md --
-- apps/web/package.json --
{"name": "web", "version": "0.0.1"}
-- ../out/package.json --
{}
`, "packages/* apps/web/", []string{"packages/a", "packages/b", "apps/web"}},
		{"object workspaces", `
-- package.json --
{"workspaces": {"packages": ["libs/**"], "nohoist": ["**/x"]}}
-- libs/x/package.json --
{"name": "x"}
`, "libs/**", []string{"libs/x"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n, err := ReadNode(scan(t, tt.archive))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.workspaces, probe.ShellWords(n.Workspaces)); diff != "" {
				t.Errorf("Workspaces (-want +got):\n%s", diff)
			}
			var dirs []string
			for _, m := range n.Members {
				dirs = append(dirs, m.Dir)
			}
			if diff := cmp.Diff(tt.members, dirs); diff != "" {
				t.Errorf("members (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadNodeRejectsBadWorkspaces(t *testing.T) {
	if _, err := ReadNode(scan(t, "-- package.json --\n{\"workspaces\": 3}\n")); err == nil {
		t.Error("want an error for workspaces: 3")
	}
}

func TestNodeNotes(t *testing.T) {
	n, err := ReadNode(scan(t, "-- package.json --\n{\"name\": \"x\", \"private\": true}\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`package.json has no test script, so npm test (./build.sh test) fails there; add one, e.g. "test": "node --test"`,
		`package.json is private: ./build.sh pack works, but npm refuses ./build.sh publish until you drop "private": true`,
	}
	if diff := cmp.Diff(want, n.Notes()); diff != "" {
		t.Errorf("Notes (-want +got):\n%s", diff)
	}
}
