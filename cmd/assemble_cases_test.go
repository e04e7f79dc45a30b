package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/internal/fixture"
)

// smallRepo is a one-project .NET repository with a .gitignore.
const smallRepo = `
-- Acme.Widgets.sln --
Microsoft Visual Studio Solution File, Format Version 12.00
Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Acme.Widgets", "src\Acme.Widgets\Acme.Widgets.csproj", "{1}"
EndProject
-- src/Acme.Widgets/Acme.Widgets.csproj --
<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>
-- .gitignore --
bin/
`

func writeRepo(t *testing.T, archive string) string {
	t.Helper()
	dir := t.TempDir()
	fixture.Write(t, dir, txtar.Parse([]byte(archive)))
	return dir
}

// commitAll makes dir a git repository with everything in it committed.
func commitAll(t *testing.T, dir string) {
	t.Helper()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	if err := wt.AddGlob("."); err != nil {
		t.Fatal(err)
	}
	sig := &object.Signature{Name: "t", Email: "t@example.com", When: time.Unix(0, 0)}
	if _, err := wt.Commit("fixture", &git.CommitOptions{Author: sig}); err != nil {
		t.Fatal(err)
	}
}

func TestAssembleRefusesUncommittedMerge(t *testing.T) {
	for _, tt := range []struct {
		name   string
		change func(t *testing.T, dir string)
		why    string
	}{
		{"changed", func(t *testing.T, dir string) { appendFile(t, filepath.Join(dir, ".gitignore"), "*.log\n") }, "changed and not committed"},
		{"untracked", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, ".gitattributes"), []byte("* text=auto\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, "untracked"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeRepo(t, smallRepo)
			commitAll(t, dir)
			tt.change(t, dir)
			before := snapshot(t, dir)
			code, out, errOut := runCrane(t, "assemble", dir)
			if code != exitConflict || !strings.Contains(errOut, tt.why+"; commit or stash it, or run again with --allow-dirty") {
				t.Fatalf("exit %d, want %d\n%s%s", code, exitConflict, out, errOut)
			}
			if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
				t.Errorf("a refused plan wrote (-before +after):\n%s", diff)
			}
			if code, out, errOut := runCrane(t, "assemble", "--allow-dirty", dir); code != exitOK {
				t.Errorf("--allow-dirty: exit %d\n%s%s", code, out, errOut)
			}
		})
	}
}

func TestAssembleMergesCommittedFileWithoutAllowDirty(t *testing.T) {
	dir := writeRepo(t, smallRepo)
	commitAll(t, dir)
	if code, out, errOut := runCrane(t, "assemble", dir); code != exitOK || !strings.Contains(out, "merge      .gitignore") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}

func appendFile(t *testing.T, p, s string) {
	t.Helper()
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(s); err != nil {
		t.Fatal(err)
	}
}

func TestAssembleDoesNotWriteThroughSymlinkedGitignore(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "shared.gitignore")
	if err := os.WriteFile(outside, []byte("*.tmp\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := writeRepo(t, strings.Replace(smallRepo, "-- .gitignore --\nbin/\n", "", 1))
	if err := os.Symlink(outside, filepath.Join(dir, ".gitignore")); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCrane(t, "assemble", dir)
	if code != exitOK || !strings.Contains(out, "keep       .gitignore") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if data, _ := os.ReadFile(outside); string(data) != "*.tmp\n" {
		t.Errorf("the file outside the repository was written: %q", data)
	}
	if info, err := os.Lstat(filepath.Join(dir, ".gitignore")); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf(".gitignore is no longer a symlink: %v %v", info, err)
	}
}

func TestAssembleDryRunJSONAndDiff(t *testing.T) {
	dir := writeRepo(t, smallRepo+"-- build.sh --\n#!/bin/sh\n")
	before := snapshot(t, dir)
	code, out, errOut := runCrane(t, "assemble", "--dry-run", "--json", dir)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// No workflow is created: it would run the user's build.sh as crane's.
	// An SDK-style project packs itself: the dotnet pack writes no .nuspec for it.
	// So crane creates the lock, .gitattributes, VERSION and build.ps1.
	want := map[string]int{"create": 4, "merge": 1, "keep": 1}
	if diff := cmp.Diff(want, r.Counts); diff != "" || r.Command != "assemble" || !r.DryRun || r.Written != 0 {
		t.Errorf("json report %+v; counts (-want +got):\n%s", r, diff)
	}
	code, out, _ = runCrane(t, "assemble", "--dry-run", "--diff", dir)
	if code != exitOK || !strings.Contains(out, "--- a/build.sh\n+++ crane/build.sh\n") || !strings.Contains(out, "Dry run: nothing written.") {
		t.Errorf("--diff does not show crane's version of the kept build.sh:\n%s", out)
	}
	if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
		t.Errorf("a dry run wrote (-before +after):\n%s", diff)
	}
}

func TestAssembleValues(t *testing.T) {
	dir := writeRepo(t, smallRepo)
	code, out, errOut := runCrane(t, "assemble", "--set", "TargetFramework=net9.0", "--set", "Description=Widgets.", dir)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	lock, _ := os.ReadFile(filepath.Join(dir, ".crane.yaml"))
	for _, want := range []string{"TargetFramework: net9.0", "Description: Widgets.", "SolutionFile: Acme.Widgets.sln"} {
		if !strings.Contains(string(lock), want) {
			t.Errorf("lock file lacks %q:\n%s", want, lock)
		}
	}
	// The lock file's values are reused: the second run, without --set,
	// writes nothing.
	assertSecondRunWritesNothing(t, dir, []string{"assemble"})
	if code, _, errOut := runCrane(t, "assemble", "--set", "Bogus=1", dir); code != exitUsage || !strings.Contains(errOut, "unknown variable Bogus") {
		t.Errorf("unknown variable: exit %d, %s", code, errOut)
	}
	if code, _, errOut := runCrane(t, "assemble", "--solution", "Nope.sln", dir); code != exitUsage || !strings.Contains(errOut, "solution Nope.sln") {
		t.Errorf("missing --solution: exit %d, %s", code, errOut)
	}
	if code, _, errOut := runCrane(t, "assemble", filepath.Join(dir, "missing")); code != exitUsage || !strings.Contains(errOut, "no such folder") {
		t.Errorf("missing DIR: exit %d, %s", code, errOut)
	}
}

func TestAssembleRemembersTheSolution(t *testing.T) {
	dir := writeRepo(t, smallRepo+"-- Other.sln --\nMicrosoft Visual Studio Solution File, Format Version 12.00\n")
	if code, _, errOut := runCrane(t, "assemble", dir); code != exitUsage || !strings.Contains(errOut, "choose one with --solution PATH") {
		t.Fatalf("two solutions: exit %d, %s", code, errOut)
	}
	if code, out, errOut := runCrane(t, "assemble", "--solution", "Acme.Widgets.sln", dir); code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	// The lock file's SolutionFile answers the question from now on.
	assertSecondRunWritesNothing(t, dir, []string{"assemble"})
}
