package probe

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"

	"github.com/ewilde/crane/generator/safefile"
)

// skipDirs are never descended into: git's own folder, build output and
// package caches.
var skipDirs = map[string]bool{
	".git": true, "bin": true, "obj": true, "packages": true, "node_modules": true,
}

// walk calls visit for every file and folder below root (rel is
// slash-separated), in lexical order, reading each folder once; ignored
// tells whether git ignores the entry (it is asked only when it matters). It loads each
// folder's .gitignore as it enters the folder, so ignore rules cost no extra
// walk, and skips ignored folders, skipDirs and symlinked folders.
func walk(root string, visit func(rel string, d fs.DirEntry, ignored func() bool)) error {
	var patterns []gitignore.Pattern
	if data, err := safefile.Read(filepath.Join(root, ".git", "info", "exclude"), safefile.MaxFileSize); err == nil {
		patterns = parseIgnore(data, nil)
	}
	return walkDir(root, nil, "", patterns, visit)
}

// walkDir walks dir, which is rel (relSlash joined with "/") below the root.
// A path's segments are built only for the matcher: for a folder, or a file
// whose ignored() is asked.
func walkDir(dir string, rel []string, relSlash string, patterns []gitignore.Pattern, visit func(string, fs.DirEntry, func() bool)) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() == ".gitignore" && e.Type().IsRegular() {
			if data, err := safefile.Read(filepath.Join(dir, e.Name()), safefile.MaxFileSize); err == nil {
				// Clip so that sibling folders never share the appended tail.
				patterns = append(patterns[:len(patterns):len(patterns)], parseIgnore(data, rel)...)
			}
			break
		}
	}
	matcher := gitignore.NewMatcher(patterns)
	for _, e := range entries {
		name := e.Name()
		slash := name
		if relSlash != "" {
			slash = relSlash + "/" + name
		}
		pathOf := func() []string { return append(rel[:len(rel):len(rel)], name) }
		visit(slash, e, func() bool { return matcher.Match(pathOf(), e.IsDir()) })
		if !e.IsDir() || skipDirs[name] {
			continue
		}
		path := pathOf()
		if matcher.Match(path, true) {
			continue
		}
		if err := walkDir(filepath.Join(dir, name), path, slash, patterns, visit); err != nil {
			return err
		}
	}
	return nil
}

// parseIgnore reads a .gitignore in the folder domain: any line endings, a
// BOM, comments and blank lines.
func parseIgnore(data []byte, domain []string) []gitignore.Pattern {
	data = bytes.TrimPrefix(data, UTF8BOM)
	var ps []gitignore.Pattern
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(line, domain))
	}
	return ps
}
