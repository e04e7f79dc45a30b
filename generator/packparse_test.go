package generator

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"text/template"
	"text/template/parse"

	"github.com/google/go-cmp/cmp"
)

// TestBuiltinFuncsAreTextTemplates: every name parseAll accepts besides
// the func map is one of text/template's own functions, and its parser
// takes them as functions.
func TestBuiltinFuncsAreTextTemplates(t *testing.T) {
	for name := range builtinFuncs {
		if _, err := template.New("t").Parse("{{ " + name + " }}"); err != nil {
			t.Errorf("%s is not a text/template builtin: %v", name, err)
		}
		if _, err := parse.Parse("t", "{{ "+name+" }}", "", "", builtinFuncs); err != nil {
			t.Errorf("the parser does not take %s from builtinFuncs: %v", name, err)
		}
	}
	if _, err := template.New("t").Parse("{{ notABuiltin }}"); err == nil {
		t.Fatal("text/template accepts any function: the check above proves nothing")
	}
}

// parseCorpus is a template of every kind of node, and partials.
func parseCorpus(i int) string {
	return fmt.Sprintf(`{{/* file %d */}}{{- .Name -}} {{ printf "%%03d" %d }} {{ len .Name }} {{ index .Dir 0 }}
{{ range $j, $c := list "a" "b" "c" }}{{ if eq $j 2 }}{{ break }}{{ end }}{{ $c }}{{ else }}none{{ end }}
{{ with .Dir }}{{ . | upper }}{{ else }}-{{ end }}{{ template "part" . }}{{ block "b%d" . }}{{ .Name }}{{ end }}
{{ $x := 1 }}{{ $x = 2 }}{{ if and (ne $x 1) (not false) (or 0 true) }}{{ $.Dir }}{{ end }}{{ print nil }}{{ 1.5 }}{{ "s" }}{{ true }}
`, i, i, i)
}

// TestParseAllIsTheSetsParse: the trees of a pack parsed side by side are
// the trees text/template's own Parse makes of each file, ticks and all; a
// later partial of the same name wins, as one by one.
func TestParseAllIsTheSetsParse(t *testing.T) {
	files := map[string]string{
		"project/a/_part.tmpl": `{{ define "part" }}first{{ end }}`,
		"project/b/_part.tmpl": `{{ define "part" }}second {{ .Name }}{{ end }}`,
	}
	for i := range 2 * minParallel {
		files[fmt.Sprintf("project/f%03d.tmpl", i)] = parseCorpus(i)
	}
	var found []foundFile
	for i := range 2 * minParallel {
		rel := fmt.Sprintf("f%03d.tmpl", i)
		found = append(found, foundFile{src: "hostile/project/" + rel, rel: rel, data: []byte(parseCorpus(i))})
	}
	(&Pack{}).parseAll(found)
	for _, ff := range found {
		if ff.trees == nil {
			t.Fatalf("%s was not parsed side by side: the test does not test parseAll", ff.src)
		}
	}
	p, err := writeHostile(t, "", files)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 * minParallel {
		name := fmt.Sprintf("hostile/project/f%03d.tmpl", i)
		want := template.Must(newTemplate("x").Parse(`{{ define "part" }}{{ end }}`))
		want = template.Must(want.New(name).Parse(parseCorpus(i)))
		bound(want)
		got := p.tmpl.Lookup(name)
		if got == nil {
			t.Fatalf("%s is not in the set", name)
		}
		if diff := cmp.Diff(want.Tree.Root.String(), got.Tree.Root.String()); diff != "" {
			t.Fatalf("%s (-one by one +side by side):\n%s", name, diff)
		}
	}
	tree, err := Render(p, Values{"Name": "Demo", "Dir": "src"}, ComponentProject)
	if err != nil {
		t.Fatal(err)
	}
	if f, _ := tree.Get("f007"); !strings.Contains(string(f.Data), "second Demo") {
		t.Errorf("the later partial does not win:\n%s", f.Data)
	}
}

// TestParseAllErrorsAreTheSetsErrors: templates that do not parse among
// many give text/template's own errors, in the walk's order.
func TestParseAllErrorsAreTheSetsErrors(t *testing.T) {
	bad := map[int]string{5: "{{ .Name ", 40: "{{ env \"HOME\" }}", 99: "{{ range }}{{ end }}"}
	files := map[string]string{}
	for i := range 2 * minParallel {
		text, ok := bad[i]
		if !ok {
			text = parseCorpus(i)
		}
		files[fmt.Sprintf("project/f%03d.tmpl", i)] = text
	}
	files["project/_part.tmpl"] = `{{ define "part" }}{{ end }}`
	_, err := writeHostile(t, "", files)
	var pe *PackError
	if !errors.As(err, &pe) {
		t.Fatalf("got %v, want a broken pack", err)
	}
	var want []string
	for _, i := range []int{5, 40, 99} {
		name := fmt.Sprintf("hostile/project/f%03d.tmpl", i)
		_, perr := newTemplate("x").New(name).Parse(bad[i])
		want = append(want, templateError(perr).Error())
	}
	if diff := cmp.Diff(want, pe.Problems); diff != "" {
		t.Errorf("problems (-one by one +side by side):\n%s", diff)
	}
}
