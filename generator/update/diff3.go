package update

import (
	"bytes"
	"slices"
)

// Labels name the three sides in conflict markers.
type Labels struct {
	Ours, Base, Theirs string // "yours", "crane 1.0.0", "crane 2.0.0"
}

// Merge is a line-based 3-way merge of ours and theirs, both descended from
// base, with diff3 semantics: lines that base, ours and theirs agree on are
// stable; between them, a chunk changed on one side takes that side, a chunk
// changed alike on both takes it once, and a chunk changed differently on both
// is a conflict, written with git's diff3 markers:
//
//	<<<<<<< yours
//	(ours)
//	||||||| crane 1.0.0
//	(base)
//	=======
//	(theirs)
//	>>>>>>> crane 2.0.0
//
// It returns the merged bytes and how many conflicts they hold. Lines keep
// their own endings; markers use CRLF when ours does.
//
// Written here rather than taken from a library: no maintained Go module does
// a diff3 merge (the Go diff modules only diff two texts, and none is in the
// project's vetted list). It is small, follows Khanna, Kunal and Pierce, "A
// Formal Investigation of Diff3", and is fuzzed (FuzzMerge, FuzzMergeDisjoint).
func Merge(base, ours, theirs []byte, l Labels) ([]byte, int) {
	return merge(splitLines(base), splitLines(ours), splitLines(theirs), l, false, ours)
}

// Merge2 merges ours and theirs when their base is unknown: the lines they
// share are kept, and every place where they differ is a conflict (with an
// empty base section), since nothing tells whose change it was.
func Merge2(ours, theirs []byte, l Labels) ([]byte, int) {
	a, b := splitLines(ours), splitLines(theirs)
	var common []string
	for i, j := range match(a, b) {
		if j >= 0 {
			common = append(common, a[i])
		}
	}
	return merge(common, a, b, l, true, ours)
}

func merge(o, a, b []string, l Labels, twoWay bool, ours []byte) ([]byte, int) {
	ma, mb := match(o, a), match(o, b)
	eol := "\n"
	if bytes.Contains(ours, []byte("\r\n")) {
		eol = "\r\n"
	}
	var out bytes.Buffer
	conflicts := 0
	i, j, k := 0, 0, 0
	for i < len(o) || j < len(a) || k < len(b) {
		if i < len(o) && ma[i] == j && mb[i] == k {
			out.WriteString(o[i])
			i, j, k = i+1, j+1, k+1
			continue
		}
		// The unstable chunk runs to the next base line both sides kept.
		ni := i
		for ni < len(o) && (ma[ni] < 0 || mb[ni] < 0) {
			ni++
		}
		nj, nk := len(a), len(b)
		if ni < len(o) {
			nj, nk = ma[ni], mb[ni]
		}
		oc, ac, bc := o[i:ni], a[j:nj], b[k:nk]
		switch {
		case twoWay && !slices.Equal(ac, bc):
			conflicts++
			writeConflict(&out, l, eol, ac, nil, bc)
		case slices.Equal(ac, oc):
			writeLines(&out, bc)
		case slices.Equal(bc, oc), slices.Equal(ac, bc):
			writeLines(&out, ac)
		default:
			conflicts++
			writeConflict(&out, l, eol, ac, oc, bc)
		}
		i, j, k = ni, nj, nk
	}
	return out.Bytes(), conflicts
}

func writeLines(out *bytes.Buffer, lines []string) {
	for _, l := range lines {
		out.WriteString(l)
	}
}

// writeConflict writes one conflict; a side whose last line has no newline
// gets one, so that every marker starts its own line.
func writeConflict(out *bytes.Buffer, l Labels, eol string, ours, base, theirs []string) {
	side := func(marker string, lines []string) {
		out.WriteString(marker + eol)
		writeLines(out, lines)
		if n := len(lines); n > 0 && !bytes.HasSuffix([]byte(lines[n-1]), []byte("\n")) {
			out.WriteString(eol)
		}
	}
	side("<<<<<<< "+l.Ours, ours)
	side("||||||| "+l.Base, base)
	side("=======", theirs)
	out.WriteString(">>>>>>> " + l.Theirs + eol)
}

// HasMarkers reports whether data still holds a conflict's opening and
// closing markers at the start of a line.
func HasMarkers(data []byte) bool {
	var open bool
	for _, l := range splitLines(data) {
		switch {
		case bytes.HasPrefix([]byte(l), []byte("<<<<<<< ")):
			open = true
		case open && bytes.HasPrefix([]byte(l), []byte(">>>>>>> ")):
			return true
		}
	}
	return false
}

// splitLines splits b into lines that keep their "\n" (the last may lack one).
func splitLines(b []byte) []string {
	var out []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, string(b))
			break
		}
		out = append(out, string(b[:i+1]))
		b = b[i+1:]
	}
	return out
}

// maxCells bounds the longest-common-subsequence table (4M cells, 16 MB):
// beyond it only the common head and tail are matched, and the middle
// becomes one chunk (a conflict if both sides changed it).
const maxCells = 4 << 20

// match returns, for each line of a, the index of the line of b it is
// matched with in a longest common subsequence, or -1.
func match(a, b []string) []int {
	m := make([]int, len(a))
	for i := range m {
		m[i] = -1
	}
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		m[pre] = pre
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		m[len(a)-1-suf] = len(b) - 1 - suf
		suf++
	}
	x, y := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, w := len(x), len(y)
	if n == 0 || w == 0 || (n+1)*(w+1) > maxCells {
		return m
	}
	// t[i][j] is the LCS length of x[i:] and y[j:].
	t := make([]int32, (n+1)*(w+1))
	at := func(i, j int) int32 { return t[i*(w+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := w - 1; j >= 0; j-- {
			v := max(at(i+1, j), at(i, j+1))
			if x[i] == y[j] {
				v = at(i+1, j+1) + 1
			}
			t[i*(w+1)+j] = v
		}
	}
	for i, j := 0, 0; i < n && j < w; {
		switch {
		case x[i] == y[j]:
			m[pre+i] = pre + j
			i, j = i+1, j+1
		case at(i+1, j) >= at(i, j+1):
			i++
		default:
			j++
		}
	}
	return m
}
