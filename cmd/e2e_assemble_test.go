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

// TestE2EAssembleNode assembles the node pack's build tooling into npm
// projects crane did not make, a single package and a workspace (packages
// under libs/, node:test tests), and runs the generated build offline: every
// package's tests run and pass, the packages get VERSION, and a broken
// function fails the build.
func TestE2EAssembleNode(t *testing.T) {
	requireTools(t, "node", "npm")
	t.Parallel()
	const words = `
-- WORDS/index.js --
export function count(s) {
  return s.split(/\s+/).filter(Boolean).length;
}
-- WORDS/test/count.test.js --
import { test } from "node:test";
import assert from "node:assert/strict";
import { count } from "@acme/words";

test("counts words", () => assert.equal(count("a b  c"), 3));
test("an empty string has none", () => assert.equal(count(""), 0));
-- WORDS/package.json --
{
  "name": "@acme/words",
  "version": "1.4.0",
  "type": "module",
  "exports": "./index.js",
  "scripts": { "test": "node --test" }
}
`
	const workspace = `
-- package.json --
{
  "name": "acme-text",
  "private": true,
  "workspaces": ["libs/*"]
}
-- libs/shout/package.json --
{
  "name": "@acme/shout",
  "version": "1.4.0",
  "scripts": { "test": "node --test" }
}
-- libs/shout/index.js --
exports.shout = (s) => s.toUpperCase() + "!";
-- libs/shout/test/shout.test.js --
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { shout } = require("..");

test("shouts", () => assert.equal(shout("hi"), "HI!"));
`
	for _, tt := range []struct {
		name, archive string
		tests         int
		packages      []string // the package.json files that get VERSION
		words         string   // the folder of @acme/words
	}{
		{"package", strings.ReplaceAll(words, "WORDS/", ""), 2, []string{"package.json"}, "."},
		{"workspace", workspace + strings.ReplaceAll(words, "WORDS/", "libs/words/"), 3,
			[]string{"libs/words/package.json", "libs/shout/package.json"}, "libs/words"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := assembleAndBuild(t, "-- .npmrc --\nregistry=http://127.0.0.1:9/\n"+tt.archive)
			out, err := runIn(t, dir, "./build.sh", "--build-number", "9")
			if err != nil {
				t.Fatalf("the assembled build failed: %v\n%s", err, out)
			}
			if passed := sumMatches(out, nodePassRe); passed != tt.tests {
				t.Errorf("want the project's %d tests passed, got %d\n%s", tt.tests, passed, out)
			}
			for _, p := range tt.packages {
				mustContain(t, dir, p, `"version": "1.4.0+build.9"`)
			}
			breakFile(t, dir, tt.words+"/index.js", "filter(Boolean)", "filter(() => true)")
			if out, err := runIn(t, dir, "./build.sh", "test"); err == nil || !strings.Contains(out, "not ok") {
				t.Errorf("the build did not fail in the tests with a broken count: %v\n%s", err, out)
			}
		})
	}
}

// TestE2EAssembleRust assembles the rust pack's build tooling into a virtual
// Cargo workspace crane did not make, whose crates set their own versions,
// and runs the generated build offline (fmt, clippy, build, test): the unit
// and integration tests run and pass, each crate gets VERSION, and a broken
// function fails the build.
func TestE2EAssembleRust(t *testing.T) {
	if !findCargo(t) {
		t.Parallel()
	}
	requireTools(t, "cargo")
	dir := assembleAndBuild(t, `
-- Cargo.toml --
[workspace]
members = ["crates/*"]
resolver = "2"
-- crates/wordcount/Cargo.toml --
[package]
name = "wordcount"
version = "2.0.1"
edition = "2021"

[dependencies]
-- crates/wordcount/src/lib.rs --
//! Counts words.

/// Returns the number of words in s.
pub fn count(s: &str) -> usize {
    s.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn counts_words() {
        assert_eq!(count("a b  c"), 3);
    }

    #[test]
    fn empty_has_none() {
        assert_eq!(count(""), 0);
    }
}
-- crates/wordcount/tests/lines.rs --
#[test]
fn counts_across_lines() {
    assert_eq!(wordcount::count("a\nb"), 2);
}
-- crates/shout/Cargo.toml --
[package]
name = "shout"
version = "2.0.1"
edition = "2021"

[dependencies]
-- crates/shout/src/lib.rs --
//! Shouts.

/// Returns s in capitals with an exclamation mark.
pub fn shout(s: &str) -> String {
    s.to_uppercase() + "!"
}

#[cfg(test)]
mod tests {
    #[test]
    fn shouts() {
        assert_eq!(super::shout("hi"), "HI!");
    }
}
`)
	out, err := runIn(t, dir, "./build.sh", "--offline", "--build-number", "4")
	if err != nil {
		t.Fatalf("the assembled build failed: %v\n%s", err, out)
	}
	if passed := sumMatches(out, cargoPassedRe); passed != 4 {
		t.Errorf("want the workspace's 4 tests passed (3 unit, 1 integration), got %d\n%s", passed, out)
	}
	mustContain(t, dir, "crates/wordcount/Cargo.toml", "\nversion = \"2.0.1+4\"\n")
	mustContain(t, dir, "crates/shout/Cargo.toml", "\nversion = \"2.0.1+4\"\n")
	breakFile(t, dir, "crates/wordcount/src/lib.rs", "split_whitespace()", "split(' ')")
	if out, err := runIn(t, dir, "./build.sh", "test", "--offline"); err == nil || !strings.Contains(out, "test result: FAILED") {
		t.Errorf("the build did not fail in the tests with a broken count: %v\n%s", err, out)
	}
}

// TestE2EAssemblePython assembles the python pack's build tooling into
// Python projects crane did not make, one in a src layout and one in a flat
// layout, and runs the generated build with python3 alone: the project's
// unittest tests run and pass, pyproject.toml gets VERSION, and a broken
// function fails the build.
func TestE2EAssemblePython(t *testing.T) {
	requireTools(t, "python3")
	t.Parallel()
	const code = `
-- PKG/__init__.py --
"""Counts words."""

from .words import count

__all__ = ["count"]
-- PKG/words.py --
def count(s):
    """Returns the number of words in s."""
    return len(s.split())
-- tests/__init__.py --
-- tests/test_words.py --
import unittest

from wordy import count


class CountTest(unittest.TestCase):
    def test_counts_words(self):
        self.assertEqual(count("a b  c"), 3)

    def test_empty_has_none(self):
        self.assertEqual(count(""), 0)

    def test_lines(self):
        self.assertEqual(count("a\nb"), 2)
-- pyproject.toml --
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "acme-wordy"
version = "0.3.0"
requires-python = ">=3.9"
`
	for _, tt := range []struct{ name, pkg string }{{"src", "src/wordy"}, {"flat", "wordy"}} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := assembleAndBuild(t, strings.ReplaceAll(code, "PKG", tt.pkg))
			out, err := runIn(t, dir, "./build.sh", "--build-number", "2")
			if err != nil {
				t.Fatalf("the assembled build failed: %v\n%s", err, out)
			}
			// pythonTests counts unittest's run or pytest's passed tests (the
			// build uses pytest where it is installed); a failure fails the build.
			if n := pythonTests(out); n != 3 {
				t.Errorf("want the project's 3 tests run and passed, got %d\n%s", n, out)
			}
			mustContain(t, dir, "pyproject.toml", "\nversion = \"0.3.0.2\"\n")
			breakFile(t, dir, tt.pkg+"/words.py", "s.split()", "s.split(' ')")
			if out, err := runIn(t, dir, "./build.sh"); err == nil || !strings.Contains(out, "FAILED") {
				t.Errorf("the build did not fail in the tests with a broken count: %v\n%s", err, out)
			}
		})
	}
}

// TestE2EAssembleRustBinary: the lint of a crate with no library (a command
// only) passes: clippy must not ask for a lib target (cargo clippy --lib
// fails with "no library targets found").
func TestE2EAssembleRustBinary(t *testing.T) {
	if !findCargo(t) {
		t.Parallel()
	}
	requireTools(t, "cargo")
	dir := assembleAndBuild(t, `
-- Cargo.toml --
[package]
name = "hello"
version = "1.0.0"
edition = "2021"

[dependencies]
-- src/main.rs --
fn main() {
    println!("hello");
}
`)
	if out, err := runIn(t, dir, "./build.sh", "lint", "--offline"); err != nil {
		t.Fatalf("the assembled lint failed: %v\n%s", err, out)
	}
}
