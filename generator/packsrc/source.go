// Package packsrc finds a pack from what --pack names: a built-in pack, a
// folder, or a git repository (URL, optional //subdir, optional @ref). It
// reads the pack's files into memory, within limits and refusing symlinks,
// and caches git packs under the user's cache folder by URL and commit, so
// that a pack fetched once is there without the network.
package packsrc

import (
	"path"
	"regexp"
	"strings"
)

// Kind is where a pack comes from.
type Kind int

// The kinds of source.
const (
	Builtin Kind = iota // a pack embedded in crane, by name
	Dir                 // a folder on this machine
	Git                 // a git repository
)

// Source is a parsed --pack value.
type Source struct {
	Kind Kind
	Spec string // as given
	Name string // Builtin: the pack's name
	Path string // Dir: the folder as given
	// Git: the repository URL, the folder inside it ("" for its root) and
	// the tag, branch or commit ("" for the default branch).
	URL, Subdir, Ref string
}

var (
	builtinRe = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	schemeRe  = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)
	scpRe     = regexp.MustCompile(`^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:`)
)

// Parse reads a --pack value: a built-in name (lowercase letters, digits,
// dashes), a git URL (scheme://... or user@host:path, then optionally
// //subdir and @ref), or else a folder (a value with a slash, or starting
// with "." or "/").
func Parse(spec string) (Source, error) {
	s := Source{Spec: spec}
	switch {
	case builtinRe.MatchString(spec):
		s.Kind, s.Name = Builtin, spec
		return s, nil
	case schemeRe.MatchString(spec) || scpRe.MatchString(spec):
		return parseGit(spec)
	case strings.ContainsAny(spec, `/\`) || strings.HasPrefix(spec, "."):
		s.Kind, s.Path = Dir, spec
		return s, nil
	}
	return s, bad("pack %q: give a built-in pack name (see crane packs), a folder (./my-pack), or a git URL (https://host/repo.git//subdir@ref)", spec)
}

func parseGit(spec string) (Source, error) {
	s := Source{Kind: Git, Spec: spec}
	var head, rest string
	if m := schemeRe.FindString(spec); m != "" {
		after := spec[len(m):]
		i := strings.Index(after, "/")
		if i < 0 {
			return s, bad("pack %q: the git URL has no repository path; give it as scheme://host/path/repo.git", spec)
		}
		head, rest = m+after[:i], after[i:]
	} else {
		i := strings.Index(spec, ":")
		head, rest = spec[:i+1], spec[i+1:]
	}
	if i := strings.LastIndex(rest, "@"); i >= 0 {
		rest, s.Ref = rest[:i], rest[i+1:]
		if s.Ref == "" {
			return s, bad("pack %q: nothing after @; give a tag, branch or commit, or leave out the @", spec)
		}
	}
	// The first "//" after the repository path starts the subfolder; a
	// file:/// URL's leading slashes belong to the path.
	lead := len(rest) - len(strings.TrimLeft(rest, "/"))
	if i := strings.Index(rest[lead:], "//"); i >= 0 {
		rest, s.Subdir = rest[:lead+i], rest[lead+i+2:]
		clean := path.Clean(s.Subdir)
		if s.Subdir == "" || path.IsAbs(s.Subdir) || clean == ".." || strings.HasPrefix(clean, "../") || strings.Contains(s.Subdir, `\`) {
			return s, bad("pack %q: the subfolder %q must be a relative folder inside the repository, like //packs/go-service", spec, s.Subdir)
		}
		s.Subdir = clean
	}
	if rest == "" || rest == "/" {
		return s, bad("pack %q: the git URL has no repository path", spec)
	}
	s.URL = head + rest
	return s, nil
}

// String gives the source in the form Parse reads, canonical for git:
// URL[//subdir][@ref].
func (s Source) String() string {
	switch s.Kind {
	case Builtin:
		return s.Name
	case Dir:
		return s.Path
	}
	out := s.URL
	if s.Subdir != "" {
		out += "//" + s.Subdir
	}
	if s.Ref != "" {
		out += "@" + s.Ref
	}
	return out
}
