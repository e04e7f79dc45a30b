package generator

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"github.com/ewilde/crane/generator/gitdir"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// crane reads and writes git through go-git's storage and plumbing
// packages, not its top-level package: that one links in what crane never
// does (transports over HTTP and SSH, OpenPGP signatures), which cost start-up
// time and megabytes in every command. HEAD's commit and trees are read from
// their raw objects here (plumbing/object would link OpenPGP in too).

// GitStorage opens the storage (objects, refs, index) of the git repository
// whose work tree holds dir, and returns the work tree's root. Objects are
// read from and written to the folder all work trees share. It returns a nil
// storage and no error when dir is in no repository.
func GitStorage(dir string) (root string, store *filesystem.Storage, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", nil, err
	}
	r, err := openGitStorage(abs)
	if err != nil || r == nil {
		return "", nil, err
	}
	return r.Root, r.store, nil
}

// openGitStorage finds the git folder of the work tree holding abs (see
// gitdir.Find) and the common folder it shares with other work trees, and
// opens their storage. It returns nil and no error outside a repository.
func openGitStorage(abs string) (*GitRepo, error) {
	root, gitDir, err := gitdir.Find(abs)
	if err != nil || root == "" {
		return nil, err
	}
	common := gitdir.Common(gitDir)
	return &GitRepo{Root: root, gitDir: gitDir, common: common, store: gitdir.Storage(gitDir, common)}, nil
}

// errRepositoryExists is go-git's ErrRepositoryAlreadyExists, in its words.
var errRepositoryExists = errors.New("repository already exists")

// initRepository does what go-git's PlainInit does for a work tree at dir
// on branch: the folders of dir/.git, HEAD naming the branch, and a config.
func initRepository(dir string, branch plumbing.ReferenceName) error {
	s := filesystem.NewStorage(osfs.New(filepath.Join(dir, ".git")), cache.NewObjectLRUDefault())
	if err := s.Init(); err != nil {
		return err
	}
	switch _, err := s.Reference(plumbing.HEAD); {
	case err == nil:
		return errRepositoryExists
	case !errors.Is(err, plumbing.ErrReferenceNotFound):
		return err
	}
	if err := s.SetReference(plumbing.NewSymbolicReference(plumbing.HEAD, branch)); err != nil {
		return err
	}
	cfg, err := s.Config()
	if err != nil {
		return err
	}
	return s.SetConfig(cfg)
}

// readObject reads the content of the object h of type t.
func readObject(s *filesystem.Storage, t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
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

// commitTree returns the tree of commit h.
func commitTree(s *filesystem.Storage, h plumbing.Hash) (plumbing.Hash, error) {
	data, err := readObject(s, plumbing.CommitObject, h)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	line, _, _ := bytes.Cut(data, []byte{'\n'})
	hex, ok := bytes.CutPrefix(line, []byte("tree "))
	if !ok || len(hex) != 2*len(plumbing.ZeroHash) {
		return plumbing.ZeroHash, errors.New("commit " + h.String() + " has no tree")
	}
	return plumbing.NewHash(string(hex)), nil
}

// treeFile returns the blob of the file at rel (slash-separated) in tree:
// a file, an executable or a symlink whose blob the repository has, as
// go-git's Tree.File finds it. A folder, a submodule or a path not there
// gives false.
func treeFile(s *filesystem.Storage, tree plumbing.Hash, rel string) (plumbing.Hash, bool) {
	segs := strings.Split(rel, "/")
	for i, seg := range segs {
		data, err := readObject(s, plumbing.TreeObject, tree)
		if err != nil {
			return plumbing.ZeroHash, false
		}
		mode, h, ok := treeEntry(data, seg)
		if !ok {
			return plumbing.ZeroHash, false
		}
		if i < len(segs)-1 {
			if mode != filemode.Dir {
				return plumbing.ZeroHash, false
			}
			tree = h
			continue
		}
		if !mode.IsFile() || s.HasEncodedObject(h) != nil {
			return plumbing.ZeroHash, false
		}
		return h, true
	}
	return plumbing.ZeroHash, false
}

// treeEntry finds name in a tree object's content: entries of "MODE NAME",
// a NUL and the 20-byte hash.
func treeEntry(data []byte, name string) (filemode.FileMode, plumbing.Hash, bool) {
	for len(data) > 0 {
		sp := bytes.IndexByte(data, ' ')
		nul := bytes.IndexByte(data, 0)
		if sp < 0 || nul < sp || nul+1+len(plumbing.ZeroHash) > len(data) {
			return 0, plumbing.ZeroHash, false
		}
		if string(data[sp+1:nul]) == name {
			mode, err := filemode.New(string(data[:sp]))
			if err != nil {
				return 0, plumbing.ZeroHash, false
			}
			var h plumbing.Hash
			copy(h[:], data[nul+1:])
			return mode, h, true
		}
		data = data[nul+1+len(plumbing.ZeroHash):]
	}
	return 0, plumbing.ZeroHash, false
}
