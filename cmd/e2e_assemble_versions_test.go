package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/internal/fixture"
)

// assembleWith writes the repository archive into a folder whose path has a
// space, runs crane assemble there with args, and returns the folder.
func assembleWith(t *testing.T, archive string, args ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "user repo")
	fixture.Write(t, dir, txtar.Parse([]byte(archive)))
	if code, out, stderr := runCrane(t, append(append([]string{"assemble"}, args...), dir)...); code != 0 {
		t.Fatalf("crane assemble: exit %d\n%s%s", code, out, stderr)
	}
	return dir
}

// assertVersionsKept checks that the files in rels are as the archive has
// them, byte for byte.
func assertVersionsKept(t *testing.T, dir, archive string, rels ...string) {
	t.Helper()
	want := map[string]string{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		want[f.Name] = string(f.Data)
	}
	for _, rel := range rels {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want[rel], string(got)); diff != "" {
			t.Errorf("%s sets its own version and must be left alone (-want +got):\n%s", rel, diff)
		}
	}
}

// assertSecondBuildWritesNothing runs the build again with the same VERSION
// and checks that none of the user's files (rels) was written: their
// modification times and bytes are unchanged.
func assertSecondBuildWritesNothing(t *testing.T, dir string, args []string, rels ...string) {
	t.Helper()
	before := snapshot(t, dir)
	if out, err := runIn(t, dir, "./build.sh", args...); err != nil {
		t.Fatalf("the second build failed: %v\n%s", err, out)
	}
	after := snapshot(t, dir)
	for _, rel := range rels {
		if before[rel] != after[rel] {
			t.Errorf("%s: the second build with the same VERSION wrote it (%v -> %v)", rel, before[rel].ModTime, after[rel].ModTime)
		}
	}
}

// ripgrepLike is a Cargo workspace shaped like ripgrep's: a root command
// package with its own version and a comment after it, library crates that
// each version on their own, and path dependencies with version
// requirements between them.
const ripgrepLike = `
-- Cargo.toml --
[package]
name = "finder"
version = "7.1.0"  #:version
edition = "2021"

[workspace]
members = ["crates/*"]

[dependencies]
finder-search = { version = "0.4.1", path = "crates/search" }
-- src/main.rs --
fn main() {
    println!("{}", finder_search::find("a b", "b"));
}
-- crates/matcher/Cargo.toml --
[package]
name = "finder-matcher"
version = "0.1.8"  #:version
edition = "2021"

[dependencies]
-- crates/matcher/src/lib.rs --
//! Matches.

/// Reports whether needle is one of the words of hay.
pub fn is_word(hay: &str, needle: &str) -> bool {
    hay.split_whitespace().any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_a_word() {
        assert!(super::is_word("a b", "b"));
    }
}
-- crates/search/Cargo.toml --
[package]
name = "finder-search"
version = "0.4.1"  #:version
edition = "2021"

[dependencies]
finder-matcher = { version = "0.1.8", path = "../matcher" }
-- crates/search/src/lib.rs --
//! Searches.

/// Reports whether needle is a word of hay.
pub fn find(hay: &str, needle: &str) -> bool {
    finder_matcher::is_word(hay, needle)
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds() {
        assert!(super::find("x y", "y"));
    }
}
`

// TestE2EAssembleRustIndependentVersions assembles a ripgrep-shaped
// workspace and runs the generated build offline with a new VERSION: the
// root package gets it, keeping the comment after its version; the crates
// that version on their own keep theirs byte for byte, so the path
// dependencies' requirements still resolve (cargo does not exit 101) and the
// tests pass; a second build with the same VERSION writes no manifest.
func TestE2EAssembleRustIndependentVersions(t *testing.T) {
	if !findCargo(t) {
		t.Parallel()
	}
	requireTools(t, "cargo")
	dir := assembleWith(t, ripgrepLike)
	writeFile(t, dir, "VERSION", "7.2.0\n")
	out, err := runIn(t, dir, "./build.sh", "--offline")
	if err != nil {
		t.Fatalf("the assembled build failed: %v\n%s", err, out)
	}
	if passed := sumMatches(out, cargoPassedRe); passed != 2 {
		t.Errorf("want the crates' 2 tests passed, got %d\n%s", passed, out)
	}
	mustContain(t, dir, "Cargo.toml", "\nversion = \"7.2.0\"  #:version\n")
	assertVersionsKept(t, dir, ripgrepLike, "crates/matcher/Cargo.toml", "crates/search/Cargo.toml")
	assertSecondBuildWritesNothing(t, dir, []string{"build", "--offline"},
		"Cargo.toml", "crates/matcher/Cargo.toml", "crates/search/Cargo.toml")
}

// logLike is a single crate whose version has a comment after it, as
// rust-lang/log's has, and CRLF line endings.
const logLike = "-- Cargo.toml --\n[package]\r\n\r\nname = \"logline\"\r\nversion = \"0.4.33\" # remember to update html_root_url\r\nedition = \"2021\"\r\n\r\n[dependencies]\r\n" + `
-- src/lib.rs --
//! Logs lines.

/// Returns the line with a newline.
pub fn line(s: &str) -> String {
    format!("{s}\n")
}
`

// TestE2EAssembleRustKeepsComments: the build writes VERSION into the
// version value only (the comment and the CRLF endings stay), and writes
// nothing when the version is unchanged, the first time included.
func TestE2EAssembleRustKeepsComments(t *testing.T) {
	if !findCargo(t) {
		t.Parallel()
	}
	requireTools(t, "cargo")
	dir := assembleWith(t, logLike)
	assertSecondBuildWritesNothing(t, dir, []string{"build", "--offline"}, "Cargo.toml")
	assertVersionsKept(t, dir, logLike, "Cargo.toml")
	writeFile(t, dir, "VERSION", "0.4.34\n")
	if out, err := runIn(t, dir, "./build.sh", "build", "--offline"); err != nil {
		t.Fatalf("the assembled build failed: %v\n%s", err, out)
	}
	mustContain(t, dir, "Cargo.toml", "\r\nversion = \"0.4.34\" # remember to update html_root_url\r\nedition")
	assertSecondBuildWritesNothing(t, dir, []string{"build", "--offline"}, "Cargo.toml")
}

// remarkLike is an npm workspace shaped like remark's: a private root with
// no version, and packages that each version on their own and require each
// other by range.
const remarkLike = `
-- .npmrc --
registry=http://127.0.0.1:9/
-- package.json --
{
  "name": "marker",
  "private": true,
  "workspaces": [
    "packages/marker-parse/",
    "packages/marker/"
  ]
}
-- packages/marker-parse/package.json --
{
  "name": "marker-parse",
  "version": "11.0.0",
  "scripts": {"test": "node --test"}
}
-- packages/marker-parse/index.js --
exports.parse = (s) => s.split("\n");
-- packages/marker-parse/test/parse.test.js --
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { parse } = require("marker-parse");

test("parses lines", () => assert.deepEqual(parse("a\nb"), ["a", "b"]));
-- packages/marker/package.json --
{"name": "marker", "version": "15.0.1", "dependencies": {"marker-parse": "^11.0.0"}, "scripts": {"test": "node --test"}}
-- packages/marker/index.js --
const { parse } = require("marker-parse");
exports.count = (s) => parse(s).length;
-- packages/marker/test/count.test.js --
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { count } = require("marker");

test("counts lines", () => assert.equal(count("a\nb\nc"), 3));
`

// TestE2EAssembleNodeIndependentVersions: assemble asks which packages of a
// remark-shaped workspace VERSION drives (exit 2, nothing written), then,
// told with --set VersionDirs, runs the generated build offline: the chosen
// package gets VERSION with its one-line formatting kept, the other keeps its
// version byte for byte (so the range that requires it still resolves in the
// workspace), the tests pass, and a second build writes no package.json.
func TestE2EAssembleNodeIndependentVersions(t *testing.T) {
	requireTools(t, "node", "npm")
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "user repo")
	fixture.Write(t, dir, txtar.Parse([]byte(remarkLike)))
	code, _, stderr := runCrane(t, "assemble", dir)
	if code != exitUsage || !strings.Contains(stderr, "--set VersionDirs=") {
		t.Fatalf("want assemble to ask which packages VERSION drives (exit 2), got exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "build.sh")); err == nil {
		t.Fatal("assemble wrote build.sh while asking")
	}
	dir = assembleWith(t, remarkLike, "--set", "VersionDirs=packages/marker")
	writeFile(t, dir, "VERSION", "15.1.0\n")
	out, err := runIn(t, dir, "./build.sh")
	if err != nil {
		t.Fatalf("the assembled build failed: %v\n%s", err, out)
	}
	if passed := sumMatches(out, nodePassRe); passed != 2 {
		t.Errorf("want the workspace's 2 tests passed, got %d\n%s", passed, out)
	}
	mustContain(t, dir, "packages/marker/package.json",
		`{"name": "marker", "version": "15.1.0", "dependencies": {"marker-parse": "^11.0.0"}, "scripts": {"test": "node --test"}}`+"\n")
	assertVersionsKept(t, dir, remarkLike, "package.json", "packages/marker-parse/package.json")
	assertSecondBuildWritesNothing(t, dir, []string{"test"},
		"package.json", "packages/marker/package.json", "packages/marker-parse/package.json")
}

// lernaLike is an npm workspace that lerna versions in fixed mode
// (lerna.json's version is the packages'), shaped like lerna/lerna.
const lernaLike = `
-- package.json --
{"name": "acme-monorepo", "private": true, "workspaces": ["packages/*"]}
-- lerna.json --
{
  "packages": ["packages/*"],
  "version": "7.2.0",
  "command": {"version": {"exact": true}}
}
-- packages/core/package.json --
{"name": "@acme/core", "version": "7.2.0"}
`

// TestE2EAssembleNodeLernaFixed: a VERSION bump moves lerna.json's version
// with the packages' (only that value), and a second build writes nothing.
func TestE2EAssembleNodeLernaFixed(t *testing.T) {
	requireTools(t, "node")
	t.Parallel()
	dir := assembleWith(t, lernaLike)
	writeFile(t, dir, "VERSION", "7.3.0\n")
	if out, err := runIn(t, dir, "./build.sh", "version"); err != nil {
		t.Fatalf("./build.sh version: %v\n%s", err, out)
	}
	mustContain(t, dir, "lerna.json", strings.Replace(txtarFile(t, lernaLike, "lerna.json"), `"7.2.0"`, `"7.3.0"`, 1))
	mustContain(t, dir, "packages/core/package.json", `{"name": "@acme/core", "version": "7.3.0"}`+"\n")
	assertSecondBuildWritesNothing(t, dir, []string{"version"}, "lerna.json", "packages/core/package.json")
}

// txtarFile is the content of the file rel in archive.
func txtarFile(t *testing.T, archive, rel string) string {
	t.Helper()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		if f.Name == rel {
			return string(f.Data)
		}
	}
	t.Fatalf("no %s in the archive", rel)
	return ""
}
