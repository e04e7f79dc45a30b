package generator

import (
	"bytes"
	"fmt"
	"strings"

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
	for _, l := range splitKeep(crane) {
		t := strings.TrimSpace(trimEOL(l))
		if t == "" || strings.HasPrefix(t, "#") {
			out.WriteString(l)
			continue
		}
		if covered(have, ignoreKey(t)) {
			continue
		}
		if hidden := hides(t, tracked); hidden != "" {
			notes = append(notes, fmt.Sprintf("crane leaves %s out of .gitignore: it would hide %s, which git tracks", t, hidden))
			continue
		}
		out.WriteString(l)
	}
	return out.Bytes(), notes
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
// through a folder above it, or "". Each folder is tried once.
func hides(line string, tracked []string) string {
	if strings.HasPrefix(line, "!") {
		return ""
	}
	p := gitignore.ParsePattern(line, nil)
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
