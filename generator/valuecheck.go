package generator

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxValueLen bounds every value, in bytes: a value is a name, a version, a
// sentence or a few paths, and every one ends up in file contents, and some
// in file names.
const MaxValueLen = 1024

// The kinds of path a variable may name (Variable.Path).
const (
	PathSingle = "single" // one path, relative to the project root
	PathList   = "list"   // space-separated paths (globs allowed)
)

// valueProblem checks what every value must be, whatever its variable: at
// most MaxValueLen bytes of valid UTF-8 (a Latin-1 byte breaks a Go or
// Python source, and YAML would record it as !!binary), without a byte order
// mark (Go and Python refuse U+FEFF inside a source). Other control
// characters are the templates' to escape for their language (the packs'
// tests and FuzzResolve hold them to it). It never echoes a value that is
// too long or not text.
func valueProblem(name, raw string) string {
	if len(raw) > MaxValueLen {
		return fmt.Sprintf("%s: the value is %d bytes, more than the %d crane takes; give a shorter one", name, len(raw), MaxValueLen)
	}
	if !utf8.ValidString(raw) {
		return fmt.Sprintf("%s: the value is not valid UTF-8; give it as UTF-8 text", name)
	}
	if strings.ContainsRune(raw, '\uFEFF') {
		return fmt.Sprintf("%s: %q holds a byte order mark (U+FEFF); remove it", name, raw)
	}
	return ""
}

// pathProblem checks a value that names a path (or with PathList, several,
// space-separated) that generated files and scripts act on: each must be
// relative and stay inside the project, so that no build script reads,
// writes or deletes outside it.
func pathProblem(name, kind, raw string) string {
	elems := []string{raw}
	if kind == PathList {
		elems = strings.Fields(raw)
	}
	for _, p := range elems {
		if why := pathElemProblem(p); why != "" {
			return fmt.Sprintf("%s: %q %s; give a path relative to the project root that stays inside it (no \"..\", not absolute, / between folders)", name, p, why)
		}
	}
	return ""
}

func pathElemProblem(p string) string {
	switch {
	case p == "":
		return ""
	case strings.HasPrefix(p, "/"), len(p) > 1 && p[1] == ':':
		return "is absolute"
	case strings.HasPrefix(p, "~"):
		return "starts at a home folder"
	case strings.Contains(p, `\`):
		return `holds \`
	case strings.ContainsFunc(p, unicode.IsControl):
		return "holds a control character"
	}
	for _, seg := range strings.Split(p, "/") {
		switch {
		case seg == "..":
			return "leaves the project"
		case strings.EqualFold(seg, ".git"):
			return "is inside .git"
		}
	}
	return ""
}
