package generator

import (
	"crypto/sha1"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/google/go-cmp/cmp"
)

// TestParseIndexAgreesWithGoGit reads indexes the real git writes, in each
// version, with long and nested names, an intent-to-add entry (an extended
// flag) and a merge conflict (three stages), and wants what go-git's
// decoder reads: every path once, with its last stage's hash. A split
// index, a sparse index and a skipped checksum are left to go-git.
func TestParseIndexAgreesWithGoGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: these indexes are written by the real git")
	}
	long := fmt.Sprintf("deep/%0300d/%05000d.txt", 7, 9) // a name over 4095 bytes
	for _, tt := range []struct {
		name  string
		setup []string
		read  bool // parseIndex reads it (else it declines)
	}{
		{name: "version 2", setup: []string{"update-index --index-version 2"}, read: true},
		{name: "version 3, intent to add", setup: []string{"add -N later.txt"}, read: true},
		{name: "version 4", setup: []string{"update-index --index-version 4"}, read: true},
		{name: "version 4, intent to add", setup: []string{"update-index --index-version 4", "add -N later.txt"}, read: true},
		{name: "conflict", read: true}, // three stages of a.txt, made below
		{name: "untracked cache", setup: []string{"update-index --untracked-cache", "status"}, read: true},
		{name: "split index", setup: []string{"update-index --split-index"}},
		{name: "sparse index", setup: []string{"sparse-checkout set --sparse-index src"}},
		{name: "no checksum"}, // index.skipHash (git 2.40): the trailer is zero, made below
	} {
		t.Run(tt.name, func(t *testing.T) {
			repo := t.TempDir()
			writeFiles(t, repo, map[string]string{"a.txt": "a\n", "src/b/c.txt": "c\n", "src/b.txt": "b\n", "src/b-c": "x\n", "later.txt": "l\n", "z/" + "y.txt": "y\n"})
			if err := os.MkdirAll(filepath.Dir(filepath.Join(repo, long)), 0o755); err == nil {
				_ = os.WriteFile(filepath.Join(repo, long), []byte("long\n"), 0o644)
			}
			realGit(t, repo, "init", "-q", "-b", "main")
			realGit(t, repo, "add", "a.txt", "src", "z", "deep")
			realGit(t, repo, "commit", "-q", "-m", "one")
			if tt.name == "conflict" {
				realGit(t, repo, "checkout", "-q", "-b", "other")
				writeFiles(t, repo, map[string]string{"a.txt": "other\n"})
				realGit(t, repo, "commit", "-q", "-am", "other")
				realGit(t, repo, "checkout", "-q", "main")
				writeFiles(t, repo, map[string]string{"a.txt": "main\n"})
				realGit(t, repo, "commit", "-q", "-am", "main")
				cmd := exec.Command("git", "merge", "-q", "other")
				cmd.Dir = repo
				_ = cmd.Run() // conflicts: exit 1
			} else {
				for _, s := range tt.setup {
					realGit(t, repo, strings.Fields(s)...)
				}
			}
			data, err := os.ReadFile(filepath.Join(repo, ".git", "index"))
			if err != nil {
				t.Fatal(err)
			}
			if tt.name == "no checksum" {
				clear(data[len(data)-sha1.Size:])
			}
			entries, ok := parseIndex(data)
			if ok != tt.read {
				t.Fatalf("parseIndex ok = %v, want %v", ok, tt.read)
			}
			if !ok {
				return
			}
			store := filesystem.NewStorage(osfs.New(filepath.Join(repo, ".git")), cache.NewObjectLRUDefault())
			idx, err := store.Index()
			if err != nil {
				t.Fatalf("go-git: %v", err)
			}
			want := map[string]plumbing.Hash{}
			stages := 0
			for _, e := range idx.Entries {
				want[e.Name] = e.Hash
				stages = max(stages, int(e.Stage))
			}
			if tt.name == "conflict" && stages != 3 {
				t.Fatalf("the merge left no conflict stages: %d", stages)
			}
			if diff := cmp.Diff(sortedEntries(want), entries, cmp.AllowUnexported(indexEntry{})); diff != "" {
				t.Errorf("entries (-go-git +parseIndex):\n%s", diff)
			}
		})
	}
}

// withChecksum is data with the SHA-1 trailer an index ends with.
func withChecksum(data []byte) []byte {
	sum := sha1.Sum(data)
	return append(slices.Clip(data), sum[:]...)
}

// FuzzParseIndex: no input makes parseIndex panic or read past its bytes,
// with or without a valid checksum.
func FuzzParseIndex(f *testing.F) {
	f.Add([]byte("DIRC\x00\x00\x00\x02\x00\x00\x00\x00"))
	f.Add([]byte("DIRC\x00\x00\x00\x04\x00\x00\x00\x01" + strings.Repeat("\x00", 60) + "\x00\x03\x00abc\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		parseIndex(data)
		parseIndex(withChecksum(data))
	})
}
