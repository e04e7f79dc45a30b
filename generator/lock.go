package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"go.yaml.in/yaml/v3"

	"github.com/ewilde/crane/generator/safefile"
)

// LockName is the lock file's name in a target's root.
const LockName = ".crane.yaml"

// Lock is what crane records about a directory it wrote: the pack, its
// version, the values, and per file the policy and the hash of what crane
// wrote. Later commands read it to tell crane's files from the user's.
type Lock struct {
	Pack        string     `yaml:"pack"`
	PackVersion string     `yaml:"pack_version"`
	Values      Values     `yaml:"values"`
	Files       []LockFile `yaml:"files"`

	// PackSource, PackCommit and PackHash record a pack from a folder or
	// git: the --pack value, the commit it resolved to, and the content
	// hash of the pack's files (see packsrc.Origin). Empty for built-ins.
	PackSource string `yaml:"pack_source,omitempty"`
	PackCommit string `yaml:"pack_commit,omitempty"`
	PackHash   string `yaml:"pack_hash,omitempty"`
}

// LockFile is one file crane wrote.
type LockFile struct {
	Path   string `yaml:"path"`
	Policy Policy `yaml:"policy"`
	SHA256 string `yaml:"sha256"`
	// GitBlob is the git blob id of the same bytes as SHA256, so that crane
	// update can find them in the repository when it cannot render them.
	GitBlob string `yaml:"git_blob,omitempty"`
	// PackVersion, when set, is the pack version SHA256 was rendered by, where
	// it differs from the lock's: crane update left the file in conflict with
	// the lock's version, and takes it as resolved once its markers are gone.
	PackVersion string `yaml:"pack_version,omitempty"`
	// Deleted records that the user deleted the file: crane update does not
	// bring it back, and crane status does not count it as drift.
	Deleted bool `yaml:"deleted,omitempty"`
}

// GitBlob is the git blob id (hex SHA-1) of data, as git hash-object gives it.
func GitBlob(data []byte) string {
	return plumbing.ComputeHash(plumbing.BlobObject, data).String()
}

// UnmarshalYAML reads a lock file's values as crane records them: a bool is
// a bool, and every other scalar the string it is written as, so that a
// hand-edited PythonVersion: 3.10 stays "3.10" rather than the float 3.1.
// Anything else (a list, a map) is kept as YAML decodes it, for Resolve to
// refuse.
func (v *Values) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: values must be a map of variable: value", n.Line)
	}
	out := Values{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i].Value, n.Content[i+1]
		if val.Kind == yaml.AliasNode {
			val = val.Alias
		}
		switch {
		case val.Kind == yaml.ScalarNode && val.ShortTag() == "!!binary":
			// crane records text only; a binary value read back would be
			// its base64 text, another value.
			return fmt.Errorf("line %d: %s: a binary value; values are UTF-8 text", val.Line, k)
		case val.Kind == yaml.ScalarNode && val.ShortTag() == "!!bool":
			var b bool
			if err := val.Decode(&b); err != nil {
				return err
			}
			out[k] = b
		case val.Kind == yaml.ScalarNode && val.ShortTag() != "!!null":
			out[k] = val.Value
		default:
			var x any
			if err := val.Decode(&x); err != nil {
				return err
			}
			out[k] = x
		}
	}
	*v = out
	return nil
}

// Hash is the hex SHA-256 of data, as the lock file records it.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// File returns the lock entry for p.
func (l *Lock) File(p string) (LockFile, bool) {
	if l == nil {
		return LockFile{}, false
	}
	for _, f := range l.Files {
		if f.Path == p {
			return f, true
		}
	}
	return LockFile{}, false
}

const lockHeader = "# Written by crane: what it generated here and how (see crane status).\n# Keep it in version control; crane assemble and crane update read it.\n"

// Marshal gives the lock file's bytes: deterministic (files sorted by path,
// values by key).
func (l *Lock) Marshal() []byte {
	files := slices.Clone(l.Files)
	slices.SortFunc(files, func(a, b LockFile) int { return strings.Compare(a.Path, b.Path) })
	if b, ok := marshalFast(l, files); ok {
		return b
	}
	return marshalYAML(l, files)
}

// marshalYAML writes l with files (sorted) by the YAML encoder alone.
func marshalYAML(l *Lock, files []LockFile) []byte {
	out := *l
	out.Files = files
	var b bytes.Buffer
	b.WriteString(lockHeader)
	encodeYAML(&b, out)
	return b.Bytes()
}

// ReadLock reads root's lock file; a missing one gives nil and no error. It
// reads the lock only as a regular file inside root (never through a
// symlink) and at most MaxLockSize bytes.
func ReadLock(root string) (*Lock, error) {
	r, err := os.OpenRoot(root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return readLockIn(r)
}

func readLockIn(r *os.Root) (*Lock, error) {
	data, err := safefile.ReadIn(r, LockName, safefile.MaxLockSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var l Lock
	if err := yaml.Unmarshal(data, &l); err != nil {
		return nil, fmt.Errorf("%s: %w; fix or remove it", LockName, err)
	}
	for _, f := range l.Files {
		if err := checkRelPath(f.Path); err != nil {
			return nil, fmt.Errorf("%s: files: %w: crane only records files inside the folder; fix or remove it", LockName, err)
		}
	}
	return &l, nil
}
