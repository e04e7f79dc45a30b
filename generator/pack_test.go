package generator

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// minimalPack is a valid pack to break one piece at a time.
func minimalPack() fstest.MapFS {
	return fstest.MapFS{
		"mini/pack.yaml": {Data: []byte(`name: mini
version: 1.0.0
description: a test pack
name_rule: dotnet
variables:
  - name: Name
    type: name
    help: the name
  - name: Flavour
    type: choice
    default: plain
    choices: [plain, fancy]
    help: the flavour
  - name: Year
    type: string
    default: "2026"
    pattern: '^[0-9]{4}$'
    pattern_help: a four-digit year (e.g. 2026)
    help: the year
files:
  - path: VERSION
    policy: seed
  - path: fancy.txt
    when: '{{ eq .Flavour "fancy" }}'
`)},
		"mini/project/__Name__/dot_keep.tmpl":         {Data: []byte("{{ .Name }} {{ .Flavour }}\n")},
		"mini/project/fancy.txt":                      {Data: []byte("fancy\n")},
		"mini/project/_partial.tmpl":                  {Data: []byte(`{{ define "greet" }}hello {{ . }}{{ end }}`)},
		"mini/build/executable_run.sh.tmpl":           {Data: []byte(`#!/bin/sh{{ "\n" }}echo {{ template "greet" .Name }}{{ "\n" }}`)},
		"mini/build/VERSION":                          {Data: []byte("0.1.0\n")},
		"mini/build/dot_github/workflows/ci.yml.tmpl": {Data: []byte("name: {{ .Name | lower }}\n")},
	}
}

func TestRenderMinimalPack(t *testing.T) {
	p, err := LoadPack(minimalPack(), "mini")
	if err != nil {
		t.Fatal(err)
	}
	vals, err := Resolve(p, map[string]string{"Name": "Acme"}, Facts{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := Render(p, vals, ComponentProject, ComponentBuild)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Path, Data string
		Mode       uint32
		Policy     Policy
	}
	var got []row
	for _, f := range tree {
		got = append(got, row{f.Path, string(f.Data), uint32(f.Mode), f.Policy})
	}
	want := []row{
		{".github/workflows/ci.yml", "name: acme\n", 0o644, PolicyManaged},
		{"Acme/.keep", "Acme plain\n", 0o644, PolicyCreate},
		{"VERSION", "0.1.0\n", 0o644, PolicySeed},
		{"run.sh", "#!/bin/sh\necho hello Acme\n", 0o755, PolicyManaged},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("render (-want +got):\n%s", diff)
	}

	// The when rule brings fancy.txt in; the build component alone leaves project files out.
	vals["Flavour"] = "fancy"
	tree, _ = Render(p, vals, ComponentProject)
	if _, ok := tree.Get("fancy.txt"); !ok {
		t.Errorf("fancy.txt not rendered with Flavour=fancy")
	}
	if _, ok := tree.Get("run.sh"); ok {
		t.Errorf("run.sh (build component) rendered for the project component alone")
	}
}

func TestLoadPackBroken(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(fstest.MapFS)
		wants []string
	}{
		{"bad yaml", func(m fstest.MapFS) { m["mini/pack.yaml"] = &fstest.MapFile{Data: []byte("name: [")} }, []string{"mini/pack.yaml:"}},
		{"unknown field", func(m fstest.MapFS) {
			m["mini/pack.yaml"].Data = append(m["mini/pack.yaml"].Data, []byte("colour: red\n")...)
		}, []string{"field colour not found"}},
		{"template syntax", func(m fstest.MapFS) {
			m["mini/build/executable_run.sh.tmpl"] = &fstest.MapFile{Data: []byte("line one\n{{ .Name \n")}
		}, []string{"mini/build/executable_run.sh.tmpl:3: unclosed action started at mini/build/executable_run.sh.tmpl:2"}},
		{"unknown function", func(m fstest.MapFS) {
			m["mini/build/x.tmpl"] = &fstest.MapFile{Data: []byte(`{{ env "HOME" }}`)}
		}, []string{`mini/build/x.tmpl:1: function "env" not defined`}},
		{"token without variable", func(m fstest.MapFS) {
			m["mini/build/__Nope__.txt"] = &fstest.MapFile{Data: []byte("x")}
		}, []string{"path token __Nope__ names no variable"}},
		{"omit_default with a template default", func(m fstest.MapFS) {
			m["mini/pack.yaml"].Data = []byte(strings.Replace(string(m["mini/pack.yaml"].Data), "variables:\n",
				"variables:\n  - name: Dir\n    type: string\n    default: \"{{ .Name }}\"\n    omit_default: true\n    help: x\n", 1))
		}, []string{"Dir: omit_default needs a literal default"}},
		{"bad aliases and needs", func(m fstest.MapFS) {
			m["mini/pack.yaml"].Data = append(m["mini/pack.yaml"].Data, []byte("  - path: ci.yml\n    aliases: [../ci.yaml]\n    needs: [/run.sh]\n")...)
		}, []string{`alias "../ci.yaml" must be a file name in the same folder`, `needs "/run.sh" must be a clean relative path`}},
		{"pattern without pattern_help", func(m fstest.MapFS) {
			m["mini/pack.yaml"].Data = []byte(strings.Replace(string(m["mini/pack.yaml"].Data), "    pattern_help: a four-digit year (e.g. 2026)\n", "", 1))
		}, []string{"variables[2] Year: pattern_help is empty: say in words what the pattern accepts"}},
		{"pattern_help without pattern", func(m fstest.MapFS) {
			m["mini/pack.yaml"].Data = []byte(strings.Replace(string(m["mini/pack.yaml"].Data), "    pattern: '^[0-9]{4}$'\n", "", 1))
		}, []string{"variables[2] Year: pattern_help is only for a variable with a pattern"}},
		{"many problems at once", func(m fstest.MapFS) {
			s := strings.Replace(string(m["mini/pack.yaml"].Data), "version: 1.0.0", "version: one", 1)
			s = strings.Replace(s, "policy: seed", "policy: sometimes", 1)
			m["mini/pack.yaml"] = &fstest.MapFile{Data: []byte(s)}
		}, []string{`version "one" is not a semantic version`, `policy "sometimes" is not one of`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimalPack()
			tt.edit(fsys)
			_, err := LoadPack(fsys, "mini")
			var pe *PackError
			if !errors.As(err, &pe) {
				t.Fatalf("want a *PackError, got %v", err)
			}
			for _, w := range tt.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestTemplateErrorsNameFileAndLine(t *testing.T) {
	fsys := minimalPack()
	fsys["mini/build/executable_run.sh.tmpl"] = &fstest.MapFile{Data: []byte("#!/bin/sh\n\necho {{ .Missing }}\n")}
	p, err := LoadPack(fsys, "mini")
	if err != nil {
		t.Fatal(err)
	}
	vals, _ := Resolve(p, map[string]string{"Name": "Acme"}, Facts{}, nil)
	_, err = Render(p, vals, ComponentBuild)
	want := "pack mini is broken:\n  mini/build/executable_run.sh.tmpl:3: <.Missing>: map has no entry for key \"Missing\""
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

func TestTargetName(t *testing.T) {
	tests := []struct {
		src, target     string
		mode            uint32
		render, partial bool
	}{
		{"dot_gitignore", ".gitignore", 0o644, false, false},
		{"executable_build.sh.tmpl", "build.sh", 0o755, true, false},
		{"dot_github/workflows/build.yml.tmpl", ".github/workflows/build.yml", 0o644, true, false},
		{"src/__Name__/__Name__.csproj.tmpl", "src/__Name__/__Name__.csproj", 0o644, true, false},
		{"_helpers.tmpl", "_helpers", 0o644, true, true},
		{"VERSION", "VERSION", 0o644, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			target, mode, render, partial := targetName(tt.src)
			got := []any{target, uint32(mode), render, partial}
			want := []any{tt.target, tt.mode, tt.render, tt.partial}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("targetName(%q) (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

func TestExpandPathStaysInside(t *testing.T) {
	for _, v := range []string{"../evil", "/abs", "a/../../b", ".git", "x/.git/y", ""} {
		if got, err := expandPath("__Name__/f", Values{"Name": v}); err == nil {
			t.Errorf("expandPath with Name=%q gave %q, want an error", v, got)
		}
	}
	if got, err := expandPath("__Dir__/f.txt", Values{"Dir": "src/app"}); err != nil || got != "src/app/f.txt" {
		t.Errorf("expandPath sub-path: %q, %v", got, err)
	}
}
