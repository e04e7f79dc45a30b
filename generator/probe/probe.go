// Package probe reads an existing repository for crane assemble, with no
// knowledge of any ecosystem: one walk of the tree lists the files at the root
// and the files below it that the ecosystems ask for (.NET solutions), and
// finds the version file, the build scripts and the README the repository
// already has. It also holds the reading helpers every ecosystem shares:
// reads that never leave the repository, workspace member patterns, plurals.
// It only reads, never descends into .git, build output or git-ignored
// folders, and never follows a symlink.
package probe

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ewilde/crane/generator/safefile"
	"github.com/ewilde/crane/internal/lazyre"
)

// Repo is what one walk of a repository found.
type Repo struct {
	// Root is the absolute folder probed.
	Root string
	// Files are the names of the regular files at Root, sorted.
	Files []string
	// Deep are the files below Root (Root's own included) that Scan's want
	// asked for, such as .NET solutions: slash-separated, relative to
	// Root, sorted, git-ignored ones left out.
	Deep []string
	// VersionFile is "VERSION", else "VERSION.txt" (crane 0.x), else "".
	VersionFile string
	// Version is VersionFile's content, trimmed.
	Version string
	// BuildScripts are the build scripts at Root (build.sh, build.ps1,
	// psakefile.ps1, ...), sorted.
	BuildScripts []string
	// Readme is the README file at Root, "" when there is none.
	Readme string
}

// buildScripts are the names taken for an existing build entry point.
var buildScripts = []string{
	"build.sh", "build.ps1", "build.cmd", "build.bat", "build.cake",
	"psakefile.ps1", "default.ps1", "Makefile", "justfile",
}

var readmes = []string{"README.md", "README.markdown", "README.txt", "README", "Readme.md", "readme.md"}

// Scan walks root once and returns what it found. want (nil for none)
// chooses the files below the root to list in Deep, by name. It skips .git,
// bin, obj, packages, node_modules and folders that root's .gitignore files
// (and .git/info/exclude) ignore, leaves out ignored files from Deep, and
// does not follow symlinks. Ignore files above root are not read.
func Scan(root string, want func(name string) bool) (*Repo, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, &fs.PathError{Op: "probe", Path: root, Err: errors.New("not a folder")}
	}
	r := &Repo{Root: abs}
	err = walk(abs, func(rel string, d fs.DirEntry, ignored func() bool) {
		name := d.Name()
		if !d.Type().IsRegular() {
			return
		}
		if want != nil && want(name) && !ignored() {
			r.Deep = append(r.Deep, rel)
		}
		if strings.Contains(rel, "/") {
			return
		}
		r.Files = append(r.Files, name)
		switch {
		case slices.Contains(buildScripts, name):
			r.BuildScripts = append(r.BuildScripts, name)
		case slices.Contains(readmes, name) && r.Readme == "":
			r.Readme = name
		}
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(r.Files)
	slices.Sort(r.Deep)
	slices.Sort(r.BuildScripts)
	for _, name := range []string{"VERSION", "VERSION.txt"} {
		if data, err := ReadInside(abs, name); err == nil {
			r.VersionFile, r.Version = name, string(bytes.TrimSpace(bytes.TrimPrefix(data, UTF8BOM)))
			break
		}
	}
	return r, nil
}

// Has reports whether Root holds a regular file named name.
func (r *Repo) Has(name string) bool {
	_, ok := slices.BinarySearch(r.Files, name)
	return ok
}

var versionRe = lazyre.New(`^v?(\d+)\.(\d+)(?:\.(\d+))?`)

// SemVersion returns the first three parts of Version ("1.4.2.0" gives
// "1.4.2", "2.1" gives "2.1.0"), or "" when it does not start with a version.
// crane's build scripts add the build number as a fourth part, so a crane 0.x
// VERSION.txt of four parts cannot be used as it is.
func (r *Repo) SemVersion() string {
	m := versionRe.FindStringSubmatch(r.Version)
	if m == nil {
		return ""
	}
	if m[3] == "" {
		m[3] = "0"
	}
	return m[1] + "." + m[2] + "." + m[3]
}

// UTF8BOM is the byte order mark some Windows tools put before UTF-8 text.
var UTF8BOM = []byte{0xEF, 0xBB, 0xBF}

// ReadInside reads root/rel, refusing a path that leaves root through "..",
// or through a symlink that points out of root.
func ReadInside(root, rel string) ([]byte, error) {
	full, err := Inside(root, rel)
	if err != nil {
		return nil, err
	}
	return safefile.Read(full, safefile.MaxFileSize)
}

// Inside resolves root/rel and checks that it stays in root, symlinks
// included.
func Inside(root, rel string) (string, error) {
	full := filepath.Join(root, filepath.FromSlash(rel))
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		return "", err
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", err
	}
	if r, err := filepath.Rel(realRoot, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", &fs.PathError{Op: "read", Path: rel, Err: errors.New("outside the repository")}
	}
	return real, nil
}

// Plural is "1 crate" or "3 crates".
func Plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
