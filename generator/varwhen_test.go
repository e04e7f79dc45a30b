package generator

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// whenPack is the mini pack with a bool and three variables that apply only
// when it is true, one of each kind of zero value.
func whenPack(t *testing.T) *Pack {
	t.Helper()
	p, err := LoadPack(minimalPack(), "mini")
	if err != nil {
		t.Fatal(err)
	}
	p.Variables = append(p.Variables,
		Variable{Name: "Insiders", Type: "bool", Default: "false", Help: "x"},
		Variable{Name: "Repo", Type: "string", When: "{{ .Insiders }}", Pattern: `^[a-z]+$`, PatternHelp: "lowercase letters", Help: "the insiders repository"},
		Variable{Name: "Fast", Type: "bool", When: "{{ .Insiders }}", Default: "true", Help: "x"},
		Variable{Name: "Extra", Type: "list", When: "{{ .Insiders }}", Default: "a,b", Help: "x"},
		Variable{Name: "Shout", Type: "string", Default: "{{ .Repo | upper }}!", Computed: true, Help: "x"},
	)
	return p
}

func TestResolveVariableWhen(t *testing.T) {
	p := whenPack(t)
	base := Values{"Name": "Acme", "Flavour": "plain", "Year": "2026"}
	with := func(more Values) Values {
		out := Values{}
		for k, v := range base {
			out[k] = v
		}
		for k, v := range more {
			out[k] = v
		}
		return out
	}
	asked := func(got *[]string) Prompter {
		return func(v Variable) (string, error) { *got = append(*got, v.Name); return "ask", nil }
	}
	tests := []struct {
		name     string
		given    map[string]string
		want     Values
		recorded Values
		asked    []string
		problems []string
	}{
		{"off: zero values, not asked, not recorded", map[string]string{"Name": "Acme"},
			with(Values{"Insiders": false, "Repo": "", "Fast": false, "Extra": []string{}, "Shout": "!"}),
			with(Values{"Insiders": false}), nil, nil},
		{"on: asked, checked and recorded", map[string]string{"Name": "Acme", "Insiders": "true"},
			with(Values{"Insiders": true, "Repo": "ask", "Fast": true, "Extra": []string{"a", "b"}, "Shout": "ASK!"}),
			with(Values{"Insiders": true, "Repo": "ask", "Fast": true, "Extra": []string{"a", "b"}}), []string{"Repo"}, nil},
		{"on: the pattern applies", map[string]string{"Name": "Acme", "Insiders": "true", "Repo": "Bad1"}, nil, nil, nil,
			[]string{`Repo: "Bad1" is not lowercase letters; give another with --set Repo=...`}},
		{"off: a value given is refused", map[string]string{"Name": "Acme", "Repo": "Bad1"}, nil, nil, nil,
			[]string{"Repo applies only when {{ .Insiders }}, which does not hold for these values; drop Repo from --set or --values, or change the values its when uses"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var gotAsked []string
			got, err := Resolve(p, tt.given, Facts{}, asked(&gotAsked))
			var ve *ValuesError
			if errors.As(err, &ve) {
				if diff := cmp.Diff(tt.problems, ve.Problems); diff != "" {
					t.Errorf("problems (-want +got):\n%s", diff)
				}
				return
			}
			if err != nil || tt.problems != nil {
				t.Fatalf("err %v, want problems %v", err, tt.problems)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("values (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.recorded, p.Recorded(got)); diff != "" {
				t.Errorf("recorded (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.asked, gotAsked); diff != "" {
				t.Errorf("asked (-want +got):\n%s", diff)
			}
		})
	}
}

func TestVariableWhenErrors(t *testing.T) {
	p := whenPack(t)
	p.Variables = append(p.Variables, Variable{Name: "Late", Type: "string", When: "{{ .Later }}", Help: "x"})
	_, err := Resolve(p, map[string]string{"Name": "Acme"}, Facts{}, nil)
	var ve *ValuesError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 {
		t.Fatalf("err = %v, want one problem", err)
	}
	want := `mini/pack.yaml variable Late when:1: <.Later>: map has no entry for key "Later"`
	if diff := cmp.Diff(want, ve.Problems[0]); diff != "" {
		t.Errorf("problem (-want +got):\n%s", diff)
	}
}

// TestExtendsVariableWhen: a variable the overlay replaces takes the
// overlay's when, or none when the overlay gives none.
func TestExtendsVariableWhen(t *testing.T) {
	overlay := func(name, when string) string {
		return "name: " + name + "\nversion: 1.0.0\ndescription: d\nextends: ../base\nvariables:\n" +
			"  - {name: Repo, type: string, optional: true, help: the repository" + when + "}\n"
	}
	dir := writeFolder(t, map[string]string{
		"base/pack.yaml": `name: base
version: 1.0.0
description: d
ecosystem: dotnet
variables:
  - {name: Name, type: name, help: the name}
  - {name: Insiders, type: bool, default: "false", help: x}
  - {name: Repo, type: string, when: "{{ .Insiders }}", help: the repository}
`,
		"base/project/repo.txt.tmpl": "[{{ .Repo }}]\n",
		"other/pack.yaml":            overlay("other", `, when: "{{ not .Insiders }}"`),
		"plain/pack.yaml":            overlay("plain", ""),
	})
	tests := []struct {
		pack  string
		given map[string]string
		want  string
	}{
		{"base", map[string]string{"Name": "Acme", "Insiders": "true", "Repo": "r"}, "[r]\n"},
		{"other", map[string]string{"Name": "Acme", "Repo": "r"}, "[r]\n"},
		{"other", map[string]string{"Name": "Acme", "Insiders": "true"}, "[]\n"},
		{"plain", map[string]string{"Name": "Acme", "Repo": "r"}, "[r]\n"},
	}
	for _, tt := range tests {
		p, err := NewPackSource(minimalPack()).Load(filepath.Join(dir, tt.pack))
		if err != nil {
			t.Fatal(err)
		}
		if got := renderAll(t, p, tt.given)["repo.txt"]; got != tt.want {
			t.Errorf("%s %v: repo.txt = %q, want %q", tt.pack, tt.given, got, tt.want)
		}
	}
}

// TestResolveWithDropsRecorded: a recorded value for a variable that no
// longer applies is dropped; the same value given is refused.
func TestResolveWithDropsRecorded(t *testing.T) {
	p := whenPack(t)
	recorded := map[string]string{"Name": "Acme", "Insiders": "true", "Repo": "old"}
	got, err := ResolveWith(p, recorded, map[string]string{"Insiders": "false"}, Facts{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Values{"Name": "Acme", "Flavour": "plain", "Year": "2026", "Insiders": false}, p.Recorded(got)); diff != "" {
		t.Errorf("recorded (-want +got):\n%s", diff)
	}
	got, err = ResolveWith(p, recorded, nil, Facts{}, nil)
	if err != nil || got["Repo"] != "old" {
		t.Errorf("Repo = %v, %v; want old", got["Repo"], err)
	}
	_, err = ResolveWith(p, recorded, map[string]string{"Insiders": "false", "Repo": "new"}, Facts{}, nil)
	var ve *ValuesError
	if !errors.As(err, &ve) || !strings.HasPrefix(ve.Problems[0], "Repo applies only when") {
		t.Errorf("err = %v; want Repo refused", err)
	}
}
