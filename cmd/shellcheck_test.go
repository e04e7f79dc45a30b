package cmd

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

// TestBuildScriptsPassShellcheck renders every pack with its example name and
// runs shellcheck on the generated build.sh. Without shellcheck it skips
// (./build.sh test installs it where it can).
func TestBuildScriptsPassShellcheck(t *testing.T) {
	if _, err := exec.LookPath("shellcheck"); err != nil {
		t.Skip("shellcheck is not on PATH: skipping the lint of generated build scripts")
	}
	names, err := generator.ListPacks(templates.Packs())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			p, err := generator.LoadPack(templates.Packs(), name)
			if err != nil {
				t.Fatal(err)
			}
			dir := generateProject(t, "init", p.Example, "--pack", name)
			if out, err := runIn(t, dir, "shellcheck", "--severity=style", "build.sh"); err != nil {
				t.Errorf("shellcheck build.sh: %v\n%s", err, out)
			}
		})
	}
}

// TestAssembledBuildScriptsPassShellcheck runs shellcheck on every build.sh
// the assemble fixtures pin (testdata/assemble/*.txtar), which render the
// packs with the values assemble reads from a repository rather than init's.
func TestAssembledBuildScriptsPassShellcheck(t *testing.T) {
	if _, err := exec.LookPath("shellcheck"); err != nil {
		t.Skip("shellcheck is not on PATH: skipping the lint of assembled build scripts")
	}
	files, err := filepath.Glob(filepath.Join("..", "testdata", "assemble", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if f.Name != "out/build.sh" {
				continue
			}
			t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
				c := exec.Command("shellcheck", "--severity=style", "-")
				c.Stdin = bytes.NewReader(f.Data)
				if out, err := c.CombinedOutput(); err != nil {
					t.Errorf("shellcheck %s build.sh: %v\n%s", file, err, out)
				}
			})
		}
	}
}
