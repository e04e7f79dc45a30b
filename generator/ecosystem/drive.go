package ecosystem

import (
	"path"
	"slices"
	"strings"

	"github.com/ewilde/crane/generator/probe"
)

// Versioned is a package of a repository that sets a version of its own:
// its folder (slash-separated, "." for the root) and that version.
type Versioned struct {
	Dir, Version string
}

func (v Versioned) String() string { return v.Dir + " " + v.Version }

// Drive is what VERSION drives in a repository: the folders whose manifest
// gets VERSION from the generated build, and the version VERSION starts at.
// Every other version in the repository is left alone.
type Drive struct {
	Dirs    []string
	Version string
}

// Files are the manifests (named manifest) of d's folders.
func (d *Drive) Files(manifest string) []string {
	out := make([]string, len(d.Dirs))
	for i, dir := range d.Dirs {
		out[i] = path.Join(dir, manifest)
	}
	return out
}

// Words are d's folders as the pack's VersionDirs value (space-separated).
// A folder build.sh could not name unquoted is refused: the user renames
// it, or chooses other folders.
func (d *Drive) Words() (string, error) {
	words := strings.Join(d.Dirs, " ")
	if probe.ShellWords(d.Dirs) != words {
		return "", Refusef("%s: VERSION would drive a folder whose name build.sh cannot hold (letters, digits, '.', '_', '@', '-' and '/' only); "+
			"rename it, or choose other folders with --set %s=...", words, DriveVariable)
	}
	return words, nil
}

// DriveVariable is the pack variable that lists the folders VERSION drives.
const DriveVariable = "VersionDirs"

// Drives reports whether pack has a build that VERSION drives, which
// DriveVariable declares: a pack from a folder or git may have no VERSION,
// and then what VERSION would drive is neither asked about nor refused.
func Drives(pack Pack) bool { return pack == nil || pack.Declares(DriveVariable) }

// ChooseDrive is the user's choice (value, the folders of a --set
// VersionDirs=... or of the lock file, space-separated) among pkgs, the
// packages that set their own version. A folder that is not one of them is
// refused, naming those that are.
func ChooseDrive(value string, pkgs []Versioned, manifest string) (*Drive, error) {
	d := &Drive{}
	for _, dir := range strings.Fields(value) {
		if c := path.Clean(dir); path.IsAbs(c) || c == ".." || strings.HasPrefix(c, "../") {
			return nil, Refusef("%s: %q leaves the project: give folders inside it, relative to its root, from: %s", DriveVariable, value, list(pkgs))
		}
		i := slices.IndexFunc(pkgs, func(p Versioned) bool { return p.Dir == path.Clean(dir) })
		if i < 0 {
			return nil, Refusef("%s=%q: %s has no %s that sets its own version; choose from: %s",
				DriveVariable, value, dir, manifest, list(pkgs))
		}
		if !slices.Contains(d.Dirs, pkgs[i].Dir) {
			d.Dirs = append(d.Dirs, pkgs[i].Dir)
		}
		if d.Version == "" {
			d.Version = pkgs[i].Version
		}
	}
	if len(d.Dirs) == 0 {
		return nil, Refusef("%s is empty: choose the folders whose %s version VERSION drives from: %s", DriveVariable, manifest, list(pkgs))
	}
	return d, nil
}

// AskDrive refuses to guess which of pkgs (kind: "crates") VERSION drives
// when they version on their own and nothing holds one version for them all:
// it names them and says how to choose (--set VersionDirs=...), or what to
// change instead (fix).
func AskDrive(kind string, pkgs []Versioned, fix string) error {
	return Refusef("the %s version on their own (%s), and no one version is there for VERSION to drive: "+
		"choose the ones that move together with --set %s=FOLDERS (space-separated, e.g. --set %s=%s; the others are left alone), or %s",
		kind, list(pkgs), DriveVariable, DriveVariable, pkgs[0].Dir, fix)
}

// DriveNote says what d drives (what, e.g. "[package] version in
// Cargo.toml") and which of pkgs it leaves alone.
func DriveNote(d *Drive, what string, pkgs []Versioned) string {
	s := "VERSION drives " + what
	var alone []Versioned
	for _, p := range pkgs {
		if !slices.Contains(d.Dirs, p.Dir) {
			alone = append(alone, p)
		}
	}
	if len(alone) > 0 {
		s += "; these set their own version and are left alone: " + list(alone)
	}
	return s
}

func list(pkgs []Versioned) string {
	s := make([]string, len(pkgs))
	for i, p := range pkgs {
		s[i] = p.String()
	}
	return strings.Join(s, ", ")
}
