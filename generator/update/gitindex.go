package update

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/storage/filesystem"

	"github.com/ewilde/crane/generator"
)

// RepoBlobs reads blobs from the git repository holding root; nil when
// root is in none.
func RepoBlobs(root string) Blobs {
	_, store, err := generator.GitStorage(root)
	if err != nil || store == nil {
		return nil
	}
	return func(id string) ([]byte, bool) {
		obj, err := store.EncodedObject(plumbing.BlobObject, plumbing.NewHash(id))
		if err != nil {
			return nil, false
		}
		r, err := obj.Reader()
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
	wtRoot, store, err := generator.GitStorage(root)
	if err != nil {
		return fmt.Errorf("reading git repository: %w", err)
	}
	if store == nil {
		return nil
	}
	prefix, err := repoRel(wtRoot, root)
	if err != nil {
		return err
	}
	idx, err := store.Index()
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
			h, err := writeBlob(store, data)
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
	if err := store.SetIndex(idx); err != nil {
		return fmt.Errorf("writing git index: %w", err)
	}
	return nil
}

func writeBlob(store *filesystem.Storage, data []byte) (plumbing.Hash, error) {
	obj := store.NewEncodedObject()
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
	return store.SetEncodedObject(obj)
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
