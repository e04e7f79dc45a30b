package probe

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ewilde/crane/internal/lazyre"
)

// ExpandMembers expands the member patterns of a workspace (npm's
// workspaces, Cargo's members) into the folders, slash-separated and relative
// to root, that hold a regular file named manifest. A pattern is a path whose
// segments may hold path.Match wildcards ("packages/*", "crates/*-cli");
// "**" matches one folder level here, which covers the common "packages/**"
// of a flat tree. Folders in skip, hidden folders and symlinks are never
// entered, so a pattern cannot lead out of root. Folders come out in pattern
// order, each pattern's matches sorted, without repeats.
func ExpandMembers(root string, patterns, skip []string, manifest string) []string {
	var out []string
	for _, pat := range patterns {
		pat = strings.TrimPrefix(path.Clean(strings.TrimPrefix(pat, "./")), "./")
		if pat == ".." || strings.HasPrefix(pat, "../") || path.IsAbs(pat) || strings.HasPrefix(pat, "!") {
			continue
		}
		dirs := []string{"."}
		for _, seg := range strings.Split(pat, "/") {
			dirs = matchSegment(root, dirs, seg)
		}
		for _, d := range dirs {
			if slices.Contains(skip, d) || slices.Contains(out, d) {
				continue
			}
			if info, err := os.Lstat(filepath.Join(root, filepath.FromSlash(d), manifest)); err == nil && info.Mode().IsRegular() {
				out = append(out, d)
			}
		}
	}
	return out
}

// matchSegment returns the sub-folders of each of dirs whose name matches
// the pattern segment seg.
func matchSegment(root string, dirs []string, seg string) []string {
	if seg == "." {
		return dirs
	}
	if seg == "**" {
		seg = "*"
	}
	var out []string
	for _, d := range dirs {
		if !strings.ContainsAny(seg, `*?[\`) {
			if info, err := os.Lstat(filepath.Join(root, filepath.FromSlash(d), seg)); err == nil && info.IsDir() {
				out = append(out, path.Join(d, seg))
			}
			continue
		}
		entries, _ := os.ReadDir(filepath.Join(root, filepath.FromSlash(d)))
		for _, e := range entries {
			name := e.Name()
			if !e.IsDir() || strings.HasPrefix(name, ".") || skipDirs[name] {
				continue
			}
			if ok, _ := path.Match(seg, name); ok {
				out = append(out, path.Join(d, name))
			}
		}
	}
	return out
}

// shellWordRe matches a path pattern a build script may use unquoted: no
// spaces, quotes or other characters the shell reads, and no leading dash.
var shellWordRe = lazyre.New(`^[A-Za-z0-9._@*][A-Za-z0-9._@/*-]*$`)

// ShellWords joins the patterns a build script may use unquoted inside the
// repository (see shellWordRe; no ".." segment), space separated, and leaves
// out the others.
func ShellWords(patterns []string) string {
	var ok []string
	for _, p := range patterns {
		if shellWordRe.MatchString(p) && !slices.Contains(strings.Split(p, "/"), "..") {
			ok = append(ok, p)
		}
	}
	return strings.Join(ok, " ")
}
