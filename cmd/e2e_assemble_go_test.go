package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/internal/fixture"
)

// gitInit makes dir a real git repository with everything committed and the
// given tags, using the git command.
func gitInit(t *testing.T, dir string, tags ...string) {
	t.Helper()
	gitIn(t, dir, "init", "-q", "-b", "main")
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "commit", "-q", "-m", "first")
	for _, tag := range tags {
		gitIn(t, dir, "tag", "-a", "-m", tag, tag)
	}
}

// gitIn runs the git command in dir with no user or system configuration
// and a fixed author, failing the test when it fails.
func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	c := exec.Command("git", args...)
	c.Dir = dir
	c.Env = append(cleanEnv(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestE2EAssembleGoMajorVersionTag assembles a urfave/cli v3-shaped module
// in a real git repository tagged up to v3.11.0 (and v4.0.0-rc.1, v2.27.0):
// VERSION starts at 3.11.0, not 0.1.0, and the build stamps its command
// with it.
func TestE2EAssembleGoMajorVersionTag(t *testing.T) {
	requireTools(t, "go", "git")
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "user repo")
	fixture.Write(t, dir, txtar.Parse([]byte(`
-- go.mod --
module example.com/acme/cli/v3

go 1.22
-- cli.go --
// Package cli builds command lines.
package cli

// Name is the package's name.
const Name = "cli"
-- cmd/cli/main.go --
package main

import (
	"fmt"

	"example.com/acme/cli/v3"
)

var version = "dev"

func main() { fmt.Println(cli.Name, version) }
`)))
	gitInit(t, dir, "v2.27.0", "v3.9.0", "v3.11.0", "v3.10.1", "v4.0.0-rc.1")
	code, out, stderr := runCrane(t, "assemble", dir)
	if code != 0 {
		t.Fatalf("crane assemble: exit %d\n%s%s", code, out, stderr)
	}
	if !strings.Contains(out, "note: VERSION starts at 3.11.0, the latest release tag v3.11.0") || !strings.Contains(out, "(seed, from git tag v3.11.0)") {
		t.Errorf("the plan does not say VERSION comes from the tag v3.11.0:\n%s", out)
	}
	mustContain(t, dir, "VERSION", "3.11.0\n")
	if out, err := runIn(t, dir, "./build.sh", "build", "--build-number", "5"); err != nil {
		t.Fatalf("the assembled build failed: %v\n%s", err, out)
	}
	if out, err := runIn(t, dir, "./bin/cli"); err != nil || out != "cli 3.11.0+5\n" {
		t.Errorf("bin/cli: %v %q, want the version 3.11.0+5 stamped", err, out)
	}
}

// TestE2EAssembleGoOldDirective assembles a toml-shaped module with go 1.15
// and three commands, choosing ./cmd/tomlv with --set Main alone: the build
// passes with the directive kept, builds bin/tomlv, and go.mod is unchanged.
func TestE2EAssembleGoOldDirective(t *testing.T) {
	requireTools(t, "go")
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "user repo")
	fixture.Write(t, dir, txtar.Parse([]byte(`
-- go.mod --
module example.com/acme/toml

go 1.15
-- toml.go --
// Package toml is a stand-in.
package toml

// Valid reports whether s is not empty.
func Valid(s string) bool { return s != "" }
-- toml_test.go --
package toml

import "testing"

func TestValid(t *testing.T) {
	if !Valid("a = 1") || Valid("") {
		t.Fatal("Valid is wrong")
	}
}
-- cmd/toml-test-decoder/main.go --
package main

func main() {}
-- cmd/toml-test-encoder/main.go --
package main

func main() {}
-- cmd/tomlv/main.go --
package main

import "fmt"

var version = "dev"

func main() { fmt.Println("tomlv", version) }
`)))
	goMod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCrane(t, "assemble", "--set", "Main=./cmd/tomlv", dir)
	if code != 0 {
		t.Fatalf("crane assemble: exit %d\n%s%s", code, out, stderr)
	}
	if !strings.Contains(out, "the go directive is go 1.15, older than go 1.22") || !strings.Contains(out, "the build stamps and releases ./cmd/tomlv, as --set Main says") {
		t.Errorf("the plan does not note the old directive and the chosen command:\n%s", out)
	}
	if out, err := runIn(t, dir, "./build.sh", "lint", "build", "test"); err != nil {
		t.Fatalf("the assembled build failed with go 1.15 kept: %v\n%s", err, out)
	}
	if out, err := runIn(t, dir, "./bin/tomlv"); err != nil || out != "tomlv 0.1.0\n" {
		t.Errorf("bin/tomlv: %v %q, want the command chosen with --set Main", err, out)
	}
	if now, _ := os.ReadFile(filepath.Join(dir, "go.mod")); string(now) != string(goMod) {
		t.Errorf("go.mod changed:\n%s", now)
	}
}

// workflowBuildArgs returns the arguments the generated workflow passes to
// ./build.sh (its "run: ./build.sh ..." line), so a test can run what CI runs.
func workflowBuildArgs(t *testing.T, dir string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "build.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "run: ./build.sh"); ok {
			return strings.Fields(rest)
		}
	}
	t.Fatalf("the workflow runs no ./build.sh:\n%s", data)
	return nil
}

// TestE2EAssembleGoLibraryWorkflow assembles a library module (no main
// package, like google/uuid or logrus) and runs the tasks its workflow runs:
// CI must pass, so the workflow cannot ask for package, which needs a command.
func TestE2EAssembleGoLibraryWorkflow(t *testing.T) {
	requireTools(t, "go", "git")
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "lib")
	fixture.Write(t, dir, txtar.Parse([]byte(`
-- go.mod --
module example.com/acme/ids

go 1.22
-- ids.go --
// Package ids makes identifiers.
package ids

// New returns an identifier.
func New() string { return "id" }
-- ids_test.go --
package ids

import "testing"

func TestNew(t *testing.T) {
	if New() == "" {
		t.Fatal("empty")
	}
}
`)))
	gitInit(t, dir)
	if code, out, stderr := runCrane(t, "assemble", dir); code != 0 {
		t.Fatalf("crane assemble: exit %d\n%s%s", code, out, stderr)
	}
	args := workflowBuildArgs(t, dir)
	if out, err := runIn(t, dir, "./build.sh", args...); err != nil {
		t.Fatalf("the workflow's ./build.sh %s fails on a library module: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// TestE2EAssembleGoLintSkipsTestdata: a module whose testdata/ holds Go
// sources that are unformatted or do not parse on purpose (golden inputs of
// a code generator or linter), and a vendor/ folder, as the go command
// ignores them: ./build.sh lint checks the module's own files only.
func TestE2EAssembleGoLintSkipsTestdata(t *testing.T) {
	requireTools(t, "go", "git")
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "gen")
	fixture.Write(t, dir, txtar.Parse([]byte(`
-- go.mod --
module example.com/acme/gen

go 1.22
-- gen.go --
// Package gen generates code.
package gen

// Gen returns generated code.
func Gen() string { return "package x" }
-- testdata/unformatted.go --
package   x
func  F( ) {   }
-- testdata/broken.go --
package x
func {
-- _scratch/old.go --
package  old
`)))
	gitInit(t, dir)
	if code, out, stderr := runCrane(t, "assemble", dir); code != 0 {
		t.Fatalf("crane assemble: exit %d\n%s%s", code, out, stderr)
	}
	if out, err := runIn(t, dir, "./build.sh", "lint"); err != nil {
		t.Fatalf("./build.sh lint checks testdata/: %v\n%s", err, out)
	}
	writeFile(t, dir, "gen.go", "package gen\nfunc  Gen( ) string { return \"\" }\n")
	if out, err := runIn(t, dir, "./build.sh", "lint"); err == nil || !strings.Contains(out, "gen.go") {
		t.Fatalf("./build.sh lint passes an unformatted gen.go (err %v):\n%s", err, out)
	}
}

// TestE2EAssembleGoRootCommand: a command whose main package is the
// module's root (main.go beside go.mod, like fzf) is assembled with Main "."
// and the workflow's tasks build, stamp and package it.
func TestE2EAssembleGoRootCommand(t *testing.T) {
	requireTools(t, "go", "git", "tar", "zip")
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "pick")
	fixture.Write(t, dir, txtar.Parse([]byte(`
-- go.mod --
module example.com/acme/pick

go 1.22
-- main.go --
package main

import "fmt"

var version = "dev"

func main() { fmt.Println("pick", version) }
`)))
	gitInit(t, dir)
	if code, out, stderr := runCrane(t, "assemble", dir); code != 0 {
		t.Fatalf("crane assemble: exit %d\n%s%s", code, out, stderr)
	}
	args := append(workflowBuildArgs(t, dir), "--targets", "linux/amd64")
	if out, err := runIn(t, dir, "./build.sh", args...); err != nil {
		t.Fatalf("./build.sh %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	if out, err := runIn(t, dir, "./bin/pick"); err != nil || out != "pick 0.1.0\n" {
		t.Errorf("./bin/pick = %q, %v; want pick 0.1.0", out, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "dist", "pick_0.1.0_linux_amd64.tar.gz")); err != nil {
		t.Errorf("no package: %v", err)
	}
}

// TestE2EAssembleGoCleanKeepsTrackedFiles: the repository tracks scripts in
// bin/ (fzf's bin/fzf-tmux), where the build also puts its binary. ./build.sh
// clean removes the build's output and never a file git tracks.
func TestE2EAssembleGoCleanKeepsTrackedFiles(t *testing.T) {
	requireTools(t, "go", "git")
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "pick")
	fixture.Write(t, dir, txtar.Parse([]byte(`
-- go.mod --
module example.com/acme/pick

go 1.22
-- main.go --
package main

func main() {}
-- bin/pick-tmux --
#!/bin/sh
exec pick "$@"
-- dist/README --
tracked too
`)))
	gitInit(t, dir)
	if code, out, stderr := runCrane(t, "assemble", dir); code != 0 {
		t.Fatalf("crane assemble: exit %d\n%s%s", code, out, stderr)
	}
	for _, task := range []string{"build", "clean"} {
		if out, err := runIn(t, dir, "./build.sh", task); err != nil {
			t.Fatalf("./build.sh %s: %v\n%s", task, err, out)
		}
	}
	for _, rel := range []string{"bin/pick-tmux", "dist/README"} {
		if _, err := os.Stat(filepath.Join(dir, rel)); err != nil {
			t.Errorf("./build.sh clean removed %s, which git tracks: %v", rel, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "bin", "pick")); err == nil {
		t.Error("./build.sh clean left the built bin/pick")
	}
}
