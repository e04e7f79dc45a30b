package rust

import (
	"bytes"
	"errors"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/ewilde/crane/generator/ecosystem"
)

// CheckEntry accepts the Cargo.toml of a crate below the root; a Cargo
// workspace has no folders.
func (Ecosystem) CheckEntry(e ecosystem.SolutionEntry) error {
	return ecosystem.CheckMemberEntry(e, "Cargo.toml", "crate", "a Cargo workspace", true)
}

// workspaceToml is what AddToSolution reads of a Cargo.toml.
type workspaceToml struct {
	Workspace *struct {
		Members []string `toml:"members"`
	} `toml:"workspace"`
}

// IsSolution accepts a Cargo.toml with a [workspace] table (with data nil,
// any Cargo.toml).
func (Ecosystem) IsSolution(p string, data []byte) bool {
	if path.Base(p) != "Cargo.toml" {
		return false
	}
	if data == nil {
		return true
	}
	var m workspaceToml
	_, err := toml.Decode(string(data), &m)
	return err == nil && m.Workspace != nil
}

var (
	workspaceHeadRe = regexp.MustCompile(`(?m)^[ \t]*\[[ \t]*workspace[ \t]*\][ \t]*(#.*)?\r?$`)
	tableHeadRe     = regexp.MustCompile(`(?m)^[ \t]*\[`)
	membersKeyRe    = regexp.MustCompile(`(?m)^[ \t]*members[ \t]*=[ \t]*\[`)
)

// AddToSolution adds the folder of e's crate to the members of the
// workspace Cargo.toml at sol, at the end of the list, written as its
// other items are (inline, or one a line with or without a trailing
// comma), as cargo new does inside a workspace; a [workspace] without
// members gets a members line. A member pattern that covers the folder
// already ("crates/*") leaves the file unchanged, as does every other byte.
func (Ecosystem) AddToSolution(sol string, data []byte, e ecosystem.SolutionEntry) ([]byte, error) {
	var m workspaceToml
	if _, err := toml.Decode(string(data), &m); err != nil {
		return nil, err
	}
	if m.Workspace == nil {
		return nil, errors.New("the Cargo.toml has no [workspace] table")
	}
	dir := path.Dir(ecosystem.RelativeTo(sol, e.Project))
	for _, p := range m.Workspace.Members {
		if ecosystem.MemberMatch(p, dir) {
			return data, nil
		}
	}
	quoted := `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(dir) + `"`
	out, err := addMember(data, quoted)
	if err != nil {
		return nil, err
	}
	var back workspaceToml
	if _, err := toml.Decode(string(out), &back); err != nil || back.Workspace == nil || !slices.Contains(back.Workspace.Members, dir) {
		return nil, errors.New("the workspace's Cargo.toml: the workspace members cannot be edited; fix the file")
	}
	return out, nil
}

// addMember puts quoted at the end of [workspace]'s members list.
func addMember(data []byte, quoted string) ([]byte, error) {
	head := workspaceHeadRe.FindIndex(data)
	if head == nil {
		return nil, errors.New("the workspace's Cargo.toml: no [workspace] line")
	}
	body := data[head[1]:]
	if next := tableHeadRe.FindIndex(body); next != nil {
		body = body[:next[0]]
	}
	key := membersKeyRe.FindIndex(body)
	if key == nil {
		nl := "\n"
		if bytes.HasSuffix(data[:head[1]], []byte("\r")) {
			nl = "\r\n"
		}
		at := head[1]
		if at < len(data) && data[at] == '\n' {
			at++
		} else {
			return splice(data, at, at, "\nmembers = ["+quoted+"]"), nil
		}
		return splice(data, at, at, "members = ["+quoted+"]"+nl), nil
	}
	open := head[1] + key[1] - 1
	starts, ends, comma, end, err := scanList(data, open)
	if err != nil {
		return nil, err
	}
	n := len(ends)
	switch {
	case n == 0:
		return splice(data, end, end, quoted), nil
	case comma >= 0: // a trailing comma: the new item goes after it, placed as the first
		return splice(data, comma+1, comma+1, lead(data[open+1:starts[0]])+quoted+","), nil
	}
	sep := ""
	if n > 1 {
		sep = string(data[ends[n-2]:starts[n-1]])
	}
	if n == 1 || strings.Contains(sep, "#") {
		sep = "," + lead(data[open+1:starts[0]])
	}
	return splice(data, ends[n-1], ends[n-1], sep+quoted), nil
}

// lead is what goes before a new item of a list whose first item has ws
// before it: a line break and that item's indent when it starts a line
// (not the comments above it), else one space.
func lead(ws []byte) string {
	i := bytes.LastIndexByte(ws, '\n')
	if i < 0 {
		return " "
	}
	if i > 0 && ws[i-1] == '\r' {
		return "\r\n" + string(ws[i+1:])
	}
	return "\n" + string(ws[i+1:])
}

// scanList reads the TOML array whose '[' is at open: where each item
// starts and ends, the offset of a comma after the last item (-1 when
// none) and of the closing ']'. Items must be strings.
func scanList(data []byte, open int) (starts, ends []int, comma, end int, err error) {
	comma = -1
	for i := open + 1; i < len(data); i++ {
		switch c := data[i]; c {
		case ' ', '\t', '\r', '\n':
		case '#':
			for i < len(data) && data[i] != '\n' {
				i++
			}
		case ',':
			comma = i
		case ']':
			return starts, ends, comma, i, nil
		case '"', '\'':
			j, ok := stringEnd(data, i)
			if !ok {
				return nil, nil, 0, 0, errors.New("the workspace's Cargo.toml: an unterminated string in members")
			}
			starts, ends, comma = append(starts, i), append(ends, j), -1
			i = j - 1
		default:
			return nil, nil, 0, 0, errors.New("the workspace's Cargo.toml: members holds something other than strings")
		}
	}
	return nil, nil, 0, 0, errors.New("the workspace's Cargo.toml: members has no closing ]")
}

// stringEnd returns the offset just after the TOML string starting at i
// (basic or literal, one line or three quotes).
func stringEnd(data []byte, i int) (int, bool) {
	q := data[i]
	if bytes.HasPrefix(data[i:], []byte{q, q, q}) {
		k := bytes.Index(data[i+3:], []byte{q, q, q})
		if k < 0 {
			return 0, false
		}
		return i + 3 + k + 3, true
	}
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			if q == '"' {
				j++
			}
		case '\n':
			return 0, false
		case q:
			return j + 1, true
		}
	}
	return 0, false
}

// splice returns a copy of data with data[from:to] replaced by s.
func splice(data []byte, from, to int, s string) []byte {
	out := make([]byte, 0, len(data)+len(s))
	out = append(out, data[:from]...)
	out = append(out, s...)
	return append(out, data[to:]...)
}
