package generator

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ewilde/crane/templates"
)

// TestActionWhenFailIsARefusal: fail in an action's when refuses the
// values (a *ValuesError in the pack's words), not a broken pack.
func TestActionWhenFailIsARefusal(t *testing.T) {
	files := apiPack("")
	files["team/pack.yaml"] = strings.TrimSuffix(files["team/pack.yaml"], "    when: '{{ .WithApi }}'\n") +
		"    when: '{{ if eq .Name \"Acme\" }}{{ fail \"Acme has no API\" }}{{ end }}{{ .WithApi }}'\n"
	dir := writeFolder(t, files)
	p, err := NewPackSource(templates.Packs()).Load(filepath.Join(dir, "team"))
	if err != nil {
		t.Fatal(err)
	}
	vals, err := Resolve(p, map[string]string{"Name": "Acme"}, Facts{Author: "A", Year: 2026}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Render(p, vals, ComponentProject, ComponentBuild)
	var ve *ValuesError
	want := "invalid values: Acme has no API (a check of the team pack; change the values)"
	if !errors.As(err, &ve) || err.Error() != want {
		t.Errorf("Render = %T %v, want *ValuesError %s", err, err, want)
	}
}
