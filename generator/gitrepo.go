package generator

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ewilde/crane/generator/gitobj"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// GitRepo is what crane reads of the git repository whose work tree holds a
// folder: the work tree's root, the index, HEAD's tree and the default
// branch.
//
// It finds the git folder itself (a .git folder, or a .git file's "gitdir:"
// pointer as in a submodule, a `git worktree add` checkout or a
// --separate-git-dir repository, whose "commondir" it follows) and reads
// go-git's storage directly rather than opening a go-git Repository: the
// Repository refuses extensions it does not know, such as the
// extensions.worktreeConfig of a sparse checkout, which change nothing crane
// reads (go-git/go-git#1283 tracks the extension). An index go-git cannot
// decode (a sparse index) is read with the git command when git is installed.
type GitRepo struct {
	// Root is the work tree's root.
	Root    string
	gitDir  string // this work tree's git folder (HEAD, index)
	common  string // the folder shared by all work trees (objects, refs, info)
	store   *filesystem.Storage
	entries []indexEntry             // the index, sorted by path
	head    *plumbing.Hash           // HEAD's tree; nil when there is no commit or go-git cannot read it
	headCLI map[string]plumbing.Hash // HEAD's files as git ls-tree lists them, when go-git cannot
}

// OpenGitRepo reads the repository holding dir, which must exist. It returns
// nil and no error when dir is in no repository.
func OpenGitRepo(dir string) (*GitRepo, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	r, err := openGitStorage(abs)
	if err != nil || r == nil {
		return nil, err
	}
	if err := r.readIndex(); err != nil {
		return nil, err
	}
	if err := r.readHead(); err != nil {
		return nil, err
	}
	return r, nil
}

// readHead reads the files of HEAD's commit: none when HEAD is a branch
// with no commit yet. A commit go-git cannot read (its objects borrowed from
// another repository, say) is listed with the git command; without git it
// is an error, never a "staged and not committed" that is not so.
func (r *GitRepo) readHead() error {
	ref, err := r.store.Reference(plumbing.HEAD)
	if err == nil && ref.Type() == plumbing.SymbolicReference {
		ref, err = r.store.Reference(ref.Target())
	}
	if err != nil {
		return nil // unborn: no commit yet
	}
	tree, err := gitobj.CommitTree(r.store, ref.Hash())
	if err == nil {
		r.head = &tree
		return nil
	}
	if _, lookErr := exec.LookPath("git"); lookErr != nil {
		return fmt.Errorf("reading HEAD's commit in %s: %v; crane reads this repository only with the git command: install git and run again", r.Root, err)
	}
	cmd := exec.Command("git", "ls-tree", "-r", "-z", "HEAD")
	cmd.Dir = r.Root
	out, cliErr := cmd.Output()
	if cliErr != nil {
		return fmt.Errorf("reading HEAD's commit in %s: %v, and git ls-tree failed: %v; run git status there to see what is wrong", r.Root, err, cliErr)
	}
	r.headCLI = map[string]plumbing.Hash{}
	for _, rec := range bytes.Split(out, []byte{0}) {
		// "MODE TYPE HASH\tPATH"
		meta, name, ok := bytes.Cut(rec, []byte{'\t'})
		if fields := strings.Fields(string(meta)); ok && len(fields) == 3 {
			r.headCLI[string(name)] = plumbing.NewHash(fields[2])
		}
	}
	return nil
}

// readIndex reads the index itself (parseIndex), else with go-git, else
// with the git command.
func (r *GitRepo) readIndex() error {
	parsed := false
	_ = readIndexFile(filepath.Join(r.gitDir, "index"), func(data []byte) {
		r.entries, parsed = parseIndex(data)
	})
	if parsed {
		return nil
	}
	index := map[string]plumbing.Hash{}
	defer func() { r.entries = sortedEntries(index) }()
	idx, err := r.store.Index()
	if err == nil {
		for _, e := range idx.Entries {
			index[e.Name] = e.Hash
		}
		return nil
	}
	if _, lookErr := exec.LookPath("git"); lookErr != nil {
		return fmt.Errorf("reading the git index of %s: %v; crane reads this index only with the git command: install git and run again", r.Root, err)
	}
	cmd := exec.Command("git", "ls-files", "--stage", "-z")
	cmd.Dir = r.Root
	out, cliErr := cmd.Output()
	if cliErr != nil {
		return fmt.Errorf("reading the git index of %s: %v, and git ls-files failed: %v; run git status there to see what is wrong", r.Root, err, cliErr)
	}
	for _, rec := range bytes.Split(out, []byte{0}) {
		// "MODE HASH STAGE\tPATH"
		meta, name, ok := bytes.Cut(rec, []byte{'\t'})
		fields := strings.Fields(string(meta))
		if !ok || len(fields) != 3 {
			continue
		}
		index[string(name)] = plumbing.NewHash(fields[1])
	}
	return nil
}

// Tracked returns the paths the index holds below dir (a folder inside the
// work tree), relative to dir, sorted. A submodule is one path.
func (r *GitRepo) Tracked(dir string) ([]string, error) {
	base, err := repoRel(r.Root, dir)
	if err != nil {
		return nil, err
	}
	base = filepath.ToSlash(base)
	if base == "." && len(r.entries) > 0 {
		out := make([]string, len(r.entries))
		for i, e := range r.entries {
			out[i] = e.name
		}
		return out, nil
	}
	// The paths below base are together in the sorted index, from the
	// first one at or after base+"/".
	prefix := base + "/"
	i, _ := slices.BinarySearchFunc(r.entries, prefix, func(e indexEntry, p string) int { return strings.Compare(e.name, p) })
	var out []string
	for _, e := range r.entries[i:] {
		rel, ok := strings.CutPrefix(e.name, prefix)
		if !ok {
			break
		}
		out = append(out, rel)
	}
	return out, nil
}

// DefaultBranch is the branch the repository's CI should run on and where it
// was read: the remote's default (origin/HEAD, set by git clone), else the
// branch the main work tree has checked out. It returns "" when neither says.
func (r *GitRepo) DefaultBranch() (branch, from string) {
	if ref, err := r.store.Reference("refs/remotes/origin/HEAD"); err == nil && ref.Type() == plumbing.SymbolicReference {
		if b, ok := strings.CutPrefix(ref.Target().String(), "refs/remotes/origin/"); ok && b != "" {
			return b, "origin/HEAD"
		}
	}
	// HEAD of the common folder: the main work tree's, also when dir is a
	// linked work tree on a topic branch.
	b, err := os.ReadFile(filepath.Join(r.common, "HEAD"))
	if err != nil {
		return "", ""
	}
	if target, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "ref: refs/heads/"); ok && target != "" {
		return target, "the branch checked out"
	}
	return "", ""
}

// InfoAttributes returns $GIT_DIR/info/attributes, the repository's own
// attributes that no commit carries (nil when there are none).
func (r *GitRepo) InfoAttributes() []byte {
	b, _ := os.ReadFile(filepath.Join(r.common, "info", "attributes"))
	return b
}

// dirty tells why rel (relative to the work tree's root), whose work tree
// contents are data, has changes git has not committed, or "" when it has
// none.
func (r *GitRepo) dirty(rel string, data []byte) string {
	h, ok := r.lookup(rel)
	if !ok {
		return "untracked"
	}
	if plumbing.ComputeHash(plumbing.BlobObject, data) != h &&
		// With core.autocrlf the index holds LF where the work tree has CRLF.
		plumbing.ComputeHash(plumbing.BlobObject, bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))) != h {
		return "changed and not committed"
	}
	committed := r.headCLI[rel]
	if r.head != nil {
		if h, ok := treeFile(r.store, *r.head, rel); ok {
			committed = h
		}
	}
	if committed != h {
		return "staged and not committed"
	}
	return ""
}

// Dirty tells, for the given files under dir (slash-separated, relative to
// dir, a folder inside the work tree) and their current contents, which have
// changes git has not committed: untracked, changed in the work tree, or
// staged.
func (r *GitRepo) Dirty(dir string, files map[string][]byte) (map[string]string, error) {
	out := map[string]string{}
	base, err := repoRel(r.Root, dir)
	if err != nil {
		return nil, err
	}
	for p, data := range files {
		if why := r.dirty(path.Join(filepath.ToSlash(base), p), data); why != "" {
			out[p] = why
		}
	}
	return out, nil
}
