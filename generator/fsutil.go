package generator

import (
	"errors"
	"io/fs"
	"os"
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
