package gitobj

import (
	"testing"
	"time"

	"github.com/go-git/go-billy/v5/memfs"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/memory"
	"github.com/google/go-cmp/cmp"
)

// TestAgreesWithGoGit reads a commit made with go-git: the files Walk
// finds and their modes are those of go-git's Tree.Files, and Peel and
// CommitTree follow an annotated tag as go-git's object package does.
func TestAgreesWithGoGit(t *testing.T) {
	fs := memfs.New()
	repo, err := git.Init(memory.NewStorage(), fs)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"README": "r\n", "a/b/c.txt": "c\n", "a/x": "x\n", "z/run.sh": "#!/bin/sh\n"} {
		f, err := fs.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(data))
		f.Close()
	}
	if err := fs.Symlink("../README", "a/link"); err != nil {
		t.Fatal(err)
	}
	wt, _ := repo.Worktree()
	if err := wt.AddGlob("."); err != nil {
		t.Fatal(err)
	}
	sig := &object.Signature{Name: "t", Email: "t@example.com", When: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	c, err := wt.Commit("c", &git.CommitOptions{Author: sig})
	if err != nil {
		t.Fatal(err)
	}
	tag, err := repo.CreateTag("v1", c, &git.CreateTagOptions{Tagger: sig, Message: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	s := repo.Storer

	peeled, ok := Peel(s, tag.Hash())
	if !ok || peeled != c {
		t.Errorf("Peel(tag) = %s, %v; want %s, true", peeled, ok, c)
	}
	if h, ok := Peel(s, c); ok || h != c {
		t.Errorf("Peel(commit) = %s, %v; want it unchanged, false", h, ok)
	}
	commit, _ := repo.CommitObject(c)
	tree, err := CommitTree(s, c)
	if err != nil || tree != commit.TreeHash {
		t.Fatalf("CommitTree = %s, %v; want %s", tree, err, commit.TreeHash)
	}

	want := map[string]string{}
	gt, _ := commit.Tree()
	gt.Files().ForEach(func(f *object.File) error {
		want[f.Name] = f.Mode.String() + " " + f.Hash.String()
		return nil
	})
	got := map[string]string{}
	var order []string
	err = Walk(s, tree, func(path string, e Entry) error {
		got[path] = e.Mode.String() + " " + e.Hash.String()
		order = append(order, path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Walk (-go-git +gitobj):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"README", "a/b/c.txt", "a/link", "a/x", "z/run.sh"}, order); diff != "" {
		t.Errorf("Walk order (-want +got):\n%s", diff)
	}
	if _, err := CommitTree(s, plumbing.NewHash("0123456789012345678901234567890123456789")); err == nil {
		t.Error("CommitTree of a missing commit: no error")
	}
}

// FuzzNextEntry feeds arbitrary tree content: NextEntry never panics, and
// always consumes something or fails, so a loop over it ends.
func FuzzNextEntry(f *testing.F) {
	f.Add([]byte("100644 a\x00aaaaaaaaaaaaaaaaaaaa40000 b\x00bbbbbbbbbbbbbbbbbbbb"))
	f.Add([]byte("100644 a\x00short"))
	f.Add([]byte("x y\x00aaaaaaaaaaaaaaaaaaaa"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for len(data) > 0 {
			_, rest, err := NextEntry(data)
			if err != nil {
				return
			}
			if len(rest) >= len(data) {
				t.Fatalf("NextEntry consumed nothing of %q", data)
			}
			data = rest
		}
	})
}
