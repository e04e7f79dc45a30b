package generator

import (
	"fmt"
	"path/filepath"
)

// Dirty tells, for the given files under root (slash-separated, relative to
// root) and their current contents, which have changes git has not committed:
// untracked, changed in the work tree, or staged. It looks up only those
// paths (the index and HEAD's tree), not the status of the whole tree. A root
// outside any git work tree gives none: there is nothing to compare with.
func Dirty(root string, files map[string][]byte) (map[string]string, error) {
	if len(files) == 0 {
		return map[string]string{}, nil
	}
	repo, err := OpenGitRepo(root)
	if err != nil {
		return nil, fmt.Errorf("reading git repository: %w", err)
	}
	if repo == nil {
		return map[string]string{}, nil
	}
	return repo.Dirty(root, files)
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
