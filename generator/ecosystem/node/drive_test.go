package node

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator/ecosystem"
)

// facts runs Facts on archive with the user's values given.
func facts(t *testing.T, archive string, given map[string]string) (*ecosystem.Facts, error) {
	t.Helper()
	return Ecosystem{}.Facts(scan(t, archive), ecosystem.Request{Given: given})
}

// differ is a workspace like remark's: a private root with no version, and
// members that each version on their own.
const differ = `
-- package.json --
{"name": "mono", "private": true, "workspaces": ["packages/a/", "packages/b"]}
-- packages/a/package.json --
{"name": "a", "version": "15.0.1"}
-- packages/b/package.json --
{"name": "b-cli", "version": "12.0.1", "dependencies": {"a": "^15.0.0"}}
`

func TestNodeFacts(t *testing.T) {
	for _, tt := range []struct {
		name, archive string
		given         map[string]string
		want          map[string]string
		drives        []string
	}{
		{"single", `
-- package.json --
{"name": "widget", "version": "1.2.3"}
`, nil, map[string]string{"Name": "widget", "InitialVersion": "1.2.3", "Workspaces": "", "VersionDirs": "."}, []string{"package.json"}},
		{"single without a version", `
-- package.json --
{"name": "widget"}
`, nil, map[string]string{"Name": "widget", "Workspaces": "", "VersionDirs": "."}, []string{"package.json"}},
		{"members share one version, the root another", `
-- package.json --
{"name": "mono", "version": "0.0.0", "private": true, "workspaces": ["libs/*"]}
-- libs/a/package.json --
{"name": "a", "version": "2.0.0"}
-- libs/b/package.json --
{"name": "b", "version": "2.0.0"}
-- libs/c/package.json --
{"name": "c", "private": true}
`, nil, map[string]string{"Name": "mono", "InitialVersion": "2.0.0", "Workspaces": "libs/*", "VersionDirs": "libs/a libs/b"},
			[]string{"libs/a/package.json", "libs/b/package.json"}},
		{"root and members share one version", `
-- package.json --
{"name": "mono", "version": "2.0.0", "workspaces": ["libs/*"]}
-- libs/a/package.json --
{"name": "a", "version": "2.0.0"}
`, nil, map[string]string{"Name": "mono", "InitialVersion": "2.0.0", "Workspaces": "libs/*", "VersionDirs": ". libs/a"},
			[]string{"package.json", "libs/a/package.json"}},
		{"members differ, the root has a version", `
-- package.json --
{"name": "mono", "version": "5.0.0", "workspaces": ["libs/*"]}
-- libs/a/package.json --
{"name": "a", "version": "1.0.0"}
-- libs/b/package.json --
{"name": "b", "version": "2.0.0"}
`, nil, map[string]string{"Name": "mono", "InitialVersion": "5.0.0", "Workspaces": "libs/*", "VersionDirs": "."}, []string{"package.json"}},
		{"members differ, the user chooses", differ, map[string]string{"VersionDirs": "packages/b"},
			map[string]string{"Name": "mono", "InitialVersion": "12.0.1", "Workspaces": "packages/a/ packages/b", "VersionDirs": "packages/b"},
			[]string{"packages/b/package.json"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := facts(t, tt.archive, tt.given)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, f.Values); diff != "" {
				t.Errorf("Values (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.drives, f.Drives); diff != "" {
				t.Errorf("Drives (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNodeFactsRefuses: a workspace with no one version to drive is asked
// about, and repositories npm cannot build (pnpm, Yarn 2+, the workspace:
// protocol) are refused naming the real cause.
func TestNodeFactsRefuses(t *testing.T) {
	for _, tt := range []struct {
		name, archive string
		given         map[string]string
		want          string
	}{
		{"members differ", differ, nil, `the packages version on their own (packages/a 15.0.1, packages/b 12.0.1), and no one version is there for VERSION to drive: ` +
			`choose the ones that move together with --set VersionDirs=FOLDERS (space-separated, e.g. --set VersionDirs=packages/a; the others are left alone), or give the packages that move together one version (the others keep theirs)`},
		{"a folder that is no versioned package", differ, map[string]string{"VersionDirs": "."},
			`VersionDirs=".": . has no package.json that sets its own version; choose from: packages/a 15.0.1, packages/b 12.0.1`},
		{"pnpm", "-- package.json --\n{\"private\": true, \"packageManager\": \"pnpm@10.12.1\"}\n-- pnpm-workspace.yaml --\npackages:\n  - packages/*\n-- pnpm-lock.yaml --\nlockfileVersion: '9.0'\n",
			nil, `a pnpm workspace (pnpm-workspace.yaml, pnpm-lock.yaml, "packageManager": "pnpm@10.12.1"): crane's node pack builds npm workspaces with npm, which reads neither pnpm-workspace.yaml nor pnpm-lock.yaml and fails on the workspace: protocol (EUNSUPPORTEDPROTOCOL); keep building it with pnpm, or move it to npm workspaces ("workspaces" in package.json, package-lock.json) and run crane assemble again`},
		{"yarn berry", "-- package.json --\n{\"name\": \"x\", \"version\": \"1.0.0\"}\n-- .yarnrc.yml --\nnodeLinker: node-modules\n-- yarn.lock --\n# yarn lockfile\n\n__metadata:\n  version: 8\n",
			nil, `a Yarn 2 or later project (.yarnrc.yml, yarn.lock with __metadata): crane's node pack builds with npm, which reads neither .yarnrc.yml nor Yarn's yarn.lock (nor Plug'n'Play or the workspace: protocol), so it would install other versions than yours or none; keep building it with Yarn, or move it to npm (package-lock.json) and run crane assemble again`},
		{"workspace protocol", "-- package.json --\n{\"name\": \"x\", \"version\": \"1.0.0\", \"workspaces\": [\"p/*\"]}\n-- p/a/package.json --\n{\"name\": \"a\", \"version\": \"1.0.0\", \"devDependencies\": {\"x\": \"workspace:^\"}}\n",
			nil, `p/a/package.json: "x": "workspace:^" uses the workspace: protocol of pnpm and Yarn, which npm cannot install (EUNSUPPORTEDPROTOCOL); crane's node pack builds with npm: give the dependency a version range (npm links workspace packages that match it), or keep building with pnpm or Yarn`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := facts(t, tt.archive, tt.given)
			var r *ecosystem.Refusal
			if !errors.As(err, &r) {
				t.Fatalf("want a refusal, got %v", err)
			}
			if diff := cmp.Diff(tt.want, r.Text); diff != "" {
				t.Errorf("refusal (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNodeFactsNotesYarnClassic(t *testing.T) {
	f, err := facts(t, "-- package.json --\n{\"name\": \"x\", \"version\": \"1.0.0\", \"scripts\": {\"test\": \"node --test\"}}\n-- yarn.lock --\n# yarn lockfile v1\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"yarn.lock is Yarn 1's: the build installs with npm, which does not read it (npm writes package-lock.json)"}
	if diff := cmp.Diff(want, f.Notes[:1]); diff != "" {
		t.Errorf("Notes (-want +got):\n%s", diff)
	}
}
