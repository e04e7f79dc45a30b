package templates_test

import (
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

// TestPacksContract loads every embedded pack (which validates its manifest
// and parses every template with the real func map) and renders it with its
// example name and default values, so a broken pack fails here before any
// golden test.
func TestPacksContract(t *testing.T) {
	names, err := generator.ListPacks(templates.Packs())
	if err != nil || len(names) == 0 {
		t.Fatalf("no packs: %v", err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			p, err := generator.LoadPack(templates.Packs(), name)
			if err != nil {
				t.Fatal(err)
			}
			if p.Example == "" {
				t.Fatal("pack.yaml has no example name")
			}
			vals, err := generator.Resolve(p, map[string]string{"Name": p.Example}, generator.Facts{Author: "A", Year: 2026}, nil)
			if err != nil {
				t.Fatal(err)
			}
			tree, err := generator.Render(p, vals, generator.ComponentProject, generator.ComponentBuild)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"VERSION", "build.sh", ".gitignore", "README.md", ".editorconfig", ".github/workflows/build.yml"} {
				if _, ok := tree.Get(want); !ok {
					t.Errorf("the pack renders no %s", want)
				}
			}
			if f, ok := tree.Get("build.sh"); ok && f.Mode != 0o755 {
				t.Errorf("build.sh has mode %v, want 0755", f.Mode)
			}
			build, err := generator.Render(p, vals, generator.ComponentBuild)
			if err != nil {
				t.Fatal(err)
			}
			if len(build) == 0 || len(build) >= len(tree) {
				t.Errorf("the build component has %d of %d files; want some, not all", len(build), len(tree))
			}
		})
	}
}

// TestPackFilesSurviveGoInstall checks every embedded path is one that Go
// module zips accept, and that no pack file would be compiled into crane or
// cut its folder out of crane's module.
func TestPackFilesSurviveGoInstall(t *testing.T) {
	err := fs.WalkDir(templates.Packs(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		full := path.Join("templates/packs", p)
		if err := module.CheckFilePath(full); err != nil {
			t.Errorf("%s: %v", full, err)
		}
		base := path.Base(p)
		if strings.HasSuffix(base, ".go") || base == "go.mod" || base == "go.sum" || base == "go.work" {
			t.Errorf("%s: Go files and module files in a pack must end in .tmpl", full)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestModuleZipKeepsEveryPackFile checks crane's module as go install will
// download it: the module zip is valid, and no pack file is invalid or
// omitted (a nested go.mod would cut its folder out).
func TestModuleZipKeepsEveryPackFile(t *testing.T) {
	cf, err := modzip.CheckDir("..")
	if err != nil {
		t.Fatalf("crane's module zip would be invalid: %v", err)
	}
	for _, fe := range append(cf.Invalid, cf.Omitted...) {
		if strings.HasPrefix(relToModule(fe.Path), "templates/") {
			t.Errorf("%s would not reach go install: %v", fe.Path, fe.Err)
		}
	}
	var packFiles int
	for _, p := range cf.Valid {
		if strings.HasPrefix(relToModule(p), "templates/packs/") {
			packFiles++
		}
	}
	if packFiles == 0 {
		t.Error("no pack file in the module zip")
	}
}

// relToModule turns CheckDir's "../x" paths into module-relative "x".
func relToModule(p string) string {
	return strings.TrimPrefix(filepath.ToSlash(p), "../")
}
