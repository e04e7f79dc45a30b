package generator

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Dirty tells, for the given files under root (slash-separated, relative to
// root) and their current contents, which have changes git has not committed:
// untracked, changed in the work tree, or staged. It looks up only those
// paths (the index and HEAD's tree), not the status of the whole tree. A root
// outside any git work tree gives none: there is nothing to compare with.
func Dirty(root string, files map[string][]byte) (map[string]string, error) {
	out := map[string]string{}
	if len(files) == 0 {
		return out, nil
	}
	repo, err := git.PlainOpenWithOptions(root, &git.PlainOpenOptions{DetectDotGit: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading git repository: %w", err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return nil, fmt.Errorf("reading git repository: %w", err)
	}
	idx, err := repo.Storer.Index()
	if err != nil {
		return nil, fmt.Errorf("reading git index: %w", err)
	}
	var tree *object.Tree
	if head, err := repo.Head(); err == nil {
		if c, err := repo.CommitObject(head.Hash()); err == nil {
			tree, _ = c.Tree()
		}
	}
	base, err := repoRel(wt.Filesystem.Root(), root)
	if err != nil {
		return nil, err
	}
	for p, data := range files {
		rel := filepath.ToSlash(filepath.Join(base, filepath.FromSlash(p)))
		if why := dirtyReason(idx, tree, rel, data); why != "" {
			out[p] = why
		}
	}
	return out, nil
}

func dirtyReason(idx *index.Index, tree *object.Tree, rel string, data []byte) string {
	e, err := idx.Entry(rel)
	if err != nil {
		return "untracked"
	}
	if plumbing.ComputeHash(plumbing.BlobObject, data) != e.Hash &&
		// With core.autocrlf the index holds LF where the work tree has CRLF.
		plumbing.ComputeHash(plumbing.BlobObject, bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))) != e.Hash {
		return "changed and not committed"
	}
	if tree == nil {
		return "staged and not committed"
	}
	f, err := tree.File(rel)
	if err != nil || f.Hash != e.Hash {
		return "staged and not committed"
	}
	return ""
}

// repoRel is root relative to the work tree, both with symlinks resolved.
func repoRel(workTree, root string) (string, error) {
	wt, err := filepath.EvalSymlinks(workTree)
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	if abs, err = filepath.EvalSymlinks(abs); err != nil {
		return "", err
	}
	return filepath.Rel(wt, abs)
}
