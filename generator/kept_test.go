package generator

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLoadVersion checks a pack source serves the current version, a kept
// earlier one from its zip, and says which versions it has for any other.
func TestLoadVersion(t *testing.T) {
	current := minimalPack()
	old := map[string][]byte{}
	for p, f := range current {
		old[p] = f.Data
	}
	old["mini/pack.yaml"] = []byte(strings.Replace(string(old["mini/pack.yaml"]), "version: 1.0.0", "version: 0.9.0", 1))
	old["mini/build/VERSION"] = []byte("0.0.1\n")
	z, err := KeptZip(old)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := KeptZip(old)
	if string(z) != string(again) {
		t.Error("KeptZip gave different bytes for the same files")
	}
	src := NewPackSource(current).WithKept(fstest.MapFS{KeptName("mini", "0.9.0"): {Data: z}})
	if p, err := src.LoadVersion("mini", "1.0.0"); err != nil || p.Version != "1.0.0" {
		t.Errorf("current: %v, %v", p, err)
	}
	p, err := src.LoadVersion("mini", "0.9.0")
	if err != nil || p.Version != "0.9.0" {
		t.Fatalf("kept: %v, %v", p, err)
	}
	tree, err := Render(p, Values{"Name": "Demo", "Flavour": "plain"}, ComponentBuild)
	if err != nil {
		t.Fatal(err)
	}
	if f, _ := tree.Get("VERSION"); string(f.Data) != "0.0.1\n" {
		t.Errorf("kept VERSION = %q, want the kept file", f.Data)
	}
	var nk *NotKeptError
	if _, err := src.LoadVersion("mini", "0.5.0"); !errors.As(err, &nk) || nk.Current != "1.0.0" {
		t.Errorf("a version not kept: %v, want a *NotKeptError naming 1.0.0", err)
	}
}

// TestRenamedFromNeedsAPlainPath checks renamed_from is refused on a glob.
func TestRenamedFromNeedsAPlainPath(t *testing.T) {
	fsys := minimalPack()
	fsys["mini/pack.yaml"].Data = []byte(strings.Replace(string(fsys["mini/pack.yaml"].Data), "  - path: fancy.txt\n", "  - path: '*.txt'\n    renamed_from: old.txt\n  - path: fancy.txt\n", 1))
	_, err := LoadPack(fsys, "mini")
	if err == nil || !strings.Contains(err.Error(), "renamed_from") {
		t.Errorf("LoadPack: %v, want a problem with renamed_from", err)
	}
}
