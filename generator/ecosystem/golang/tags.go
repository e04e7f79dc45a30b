package golang

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ewilde/crane/generator/gitdir"
	"github.com/go-git/go-git/v5/plumbing"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

// LatestTag returns the highest release tag (vX.Y.Z, no pre-release or
// build metadata) of the Go module at root whose major version is the
// module path's: v2.x.y for .../v2, v0 or v1 for a path without a major
// suffix. A module below the repository's root is tagged with its folder
// (sub/dir/v1.2.0), as the go command wants. It returns "" when root is in
// no git repository or no tag fits; an error only when the repository
// cannot be read.
func LatestTag(root, modulePath string) (string, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	wtRoot, _, store, err := gitdir.Open(abs)
	if err != nil || store == nil {
		return "", err
	}
	prefix := ""
	if rel, err := filepath.Rel(wtRoot, abs); err == nil && rel != "." {
		prefix = filepath.ToSlash(rel) + "/"
	}
	refs, err := store.IterReferences()
	if err != nil {
		return "", err
	}
	best := ""
	err = refs.ForEach(func(ref *plumbing.Reference) error {
		if !ref.Name().IsTag() {
			return nil
		}
		name, ok := strings.CutPrefix(ref.Name().Short(), prefix)
		if ok && releaseOf(name, modulePath) && (best == "" || semver.Compare(name, best) > 0) {
			best = name
		}
		return nil
	})
	return best, err
}

// releaseOf reports whether tag is a plain release vX.Y.Z of the module
// path's major version.
func releaseOf(tag, modulePath string) bool {
	if !semver.IsValid(tag) || semver.Canonical(tag) != tag || semver.Prerelease(tag) != "" || strings.Count(tag, ".") != 2 {
		return false
	}
	major := semver.Major(tag)
	if want := PathMajor(modulePath); want != 0 {
		return major == "v"+strconv.Itoa(want)
	}
	return major == "v0" || major == "v1"
}

// PathMajor is the major version a module path's suffix names (3 for
// example.com/x/v3 and gopkg.in/yaml.v3), 0 when it names none.
func PathMajor(modulePath string) int {
	_, pathMajor, ok := module.SplitPathVersion(modulePath)
	if !ok || pathMajor == "" {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimLeft(pathMajor, "/.v"), "-unstable"))
	if err != nil || n < 2 {
		return 0
	}
	return n
}
