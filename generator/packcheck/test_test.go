package packcheck

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

const goPackManifest = `name: tiny
version: 1.0.0
description: a tiny Go module
ecosystem: go
example: example.com/tiny
variables:
  - name: Name
    type: name
    help: the module path
tests:
  - name: default
  - name: built
    values: {Name: example.com/built}
    build:
      needs: [go]
      run: [go, test, ./...]
      break: {path: tiny_test.go, find: "want := 4", replace: "want := 5"}
`

func tinyPack(t *testing.T, manifest string) string {
	return writePack(t, map[string]string{
		"pack.yaml":                 manifest,
		"project/go.mod.tmpl":       "module {{ .Name }}\n\ngo 1.22\n",
		"project/tiny.go.tmpl":      "package tiny\n\n// Add adds.\nfunc Add(a, b int) int { return a + b }\n",
		"project/tiny_test.go.tmpl": "package tiny\n\nimport \"testing\"\n\nfunc TestAdd(t *testing.T) {\n\twant := 4\n\tif got := Add(2, 2); got != want {\n\t\tt.Fatalf(\"Add = %d, want %d\", got, want)\n\t}\n}\n",
		"build/executable_check.sh": "#!/bin/sh\ngo test ./...\n",
	})
}

func noTools(string) (string, error) { return "", exec.ErrNotFound }

// TestPackTestGolden: without a golden tree pack test says how to write
// one; -update writes it; then it passes; a change to a template fails it.
func TestPackTestGolden(t *testing.T) {
	dir := tinyPack(t, goPackManifest)
	src := generator.NewPackSource(nil)
	opts := TestOptions{LookPath: noTools}
	res, err := Test(src, dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || len(res[0].Problems) != 1 || !strings.Contains(res[0].Problems[0], "no golden tree") {
		t.Fatalf("before -update: %+v", res)
	}
	if _, err := Test(src, dir, TestOptions{LookPath: noTools, Update: true}); err != nil {
		t.Fatal(err)
	}
	res, _ = Test(src, dir, opts)
	want := []Result{{Name: "default"}, {Name: "built", Build: "skipped: go not on PATH"}}
	if diff := cmp.Diff(want, res); diff != "" {
		t.Errorf("after -update (-want +got):\n%s", diff)
	}
	golden, _ := os.ReadFile(filepath.Join(dir, "testdata", "built.txtar"))
	if !strings.Contains(string(golden), "-- out/go.mod --\nmodule example.com/built\n") || !strings.Contains(string(golden), "-- modes --\n0755 check.sh\n") {
		t.Errorf("golden tree:\n%s", golden)
	}
	os.WriteFile(filepath.Join(dir, "project", "tiny.go.tmpl"), []byte("package tiny\n"), 0o644)
	res, _ = Test(src, dir, opts)
	if len(res[0].Problems) != 1 || !strings.HasPrefix(res[0].Problems[0], "out/tiny.go differs from the golden tree") {
		t.Errorf("after a change: %+v", res[0].Problems)
	}
}

// TestPackTestBuild runs the real build check: it passes, and the break
// edit makes it fail; a break that breaks nothing, and a build that fails,
// are problems.
func TestPackTestBuild(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH")
	}
	tests := []struct{ name, manifest, build, problem string }{
		{"passes and breaks", goPackManifest, "passed, and failed with the break edit", ""},
		{"break catches nothing", strings.Replace(goPackManifest, `find: "want := 4", replace: "want := 5"`, `find: "Add = %d", replace: "Add gives %d"`, 1),
			"passed, and passed with the break edit", "still passes after the break edit to tiny_test.go"},
		{"failing build", strings.Replace(goPackManifest, "run: [go, test, ./...]", "run: [go, test, -run, TestAdd, -count=1, ./..., -args, -bad]", 1), "failed", "build: go test -run TestAdd -count=1 ./... -args -bad failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tinyPack(t, tt.manifest)
			res, err := Test(generator.NewPackSource(nil), dir, TestOptions{Update: true})
			if err != nil {
				t.Fatal(err)
			}
			got := res[1]
			if got.Build != tt.build {
				t.Errorf("build: %q, want %q", got.Build, tt.build)
			}
			if tt.problem == "" && len(got.Problems) > 0 || tt.problem != "" && (len(got.Problems) != 1 || !strings.Contains(got.Problems[0], tt.problem)) {
				t.Errorf("problems %q, want one containing %q", got.Problems, tt.problem)
			}
		})
	}
}

// TestBuiltinPacksPassPackTest: every built-in pack, extended by a pack
// that only declares a test, renders exactly crane's own golden tree for
// it (less the lock file, which init adds).
func TestBuiltinPacksPassPackTest(t *testing.T) {
	names, _ := generator.ListPacks(templates.Packs())
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			golden, err := os.ReadFile(filepath.Join("..", "..", "testdata", "golden", name+"_simple.txtar"))
			if err != nil {
				t.Fatal(err)
			}
			args := strings.Fields(strings.SplitN(string(golden), "\n", 2)[0])
			i := strings.Index(string(golden), "-- out/.crane.yaml --")
			j := i + strings.Index(string(golden)[i+1:], "\n-- ") + 2
			dir := writePack(t, map[string]string{
				"pack.yaml": "name: check\nversion: 1.0.0\ndescription: d\nextends: " + name +
					"\ntests:\n  - name: simple\n    values: {Name: '" + args[1] + "'}\n" + builtinBuild[name],
				"testdata/simple.txtar": string(golden)[:i] + string(golden)[j:],
			})
			lookPath := exec.LookPath
			if builtinBuild[name] == "" {
				lookPath = noTools
			}
			res, err := Test(generator.NewPackSource(templates.Packs()), dir, TestOptions{
				LookPath: lookPath, Facts: generator.Facts{Author: "Ada Lovelace", Email: "ada@example.com", Year: 2026},
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range res[0].Problems {
				t.Error(p)
			}
			if builtinBuild[name] != "" && res[0].Build != "passed, and failed with the break edit" {
				t.Errorf("build check: %q", res[0].Build)
			}
		})
	}
}

// builtinBuild declares a build check for the built-in packs whose
// toolchain is quick to run here: the go pack's tests pass, and fail when
// one expectation is broken.
var builtinBuild = map[string]string{
	"go": "    build:\n      needs: [go]\n      run: [go, test, -count=1, ./...]\n" +
		"      break: {path: slug_test.go, find: 'want: \"hello-world\"', replace: 'want: \"hello-there\"'}\n",
}

// TestCompareGoldenDiff pins how a differing file is shown: a unified diff
// of the golden file (-) against the rendered one (+).
func TestCompareGoldenDiff(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.txtar")
	if err := os.WriteFile(file, []byte("-- out/a.txt --\none\ntwo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := compareGolden(file, map[string]string{"out/a.txt": "one\nthree\n"})
	want := []string{"out/a.txt differs from the golden tree (-want +got):\n" +
		"diff want/out/a.txt got/out/a.txt\n--- want/out/a.txt\n+++ got/out/a.txt\n@@ -1,2 +1,2 @@\n one\n-two\n+three\n"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("compareGolden (-want +got):\n%s", diff)
	}
}

// TestPackTestRequireBuild: a build check skipped for a missing tool passes
// by default and fails with RequireBuild, which a team's CI sets so that a
// runner without the toolchain cannot pass the check unseen.
func TestPackTestRequireBuild(t *testing.T) {
	dir := tinyPack(t, goPackManifest)
	src := generator.NewPackSource(nil)
	if _, err := Test(src, dir, TestOptions{LookPath: noTools, Update: true}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		require bool
		want    []string
	}{
		{false, nil},
		{true, []string{"build: go is not on PATH, and --require-build asks for every build check to run; install it, or drop --require-build to skip the check"}},
	} {
		res, err := Test(src, dir, TestOptions{LookPath: noTools, RequireBuild: tt.require})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, res[1].Problems); diff != "" || res[1].Build != "skipped: go not on PATH" {
			t.Errorf("RequireBuild %v: build %q, problems (-want +got):\n%s", tt.require, res[1].Build, diff)
		}
	}
}
