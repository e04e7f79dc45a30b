package generator

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestMatchRulePath: ** as a whole segment matches zero or more segments;
// * and ? stay within one; a pattern without a slash matches the base name.
func TestMatchRulePath(t *testing.T) {
	tests := []struct {
		pattern, target string
		want            bool
	}{
		{"docs/**", "docs/a.md", true},
		{"docs/**", "docs/a/b/c.md", true},
		{"docs/**", "doc/a.md", false},
		{"docs/**", "docs", true}, // doublestar's, as the README says
		{"docs/**", "other/docs/a.md", false},
		{"**/x.txt", "x.txt", true},
		{"**/x.txt", "a/b/x.txt", true},
		{"**/x.txt", "a/b/y.txt", false},
		{"a/**/b", "a/b", true},
		{"a/**/b", "a/c/d/b", true},
		{"a/**/b", "a/c/d/e", false},
		{"a/**/*.md", "a/x/y/z.md", true},
		{"docs/*", "docs/a.md", true},
		{"docs/*", "docs/a/b.md", false},          // * stays one segment
		{"*.ps1", "scripts/deep/build.ps1", true}, // no slash: the base name
		{"*", "a/b", true},
		{"?.txt", "a.txt", true},
		{"?.txt", "ab.txt", false},
		{"[ab].txt", "b.txt", true},
		{"{a,b}.txt", "b.txt", true},
		{"{a,b}.txt", "c.txt", false},
		{".github/workflows/*.yml", ".github/workflows/ci.yml", true},
		{"__Name__/**", "__Name__/src/x.cs", true},
	}
	for _, tt := range tests {
		if got := matchRulePath(tt.pattern, tt.target); got != tt.want {
			t.Errorf("matchRulePath(%q, %q) = %v, want %v", tt.pattern, tt.target, got, tt.want)
		}
	}
	for _, bad := range []string{"", "a/[b", "a/{b"} {
		if validGlob(bad) {
			t.Errorf("validGlob(%q) = true, want false", bad)
		}
	}
}

// TestDoubleStarRule: a when on DIR/** leaves out every file under DIR,
// however deep, while DIR/* still reaches only its own files.
func TestDoubleStarRule(t *testing.T) {
	fsys := fstest.MapFS{
		"deep/pack.yaml": {Data: []byte(`name: deep
version: 1.0.0
description: conditional folders
ecosystem: dotnet
variables:
  - name: Name
    type: name
    help: the name
  - name: Docs
    type: bool
    default: "false"
    help: add docs
files:
  - path: docs/**
    when: '{{ .Docs }}'
  - path: "**/secret.txt"
    when: '{{ .Docs }}'
  - path: top/*
    when: '{{ .Docs }}'
`)},
		"deep/project/docs/a.md":         {Data: []byte("a\n")},
		"deep/project/docs/x/y/b.md":     {Data: []byte("b\n")},
		"deep/project/secret.txt":        {Data: []byte("s\n")},
		"deep/project/src/in/secret.txt": {Data: []byte("s\n")},
		"deep/project/top/a.txt":         {Data: []byte("a\n")},
		"deep/project/top/sub/b.txt":     {Data: []byte("b\n")},
		"deep/project/README.md":         {Data: []byte("r\n")},
	}
	p, err := LoadPack(fsys, "deep")
	if err != nil {
		t.Fatal(err)
	}
	got := renderAll(t, p, map[string]string{"Name": "Acme"})
	want := map[string]string{
		"README.md":     "r\n",
		"top/sub/b.txt": "b\n", // * is one segment: the rule top/* does not reach it
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("render, Docs=false (-want +got):\n%s", diff)
	}
	if got := renderAll(t, p, map[string]string{"Name": "Acme", "Docs": "true"}); len(got) != 7 {
		t.Errorf("render, Docs=true: %d files, want all 7: %v", len(got), got)
	}
}

// TestExtendsDropDoubleStar: drop takes ** too.
func TestExtendsDropDoubleStar(t *testing.T) {
	dir := writeFolder(t, map[string]string{
		"team/pack.yaml": `name: team
version: 1.0.0
description: mini without its workflows
extends: mini
drop: ["build/**/*.yml.tmpl"]
`,
	})
	p, err := NewPackSource(minimalPack()).Load(filepath.Join(dir, "team"))
	if err != nil {
		t.Fatal(err)
	}
	got := renderAll(t, p, map[string]string{"Name": "Acme"})
	if _, ok := got[".github/workflows/ci.yml"]; ok || len(got) != 3 {
		t.Errorf("drop build/**/*.yml.tmpl: got %v, want Acme/.keep, VERSION and run.sh", got)
	}
}

// TestBadRulePath: a rule path that is no glob is refused, saying what a
// pattern may hold.
func TestBadRulePath(t *testing.T) {
	fsys := minimalPack()
	fsys["mini/pack.yaml"].Data = append(fsys["mini/pack.yaml"].Data, []byte("  - path: \"docs/[a\"\n")...)
	_, err := LoadPack(fsys, "mini")
	want := `files[2]: bad path pattern "docs/[a": a pattern is a path with * (within a folder), ** (any number of folders), ?, [...] and {a,b}`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want an error containing %q", err, want)
	}
}
