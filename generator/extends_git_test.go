package generator

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/ewilde/crane/generator/packsrc"
)

// commitFolder makes the folder dir a git repository with one commit of
// everything in it, and returns its file:// URL.
func commitFolder(t *testing.T, dir string) string {
	t.Helper()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := repo.Worktree()
	if err := wt.AddGlob("."); err != nil {
		t.Fatal(err)
	}
	sig := &object.Signature{Name: "t", Email: "t@example.com", When: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	if _, err := wt.Commit("packs", &git.CommitOptions{Author: sig}); err != nil {
		t.Fatal(err)
	}
	return "file://" + dir
}

// TestExtendsSiblingInGitRepo: a pack from git extends a folder of its own
// repository (relative to its own folder, at the same commit), as a team
// keeps a base pack and its overlays side by side; the chain goes on from
// there, and the lock's base (LoadLocked at the commit) is the same pack.
func TestExtendsSiblingInGitRepo(t *testing.T) {
	url := commitFolder(t, writeFolder(t, map[string]string{
		"packs/base/pack.yaml":             "name: base\nversion: 1.0.0\ndescription: d\nextends: mini\n",
		"packs/base/project/base.txt.tmpl": "base {{ .Name }}\n",
		"packs/web/pack.yaml":              "name: web\nversion: 1.0.0\ndescription: d\nextends: ../base\n",
		"packs/web/project/web.txt":        "web\n",
		"top/pack.yaml":                    "name: top\nversion: 1.0.0\ndescription: d\nextends: ../packs/web\n",
		"top/project/top.txt":              "top\n",
		"outside/pack.yaml":                "name: outside\nversion: 1.0.0\ndescription: d\nextends: ../../secret\n",
		"outside/project/x.txt":            "x\n",
		"absolute/pack.yaml":               "name: absolute\nversion: 1.0.0\ndescription: d\nextends: /etc\n",
		"absolute/project/x.txt":           "x\n",
	}))
	s := NewPackSource(minimalPack()).WithCache(packsrc.Cache{Dir: t.TempDir(), Limits: packsrc.DefaultLimits})
	p, err := s.Load(url + "//top")
	if err != nil {
		t.Fatal(err)
	}
	got := renderAll(t, p, map[string]string{"Name": "Acme"})
	for file, want := range map[string]string{"base.txt": "base Acme\n", "web.txt": "web\n", "top.txt": "top\n", "Acme/.keep": "Acme plain\n"} {
		if got[file] != want {
			t.Errorf("%s = %q, want %q (through top -> ../packs/web -> ../base -> mini)", file, got[file], want)
		}
	}
	lock := p.NewLock(t.TempDir(), Values{"Name": "Acme"})
	other := NewPackSource(minimalPack()).WithCache(packsrc.Cache{Dir: t.TempDir(), Limits: packsrc.DefaultLimits})
	if base, why := other.LoadLocked(&lock, nil); base == nil {
		t.Errorf("the lock's base at the commit: none (%s)", why)
	}
	for _, name := range []string{"outside", "absolute"} {
		_, err := s.Load(url + "//" + name)
		if err == nil || !strings.Contains(err.Error(), "may extend a folder of its own repository only") {
			t.Errorf("%s: got %v, want a refusal naming the repository", name, err)
		}
	}
}

// TestDropRenderedNameHint: a drop written as the file is rendered
// (**/*.ps1 for build/executable_build.ps1.tmpl) matches nothing, and the
// error names the path in the pack to give instead.
func TestDropRenderedNameHint(t *testing.T) {
	base := packsrc.Snapshot{Files: map[string][]byte{
		"pack.yaml":                       []byte("name: base\nversion: 1.0.0\ndescription: d\n"),
		"build/executable_build.ps1.tmpl": []byte("x"),
	}}
	top := packsrc.Snapshot{Files: map[string][]byte{"pack.yaml": []byte("name: top\nversion: 1.0.0\ndescription: d\n")}}
	for drop, want := range map[string]string{
		"**/*.ps1":  `pack.yaml: drop "**/*.ps1" matches no file of the pack extended; drop takes paths as they are in the pack, such as build/executable_build.ps1.tmpl, not as they are rendered`,
		"nothing/*": `pack.yaml: drop "nothing/*" matches no file of the pack extended`,
	} {
		_, err := mergeSnapshots("top", base, top, []string{drop})
		var pe *PackError
		if !errors.As(err, &pe) || len(pe.Problems) != 1 || pe.Problems[0] != want {
			t.Errorf("drop %s: got %v, want %q", drop, err, want)
		}
	}
}
