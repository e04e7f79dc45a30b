package generator

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// ignoreKey is what an ignore line means, so that lines written differently
// compare equal: "node_modules", "node_modules/", "/node_modules" (at the
// root, for a root file) stay apart only where git treats them apart.
// A trailing "/" (directories only) is dropped: crane's directory lines and
// the user's plain names mean the same for a directory. A leading "**/" is
// dropped (it matches at any depth, as a plain name does). A pattern with a
// slash inside is anchored, with or without a leading "/".
func ignoreKey(line string) string {
	t := strings.TrimSpace(line)
	neg := ""
	if rest, ok := strings.CutPrefix(t, "!"); ok {
		neg, t = "!", rest
	}
	t = strings.TrimRight(t, "/")
	for {
		rest, ok := strings.CutPrefix(t, "**/")
		if !ok {
			break
		}
		t = rest
	}
	if strings.Contains(t, "/") && !strings.HasPrefix(t, "/") {
		t = "/" + t
	}
	return neg + t
}

// filterIgnore returns crane's ignore lines (its pack's .gitignore) that an
// existing repository should get, and notes: a line the user's file already
// has by meaning (ignoreKey; user is their file without crane's block) is
// left out quietly, and a line that would hide a file git tracks (tracked,
// relative to the ignore file's folder) is left out with a note, since
// ignoring it would hide the user's file from `git add` and from tools that
// honour .gitignore. Comments and blank lines are kept: MergeLines drops
// them from a merge, and a new file keeps crane's layout.
func filterIgnore(crane, user []byte, tracked []string) ([]byte, []string) {
	have := map[string]bool{}
	for _, l := range splitKeep(user) {
		if t := strings.TrimSpace(trimEOL(l)); t != "" && !strings.HasPrefix(t, "#") {
			have[ignoreKey(t)] = true
		}
	}
	var out bytes.Buffer
	var notes []string
	names := sync.OnceValue(func() trackedNames { return namesOf(tracked) })
	for _, l := range splitKeep(crane) {
		t := strings.TrimSpace(trimEOL(l))
		if t == "" || strings.HasPrefix(t, "#") {
			out.WriteString(l)
			continue
		}
		if covered(have, ignoreKey(t)) {
			continue
		}
		if hidden := hides(t, tracked, names); hidden != "" {
			notes = append(notes, fmt.Sprintf("crane leaves %s out of .gitignore: it would hide %s, which git tracks", t, hidden))
			continue
		}
		out.WriteString(l)
	}
	return out.Bytes(), notes
}

// trackedNames are the names in a list of tracked paths, each once: every
// folder's name and every file's base name.
type trackedNames struct {
	folders, bases map[string]bool
}

func namesOf(tracked []string) trackedNames {
	n := trackedNames{folders: map[string]bool{}, bases: map[string]bool{}}
	lastDir := ""
	for _, f := range tracked {
		dir, base := "", f
		if i := strings.LastIndexByte(f, '/'); i >= 0 {
			dir, base = f[:i], f[i+1:]
		}
		n.bases[base] = true
		if dir != lastDir && dir != "" {
			for _, seg := range strings.Split(dir, "/") {
				n.folders[seg] = true
			}
		}
		lastDir = dir
	}
	return n
}

// covered reports whether the user's lines (have, by ignoreKey) already
// ignore all that the line with key does: the same line, or for an anchored
// name at the root (/target) the unanchored name (target), which matches it
// at every depth. A negation covers only itself.
func covered(have map[string]bool, key string) bool {
	if have[key] {
		return true
	}
	name, anchored := strings.CutPrefix(key, "/")
	return anchored && name != "" && !strings.Contains(name, "/") && have[name]
}

// hides returns the first tracked path the ignore line matches, itself or
// through a folder above it, or "".
//
// A line without a slash (bin/, *.user) matches a name at any depth, so a
// path is hidden exactly when one of its folders' names, or its base name
// (unless the line is for folders only), matches: each distinct name is
// tried once, and the paths are scanned only when one matched. A line with
// a slash is tried against each folder once and each path (hidesGlob).
func hides(line string, tracked []string, names func() trackedNames) string {
	if strings.HasPrefix(line, "!") {
		return ""
	}
	p := gitignore.ParsePattern(line, nil)
	if strings.Contains(strings.TrimSuffix(line, "/"), "/") {
		return hidesGlob(p, tracked)
	}
	n := names()
	folders, bases := map[string]bool{}, map[string]bool{}
	for name := range n.folders {
		if p.Match([]string{name}, true) == gitignore.Exclude {
			folders[name] = true
		}
	}
	for name := range n.bases {
		if p.Match([]string{name}, false) == gitignore.Exclude {
			bases[name] = true
		}
	}
	if len(folders) == 0 && len(bases) == 0 {
		return ""
	}
	for _, f := range tracked {
		segs := strings.Split(f, "/")
		if bases[segs[len(segs)-1]] || slices.ContainsFunc(segs[:len(segs)-1], func(s string) bool { return folders[s] }) {
			return f
		}
	}
	return ""
}

// hidesGlob is hides for a pattern with a slash: each folder is tried once.
func hidesGlob(p gitignore.Pattern, tracked []string) string {
	dirs := map[string]bool{} // folder -> matched
	for _, f := range tracked {
		segs := strings.Split(f, "/")
		for i := 1; i < len(segs); i++ {
			d := strings.Join(segs[:i], "/")
			hit, seen := dirs[d]
			if !seen {
				hit = p.Match(segs[:i], true) == gitignore.Exclude
				dirs[d] = hit
			}
			if hit {
				return f
			}
		}
		if p.Match(segs, false) == gitignore.Exclude {
			return f
		}
	}
	return ""
}
