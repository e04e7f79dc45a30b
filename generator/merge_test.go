package generator

import (
	"bytes"
	"strings"
	"testing"
)

func TestMergeLinesKeepsEncodingAndOrder(t *testing.T) {
	for _, tt := range []struct{ name, old, crane, want string }{
		{"crlf bom", "\uFEFFb\r\na\r\n", "a\nc\n", "\uFEFFb\r\na\r\n# >>> crane >>>\r\nc\r\n# <<< crane <<<\r\n"},
		{"no final newline", "a", "b\n", "a\n# >>> crane >>>\nb\n# <<< crane <<<\n"},
		{"block updated in place", "x\n# >>> crane >>>\nb\n# <<< crane <<<\ny\n", "b\nc\n", "x\n# >>> crane >>>\nb\nc\n# <<< crane <<<\ny\n"},
		{"nothing missing", "a\r\n", "# comment\na\n\n", "a\r\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := MergeLines([]byte(tt.old), []byte(tt.crane))
			if string(got) != tt.want {
				t.Errorf("MergeLines = %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzMergeLines checks MergeLines' promises on any input: the user's lines
// outside the crane block keep their bytes and order, the BOM stays, added
// lines use the file's line ending, and merging again changes nothing.
func FuzzMergeLines(f *testing.F) {
	f.Add([]byte("bin/\r\nobj/\r\n"), []byte("bin/\nartifacts/\n"))
	f.Add([]byte("\uFEFF# mine\nx\n"), []byte("# c\ny\n"))
	f.Add([]byte("a\n# >>> crane >>>\nb\n# <<< crane <<<\nc"), []byte("b\nd\n"))
	f.Add([]byte(""), []byte("a\n"))
	f.Fuzz(func(t *testing.T, old, crane []byte) {
		if bytes.Contains(crane, []byte("crane >>>")) || bytes.Contains(crane, []byte("crane <<<")) ||
			bytes.Contains(crane, []byte("\r")) {
			return // crane's own content never holds the markers or CRs
		}
		merged, _ := MergeLines(old, crane)
		if bytes.HasPrefix(old, utf8BOM) != bytes.HasPrefix(merged, utf8BOM) {
			t.Fatalf("BOM not kept: %q -> %q", old, merged)
		}
		if outside(old) != outside(merged) {
			t.Fatalf("the user's lines changed:\n%q\n%q", outside(old), outside(merged))
		}
		again, added := MergeLines(merged, crane)
		if added != 0 || !bytes.Equal(again, merged) {
			t.Fatalf("merging twice changed the file (+%d):\n%q\n%q", added, merged, again)
		}
		if bytes.Contains(old, []byte("\r\n")) {
			if n := bytes.Count(merged, []byte("\n")) - bytes.Count(merged, []byte("\r\n")); n > bytes.Count(old, []byte("\n"))-bytes.Count(old, []byte("\r\n")) {
				t.Fatalf("LF lines added to a CRLF file: %q", merged)
			}
		}
	})
}

// outside is the text of b without its crane block (see findBlock) and with
// line endings normalised at the end (a missing final newline is added).
func outside(b []byte) string {
	s := strings.TrimPrefix(string(b), "\uFEFF")
	lines := strings.SplitAfter(s, "\n")
	begin, end := findBlock(lines)
	if end >= 0 {
		lines = append(lines[:begin:begin], lines[end+1:]...)
	}
	out := strings.Join(lines, "")
	out = strings.TrimRight(out, "\r\n")
	return out
}
