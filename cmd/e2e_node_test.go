package cmd

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// nodePassRe reads node:test's pass count: "# pass N" from the TAP reporter
// (Node 20 without a terminal) or "ℹ pass N" from the spec reporter (Node 22+).
var nodePassRe = regexp.MustCompile(`(?m)^(?:#|ℹ) pass (\d+)$`)

// TestE2ENode builds, tests and packs a generated node project with the real
// node and npm, offline: a project .npmrc points npm at a registry that does
// not answer, so any download would fail the build. It then adds a test file
// (which must run without editing any script) and breaks the library, which
// must fail the generated build.
func TestE2ENode(t *testing.T) {
	requireTools(t, "node", "npm")
	t.Parallel()
	dir := generateProject(t, "init", "@acme/widget", "--pack", "node")
	writeFile(t, dir, ".npmrc", "registry=http://127.0.0.1:9/\n")

	out, err := runIn(t, dir, "./build.sh", "build", "test", "pack", "--build-number", "7")
	if err != nil {
		t.Fatalf("generated build failed: %v\n%s", err, out)
	}
	if n := countMatch(out, nodePassRe); n != 10 {
		t.Errorf("want 10 tests passed, got %d\n%s", n, out)
	}
	mustExist(t, filepath.Join(dir, "artifacts", "acme-widget-0.1.0+build.7.tgz"))
	mustContain(t, dir, "packages/widget/package.json", `"version": "0.1.0+build.7",`)

	writeFile(t, dir, "packages/widget/test/more/extra.test.js",
		"import { test } from \"node:test\";\nimport assert from \"node:assert/strict\";\n"+
			"import { slugify } from \"@acme/widget\";\n\n"+
			"test(\"an added test file runs\", () => assert.equal(slugify(\"A b\"), \"a-b\"));\n")
	out, err = runIn(t, dir, "./build.sh")
	if err != nil {
		t.Fatalf("generated build failed with an added test: %v\n%s", err, out)
	}
	if n := countMatch(out, nodePassRe); n != 11 {
		t.Errorf("want 11 tests passed with the added file, got %d\n%s", n, out)
	}
	mustContain(t, dir, "packages/widget/package.json", `"version": "0.1.0",`)

	breakFile(t, dir, "packages/widget/src/index.js", `.replace(/[^A-Za-z0-9]+/g, "-")`, `.replace(/[^A-Za-z0-9]+/g, "_")`)
	if out, err := runIn(t, dir, "./build.sh"); err == nil {
		t.Fatalf("the build passed with a broken slugify:\n%s", out)
	}
}

// writeFile writes content to dir/rel, making its folders.
func writeFile(t *testing.T, dir, rel, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// mustContain fails t unless dir/rel contains want.
func mustContain(t *testing.T, dir, rel, want string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), want) {
		t.Errorf("%s does not contain %q:\n%s", rel, want, data)
	}
}
