// Package probe reads an existing repository for crane assemble: which
// ecosystems it belongs to (a .NET solution, a Go module or workspace, a Cargo
// package or workspace, a Python project, an npm package or workspace), what
// its solutions and projects are, and which version file and build scripts it
// already has. It only reads, walks the tree once, never descends into .git,
// build output or git-ignored folders, and never follows a symlink.
package probe

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/ewilde/crane/generator/safefile"
)

// Ecosystem names, which are also the names of the packs that serve them.
const (
	EcosystemDotnet = "dotnet"
	EcosystemGo     = "go"
	EcosystemRust   = "rust"
	EcosystemPython = "python"
	EcosystemNode   = "node"
)

// Repo is what one walk of a repository found.
type Repo struct {
	// Root is the absolute folder probed.
	Root string
	// Solutions are the .sln and .slnx files, slash-separated and relative
	// to Root, sorted.
	Solutions []string
	// GoMod and GoWork are "go.mod" and "go.work" when Root has them.
	GoMod, GoWork string
	// Manifests maps an ecosystem found at Root to its manifest there:
	// rust Cargo.toml, python pyproject.toml, node package.json.
	Manifests map[string]string
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

// Scan walks root once and returns what it found. It skips .git, bin, obj,
// packages, node_modules and folders that root's .gitignore files (and
// .git/info/exclude) ignore, leaves out ignored solutions, and does not
// follow symlinks. Ignore files above root are not read.
func Scan(root string) (*Repo, error) {
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
		if ext := filepath.Ext(name); (ext == ".sln" || ext == ".slnx") && d.Type().IsRegular() && !ignored() {
			r.Solutions = append(r.Solutions, rel)
		}
		if strings.Contains(rel, "/") || !d.Type().IsRegular() {
			return
		}
		switch {
		case name == "go.mod":
			r.GoMod = name
		case name == "go.work":
			r.GoWork = name
		case rootManifests[name] != "":
			if r.Manifests == nil {
				r.Manifests = map[string]string{}
			}
			r.Manifests[rootManifests[name]] = name
		case slices.Contains(buildScripts, name):
			r.BuildScripts = append(r.BuildScripts, name)
		case slices.Contains(readmes, name) && r.Readme == "":
			r.Readme = name
		}
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(r.Solutions)
	slices.Sort(r.BuildScripts)
	for _, name := range []string{"VERSION", "VERSION.txt"} {
		if data, err := readInside(abs, name); err == nil {
			r.VersionFile, r.Version = name, string(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM)))
			break
		}
	}
	return r, nil
}

// rootManifests are the manifests at the root that make a repository part of
// an ecosystem, by file name.
var rootManifests = map[string]string{
	"Cargo.toml":     EcosystemRust,
	"pyproject.toml": EcosystemPython,
	"package.json":   EcosystemNode,
}

// Ecosystems lists the ecosystems found, most specific first: a .NET
// solution, a Go workspace or module, a Cargo.toml, a pyproject.toml, then a
// package.json (often only a repository's front-end tooling).
func (r *Repo) Ecosystems() []string {
	var out []string
	if len(r.Solutions) > 0 {
		out = append(out, EcosystemDotnet)
	}
	if r.GoMod != "" || r.GoWork != "" {
		out = append(out, EcosystemGo)
	}
	for _, eco := range []string{EcosystemRust, EcosystemPython, EcosystemNode} {
		if r.Manifests[eco] != "" {
			out = append(out, eco)
		}
	}
	return out
}

// Evidence names what made the repository part of eco: "Acme.sln",
// "go.mod", "Cargo.toml", ...
func (r *Repo) Evidence(eco string) string {
	switch eco {
	case EcosystemDotnet:
		return strings.Join(r.Solutions, ", ")
	case EcosystemGo:
		return strings.Join(slices.DeleteFunc([]string{r.GoMod, r.GoWork}, func(s string) bool { return s == "" }), ", ")
	}
	return r.Manifests[eco]
}

var versionRe = regexp.MustCompile(`^v?(\d+)\.(\d+)(?:\.(\d+))?`)

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

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// readInside reads root/rel, refusing a path that leaves root through "..",
// or through a symlink that points out of root.
func readInside(root, rel string) ([]byte, error) {
	full, err := inside(root, rel)
	if err != nil {
		return nil, err
	}
	return safefile.Read(full, safefile.MaxFileSize)
}

// inside resolves root/rel and checks that it stays in root, symlinks
// included.
func inside(root, rel string) (string, error) {
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
