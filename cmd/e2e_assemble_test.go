package cmd

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/internal/fixture"
)

// assembleAndBuild writes the repository archive into a folder whose path has
// a space, runs crane assemble there, and returns the folder.
func assembleAndBuild(t *testing.T, archive string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "user repo")
	fixture.Write(t, dir, txtar.Parse([]byte(archive)))
	if code, _, stderr := runCrane(t, "assemble", dir); code != 0 {
		t.Fatalf("crane assemble: exit %d\n%s", code, stderr)
	}
	return dir
}

// TestE2EAssembleGo assembles the go pack's build tooling into a Go module
// crane did not make and runs the generated build: the module's own tests
// run and pass, its command is built with the version stamped, and a broken
// test fails the build.
func TestE2EAssembleGo(t *testing.T) {
	requireTools(t, "go")
	t.Parallel()
	dir := assembleAndBuild(t, `
-- go.mod --
module example.com/acme/adder

go 1.24
-- adder.go --
// Package adder adds.
package adder

// Add returns a+b.
func Add(a, b int) int { return a + b }
-- adder_test.go --
package adder

import "testing"

func TestAdd(t *testing.T) {
	if Add(2, 3) != 5 {
		t.Fatal("2+3 != 5")
	}
}

func TestAddZero(t *testing.T) {
	if Add(0, 0) != 0 {
		t.Fatal("0+0 != 0")
	}
}
-- cmd/adder/main.go --
package main

import (
	"fmt"

	"example.com/acme/adder"
)

var version = "dev"

func main() { fmt.Println(version, adder.Add(1, 1)) }
`)
	out, err := runIn(t, dir, "./build.sh", "--verbose", "--build-number", "3")
	if err != nil {
		t.Fatalf("the assembled build failed: %v\n%s", err, out)
	}
	if passed := len(regexp.MustCompile(`(?m)^--- PASS: `).FindAllString(out, -1)); passed != 2 {
		t.Errorf("want the module's 2 tests passed, got %d\n%s", passed, out)
	}
	if out, err := runIn(t, dir, "./bin/adder"); err != nil || out != "0.1.0+3 2\n" {
		t.Errorf("bin/adder: %v %q, want the stamped version", err, out)
	}
	breakFile(t, dir, "adder.go", "return a + b", "return a - b")
	if out, err := runIn(t, dir, "./build.sh"); err == nil || !strings.Contains(out, "--- FAIL: TestAdd") {
		t.Errorf("the build did not fail in TestAdd with a broken Add: %v\n%s", err, out)
	}
}
