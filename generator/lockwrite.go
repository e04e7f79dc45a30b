package generator

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The lock file's files list is most of its bytes (five lines a file), and
// the YAML encoder, which reflects on every field and runs the emitter per
// scalar, took 20 ms for 1,000 files. marshalFiles writes the list itself
// when every scalar in it is one the encoder writes plain (see plainSafe),
// which is every path crane renders in practice; otherwise Marshal uses the
// encoder for the whole file. Either way the bytes are the same
// (TestLockMarshalFastIsExact, FuzzLockMarshal).

// lockHead and lockTail are the fields of Lock before and after its files,
// in its order, so that the encoder writes them as it would in Lock.
type lockHead struct {
	Pack        string `yaml:"pack"`
	PackVersion string `yaml:"pack_version"`
	Values      Values `yaml:"values"`
}

type lockTail struct {
	PackSource string `yaml:"pack_source,omitempty"`
	PackCommit string `yaml:"pack_commit,omitempty"`
	PackHash   string `yaml:"pack_hash,omitempty"`
}

// marshalFast writes l with files (sorted) as Marshal does, or reports
// false when a scalar of files is not one it can write plain.
func marshalFast(l *Lock, files []LockFile) ([]byte, bool) {
	if len(files) == 0 {
		return nil, false // the encoder writes "files: []"
	}
	var list bytes.Buffer
	list.Grow(len(files) * 200)
	list.WriteString("files:\n")
	for _, f := range files {
		if !plainSafe(f.Path) || !plainSafe(string(f.Policy)) || !plainSafe(f.SHA256) ||
			(f.GitBlob != "" && !plainSafe(f.GitBlob)) || (f.PackVersion != "" && !plainSafe(f.PackVersion)) {
			return nil, false
		}
		list.WriteString("  - path: ")
		list.WriteString(f.Path)
		list.WriteString("\n    policy: ")
		list.WriteString(string(f.Policy))
		list.WriteString("\n    sha256: ")
		list.WriteString(f.SHA256)
		if f.GitBlob != "" {
			list.WriteString("\n    git_blob: ")
			list.WriteString(f.GitBlob)
		}
		if f.PackVersion != "" {
			list.WriteString("\n    pack_version: ")
			list.WriteString(f.PackVersion)
		}
		if f.Deleted {
			list.WriteString("\n    deleted: true")
		}
		list.WriteByte('\n')
	}
	var b bytes.Buffer
	b.Grow(len(lockHeader) + 1024 + list.Len())
	b.WriteString(lockHeader)
	encodeYAML(&b, lockHead{Pack: l.Pack, PackVersion: l.PackVersion, Values: l.Values})
	b.Write(list.Bytes())
	if tail := (lockTail{PackSource: l.PackSource, PackCommit: l.PackCommit, PackHash: l.PackHash}); tail != (lockTail{}) {
		encodeYAML(&b, tail)
	}
	return b.Bytes(), true
}

// encodeYAML writes v as the lock file's encoder does (indent 2).
func encodeYAML(b *bytes.Buffer, v any) {
	enc := yaml.NewEncoder(b)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		panic(err) // only plain strings, bools and slices: cannot fail
	}
}

// plainSafe reports whether the YAML encoder certainly writes s as a plain
// scalar, s itself: a letter, "_" or a dot and a letter first, then only
// letters, digits and "_./-", and not a word YAML reads as a bool or null;
// or, first a digit, such text that cannot be read as a number (a letter
// that is neither an exponent nor a 0x, 0o or 0b prefix) nor a date (no
// "-"). It
// answers false for some text the encoder also writes plain; never true
// for text it quotes.
func plainSafe(s string) bool {
	if s == "" {
		return false
	}
	letter := false // a letter no number holds (exponent, base prefix)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 'e' || c == 'E' || c == 'b' || c == 'B' || c == 'o' || c == 'O' || c == 'x' || c == 'X':
		case isLetter(c):
			letter = true
		case c >= '0' && c <= '9', c == '_', c == '.', c == '/', c == '-':
		default:
			return false
		}
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9':
		return letter && !strings.ContainsRune(s, '-') && !strings.HasPrefix(s, "0x") && !strings.HasPrefix(s, "0X")
	case c == '.':
		if len(s) < 2 || !isLetter(s[1]) {
			return false
		}
	case c != '_' && !isLetter(c):
		return false
	}
	if len(s) > len("false") {
		return true
	}
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null", ".inf", ".nan":
		return false
	}
	return true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
