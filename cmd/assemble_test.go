package cmd

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/internal/fixture"
)

// runCrane runs crane with args in a hermetic env (newTestEnv) and returns
// the exit code, stdout and stderr.
func runCrane(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	te := newTestEnv(t, "")
	code := te.run(args)
	return code, te.stdout.String(), te.stderr.String()
}

// fileState is a file's bytes, mode and modification time.
type fileState struct {
	Data    string
	Mode    fs.FileMode
	ModTime time.Time
}

// snapshot records every file and symlink under dir except .git.
func snapshot(t testing.TB, dir string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Name() == ".git" && d.IsDir() {
			return filepath.SkipDir
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		s := fileState{Mode: info.Mode(), ModTime: info.ModTime()}
		if info.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			s.Data = "-> " + target
		} else if s.Data, err = readString(p); err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = s
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readString(p string) (string, error) {
	b, err := os.ReadFile(p)
	return string(b), err
}

// assembleCase is one fixture: the runs in its comment ("run: ARGS", one per
// line), the files it declares it merges into ("merge: PATH"), the repository
// (in/) and the golden output (log, out/).
type assembleCase struct {
	runs   [][]string
	merges map[string]bool
	git    [][]string // "git: ARGS": git commands run in the repository first
	dir    string     // "cd: PATH": the folder assembled, from the repository ("." when not given)
	branch string     // "branch: NAME": the branch the workflow must run on
	in     *txtar.Archive
	golden map[string][]byte
}

func readAssembleCase(t *testing.T, file string) (*txtar.Archive, assembleCase) {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	c := assembleCase{merges: map[string]bool{}, in: &txtar.Archive{}, golden: map[string][]byte{}, dir: "."}
	for _, line := range strings.Split(string(a.Comment), "\n") {
		if args, ok := strings.CutPrefix(line, "run:"); ok {
			c.runs = append(c.runs, append([]string{"assemble"}, strings.Fields(args)...))
		} else if p, ok := strings.CutPrefix(line, "merge:"); ok {
			c.merges[strings.TrimSpace(p)] = true
		} else if args, ok := strings.CutPrefix(line, "git:"); ok {
			c.git = append(c.git, strings.Fields(args))
		} else if d, ok := strings.CutPrefix(line, "cd:"); ok {
			c.dir = strings.TrimSpace(d)
		} else if b, ok := strings.CutPrefix(line, "branch:"); ok {
			c.branch = strings.TrimSpace(b)
		}
	}
	for _, f := range a.Files {
		if name, ok := strings.CutPrefix(f.Name, "in/"); ok {
			c.in.Files = append(c.in.Files, txtar.File{Name: name, Data: f.Data})
		} else {
			c.golden[f.Name] = f.Data
		}
	}
	fixture.Unescape(c.in)
	return a, c
}

// TestAssembleGolden assembles every fixture repository under
// testdata/assemble and compares the log (plan output, errors, exit codes)
// and every file created or changed with the golden sections; it checks that
// every other file is untouched and that running again writes nothing.
func TestAssembleGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "assemble", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, c := readAssembleCase(t, file)
			dir := t.TempDir()
			fixture.Write(t, dir, c.in)
			var gitBefore *gitState
			if len(c.git) > 0 {
				gitBefore = setUpGit(t, dir, c)
			}
			before := snapshot(t, dir)
			var log strings.Builder
			code := 0
			target := filepath.Join(dir, filepath.FromSlash(c.dir))
			for _, args := range c.runs {
				var out, errOut string
				code, out, errOut = runCrane(t, append(args, target)...)
				fmt.Fprintf(&log, "$ crane %s\n%s%sexit %d\n", strings.Join(args, " "), out, errOut, code)
			}
			after := snapshot(t, dir)
			got := map[string][]byte{"log": []byte(strings.ReplaceAll(log.String(), dir, "$ROOT"))}
			for p, s := range after {
				old, existed := before[p]
				switch {
				case !existed:
					got["out/"+p] = fixture.Escape([]byte(s.Data))
				case old.Data != s.Data || old.Mode != s.Mode:
					if !c.merges[p] {
						t.Errorf("%s existed and was changed; only declared merges may change", p)
					}
					got["out/"+p] = fixture.Escape([]byte(s.Data))
				}
			}
			for p := range before {
				if _, ok := after[p]; !ok {
					t.Errorf("%s was removed", p)
				}
			}
			if *update {
				writeAssembleGolden(t, file, a, got)
				return
			}
			if diff := cmp.Diff(stringMap(c.golden), stringMap(got)); diff != "" {
				t.Errorf("golden %s (-want +got):\n%s", file, diff)
			}
			assertNoCaseTwins(t, before, after)
			if gitBefore != nil && code == exitOK {
				assertGitMeaningKept(t, target, c, gitBefore)
			}
			if code == exitOK {
				assertSecondRunWritesNothing(t, target, c.runs[len(c.runs)-1])
			}
		})
	}
}

func assertSecondRunWritesNothing(t *testing.T, dir string, args []string) {
	t.Helper()
	before := snapshot(t, dir)
	code, out, errOut := runCrane(t, append(args, dir)...)
	if code != exitOK || !strings.Contains(out, "Nothing to write") {
		t.Errorf("second run: exit %d\n%s%s", code, out, errOut)
	}
	if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
		t.Errorf("second run changed files (-before +after):\n%s", diff)
	}
}

func stringMap(m map[string][]byte) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = string(v)
	}
	return out
}

// writeGolden rewrites file's golden sections, keeping its comment and in/.
func writeAssembleGolden(t *testing.T, file string, a *txtar.Archive, got map[string][]byte) {
	t.Helper()
	out := &txtar.Archive{Comment: a.Comment}
	for _, f := range a.Files {
		if strings.HasPrefix(f.Name, "in/") {
			out.Files = append(out.Files, f)
		}
	}
	out.Files = append(out.Files, txtar.File{Name: "log", Data: got["log"]})
	delete(got, "log")
	for _, p := range sortedKeys(got) {
		out.Files = append(out.Files, txtar.File{Name: p, Data: got[p]})
	}
	if err := os.WriteFile(file, txtar.Format(out), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
