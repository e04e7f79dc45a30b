package cmd

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/generator/ecosystem/all"
	"github.com/ewilde/crane/generator/probe"
	"github.com/ewilde/crane/internal/fixture"
	"github.com/ewilde/crane/templates"
)

// propertyBuild is how the property test runs one pack's generated build:
// the tools it needs, the tasks (the ones that write versions, and build
// where that needs no download) and the environment that keeps it offline.
type propertyBuild struct {
	tools []string
	args  []string
	env   []string
}

// propertyBuilds are keyed by pack name. A pack missing here is reported and
// skipped: add it when its build can run offline.
var propertyBuilds = map[string]propertyBuild{
	"rust":   {tools: []string{"cargo"}, args: []string{"build", "--offline"}},
	"node":   {tools: []string{"node", "npm"}, args: []string{"install"}, env: []string{"npm_config_registry=http://127.0.0.1:9/", "npm_config_offline=true"}},
	"python": {tools: []string{"python3"}, args: []string{"build"}},
	"go":     {tools: []string{"go"}, args: []string{"build"}, env: []string{"GOPROXY=off", "GOFLAGS=-mod=mod"}},
	"dotnet": {tools: []string{"dotnet"}, args: []string{"build"}},
}

// nextVersion is the VERSION the test gives the build: the next patch of
// the one assemble seeded (so that the ranges by which the user's packages
// require each other, ^15.0.0 say, still hold), else 9.8.7. The fixture's
// driven fields then all change, and the test sees each one.
func nextVersion(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "VERSION"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`^(\d+)\.(\d+)\.(\d+)`).FindStringSubmatch(strings.TrimSpace(string(data)))
	if m == nil {
		return "9.8.7"
	}
	patch, _ := strconv.Atoi(m[3])
	return fmt.Sprintf("%s.%s.%d", m[1], m[2], patch+1)
}

// TestAssembleProperty holds every fixture under testdata/assemble (every
// ecosystem) to assemble's promise: after crane assemble, a new VERSION and
// the generated ./build.sh, every file the user had is byte-identical (and
// keeps its mode), except the plan's merges and, in the files Facts.Drives
// names, the version values the build writes VERSION into; each of those
// files does get the new version; and a second ./build.sh with the same
// VERSION writes none of the user's files (their mtimes are unchanged).
func TestAssembleProperty(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "assemble", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	serial := findCargo(t) // it sets PATH, which parallel tests may not
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			if !serial {
				t.Parallel()
			}
			_, c := readAssembleCase(t, file)
			dir := filepath.Join(t.TempDir(), "user repo")
			fixture.Write(t, dir, c.in)
			user := snapshot(t, dir)
			plan := assembleForProperty(t, dir, c.runs)
			assembled := snapshot(t, dir)
			if plan == nil {
				assertUnchanged(t, user, assembled, nil)
				t.Skip("assemble refused the repository: nothing to build")
			}
			if slices.Contains(plan.kept, "build.sh") {
				t.Skip("build.sh is the user's (kept): crane runs no build it did not write")
			}
			b, ok := propertyBuilds[plan.pack]
			if !ok {
				t.Skipf("no build for pack %s in propertyBuilds: add how to run it offline", plan.pack)
			}
			for _, tool := range b.tools {
				if _, err := exec.LookPath(tool); err != nil {
					t.Skipf("%s is not on PATH: the %s build is not run", tool, plan.pack)
				}
			}
			if testing.Short() {
				t.Skip("builds skipped in -short mode")
			}
			drives := factsDrives(t, dir, plan.pack, c.runs[len(c.runs)-1])
			version := nextVersion(t, dir)
			writeFile(t, dir, "VERSION", version+"\n")
			runBuild(t, dir, b)
			built := snapshot(t, dir)
			delete(user, "VERSION") // the test's own change
			for p := range user {
				switch {
				case slices.Contains(plan.merges, p):
					if assembled[p].Data != built[p].Data || assembled[p].Mode != built[p].Mode {
						t.Errorf("%s: the build changed a file assemble merged into", p)
					}
				case slices.Contains(drives, p):
					if err := versionOnly(user[p].Data, built[p].Data, version); err != nil {
						t.Errorf("%s (VERSION drives it): %v", p, err)
					}
				}
			}
			assertUnchanged(t, user, built, append(slices.Clone(plan.merges), drives...))
			runBuild(t, dir, b)
			again := snapshot(t, dir)
			for p := range user {
				if again[p] != built[p] {
					t.Errorf("%s: a second build with the same VERSION wrote it", p)
				}
			}
		})
	}
}

// propertyPlan is what the last assemble run planned: the pack, and the
// files it merged into or kept.
type propertyPlan struct {
	pack         string
	merges, kept []string
}

// assembleForProperty runs the fixture's runs, the last with --json, and
// returns its plan, nil when assemble refused (exit 2).
func assembleForProperty(t *testing.T, dir string, runs [][]string) *propertyPlan {
	t.Helper()
	for i, args := range runs {
		if i == len(runs)-1 {
			args = append(slices.Clone(args), "--json")
		}
		code, out, errOut := runCrane(t, append(args, dir)...)
		if i < len(runs)-1 {
			continue
		}
		if code != exitOK {
			if code != exitUsage {
				t.Fatalf("crane %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
			}
			return nil
		}
		var report struct {
			Pack    string `json:"pack"`
			Actions []struct {
				Action, Path string
			} `json:"actions"`
		}
		if err := json.Unmarshal([]byte(out), &report); err != nil {
			t.Fatalf("crane %s --json: %v\n%s", strings.Join(args, " "), err, out)
		}
		p := &propertyPlan{pack: report.Pack}
		for _, a := range report.Actions {
			switch a.Action {
			case "merge":
				p.merges = append(p.merges, a.Path)
			case "keep", "conflict":
				p.kept = append(p.kept, a.Path)
			}
		}
		return p
	}
	return nil
}

// factsDrives asks the pack's ecosystem, as assemble did (the lock file
// holds the values given), which files VERSION drives.
func factsDrives(t *testing.T, dir, pack string, args []string) []string {
	t.Helper()
	p, err := generator.NewPackSource(templates.Packs()).Load(pack)
	if err != nil {
		t.Fatal(err)
	}
	repo, err := probe.Scan(dir, all.Finds)
	if err != nil {
		t.Fatal(err)
	}
	old, err := generator.ReadLock(dir)
	if err != nil {
		t.Fatal(err)
	}
	solution := ""
	if i := slices.Index(args, "--solution"); i >= 0 && i+1 < len(args) {
		solution = args[i+1]
	}
	f, err := probeFacts(repo, p, solution, old, nil)
	if err != nil {
		t.Fatalf("facts after assemble: %v", err)
	}
	return f.Drives
}

// runBuild runs ./build.sh with b's tasks and environment; it must pass.
func runBuild(t *testing.T, dir string, b propertyBuild) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	c := exec.CommandContext(ctx, "./build.sh", b.args...)
	c.Dir = dir
	c.Env = append(cleanEnv(), b.env...)
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("./build.sh %s: %v\n%s", strings.Join(b.args, " "), err, out)
	}
}

// assertUnchanged reports every file of before that after lost, or whose
// bytes or mode differ, except the paths in skip.
func assertUnchanged(t *testing.T, before, after map[string]fileState, skip []string) {
	t.Helper()
	for p, s := range before {
		a, ok := after[p]
		switch {
		case slices.Contains(skip, p):
		case !ok:
			t.Errorf("%s was removed", p)
		case a.Data != s.Data:
			t.Errorf("%s changed:\n--- before\n%s\n--- after\n%s", p, s.Data, a.Data)
		case a.Mode != s.Mode:
			t.Errorf("%s: mode %v became %v", p, s.Mode, a.Mode)
		}
	}
}

// versionValueRe is what a version value may be: no quotes, spaces or markup.
var versionValueRe = regexp.MustCompile(`^[0-9A-Za-z.+-]+$`)

// versionOnly checks that after is before with one or more version values
// replaced by version and nothing else changed: the same lines, and each
// changed line the old one with only a version-like value after a key that
// names a version ("version = ", "\"version\": ", "<Version>") replaced. It
// also wants at least one such line: the build did drive the file.
func versionOnly(before, after, version string) error {
	bl, al := strings.Split(before, "\n"), strings.Split(after, "\n")
	if len(bl) != len(al) {
		return fmt.Errorf("the build added or removed lines (%d became %d):\n%s", len(bl), len(al), after)
	}
	changed := 0
	for i := range bl {
		if bl[i] == al[i] {
			continue
		}
		at := strings.Index(al[i], version)
		if at < 0 {
			return fmt.Errorf("line %d changed, not to the version:\n- %s\n+ %s", i+1, bl[i], al[i])
		}
		prefix, suffix := al[i][:at], al[i][at+len(version):]
		if !strings.HasPrefix(bl[i], prefix) || !strings.HasSuffix(bl[i], suffix) || len(bl[i]) < len(prefix)+len(suffix) ||
			!versionValueRe.MatchString(bl[i][len(prefix):len(bl[i])-len(suffix)]) ||
			!strings.Contains(strings.ToLower(prefix), "version") {
			return fmt.Errorf("line %d changed more than its version value:\n- %s\n+ %s", i+1, bl[i], al[i])
		}
		changed++
	}
	if changed == 0 {
		return fmt.Errorf("the build did not write VERSION %s into it", version)
	}
	return nil
}

// TestVersionOnly: the property test's check can fail: it refuses a lost
// comment, a changed key, an added line and a file the build did not drive.
func TestVersionOnly(t *testing.T) {
	const before = "[package]\nversion = \"0.4.33\" # keep\r\nname = \"x\"\n"
	for _, tt := range []struct {
		name, after string
		ok          bool
	}{
		{"only the value", "[package]\nversion = \"1.0.0\" # keep\r\nname = \"x\"\n", true},
		{"the comment dropped", "[package]\nversion = \"1.0.0\"\r\nname = \"x\"\n", false},
		{"the CR dropped", "[package]\nversion = \"1.0.0\" # keep\nname = \"x\"\n", false},
		{"another key", "[package]\nversion = \"0.4.33\" # keep\r\nname = \"1.0.0\"\n", false},
		{"a line added", "[package]\nversion = \"1.0.0\" # keep\r\n\nname = \"x\"\n", false},
		{"not driven", before, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := versionOnly(before, tt.after, "1.0.0"); (err == nil) != tt.ok {
				t.Errorf("versionOnly: %v, want ok %v", err, tt.ok)
			}
		})
	}
}
