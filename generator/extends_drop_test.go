package generator

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDropped: each drop of an overlay lists the files of the pack it
// extends, merged over what that extends in turn, that it removes; a pack
// that extends nothing has none.
func TestDropped(t *testing.T) {
	dir := writeFolder(t, map[string]string{
		"mid/pack.yaml":       "name: mid\nversion: 1.0.0\ndescription: d\nextends: mini\n",
		"mid/project/mid.txt": "mid\n",
		"team/pack.yaml":      "name: team\nversion: 1.0.0\ndescription: d\nextends: ../mid\ndrop: [project/fancy.txt, \"project/*.txt\", build]\n",
	})
	s := NewPackSource(minimalPack())
	got, err := s.Dropped(filepath.Join(dir, "team"))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"project/fancy.txt"},
		{"project/fancy.txt", "project/mid.txt"},
		{"build/VERSION", "build/dot_github/workflows/ci.yml.tmpl", "build/executable_run.sh.tmpl"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got, err := s.Dropped(filepath.Join(dir, "mid")); err != nil || len(got) != 0 {
		t.Errorf("a pack that drops nothing: %v, %v; want none", got, err)
	}
	if got, err := s.Dropped("mini"); err != nil || got != nil {
		t.Errorf("a pack that extends nothing: %v, %v; want nil, nil", got, err)
	}
}
