package generator

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/ewilde/crane/generator/gitdir"
	"github.com/ewilde/crane/generator/gitobj"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// crane reads and writes git through go-git's storage and plumbing
// packages, not its top-level package: that one links in what crane never
// does (OpenPGP signatures, go-git's own git server), which cost start-up
// time and megabytes in every command. HEAD's commit and trees are read from
// their raw objects (package gitobj; plumbing/object would link OpenPGP in
// too).

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

// treeFile returns the blob of the file at rel (slash-separated) in tree:
// a file, an executable or a symlink whose blob the repository has, as
// go-git's Tree.File finds it. A folder, a submodule or a path not there
// gives false.
func treeFile(s *filesystem.Storage, tree plumbing.Hash, rel string) (plumbing.Hash, bool) {
	segs := strings.Split(rel, "/")
	for i, seg := range segs {
		data, err := gitobj.Read(s, plumbing.TreeObject, tree)
		if err != nil {
			return plumbing.ZeroHash, false
		}
		e, ok := treeEntry(data, seg)
		if !ok {
			return plumbing.ZeroHash, false
		}
		if i < len(segs)-1 {
			if e.Mode != filemode.Dir {
				return plumbing.ZeroHash, false
			}
			tree = e.Hash
			continue
		}
		if !e.Mode.IsFile() || s.HasEncodedObject(e.Hash) != nil {
			return plumbing.ZeroHash, false
		}
		return e.Hash, true
	}
	return plumbing.ZeroHash, false
}

// treeEntry finds name in a tree object's content.
func treeEntry(data []byte, name string) (gitobj.Entry, bool) {
	for len(data) > 0 {
		var e gitobj.Entry
		var err error
		if e, data, err = gitobj.NextEntry(data); err != nil {
			return gitobj.Entry{}, false
		}
		if e.Name == name {
			return e, true
		}
	}
	return gitobj.Entry{}, false
}
