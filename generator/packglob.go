package generator

import (
	"fmt"
	"path"
	"strings"
	"unicode"

	"github.com/bmatcuk/doublestar/v4"
)

// Pack globs (a file rule's path, a drop of an overlay) are matched with
// doublestar, the glob most Go tools use for gitignore-like paths: * and ?
// stay within one path segment, [...] is a class, {a,b} an alternative,
// and ** as a whole segment matches zero or more segments (docs/** all
// under docs, **/x an x at any depth, a/**/b a b anywhere under a).

// validGlob reports whether pattern is a well-formed pack glob.
func validGlob(pattern string) bool {
	return pattern != "" && doublestar.ValidatePattern(pattern)
}

// matchGlob reports whether the pack glob pattern matches name, a slash
// separated path; a malformed pattern matches nothing.
func matchGlob(pattern, name string) bool {
	ok, err := doublestar.Match(pattern, name)
	return ok && err == nil
}

// matchRulePath reports whether a file rule's path pattern matches target:
// a pattern with a slash matches the whole path, one without the base name.
func matchRulePath(pattern, target string) bool {
	if !strings.Contains(pattern, "/") {
		target = path.Base(target)
	}
	return matchGlob(pattern, target)
}

// Default template delimiters, which a file rule's delims replace.
const (
	defaultLeftDelim  = "{{"
	defaultRightDelim = "}}"
)

// checkDelims reports what is wrong with a file rule's delims: two
// non-empty strings without white space, neither inside the other (which
// would make the end of an action, or the start of the next, ambiguous:
// "[[" and "[[[", or the same string twice).
func checkDelims(d []string) error {
	if len(d) != 2 {
		return fmt.Errorf("delims needs two strings, the left and the right delimiter, such as [\"[[\", \"]]\"]")
	}
	for _, s := range d {
		if s == "" || strings.ContainsFunc(s, unicode.IsSpace) {
			return fmt.Errorf("delims %q: a delimiter must be non-empty and hold no white space", s)
		}
	}
	if strings.Contains(d[0], d[1]) || strings.Contains(d[1], d[0]) {
		return fmt.Errorf("delims %q and %q: neither may be, or hold, the other; pick two distinct markers such as [\"[[\", \"]]\"]", d[0], d[1])
	}
	return nil
}

// delimsFor returns the delimiters of the templates at target (tokens in
// place): the delims of the first rule matching it, or {{ and }} when that
// rule has none (or broken ones, which validateManifest reports).
func delimsFor(rules []FileRule, target string) (left, right string) {
	for _, r := range rules {
		if !matchRulePath(r.Path, target) {
			continue
		}
		if checkDelims(r.Delims) == nil {
			return r.Delims[0], r.Delims[1]
		}
		break
	}
	return defaultLeftDelim, defaultRightDelim
}

// FileDelims returns the delimiters the pack file src (its path in the
// pack, such as "build/dot_github/workflows/ci.yml.tmpl") is parsed with:
// those of the first file rule that matches its target, a partial's own
// path included, else {{ and }}.
func (m *Manifest) FileDelims(src string) (left, right string) {
	_, rel, ok := strings.Cut(src, "/")
	if !ok {
		return defaultLeftDelim, defaultRightDelim
	}
	target, _, _, _ := targetName(rel)
	return delimsFor(m.Files, target)
}
