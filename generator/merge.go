package generator

import (
	"bytes"
	"strings"
)

// The crane block's delimiters in a lines-policy file (all of which take #
// comments: .gitignore, .gitattributes, .dockerignore).
const (
	blockBegin = "# >>> crane >>>"
	blockEnd   = "# <<< crane <<<"
)

// LinesBlockBegin and LinesBlockEnd are the crane block's delimiter lines.
const (
	LinesBlockBegin = blockBegin
	LinesBlockEnd   = blockEnd
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// MergeLines adds to old every line of crane's content that old lacks, in a
// delimited crane block, and returns the result and how many lines the block
// gained. Blank lines and comments of crane's content are not carried over.
// The user's lines keep their bytes and order; a block from an earlier merge
// is updated where it stands; the file's BOM and line endings (CRLF when it
// has any) are kept. When nothing is missing, old is returned unchanged.
//
// Written here rather than taken from a library: no maintained Go module
// merges ignore-style files; this is small and fuzzed (FuzzMergeLines).
func MergeLines(old, crane []byte) ([]byte, int) {
	body, bom := bytes.CutPrefix(old, utf8BOM)
	eol := "\n"
	// A final lone CR becomes CRLF when the missing newline is added.
	if bytes.Contains(body, []byte("\r\n")) || bytes.HasSuffix(body, []byte("\r")) {
		eol = "\r\n"
	}
	lines := splitKeep(body)
	begin, end := findBlock(lines)
	have := map[string]bool{}
	oldBlock := map[string]bool{}
	for i, l := range lines {
		t := strings.TrimSpace(trimEOL(l))
		if begin >= 0 && i > begin && i < end {
			oldBlock[t] = true
		} else if begin < 0 || i < begin || i > end {
			have[t] = true
		}
	}
	var block []string
	added := 0
	seen := map[string]bool{}
	for _, l := range splitKeep(crane) {
		t := strings.TrimSpace(trimEOL(l))
		if t == "" || strings.HasPrefix(t, "#") || have[t] || seen[t] {
			continue
		}
		seen[t] = true
		block = append(block, t)
		if !oldBlock[t] {
			added++
		}
	}
	var out bytes.Buffer
	if bom {
		out.Write(utf8BOM)
	}
	writeBlock := func() {
		if len(block) == 0 {
			return
		}
		out.WriteString(blockBegin + eol)
		for _, l := range block {
			out.WriteString(l + eol)
		}
		out.WriteString(blockEnd + eol)
	}
	if begin >= 0 {
		for _, l := range lines[:begin] {
			out.WriteString(l)
		}
		writeBlock()
		for _, l := range lines[end+1:] {
			out.WriteString(l)
		}
		return out.Bytes(), added
	}
	if len(block) == 0 {
		return old, 0
	}
	out.Write(body)
	if len(body) > 0 && !bytes.HasSuffix(body, []byte("\n")) {
		out.WriteString(eol)
	}
	writeBlock()
	return out.Bytes(), added
}

// findBlock finds an earlier merge's block: the first end line and the last
// begin line before it (a stray begin line of the user's stays theirs).
// It returns -1, -1 when there is none.
func findBlock(lines []string) (begin, end int) {
	begin = -1
	for i, l := range lines {
		switch trimEOL(l) {
		case blockBegin:
			begin = i
		case blockEnd:
			if begin >= 0 {
				return begin, i
			}
		}
	}
	return -1, -1
}

// splitKeep splits b into lines that keep their "\n" (the last may lack one).
func splitKeep(b []byte) []string {
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

func trimEOL(l string) string {
	return strings.TrimSuffix(strings.TrimSuffix(l, "\n"), "\r")
}
