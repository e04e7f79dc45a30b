package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator/packsrc"
)

// writeFolder writes files under a new folder and returns it.
func writeFolder(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, data := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// renderAll renders every component of p with given and returns path ->
// content.
func renderAll(t *testing.T, p *Pack, given map[string]string) map[string]string {
	t.Helper()
	vals, err := Resolve(p, given, Facts{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := Render(p, vals, ComponentProject, ComponentBuild)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range tree {
		out[f.Path] = string(f.Data)
	}
	return out
}

// TestExtendsOverlay: a pack that extends the built-in mini adds a file,
// replaces one, drops one, adds a variable and changes a default.
func TestExtendsOverlay(t *testing.T) {
	dir := writeFolder(t, map[string]string{
		"team/pack.yaml": `name: team
version: 2.0.0
description: mini, the team's way
extends: mini
drop: [project/fancy.txt]
variables:
  - name: Flavour
    type: choice
    default: fancy
    choices: [plain, fancy]
    help: the flavour, fancy by default
  - name: Owners
    type: list
    default: ada, grace
    help: who owns it
`,
		"team/project/__Name__/dot_keep.tmpl": "team {{ .Name }} {{ .Flavour }}\n",
		"team/project/OWNERS.tmpl":            "{{ range .Owners }}{{ . }}\n{{ end }}",
	})
	s := NewPackSource(minimalPack())
	p, err := s.Load(filepath.Join(dir, "team"))
	if err != nil {
		t.Fatal(err)
	}
	got := renderAll(t, p, map[string]string{"Name": "Acme"})
	want := map[string]string{
		"Acme/.keep":               "team Acme fancy\n", // replaced, with the new default
		"OWNERS":                   "ada\ngrace\n",      // added, from a list
		"VERSION":                  "0.1.0\n",           // the base's, with its policy
		"run.sh":                   "#!/bin/sh\necho hello Acme\n",
		".github/workflows/ci.yml": "name: acme\n",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("render (-want +got):\n%s", diff)
	}
	if p.Name != "team" || p.Version != "2.0.0" || p.Ecosystem != "dotnet" {
		t.Errorf("manifest: %s %s %s; want team 2.0.0 dotnet (from the base)", p.Name, p.Version, p.Ecosystem)
	}
	if f, _ := p.rule("VERSION"), 0; f == nil || f.Policy != PolicySeed {
		t.Error("the base's file rules were lost")
	}
	got = renderAll(t, p, map[string]string{"Name": "Acme", "Owners": "linus"})
	if got["OWNERS"] != "linus\n" {
		t.Errorf("OWNERS with --set Owners=linus: %q", got["OWNERS"])
	}
}

func TestExtendsErrors(t *testing.T) {
	base := fstest.MapFS{}
	for k, v := range minimalPack() {
		base[k] = v
	}
	tests := []struct{ name, manifest, want string }{
		{"unknown base", "extends: nope\n", `extends nope: unknown pack "nope"`},
		{"drop without extends", "drop: [x]\n", "drop needs extends"},
		{"drop matches nothing", "extends: mini\ndrop: [project/nothing]\n", `drop "project/nothing" matches no file`},
		{"cycle", "extends: ./\n", "is longer than 4 packs (a cycle?)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFolder(t, map[string]string{
				"pack.yaml":     "name: team\nversion: 1.0.0\ndescription: d\necosystem: dotnet\nvariables:\n  - name: Name\n    type: name\n    help: h\n" + tt.manifest,
				"project/a.txt": "a",
			})
			_, err := NewPackSource(base).Load(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestListVariable(t *testing.T) {
	p, err := writeHostile(t, hostileManifest+`  - name: Services
    type: list
    optional: true
    pattern: '^[a-z]+$'
    pattern_help: lower-case letters
    help: services
`, map[string]string{"project/services.txt.tmpl": "{{ range $i, $s := .Services }}{{ $i }}={{ $s }};{{ end }}{{ len .Services }}"})
	if err != nil {
		t.Fatal(err)
	}
	for given, want := range map[string]string{"": "0", "api": "0=api;1", " api , web,,": "0=api;1=web;2"} {
		got := renderAll(t, p, map[string]string{"Name": "Demo", "Services": given})
		if got["services.txt"] != want {
			t.Errorf("Services=%q: %q, want %q", given, got["services.txt"], want)
		}
	}
	vals := Values{"Services": []string{"api", "web"}}
	if got := vals.Strings()["Services"]; got != "api,web" {
		t.Errorf("Strings() = %q, want api,web (what --set takes)", got)
	}
	_, err = Resolve(p, map[string]string{"Name": "Demo", "Services": "api,Web"}, Facts{}, nil)
	if err == nil || !strings.Contains(err.Error(), `Services: item "Web" is not lower-case letters; give others with --set Services=a,b,c`) || strings.Contains(err.Error(), "[a-z]") {
		t.Errorf("a bad item: %v", err)
	}
	_, err = writeHostile(t, hostileManifest+"  - name: Dirs\n    type: list\n    help: d\n", map[string]string{"project/__Dirs__/x": "x"})
	if err == nil || !strings.Contains(err.Error(), "names a list") {
		t.Errorf("a list in a path: %v", err)
	}
}

// TestExtendsFromGitCannotReadFolders: a pack that comes from neither a
// folder nor git (a built-in) may not extend a folder of the machine,
// absolute or relative; one from git only one of its own repository (see
// TestExtendsSiblingInGitRepo).
func TestExtendsFromGitCannotReadFolders(t *testing.T) {
	secret := writeFolder(t, map[string]string{"pack.yaml": "name: secret\n", "project/key": "secret"})
	for _, ext := range []string{secret, "../secret"} {
		snap := packsrc.Snapshot{Files: map[string][]byte{
			"pack.yaml":     []byte("name: evil\nversion: 1.0.0\ndescription: d\nextends: " + ext + "\n"),
			"project/a.txt": []byte("a"),
		}}
		_, err := NewPackSource(minimalPack()).extend(snap, packPlace{}, []string{"builtin"})
		if err == nil || !strings.Contains(err.Error(), "only a pack in a folder or a git repository may extend a folder") {
			t.Errorf("extends %s from git: %v", ext, err)
		}
	}
}
