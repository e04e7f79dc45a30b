package cmd

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/ewilde/crane/generator"
)

// TestMain lets testscript run crane in-process as the "crane" command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"crane": func() { os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
		// crane with the test-only demo pack at 1.0.0, and at 2.0.0 with
		// 1.0.0 kept (testdata/update): the older and newer crane of the
		// update scenarios.
		"crane-demo1": func() {
			os.Exit(mainWith(demoPacks(os.Getenv(demoPacksEnv), "1.0.0"), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
		"crane-demo2": func() {
			os.Exit(mainWith(demoPacks(os.Getenv(demoPacksEnv), "2.0.0"), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
	})
}

// TestScripts runs the CLI scripts under testdata/script.
func TestScripts(t *testing.T) {
	demoDir, err := filepath.Abs("../testdata/update")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "../testdata/script",
		Setup: func(e *testscript.Env) error {
			home := filepath.Join(e.WorkDir, ".home")
			e.Setenv("HOME", home)
			e.Setenv("USER", "tester")
			e.Setenv(demoPacksEnv, demoDir)
			e.Setenv("XDG_CACHE_HOME", filepath.Join(e.WorkDir, ".cache"))
			return os.MkdirAll(home, 0o755)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"cmptree":   cmdCmpTree,
			"exitcode":  cmdExitCode,
			"planlines": cmdPlanLines,
			"replace":   cmdReplace,
			"snapshot":  cmdSnapshot,
		},
		UpdateScripts: *update,
	})
}

// cmdCmpTree: cmptree DIR1 DIR2 — the two trees hold the same files with the
// same bytes and modes.
func cmdCmpTree(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: cmptree DIR1 DIR2")
	}
	a, b := treeListing(ts, ts.MkAbs(args[0])), treeListing(ts, ts.MkAbs(args[1]))
	if (a == b) == neg {
		ts.Fatalf("trees %s and %s: same=%v, want %v", args[0], args[1], a == b, !neg)
	}
}

// cmdExitCode: exitcode N COMMAND ARGS... — runs the command, keeping its
// stdout and stderr for the next assertions, and checks its exit code is N.
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N COMMAND ARGS...")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	code := 0
	var exit *exec.ExitError
	if err := ts.Exec(args[1], args[2:]...); errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		ts.Fatalf("%v", err)
	}
	if code != want {
		ts.Fatalf("%s exited %d, want %d", args[1], code, want)
	}
}

// cmdReplace: replace FILE OLD NEW — replaces every OLD in FILE with NEW
// (plain text, no patterns), failing when FILE has no OLD.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	data := ts.ReadFile(args[0])
	if !strings.Contains(data, args[1]) {
		ts.Fatalf("%s has no %q", args[0], args[1])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(strings.ReplaceAll(data, args[1], args[2])), 0o644))
}

// cmdSnapshot: snapshot DIR FILE — writes a listing of every file under DIR
// (path, mode, size, mtime, content hash) to FILE, so that a later snapshot
// can be compared with cmp to prove nothing changed.
func cmdSnapshot(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: snapshot DIR FILE")
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(treeListing(ts, ts.MkAbs(args[0]))), 0o644))
}

func treeListing(ts *testscript.TestScript, root string) string {
	var b strings.Builder
	err := filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if info.IsDir() {
			fmt.Fprintf(&b, "%s/ %v\n", filepath.ToSlash(rel), info.Mode())
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %v %d %d %s\n", filepath.ToSlash(rel), info.Mode(), info.Size(), info.ModTime().UnixNano(), generator.Hash(data))
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		ts.Fatalf("%v", err)
	}
	return b.String()
}

// cmdPlanLines: planlines IN OUT — copies the plan lines (one per action:
// create, identical, update, merge, keep, conflict, conflicted, delete) of a
// crane output to OUT.
func cmdPlanLines(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: planlines IN OUT")
	}
	var out bytes.Buffer
	sc := bufio.NewScanner(strings.NewReader(ts.ReadFile(args[0])))
	for sc.Scan() {
		word, _, _ := strings.Cut(sc.Text(), " ")
		switch word {
		case "create", "identical", "update", "merge", "keep", "conflict", "conflicted", "delete":
			out.WriteString(sc.Text() + "\n")
		}
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), out.Bytes(), 0o644))
}
