package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestE2EGo lints, builds, tests and packages a generated go project with the
// real toolchain (a /v2 module: VERSION starts at 2.0.0, so the archives and
// the stamped version say 2.0.0+7), then breaks the library and expects the
// generated build to fail.
func TestE2EGo(t *testing.T) {
	requireTools(t, "go", "tar", "zip")
	t.Parallel()
	dir := generateProject(t, "init", "github.com/acme/go-widget/v2", "--pack", "go")

	out, err := runIn(t, dir, "./build.sh", "--verbose")
	if err != nil {
		t.Fatalf("generated build failed: %v\n%s", err, out)
	}
	if passed := len(regexp.MustCompile(`(?m)^\s*--- PASS: `).FindAllString(out, -1)); passed != 22 {
		t.Errorf("want 22 tests passed (tests, subtests and examples), got %d\n%s", passed, out)
	}
	if _, err := exec.LookPath("gcc"); err == nil && strings.Contains(out, "without -race") {
		t.Errorf("gcc is on PATH but the tests ran without -race:\n%s", out)
	}

	out, err = runIn(t, dir, "./build.sh", "build", "package", "--build-number", "7", "--targets", "linux/amd64,windows/amd64")
	if err != nil {
		t.Fatalf("generated package failed: %v\n%s", err, out)
	}
	for _, f := range []string{"go-widget_2.0.0+7_linux_amd64.tar.gz", "go-widget_2.0.0+7_windows_amd64.zip", "checksums.txt"} {
		mustExist(t, filepath.Join(dir, "dist", f))
	}
	if out, err := runIn(t, dir, "./bin/go-widget", "-version"); err != nil || out != "go-widget 2.0.0+7\n" {
		t.Errorf("bin/go-widget -version: %v: %q, want the stamped version", err, out)
	}

	if out, err := runIn(t, dir, "tar", "-tzf", "dist/go-widget_2.0.0+7_linux_amd64.tar.gz"); err != nil || out != "README.md\ngo-widget\n" {
		t.Errorf("the linux archive holds %q (%v), want README.md and go-widget", out, err)
	}

	breakFile(t, dir, "slug.go", "b.WriteByte('-')", "b.WriteByte('_')")
	out, err = runIn(t, dir, "./build.sh")
	if err == nil {
		t.Fatalf("the build passed with a broken Slug:\n%s", out)
	}
	if !strings.Contains(out, "--- FAIL: TestSlug") {
		t.Errorf("the build failed, but not in TestSlug:\n%s", out)
	}
}

// TestE2EGoStandardPackageNames vets and tests projects whose package name
// would be one the generated command or example also imports (fmt, flag, io,
// os, debug, strings): the package gets "pkg" appended, as a keyword does.
func TestE2EGoStandardPackageNames(t *testing.T) {
	requireTools(t, "go")
	for _, name := range []string{"example.com/fmt", "example.com/flag", "example.com/io", "example.com/os", "example.com/debug", "example.com/strings"} {
		t.Run(name, func(t *testing.T) {
			dir := generateProject(t, "init", name, "--pack", "go")
			if out, err := runIn(t, dir, "go", "vet", "./..."); err != nil {
				t.Fatalf("go vet: %v\n%s", err, out)
			}
			if out, err := runIn(t, dir, "go", "test", "./..."); err != nil {
				t.Fatalf("go test: %v\n%s", err, out)
			}
		})
	}
}

// TestGoDocCommentIsGofmtClean: the Description goes into doc.go's package
// comment; whatever whitespace it has (a CR, a trailing space, an indent that
// gofmt would read as a code block, nothing at all), the generated project's
// own lint task (a gofmt check) passes.
func TestGoDocCommentIsGofmtClean(t *testing.T) {
	requireTools(t, "gofmt")
	for _, desc := range []string{"line1\rline2\r\nline3", "trailing ", "  indented", "ends in a newline\n", "\n", "", "tab\there"} {
		t.Run(strconv.Quote(desc), func(t *testing.T) {
			dir := generateProject(t, "init", "example.com/widget", "--pack", "go", "--set", "Description="+desc)
			out, err := runIn(t, dir, "gofmt", "-l", ".")
			if err != nil || out != "" {
				t.Errorf("gofmt -l: %v\n%s", err, out)
			}
		})
	}
}

// TestGoBuildScriptNoTargets: a target list that names no target (--targets ","
// or " ") is a usage error, not an empty release whose checksums.txt hashes
// the script's stdin (and waits for it at a terminal).
func TestGoBuildScriptNoTargets(t *testing.T) {
	requireTools(t, "go")
	t.Parallel()
	dir := generateProject(t, "init", "example.com/widget", "--pack", "go")
	for _, targets := range []string{",", " ", ", ,"} {
		out, err := runIn(t, dir, "./build.sh", "package", "--targets", targets)
		if code := exitCodeOf(err); code != 2 || !strings.Contains(out, "no targets to package") {
			t.Errorf("./build.sh package --targets %q: exit %d, want 2 and a message\n%s", targets, code, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "dist", "checksums.txt")); err == nil {
		t.Error("package wrote dist/checksums.txt for an empty target list")
	}
}
