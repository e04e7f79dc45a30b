package packsrc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// Commits, tags and trees are read from their raw objects here:
// plumbing/object would link OpenPGP into crane (see remote.go).

// maxTreeDepth bounds the folders a pack's repository may nest, so that a
// hostile tree cannot recurse without end.
const maxTreeDepth = 256

// readObject reads the content of the object h of type t.
func readObject(s storer.EncodedObjectStorer, t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
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

// header returns the value of the header line "key VALUE" among the first
// lines of a commit or tag object (the headers end at the first empty line).
func header(data []byte, key string) (string, bool) {
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

// peel follows the annotated tag h to the object it finally names, as
// `git ls-remote` shows it after "^{}"; false when h is no tag object.
func peel(s storer.EncodedObjectStorer, h plumbing.Hash) (plumbing.Hash, bool) {
	peeled := false
	for i := 0; i < 16; i++ {
		data, err := readObject(s, plumbing.TagObject, h)
		if err != nil {
			break
		}
		target, ok := header(data, "object")
		if !ok || !plumbing.IsHash(target) {
			break
		}
		h, peeled = plumbing.NewHash(target), true
	}
	return h, peeled
}

// commitTree returns the tree of the commit h, peeling annotated tags.
func commitTree(s storer.EncodedObjectStorer, h plumbing.Hash) (plumbing.Hash, error) {
	h, _ = peel(s, h)
	data, err := readObject(s, plumbing.CommitObject, h)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	tree, ok := header(data, "tree")
	if !ok || !plumbing.IsHash(tree) {
		return plumbing.ZeroHash, fmt.Errorf("commit %s has no tree", h)
	}
	return plumbing.NewHash(tree), nil
}

// commitWithPrefix returns the commit whose id starts with prefix (hex),
// or that an annotated tag with such an id names; the lowest id when
// several do.
func commitWithPrefix(s storer.EncodedObjectStorer, prefix string) (plumbing.Hash, bool) {
	iter, err := s.IterEncodedObjects(plumbing.AnyObject)
	if err != nil {
		return plumbing.ZeroHash, false
	}
	var ids []string
	_ = iter.ForEach(func(o plumbing.EncodedObject) error {
		if id := o.Hash().String(); strings.HasPrefix(id, prefix) {
			ids = append(ids, id)
		}
		return nil
	})
	sort.Strings(ids)
	for _, id := range ids {
		h, _ := peel(s, plumbing.NewHash(id))
		if _, err := s.EncodedObject(plumbing.CommitObject, h); err == nil {
			return h, true
		}
	}
	return plumbing.ZeroHash, false
}

// treeFile is a file of a tree: its slash-separated path, mode and blob.
type treeFile struct {
	Name string
	Mode filemode.FileMode
	Blob plumbing.Hash
}

// walkTree calls fn for every file of tree (regular, executable or
// symlink; submodules are skipped), depth first in the tree's order, as
// go-git's Tree.Files does.
func walkTree(s storer.EncodedObjectStorer, tree plumbing.Hash, fn func(treeFile) error) error {
	return walkTreeAt(s, tree, "", 0, fn)
}

func walkTreeAt(s storer.EncodedObjectStorer, tree plumbing.Hash, dir string, depth int, fn func(treeFile) error) error {
	if depth > maxTreeDepth {
		return fmt.Errorf("folders nest deeper than %d", maxTreeDepth)
	}
	data, err := readObject(s, plumbing.TreeObject, tree)
	if err != nil {
		return err
	}
	for len(data) > 0 {
		sp := bytes.IndexByte(data, ' ')
		nul := bytes.IndexByte(data, 0)
		if sp < 0 || nul < sp || nul+1+len(plumbing.ZeroHash) > len(data) {
			return errors.New("tree " + tree.String() + " is malformed")
		}
		mode, err := filemode.New(string(data[:sp]))
		if err != nil {
			return fmt.Errorf("tree %s: %w", tree, err)
		}
		var h plumbing.Hash
		copy(h[:], data[nul+1:])
		name := dir + string(data[sp+1:nul])
		data = data[nul+1+len(plumbing.ZeroHash):]
		switch {
		case mode == filemode.Dir:
			if err := walkTreeAt(s, h, name+"/", depth+1, fn); err != nil {
				return err
			}
		case mode.IsFile():
			if err := fn(treeFile{Name: name, Mode: mode, Blob: h}); err != nil {
				return err
			}
		}
	}
	return nil
}
