package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ewilde/crane/generator/packsrc"
)

// LockSource is what the lock file in root records for a pack loaded from
// source (an Origin.Source): a folder relative to root, slash-separated and
// led by "./" or "../", so that the project finds its pack from any working
// directory; an absolute folder only where no relative path exists (another
// Windows drive). A git URL is recorded without its secrets
// (packsrc.WithoutSecrets: the lock is committed), a built-in name as it is.
func LockSource(source, root string) string {
	src, err := packsrc.Parse(source)
	if err != nil || src.Kind != packsrc.Dir {
		return packsrc.WithoutSecrets(source)
	}
	abs, err := filepath.Abs(filepath.FromSlash(src.Path))
	if err != nil {
		return source
	}
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	rel, err := filepath.Rel(rootAbs, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return dirSpec(filepath.ToSlash(rel), "/")
}

// ResolveSource is the --pack value that loads the pack the lock file in
// root records (its pack_source): a folder is found relative to root, or,
// for a lock written before crane recorded folders that way, relative to the
// working directory; a git URL is as recorded. A folder found in neither is
// a *packsrc.BadSourceError, for the caller to ask for --pack.
func ResolveSource(recorded, root string) (string, error) {
	src, err := packsrc.Parse(recorded)
	if err != nil {
		return "", fmt.Errorf("%s: pack_source: %w", LockName, err)
	}
	if src.Kind != packsrc.Dir {
		return recorded, nil
	}
	p := filepath.FromSlash(src.Path)
	if filepath.IsAbs(p) {
		return p, nil // ReadDir says it when the folder is gone
	}
	for _, cand := range []string{filepath.Join(root, p), p} {
		if info, err := os.Stat(filepath.Join(cand, "pack.yaml")); err == nil && info.Mode().IsRegular() {
			return dirSpec(cand, string(filepath.Separator)), nil
		}
	}
	return "", &packsrc.BadSourceError{Msg: fmt.Sprintf(
		"%s records the pack folder %s, found neither in %s nor in the working directory",
		LockName, recorded, root)}
}

// dirSpec leads a relative folder with "./" (sep the separator) so that
// packsrc.Parse reads it as a folder, never as a built-in pack's name.
func dirSpec(p, sep string) string {
	if filepath.IsAbs(p) || strings.HasPrefix(p, "/") || p == "." || p == ".." || strings.HasPrefix(p, "."+sep) || strings.HasPrefix(p, ".."+sep) {
		return p
	}
	return "." + sep + p
}
