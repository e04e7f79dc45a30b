package update

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// RepoBlobs reads blobs from the git repository holding root; nil when
// root is in none.
func RepoBlobs(root string) Blobs {
	repo, err := git.PlainOpenWithOptions(root, &git.PlainOpenOptions{DetectDotGit: true})
	if err != nil {
		return nil
	}
	return func(id string) ([]byte, bool) {
		b, err := repo.BlobObject(plumbing.NewHash(id))
		if err != nil {
			return nil, false
		}
		r, err := b.Reader()
		if err != nil {
			return nil, false
		}
		defer r.Close()
		data, err := io.ReadAll(r)
		return data, err == nil
	}
}

// RecordConflicts records each conflicted file in the index of the git
// repository holding root as git merge does: stage 1 the base (left out when
// unknown), 2 yours, 3 crane's, so that git status shows it as both modified
// and git mergetool and IDEs offer to resolve it. Outside a repository it
// does nothing.
func RecordConflicts(root string, files []Stages) error {
	if len(files) == 0 {
		return nil
	}
	repo, err := git.PlainOpenWithOptions(root, &git.PlainOpenOptions{DetectDotGit: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading git repository: %w", err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return fmt.Errorf("reading git repository: %w", err)
	}
	prefix, err := repoRel(wt.Filesystem.Root(), root)
	if err != nil {
		return err
	}
	idx, err := repo.Storer.Index()
	if err != nil {
		return fmt.Errorf("reading git index: %w", err)
	}
	for _, f := range files {
		name := filepath.ToSlash(filepath.Join(prefix, filepath.FromSlash(f.Path)))
		idx.Entries = slices.DeleteFunc(idx.Entries, func(e *index.Entry) bool { return e.Name == name })
		mode := filemode.Regular
		if f.Executable {
			mode = filemode.Executable
		}
		for stage, data := range map[index.Stage][]byte{index.AncestorMode: f.Base, index.OurMode: f.Ours, index.TheirMode: f.Theirs} {
			if data == nil && stage == index.AncestorMode {
				continue
			}
			h, err := writeBlob(repo, data)
			if err != nil {
				return fmt.Errorf("writing git object for %s: %w", f.Path, err)
			}
			idx.Entries = append(idx.Entries, &index.Entry{Name: name, Hash: h, Mode: mode, Stage: stage, Size: uint32(len(data))})
		}
	}
	slices.SortFunc(idx.Entries, func(a, b *index.Entry) int {
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return int(a.Stage) - int(b.Stage)
	})
	// The cached trees no longer match the entries: drop them, as git does
	// for the paths it changes; git rebuilds them.
	idx.Cache = nil
	if err := repo.Storer.SetIndex(idx); err != nil {
		return fmt.Errorf("writing git index: %w", err)
	}
	return nil
}

func writeBlob(repo *git.Repository, data []byte) (plumbing.Hash, error) {
	obj := repo.Storer.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	w, err := obj.Writer()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if _, err := w.Write(data); err != nil {
		return plumbing.ZeroHash, err
	}
	if err := w.Close(); err != nil {
		return plumbing.ZeroHash, err
	}
	return repo.Storer.SetEncodedObject(obj)
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
