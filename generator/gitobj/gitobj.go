// Package gitobj reads git's commit, tag and tree objects from their raw
// content in a go-git storer. go-git's plumbing/object decodes them too, but
// it links in OpenPGP (for signatures crane never checks), which every crane
// command would then initialise at start-up.
package gitobj

import (
	"bytes"
	"fmt"
	"io"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// MaxTreeDepth bounds how deep Walk descends, so that a hostile tree cannot
// recurse without end.
const MaxTreeDepth = 256

// Read returns the content of the object h of type t.
func Read(s storer.EncodedObjectStorer, t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	obj, err := s.EncodedObject(t, h)
	if err != nil {
		return nil, err
	}
	rd, err := obj.Reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	return io.ReadAll(rd)
}

// Header returns the value of the header line "key VALUE" of a commit or
// tag object's content (the headers end at the first empty line).
func Header(data []byte, key string) (string, bool) {
	for len(data) > 0 {
		line, rest, _ := bytes.Cut(data, []byte{'\n'})
		if len(line) == 0 {
			break
		}
		if v, ok := bytes.CutPrefix(line, []byte(key+" ")); ok {
			return string(v), true
		}
		data = rest
	}
	return "", false
}

// Peel follows the annotated tag h (and a tag it names, and so on) to the
// object it finally names, as `git ls-remote` shows it after "^{}". It
// returns h and false when h is no tag object.
func Peel(s storer.EncodedObjectStorer, h plumbing.Hash) (plumbing.Hash, bool) {
	peeled := false
	for range 16 {
		data, err := Read(s, plumbing.TagObject, h)
		if err != nil {
			break
		}
		target, ok := Header(data, "object")
		if !ok || !plumbing.IsHash(target) {
			break
		}
		h, peeled = plumbing.NewHash(target), true
	}
	return h, peeled
}

// CommitTree returns the tree of the commit h.
func CommitTree(s storer.EncodedObjectStorer, h plumbing.Hash) (plumbing.Hash, error) {
	data, err := Read(s, plumbing.CommitObject, h)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	tree, ok := Header(data, "tree")
	if !ok || !plumbing.IsHash(tree) {
		return plumbing.ZeroHash, fmt.Errorf("commit %s has no tree", h)
	}
	return plumbing.NewHash(tree), nil
}

// Entry is one entry of a tree object.
type Entry struct {
	Name string
	Mode filemode.FileMode
	Hash plumbing.Hash
}

// NextEntry decodes the first entry of a tree object's content data
// ("MODE NAME", a NUL, the 20-byte hash) and returns it with the rest.
func NextEntry(data []byte) (Entry, []byte, error) {
	sp := bytes.IndexByte(data, ' ')
	nul := bytes.IndexByte(data, 0)
	if sp < 0 || nul < sp || nul+1+len(plumbing.ZeroHash) > len(data) {
		return Entry{}, nil, fmt.Errorf("malformed tree entry")
	}
	mode, err := filemode.New(string(data[:sp]))
	if err != nil {
		return Entry{}, nil, err
	}
	e := Entry{Name: string(data[sp+1 : nul]), Mode: mode}
	copy(e.Hash[:], data[nul+1:])
	return e, data[nul+1+len(plumbing.ZeroHash):], nil
}

// Walk calls fn for every file of tree (regular, executable or symlink;
// submodules are skipped) with its slash-separated path, depth first in the
// tree's order, as go-git's Tree.Files does.
func Walk(s storer.EncodedObjectStorer, tree plumbing.Hash, fn func(path string, e Entry) error) error {
	return walk(s, tree, "", 0, fn)
}

func walk(s storer.EncodedObjectStorer, tree plumbing.Hash, dir string, depth int, fn func(string, Entry) error) error {
	if depth > MaxTreeDepth {
		return fmt.Errorf("folders nest deeper than %d", MaxTreeDepth)
	}
	data, err := Read(s, plumbing.TreeObject, tree)
	if err != nil {
		return err
	}
	for len(data) > 0 {
		var e Entry
		if e, data, err = NextEntry(data); err != nil {
			return fmt.Errorf("tree %s: %w", tree, err)
		}
		switch {
		case e.Mode == filemode.Dir:
			if err := walk(s, e.Hash, dir+e.Name+"/", depth+1, fn); err != nil {
				return err
			}
		case e.Mode.IsFile():
			if err := fn(dir+e.Name, e); err != nil {
				return err
			}
		}
	}
	return nil
}
