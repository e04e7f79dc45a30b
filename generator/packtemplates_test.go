package generator

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/templates"
)

// packWith is the minimal pack with extra pack.yaml lines spliced in: vars
// after its variables, top before them, rules at the end.
func packWith(vars, top, rules string) fstest.MapFS {
	m := minimalPack()
	s := string(m["mini/pack.yaml"].Data)
	s = strings.Replace(s, "variables:\n", top+"variables:\n", 1)
	s = strings.Replace(s, "files:\n", vars+"files:\n", 1) + rules
	m["mini/pack.yaml"] = &fstest.MapFile{Data: []byte(s)}
	return m
}

// TestPackYAMLTemplateErrors pins the exact words of a pack.yaml template
// (a default, dir, when) failing to parse at load or to execute, which
// parsing them once at load must not change.
func TestPackYAMLTemplateErrors(t *testing.T) {
	tests := []struct {
		name             string
		vars, top, rules string
		loadErr, wantErr string
	}{
		{name: "default does not parse",
			vars:    "  - name: Bad\n    type: string\n    default: \"{{ .Name \"\n    help: x\n",
			loadErr: "pack mini is broken:\n  mini/pack.yaml: variables[3] Bad: default: template: Bad:1: unclosed action"},
		{name: "default calls an unknown function",
			vars:    "  - name: Bad\n    type: string\n    default: \"{{ now }}\"\n    help: x\n",
			loadErr: "pack mini is broken:\n  mini/pack.yaml: variables[3] Bad: default: template: Bad:1: function \"now\" not defined"},
		{name: "default fails to execute",
			vars:    "  - name: Bad\n    type: string\n    default: \"x{{ .Missing }}\"\n    help: x\n",
			wantErr: "Bad: default: template: mini/pack.yaml:Bad:1:4: executing \"mini/pack.yaml:Bad\" at <.Missing>: map has no entry for key \"Missing\""},
		{name: "dir does not parse",
			top:     "dir: \"{{ .Name \"\n",
			loadErr: "pack mini is broken:\n  mini/pack.yaml: dir: template: dir:1: unclosed action"},
		{name: "dir fails to execute",
			top:     "dir: \"{{ .Missing }}\"\n",
			wantErr: "dir:1: <.Missing>: map has no entry for key \"Missing\""},
		{name: "when does not parse",
			rules:   "  - path: run.sh\n    when: \"{{ eq .Name \"\n",
			loadErr: "pack mini is broken:\n  mini/pack.yaml: files[2] run.sh: when: template: run.sh:1: unclosed action"},
		{name: "when fails to execute",
			rules:   "  - path: run.sh\n    when: \"{{ .Missing }}\"\n",
			wantErr: "pack mini is broken:\n  mini/pack.yaml: files run.sh: when: template: run.sh:1:3: executing \"run.sh\" at <.Missing>: map has no entry for key \"Missing\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := LoadPack(packWith(tt.vars, tt.top, tt.rules), "mini")
			if got := errText(err); got != tt.loadErr {
				t.Fatalf("LoadPack error:\n got %q\nwant %q", got, tt.loadErr)
			}
			if err != nil {
				return
			}
			vals, err := Resolve(p, map[string]string{"Name": "Acme"}, Facts{}, nil)
			if err == nil {
				if _, err = p.DirFor(vals); err == nil {
					_, err = Render(p, vals, ComponentProject, ComponentBuild)
				}
			}
			if got := errText(err); got != tt.wantErr {
				t.Errorf("error:\n got %q\nwant %q", got, tt.wantErr)
			}
		})
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestPackYAMLTemplatesRender proves each kind of pack.yaml text renders
// the same whether plain or a template: defaults (one after another), dir
// and when.
func TestPackYAMLTemplatesRender(t *testing.T) {
	fsys := packWith(
		"  - name: Plain\n    type: string\n    default: \"as {{ it is\"\n    help: x\n"+
			"  - name: Lower\n    type: string\n    default: \"{{ lower .Name }}\"\n    help: x\n"+
			"  - name: Both\n    type: string\n    default: \"{{ .Lower }}-{{ .Plain }}-{{ .Facts.Author }}\"\n    help: x\n",
		"dir: \"{{ .Both }}\"\n",
		"  - path: run.sh\n    when: \"true\"\n  - path: ci.yml\n    when: \" false \"\n")
	fsys["mini/pack.yaml"].Data = []byte(strings.Replace(string(fsys["mini/pack.yaml"].Data), "\"as {{ it is\"", "'as it is'", 1))
	p, err := LoadPack(fsys, "mini")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Both", "Lower"}, sortedKeys(p.defaults)); diff != "" {
		t.Errorf("parsed defaults (-want +got):\n%s", diff)
	}
	vals, err := Resolve(p, map[string]string{"Name": "Acme"}, Facts{Author: "Ada"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Values{"Name": "Acme", "Plain": "as it is", "Lower": "acme", "Both": "acme-as it is-Ada", "Flavour": "plain", "Year": "2026"}, vals); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if dir, err := p.DirFor(vals); err != nil || dir != "acme-as it is-Ada" {
		t.Errorf("DirFor = %q, %v", dir, err)
	}
	tree, err := Render(p, vals, ComponentBuild)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range tree {
		paths = append(paths, f.Path)
	}
	if diff := cmp.Diff([]string{"VERSION", "run.sh"}, paths); diff != "" {
		t.Errorf("rendered (-want +got):\n%s", diff)
	}
}

// BenchmarkInitPackWork is the pack work of crane init Demo: load the
// dotnet pack, resolve its values, render both components.
func BenchmarkInitPackWork(b *testing.B) {
	fsys := templates.Packs()
	for b.Loop() {
		p, err := LoadPack(fsys, "dotnet")
		if err != nil {
			b.Fatal(err)
		}
		vals, err := Resolve(p, map[string]string{"Name": "Demo", "Author": "Bench", "Year": "2026"}, Facts{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.DirFor(vals); err != nil {
			b.Fatal(err)
		}
		if _, err := Render(p, vals, ComponentProject, ComponentBuild); err != nil {
			b.Fatal(err)
		}
	}
}
