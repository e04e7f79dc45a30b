package generator

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// OutsideSparse returns those of paths (slash-separated, relative to dir, a
// folder inside the work tree) that a sparse checkout leaves out of its
// sparse set ($GIT_DIR/info/sparse-checkout, whose patterns, cone or not, go
// by .gitignore rules): `git add` skips a new file there unless given
// --sparse. It returns none when the checkout is not sparse.
func (r *GitRepo) OutsideSparse(dir string, paths []string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(r.gitDir, "info", "sparse-checkout"))
	if err != nil || !r.sparse() {
		return nil, nil
	}
	base, err := repoRel(r.Root, dir)
	if err != nil {
		return nil, err
	}
	var ps []gitignore.Pattern
	for _, l := range strings.Split(string(data), "\n") {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
			ps = append(ps, gitignore.ParsePattern(t, nil))
		}
	}
	m := gitignore.NewMatcher(ps)
	var out []string
	for _, p := range paths {
		if !m.Match(strings.Split(path.Join(filepath.ToSlash(base), p), "/"), false) {
			out = append(out, p)
		}
	}
	return out, nil
}

// sparse reports whether core.sparseCheckout is on, in the repository's
// config or this work tree's (config.worktree).
func (r *GitRepo) sparse() bool {
	for _, f := range []string{filepath.Join(r.common, "config"), filepath.Join(r.gitDir, "config.worktree")} {
		b, _ := os.ReadFile(f)
		for _, l := range strings.Split(strings.ToLower(string(b)), "\n") {
			if k, v, ok := strings.Cut(l, "="); ok && strings.TrimSpace(k) == "sparsecheckout" && strings.TrimSpace(v) == "true" {
				return true
			}
		}
	}
	return false
}
