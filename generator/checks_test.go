package generator

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

// checksPack is minimalPack with a Cli variable and the given checks
// (pack.yaml lines appended as they are).
func checksPack(extra string) fstest.MapFS {
	fsys := minimalPack()
	yaml := string(fsys["mini/pack.yaml"].Data)
	yaml = strings.Replace(yaml, "files:\n", `  - name: Cli
    type: string
    default: '{{ .Name | lower }}'
    help: the command's name
files:
`, 1)
	fsys["mini/pack.yaml"] = &fstest.MapFile{Data: []byte(yaml + extra)}
	fsys["mini/project/cli.txt.tmpl"] = &fstest.MapFile{Data: []byte("{{ .Cli }}\n")}
	return fsys
}

func TestChecksRefuseValues(t *testing.T) {
	const checks = `checks:
  - when: '{{ eq .Cli .Name }}'
    message: 'the command name {{ .Cli }} is the package name; give another with --set Cli=...'
  - when: '{{ eq .Flavour "fancy" | and (eq .Cli "x") }}'
    message: plain text
`
	tests := []struct {
		name  string
		given map[string]string
		want  string // "" : accepted
	}{
		{"accepted", map[string]string{"Name": "Acme"}, ""},
		{"one refusal", map[string]string{"Name": "acme"}, "invalid values: the command name acme is the package name; give another with --set Cli=... (a check of the mini pack; change the values)"},
		{"two refusals", map[string]string{"Name": "x", "Flavour": "fancy"}, "invalid values:\n  the command name x is the package name; give another with --set Cli=... (a check of the mini pack; change the values)\n  plain text (a check of the mini pack; change the values)"},
		{"checks wait for valid values", map[string]string{"Name": "acme", "Year": "26"}, `Year: "26" is not a four-digit year (e.g. 2026); give another with --set Year=...`},
	}
	p, err := LoadPack(checksPack(checks), "mini")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Resolve(p, tt.given, Facts{}, nil)
			got := ""
			if err != nil {
				got = err.Error()
				var ve *ValuesError
				if !errors.As(err, &ve) {
					t.Errorf("want a *ValuesError (exit 2), got %T", err)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Resolve (-want +got):\n%s", diff)
			}
		})
	}
}

func TestChecksLoadProblems(t *testing.T) {
	tests := []struct{ name, checks, want string }{
		{"no message", "checks:\n  - when: '{{ .Name }}'\n", "mini/pack.yaml: checks[0]: a check needs a when"},
		{"bad when", "checks:\n  - when: '{{ .Name '\n    message: m\n", "mini/pack.yaml: checks[0]: when: template: mini/pack.yaml:checks[0].when:1: unclosed action"},
		{"bad message", "checks:\n  - when: 'true'\n    message: '{{ end }}'\n", "mini/pack.yaml: checks[0]: message: template: mini/pack.yaml:checks[0].message:1: unexpected {{end}}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadPack(checksPack(tt.checks), "mini")
			var pe *PackError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want a *PackError saying %q", err, tt.want)
			}
		})
	}
}

// TestCheckBounded: a check that loops is stopped by the pack's limits, as
// a broken pack.
func TestCheckBounded(t *testing.T) {
	p, err := LoadPack(checksPack("checks:\n  - when: '{{ range until 60000 }}{{ range until 60000 }}{{ end }}{{ end }}'\n    message: m\n"), "mini")
	if err != nil {
		t.Fatal(err)
	}
	p.Limits = Limits{MaxFileBytes: 1 << 20, MaxTotalBytes: 1 << 20, Timeout: 50 * time.Millisecond}
	start := time.Now()
	_, err = Resolve(p, map[string]string{"Name": "Acme"}, Facts{}, nil)
	var pe *PackError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "checks[0]") || !strings.Contains(err.Error(), "too long") {
		t.Errorf("got %v, want a *PackError naming checks[0] and the limit", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the check ran %s", d)
	}
}

// TestFailIsARefusal: fail "message" in a template, a when, a default or
// dir refuses the values in the pack's words (a *ValuesError), not a
// broken pack.
func TestFailIsARefusal(t *testing.T) {
	const want = "invalid values: Acme is reserved (a check of the mini pack; change the values)"
	const fail = `{{ if eq .Name "Acme" }}{{ fail (printf "%s is reserved" .Name) }}{{ end }}`
	tests := []struct {
		name string
		edit func(fstest.MapFS)
	}{
		{"template", func(fsys fstest.MapFS) {
			fsys["mini/project/cli.txt.tmpl"] = &fstest.MapFile{Data: []byte(fail + "{{ .Cli }}\n")}
		}},
		{"partial", func(fsys fstest.MapFS) {
			fsys["mini/project/_partial.tmpl"] = &fstest.MapFile{Data: []byte(`{{ define "greet" }}` + strings.ReplaceAll(fail, ".Name", ".") + `{{ end }}`)}
		}},
		{"when", func(fsys fstest.MapFS) {
			editYAML(fsys, "    when: '{{ eq .Flavour \"fancy\" }}'", "    when: '"+fail+"false'")
		}},
		{"default", func(fsys fstest.MapFS) {
			editYAML(fsys, "default: '{{ .Name | lower }}'", "default: '"+fail+"{{ .Name | lower }}'")
		}},
		{"dir", func(fsys fstest.MapFS) {
			editYAML(fsys, "name_rule: dotnet\n", "name_rule: dotnet\ndir: '"+fail+"{{ .Name }}'\n")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := checksPack("")
			tt.edit(fsys)
			p, err := LoadPack(fsys, "mini")
			if err != nil {
				t.Fatal(err)
			}
			vals, err := Resolve(p, map[string]string{"Name": "Acme"}, Facts{}, nil)
			if err == nil {
				_, err = p.DirFor(vals)
			}
			if err == nil {
				_, err = Render(p, vals, ComponentProject, ComponentBuild)
			}
			var ve *ValuesError
			if !errors.As(err, &ve) || err.Error() != want {
				t.Errorf("got %T %v\nwant *ValuesError %s", err, err, want)
			}
			if _, err := Resolve(p, map[string]string{"Name": "Other"}, Facts{}, nil); err != nil {
				t.Errorf("another name: %v", err)
			}
		})
	}
}

func editYAML(fsys fstest.MapFS, old, new string) {
	y := string(fsys["mini/pack.yaml"].Data)
	if !strings.Contains(y, old) {
		panic("pack.yaml has no " + old)
	}
	fsys["mini/pack.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(y, old, new, 1))}
}

// TestExtendsKeepsChecksAndNext: an overlay keeps the base's checks and
// adds its own; its next replaces the base's, and the base's stays when it
// has none.
func TestExtendsKeepsChecksAndNext(t *testing.T) {
	base := checksPack("checks:\n  - when: '{{ eq .Cli \"base\" }}'\n    message: base refuses\n")
	editYAML(base, "name_rule: dotnet\n", "name_rule: dotnet\nnext: base next\n")
	overlay := func(extra string) string {
		return writeFolder(t, map[string]string{"team/pack.yaml": "name: team\nversion: 1.0.0\ndescription: d\nextends: mini\n" + extra})
	}
	s := NewPackSource(base)
	p, err := s.Load(overlay("checks:\n  - when: '{{ eq .Cli \"team\" }}'\n    message: team refuses\nnext: team next\n") + "/team")
	if err != nil {
		t.Fatal(err)
	}
	for cli, want := range map[string]string{"base": "invalid values: base refuses (a check of the team pack; change the values)", "team": "invalid values: team refuses (a check of the team pack; change the values)"} {
		if _, err := Resolve(p, map[string]string{"Name": "Acme", "Cli": cli}, Facts{}, nil); err == nil || err.Error() != want {
			t.Errorf("Cli=%s: got %v, want %s", cli, err, want)
		}
	}
	if next, _ := p.NextSteps(Values{}); next != "team next" {
		t.Errorf("overlay's next: %q", next)
	}
	p, err = s.Load(overlay("") + "/team")
	if err != nil {
		t.Fatal(err)
	}
	if next, _ := p.NextSteps(Values{}); next != "base next" {
		t.Errorf("base's next kept: %q", next)
	}
}
