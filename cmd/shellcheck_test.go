package cmd

import (
	"os/exec"
	"testing"

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
