package update

import (
	"strings"

	"github.com/ewilde/crane/generator"
)

// MergeLinesSet merges a lines-policy file (.gitignore, .gitattributes) as a
// set of lines: a line the pack added since base is added (in the crane
// block) unless the file has it; a line the pack removed is removed from the
// crane block, and from the rest of the file only when crane wrote the whole
// file (it has no crane block); a line the user added or removed stays as
// they left it. Blank lines and comments are the user's.
func MergeLinesSet(base, ours, theirs []byte) []byte {
	b, t := lineSet(base), lineSet(theirs)
	lines := splitLines(ours)
	begin, end := blockBounds(lines)
	have := map[string]bool{}
	var rest strings.Builder
	var block []string
	for i, l := range lines {
		s := significant(l)
		inBlock := begin >= 0 && i > begin && i < end
		switch {
		case inBlock:
			if s != "" && (t[s] || !b[s]) {
				block = append(block, s)
				have[s] = true
			}
			continue
		case begin < 0 && s != "" && b[s] && !t[s]:
			continue // the pack removed it from a file crane wrote whole
		}
		if s != "" {
			have[s] = true
		}
		rest.WriteString(l)
	}
	for _, l := range splitLines(theirs) {
		if s := significant(l); s != "" && !b[s] && !have[s] {
			block = append(block, s)
			have[s] = true
		}
	}
	merged, _ := generator.MergeLines([]byte(rest.String()), []byte(strings.Join(block, "\n")+"\n"))
	if begin < 0 && len(block) == 0 {
		return []byte(rest.String())
	}
	return merged
}

// hasAllLines reports whether every significant line of want is in have.
func hasAllLines(have, want []byte) bool {
	h := lineSet(have)
	for s := range lineSet(want) {
		if !h[s] {
			return false
		}
	}
	return true
}

// blockBounds finds the crane block as generator.MergeLines writes it: the
// first end line and the last begin line before it; -1, -1 when none.
func blockBounds(lines []string) (begin, end int) {
	begin = -1
	for i, l := range lines {
		switch strings.TrimRight(l, "\r\n") {
		case generator.LinesBlockBegin:
			begin = i
		case generator.LinesBlockEnd:
			if begin >= 0 {
				return begin, i
			}
		}
	}
	return -1, -1
}

// significant is a line as a set member: trimmed; "" for a blank line or a
// comment.
func significant(l string) string {
	s := strings.TrimSpace(l)
	if strings.HasPrefix(s, "#") {
		return ""
	}
	return s
}

func lineSet(data []byte) map[string]bool {
	out := map[string]bool{}
	for _, l := range splitLines(data) {
		if s := significant(l); s != "" {
			out[s] = true
		}
	}
	return out
}
