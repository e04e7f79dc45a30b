// Package gitdir finds the git repository whose work tree holds a folder and
// opens its storage with go-git's storage package, without go-git's
// top-level package (which links in transports over HTTP and SSH and OpenPGP
// that reading a repository never uses).
package gitdir

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// Find walks up from abs (an absolute path) to the first folder holding a
// .git folder or a .git file, and returns that folder (the work tree's root)
// and the git folder. A .git file is a "gitdir: PATH" pointer, as in a
// submodule, a `git worktree add` checkout or a --separate-git-dir
// repository. It returns "" when there is none.
func Find(abs string) (root, gitDir string, err error) {
	for d := abs; ; d = filepath.Dir(d) {
		dotGit := filepath.Join(d, ".git")
		info, err := os.Stat(dotGit)
		switch {
		case err == nil && info.IsDir():
			return d, dotGit, nil
		case err == nil && info.Mode().IsRegular():
			b, err := os.ReadFile(dotGit)
			if err != nil {
				return "", "", fmt.Errorf("reading %s: %w", dotGit, err)
			}
			target, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "gitdir:")
			if !ok {
				return "", "", fmt.Errorf("%s is a file but not a \"gitdir: PATH\" pointer; repair or remove it", dotGit)
			}
			target = strings.TrimSpace(target)
			if !filepath.IsAbs(target) {
				target = filepath.Join(d, target)
			}
			if info, err := os.Stat(target); err != nil || !info.IsDir() {
				return "", "", fmt.Errorf("%s points to %s, which is not a git folder; repair the pointer (git worktree repair) or remove it", dotGit, target)
			}
			return d, target, nil
		}
		if filepath.Dir(d) == d {
			return "", "", nil
		}
	}
}

// Common returns the folder gitDir shares with the other work trees of its
// repository (objects, refs, info): the one its "commondir" file names, or
// gitDir itself.
func Common(gitDir string) string {
	b, err := os.ReadFile(filepath.Join(gitDir, "commondir"))
	if err != nil {
		return gitDir
	}
	common := strings.TrimSpace(string(b))
	if !filepath.IsAbs(common) {
		common = filepath.Join(gitDir, common)
	}
	return common
}

// Storage opens the storage of the git folder gitDir: HEAD and the index
// from gitDir, objects and refs from common (see Common).
func Storage(gitDir, common string) *filesystem.Storage {
	return filesystem.NewStorage(dotgit.NewRepositoryFilesystem(osfs.New(gitDir), osfs.New(common)), cache.NewObjectLRUDefault())
}

// Open finds the repository whose work tree holds abs (see Find) and opens
// its storage (see Storage). It returns a nil storage and no error when abs
// is in no repository.
func Open(abs string) (root, gitDir string, store *filesystem.Storage, err error) {
	root, gitDir, err = Find(abs)
	if err != nil || root == "" {
		return "", "", nil, err
	}
	return root, gitDir, Storage(gitDir, Common(gitDir)), nil
}
