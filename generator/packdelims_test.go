package generator

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// delimsPack is a pack whose workflows are parsed with [[ and ]]: a
// workflow, a partial beside it (so under the same rule) and a partial
// elsewhere (so with {{ and }}), plus extra workflows further down that a
// DIR/** rule reaches (extra of them, so that the pack can be made large
// enough to be parsed side by side).
func delimsPack(extra int) fstest.MapFS {
	fsys := fstest.MapFS{
		"wf/pack.yaml": {Data: []byte(`name: wf
version: 1.0.0
description: workflows with their own delimiters
ecosystem: dotnet
variables:
  - name: Name
    type: name
    help: the name
files:
  - path: .github/workflows/**
    delims: ["[[", "]]"]
`)},
		"wf/build/dot_github/workflows/ci.yml.tmpl":     {Data: []byte("name: [[ .Name | lower ]]\nruns-on: ${{ matrix.os }}\n[[ template \"_steps.yml\" . ]][[ template \"_owner\" . ]]\n")},
		"wf/build/dot_github/workflows/_steps.yml.tmpl": {Data: []byte("steps: [${{ github.sha }}, [[ .Name ]]]\n")},
		"wf/project/_owner.tmpl":                        {Data: []byte("owner: {{ .Name }} [[ kept ]]\n")},
		"wf/project/README.md.tmpl":                     {Data: []byte("# {{ .Name }} [[ kept ]]\n")},
	}
	for i := range extra {
		fsys[fmt.Sprintf("wf/build/dot_github/workflows/gen/w%03d.yml.tmpl", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("w%d: [[ .Name ]] ${{ x }}\n", i))}
	}
	return fsys
}

// TestDelimsPerRule: a file rule's delims parse the templates it matches,
// partials beside them included, whether the pack is parsed one by one or
// side by side; every other template keeps {{ and }}.
func TestDelimsPerRule(t *testing.T) {
	for _, extra := range []int{0, 2 * minParallel} {
		t.Run(fmt.Sprint(extra), func(t *testing.T) {
			p, err := LoadPack(delimsPack(extra), "wf")
			if err != nil {
				t.Fatal(err)
			}
			got := renderAll(t, p, map[string]string{"Name": "Acme"})
			want := map[string]string{
				".github/workflows/ci.yml": "name: acme\nruns-on: ${{ matrix.os }}\nsteps: [${{ github.sha }}, Acme]\nowner: Acme [[ kept ]]\n\n",
				"README.md":                "# Acme [[ kept ]]\n",
			}
			for i := range extra {
				want[fmt.Sprintf(".github/workflows/gen/w%03d.yml", i)] = fmt.Sprintf("w%d: Acme ${{ x }}\n", i)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("render (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDelimsErrors: broken delims are reported with the rule, and a
// template that does not parse with its rule's delims names its file.
func TestDelimsErrors(t *testing.T) {
	tests := []struct{ name, delims, want string }{
		{"one item", `["[["]`, `files[0] .github/workflows/**: delims needs two strings`},
		{"three items", `["[[", "]]", "x"]`, `delims needs two strings`},
		{"empty", `["", "]]"]`, `delims "": a delimiter must be non-empty and hold no white space`},
		{"space", `["[ [", "]]"]`, `delims "[ [": a delimiter must be non-empty`},
		{"same", `["%%", "%%"]`, `delims "%%" and "%%": neither may be, or hold, the other`},
		{"one holds the other", `["<<", "<<<"]`, `neither may be, or hold, the other`},
		{"does not parse", `["[[", "]]"]`, `wf/build/dot_github/workflows/ci.yml.tmpl:1: unexpected "}" in operand`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := delimsPack(0)
			fsys["wf/pack.yaml"].Data = []byte(strings.Replace(string(fsys["wf/pack.yaml"].Data), `["[[", "]]"]`, tt.delims, 1))
			if tt.name == "does not parse" {
				fsys["wf/build/dot_github/workflows/ci.yml.tmpl"] = &fstest.MapFile{Data: []byte("[[ .Name }}\n")}
			}
			_, err := LoadPack(fsys, "wf")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// TestFileDelims: FileDelims (what lint parses with) finds a file's
// delimiters from its path in the pack, as loading does.
func TestFileDelims(t *testing.T) {
	m := &Manifest{Files: []FileRule{
		{Path: "plain.yml"},
		{Path: ".github/**", Delims: []string{"[[", "]]"}},
		{Path: "*.yml", Delims: []string{"<%", "%>"}},
	}}
	tests := map[string]string{
		"build/dot_github/workflows/ci.yml.tmpl":     "[[ ]]",
		"build/dot_github/workflows/_steps.yml.tmpl": "[[ ]]",
		"project/a/b.yml.tmpl":                       "<% %>",
		"project/plain.yml.tmpl":                     "{{ }}", // the first rule wins, and has none
		"project/README.md.tmpl":                     "{{ }}",
	}
	for src, want := range tests {
		l, r := m.FileDelims(src)
		if got := l + " " + r; got != want {
			t.Errorf("FileDelims(%s) = %s, want %s", src, got, want)
		}
	}
}

// TestDelimsInOverlay: an overlay's rule keeps its delims through the
// merge over the base pack, and the base's files keep theirs.
func TestDelimsInOverlay(t *testing.T) {
	dir := writeFolder(t, map[string]string{
		"team/pack.yaml": `name: team
version: 1.0.0
description: mini with a workflow of its own
extends: mini
files:
  - path: .github/workflows/release.yml
    delims: ["<%", "%>"]
`,
		"team/build/dot_github/workflows/release.yml.tmpl": "name: <% .Name %>\ntag: ${{ github.ref_name }}\n",
	})
	p, err := NewPackSource(minimalPack()).Load(filepath.Join(dir, "team"))
	if err != nil {
		t.Fatal(err)
	}
	got := renderAll(t, p, map[string]string{"Name": "Acme"})
	want := map[string]string{
		".github/workflows/release.yml": "name: Acme\ntag: ${{ github.ref_name }}\n",
		".github/workflows/ci.yml":      "name: acme\n",
	}
	for path, w := range want {
		if got[path] != w {
			t.Errorf("%s = %q, want %q", path, got[path], w)
		}
	}
}
