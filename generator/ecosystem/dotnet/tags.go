package dotnet

import (
	"errors"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"golang.org/x/mod/semver"
)

// latestReleaseTag returns the highest release tag of the git repository
// that holds root, as .NET projects tag them: vX.Y.Z or X.Y.Z, with no
// prerelease or build part. It returns "" when root is in no git repository
// or no tag is a release; an error only when the repository cannot be read.
func latestReleaseTag(root string) (string, error) {
	repo, err := git.PlainOpenWithOptions(root, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	tags, err := repo.Tags()
	if err != nil {
		return "", err
	}
	best, bestV := "", ""
	err = tags.ForEach(func(ref *plumbing.Reference) error {
		name := ref.Name().Short()
		if v := releaseVersion(name); v != "" && (bestV == "" || semver.Compare(v, bestV) > 0) {
			best, bestV = name, v
		}
		return nil
	})
	return best, err
}

// releaseVersion is tag as a canonical vX.Y.Z when it is a release tag
// (vX.Y.Z or X.Y.Z), else "".
func releaseVersion(tag string) string {
	v := "v" + strings.TrimPrefix(tag, "v")
	if !semver.IsValid(v) || semver.Canonical(v) != v || semver.Prerelease(v) != "" || strings.Count(v, ".") != 2 {
		return ""
	}
	return v
}
