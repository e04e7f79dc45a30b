package generator

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

func exists(p string) bool {
	_, err := os.Lstat(p)
	return !errors.Is(err, fs.ErrNotExist)
}

// IsEmptyDir reports whether dir is missing or an empty folder: where init may
// write. A folder holding only .git (a fresh clone of an empty repository)
// counts as empty.
func IsEmptyDir(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if exists(dir) {
			return false, errors.New("it is a symlink to a missing folder")
		}
		return true, nil
	}
	if err != nil {
		return false, err
	}
	for _, e := range entries {
		if e.Name() != ".git" {
			return false, nil
		}
	}
	return true, nil
}

// InGitDir reports whether dir, which need not exist yet, is a .git folder or
// inside one, by its absolute path or by the real path of its nearest
// existing ancestor (a symlink may lead there): crane never writes there.
func InGitDir(dir string) bool {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	if hasGitSegment(abs) {
		return true
	}
	existing, rest := abs, ""
	for !exists(existing) && filepath.Dir(existing) != existing {
		rest = filepath.Join(filepath.Base(existing), rest)
		existing = filepath.Dir(existing)
	}
	real, err := filepath.EvalSymlinks(existing)
	return err == nil && hasGitSegment(filepath.Join(real, rest))
}

// hasGitSegment matches .git in any case: on macOS and Windows .GIT is the
// same folder.
func hasGitSegment(p string) bool {
	return slices.ContainsFunc(strings.Split(filepath.ToSlash(p), "/"), func(seg string) bool {
		return strings.EqualFold(seg, ".git")
	})
}
