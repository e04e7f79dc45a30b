package generator

import (
	"os/user"
	"path/filepath"

	"github.com/ewilde/crane/generator/gitdir"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
)

// Git is the little crane needs of git, behind an interface so that engine
// tests need no repository. GoGit is the real one.
type Git interface {
	// Author returns user.name and user.email from the git config, "" if unset.
	Author() (name, email string)
	// WorkTree returns the root of the work tree holding dir, if any.
	WorkTree(dir string) (root string, ok bool)
	// Init makes dir a new repository on branch main, with no commit.
	Init(dir string) error
}

// GoGit implements Git with go-git.
type GoGit struct{}

// Author reads the global git config (user.name, user.email).
func (GoGit) Author() (string, string) {
	cfg, err := config.LoadConfig(config.GlobalScope)
	if err != nil {
		return "", ""
	}
	return cfg.User.Name, cfg.User.Email
}

// WorkTree looks for a repository at dir or above it.
func (GoGit) WorkTree(dir string) (string, bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	// dir may not exist yet: look from its nearest existing ancestor.
	for !exists(abs) && filepath.Dir(abs) != abs {
		abs = filepath.Dir(abs)
	}
	root, _, err := gitdir.Find(abs)
	if err != nil || root == "" {
		return "", false
	}
	return root, true
}

// Init runs the equivalent of git init -b main.
func (GoGit) Init(dir string) error {
	return initRepository(dir, plumbing.NewBranchReferenceName("main"))
}

// ReadFacts reads the defaults crane offers from the machine: the author from
// the git config, else the OS user's name. Year is left to the caller, which
// owns the clock.
func ReadFacts(g Git) Facts {
	name, email := g.Author()
	if name == "" {
		if u, err := user.Current(); err == nil {
			name = u.Name
			if name == "" {
				name = u.Username
			}
		}
	}
	return Facts{Author: name, Email: email}
}
