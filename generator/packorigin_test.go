package generator

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/ewilde/crane/generator/packsrc"
)

// TestLockSource: a folder is recorded relative to the project, led by ./
// or ../ and slash-separated, however it was typed; git and built-in
// sources as they are.
func TestLockSource(t *testing.T) {
	wd := t.TempDir()
	t.Chdir(wd)
	tests := []struct{ source, root, want string }{
		{"./packs/co", "demo", "../packs/co"},
		{"packs/co", ".", "./packs/co"},
		{"./packs/co", "packs", "./co"},
		{filepath.ToSlash(filepath.Join(wd, "packs", "co")), "a/b", "../../packs/co"},
		{"./packs/co", filepath.Join(wd, "demo"), "../packs/co"},
		{".", "demo", ".."},
		{".", ".", "."},
		{"https://host/acme/packs.git//co@v1", "demo", "https://host/acme/packs.git//co@v1"},
		{"go", "demo", "go"},
		// The lock is committed: no token reaches it.
		{"https://ada:ghp_secret@github.com/acme/packs.git//co@v1", "demo", "https://github.com/acme/packs.git//co@v1"},
		{"https://ghp_secret@github.com/acme/packs.git", "demo", "https://github.com/acme/packs.git"},
		{"ssh://git:pw@host:2222/acme/packs.git//co", "demo", "ssh://git@host:2222/acme/packs.git//co"},
		{"ssh://git@host/acme/packs.git@v1", "demo", "ssh://git@host/acme/packs.git@v1"},
		{"git@github.com:acme/packs.git//co@v1", "demo", "git@github.com:acme/packs.git//co@v1"},
	}
	for _, tt := range tests {
		if got := LockSource(tt.source, tt.root); got != tt.want {
			t.Errorf("LockSource(%q, %q) = %q, want %q", tt.source, tt.root, got, tt.want)
		}
	}
}

// TestResolveSource: a recorded folder is found relative to the project,
// else (an old lock) relative to the working directory, else refused.
func TestResolveSource(t *testing.T) {
	wd := writeFolder(t, map[string]string{"packs/co/pack.yaml": "name: co\n", "demo/packs/own/pack.yaml": "name: own\n", "demo/x": ""})
	t.Chdir(wd)
	sep := string(filepath.Separator)
	tests := []struct{ recorded, root, want string }{
		{"../packs/co", "demo", "." + sep + filepath.Join("packs", "co")},
		{"./packs/own", "demo", "." + sep + filepath.Join("demo", "packs", "own")},
		{"./packs/co", "demo", "." + sep + filepath.Join("packs", "co")}, // old lock: the working directory
		{"../packs/co", filepath.Join(wd, "demo"), filepath.Join(wd, "packs", "co")},
		{filepath.ToSlash(filepath.Join(wd, "packs", "co")), "elsewhere", filepath.Join(wd, "packs", "co")},
		{"https://host/acme/packs.git//co@v1", "demo", "https://host/acme/packs.git//co@v1"},
	}
	for _, tt := range tests {
		got, err := ResolveSource(tt.recorded, tt.root)
		if err != nil || got != tt.want {
			t.Errorf("ResolveSource(%q, %q) = %q, %v; want %q", tt.recorded, tt.root, got, err, tt.want)
		}
	}
	_, err := ResolveSource("../gone", "demo")
	var bad *packsrc.BadSourceError
	if !errors.As(err, &bad) || !strings.Contains(err.Error(), "records the pack folder ../gone, found neither in demo nor in the working directory") {
		t.Errorf("a folder found nowhere: got %v, want a BadSourceError naming it", err)
	}
}

// teamPack is a folder pack over the built-in mini, with run.sh its own.
func teamPack(run string) map[string]string {
	return map[string]string{
		"team/pack.yaml":                    "name: team\nversion: 1.0.0\ndescription: mini, the team's way\nextends: mini\n",
		"team/build/executable_run.sh.tmpl": run,
	}
}

// TestLoadLocked: the exact pack a lock records comes from the by-hash
// cache after its folder changed, from the pack itself while unchanged, and
// not at all when neither has it.
func TestLoadLocked(t *testing.T) {
	dir := writeFolder(t, teamPack("#!/bin/sh\necho old\n"))
	s := NewPackSource(minimalPack()).WithCache(packsrc.Cache{Dir: t.TempDir(), Limits: packsrc.DefaultLimits})
	old, err := s.Load(filepath.Join(dir, "team"))
	if err != nil {
		t.Fatal(err)
	}
	lock := old.NewLock(dir, Values{"Name": "Acme"})
	if p, why := s.LoadLocked(&lock, old); p != old {
		t.Fatalf("unchanged pack: got %v (%s), want the pack itself", p, why)
	}
	if err := s.Keep(old); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "team", "build", "executable_run.sh.tmpl"), []byte("#!/bin/sh\necho new\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cur, err := s.Load(filepath.Join(dir, "team"))
	if err != nil {
		t.Fatal(err)
	}
	base, why := s.LoadLocked(&lock, cur)
	if base == nil {
		t.Fatalf("changed pack: no base (%s), want the kept one", why)
	}
	if got := renderAll(t, base, map[string]string{"Name": "Acme"})["run.sh"]; got != "#!/bin/sh\necho old\n" {
		t.Errorf("base run.sh = %q, want the old one", got)
	}
	if got := renderAll(t, base, map[string]string{"Name": "Acme"})["Acme/.keep"]; got != "Acme plain\n" {
		t.Errorf("base Acme/.keep = %q, want mini's, through extends", got)
	}
	empty := s.WithCache(packsrc.Cache{Dir: t.TempDir(), Limits: packsrc.DefaultLimits})
	if p, why := empty.LoadLocked(&lock, cur); p != nil || !strings.Contains(why, "the pack has changed at its source since") {
		t.Errorf("no cache: got %v, %q; want none, and why", p, why)
	}
}

// TestLoadLockedGit: without the by-hash cache, a git pack's base is its
// recorded commit, merged over what it extends and checked against the
// hash: a built-in base that changed since gives none.
func TestLoadLockedGit(t *testing.T) {
	work := writeFolder(t, teamPack("#!/bin/sh\necho v1\n"))
	repo, err := git.PlainInit(work, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := repo.Worktree()
	if err := wt.AddGlob("."); err != nil {
		t.Fatal(err)
	}
	sig := &object.Signature{Name: "t", Email: "t@example.com", When: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	if _, err := wt.Commit("v1", &git.CommitOptions{Author: sig}); err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.ToSlash(work) + "//team"
	fresh := func() PackSource {
		return NewPackSource(minimalPack()).WithCache(packsrc.Cache{Dir: t.TempDir(), Limits: packsrc.DefaultLimits})
	}
	s := fresh()
	p, err := s.Load(url)
	if err != nil {
		t.Fatal(err)
	}
	lock := p.NewLock(t.TempDir(), Values{"Name": "Acme"})
	if lock.PackCommit == "" {
		t.Fatal("no commit recorded")
	}
	other := fresh() // an empty cache: the commit is fetched by its id
	base, why := other.LoadLocked(&lock, nil)
	if base == nil {
		t.Fatalf("no base from the commit: %s", why)
	}
	if got := renderAll(t, base, map[string]string{"Name": "Acme"})["run.sh"]; got != "#!/bin/sh\necho v1\n" {
		t.Errorf("base run.sh = %q, want v1's", got)
	}
	changed := minimalPack()
	changed["mini/project/fancy.txt"].Data = []byte("fancier\n")
	moved := NewPackSource(changed).WithCache(packsrc.Cache{Dir: t.TempDir(), Limits: packsrc.DefaultLimits})
	if base, why := moved.LoadLocked(&lock, nil); base != nil || !strings.Contains(why, "is not what crane rendered") {
		t.Errorf("extended pack changed: got %v, %q; want none, and why", base, why)
	}
}
