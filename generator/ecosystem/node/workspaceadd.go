package node

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"path"
	"slices"

	"github.com/ewilde/crane/generator/ecosystem"
)

// CheckEntry accepts the package.json of a package below the root; npm
// workspaces have no folders.
func (Ecosystem) CheckEntry(e ecosystem.SolutionEntry) error {
	return ecosystem.CheckMemberEntry(e, "package.json", "package", "npm workspaces", true)
}

// IsSolution accepts a package.json with workspaces (with data nil, any
// package.json).
func (Ecosystem) IsSolution(p string, data []byte) bool {
	if path.Base(p) != "package.json" {
		return false
	}
	if data == nil {
		return true
	}
	var m struct {
		Workspaces json.RawMessage `json:"workspaces"`
	}
	return json.Unmarshal(data, &m) == nil && len(m.Workspaces) > 0 && string(m.Workspaces) != "null"
}

// AddToSolution adds the folder of e's package to the workspaces of the
// package.json at sol, at the end of the list (in either form, a list or
// {"packages": [...]}), as npm init -w does, written as the list's other
// items are (one a line, or inline). A pattern that covers the folder
// already ("packages/*") leaves the file unchanged.
func (Ecosystem) AddToSolution(sol string, data []byte, e ecosystem.SolutionEntry) ([]byte, error) {
	var m struct {
		Workspaces json.RawMessage `json:"workspaces"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	patterns, err := workspacePatterns(m.Workspaces)
	if err != nil {
		return nil, err
	}
	dir := path.Dir(ecosystem.RelativeTo(sol, e.Project))
	for _, p := range patterns {
		if ecosystem.MemberMatch(p, dir) {
			return data, nil
		}
	}
	open, ends, err := workspacesArray(data)
	if err != nil {
		return nil, err
	}
	var item bytes.Buffer
	enc := json.NewEncoder(&item)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(dir)
	quoted := string(bytes.TrimSpace(item.Bytes()))
	var out []byte
	if len(ends) == 0 {
		end := open + 1 + bytes.IndexByte(data[open+1:], ']')
		out = splice(data, open+1, end, quoted)
	} else {
		last := ends[len(ends)-1]
		var sep string
		if len(ends) > 1 {
			sep = string(data[ends[len(ends)-2]:elemStart(data, ends[len(ends)-2])])
		} else if ws := data[open+1 : elemStart(data, open+1)]; len(ws) > 0 {
			sep = "," + string(ws)
		} else {
			sep = ", "
		}
		out = splice(data, last, last, sep+quoted)
	}
	if err := json.Unmarshal(out, &m); err != nil {
		return nil, errors.New("package.json: the workspaces list cannot be edited; fix the file")
	}
	if patterns, err = workspacePatterns(m.Workspaces); err != nil || !slices.Contains(patterns, dir) {
		return nil, errors.New("package.json: the workspaces list cannot be edited; fix the file")
	}
	return out, nil
}

// elemStart is the offset of the first byte after i that is not blank or a
// comma: where the list's next item starts.
func elemStart(data []byte, i int) int {
	for i < len(data) && bytes.IndexByte([]byte(" \t\r\n,"), data[i]) >= 0 {
		i++
	}
	return i
}

// workspacesArray finds the workspaces list of a package.json: the offset
// of its '[' and the offsets just after each of its items.
func workspacesArray(data []byte) (open int, ends []int, err error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return 0, nil, errors.New("package.json is not an object")
	}
	inPackages := false
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return 0, nil, err
		}
		if key, _ := t.(string); key == "workspaces" || (inPackages && key == "packages") {
			t, err := dec.Token()
			if err != nil {
				return 0, nil, err
			}
			switch t {
			case json.Delim('{'):
				inPackages = true
				continue
			case json.Delim('['):
				open = int(dec.InputOffset()) - 1
				for dec.More() {
					if _, err := dec.Token(); err != nil {
						return 0, nil, err
					}
					ends = append(ends, int(dec.InputOffset()))
				}
				return open, ends, nil
			}
			return 0, nil, errors.New("package.json: workspaces is neither a list of folders nor {\"packages\": [...]}")
		}
		if err := dec.Decode(new(json.RawMessage)); err != nil && !errors.Is(err, io.EOF) {
			return 0, nil, err
		}
	}
	return 0, nil, errors.New("package.json: no workspaces list")
}

// splice returns a copy of data with data[from:to] replaced by s.
func splice(data []byte, from, to int, s string) []byte {
	out := make([]byte, 0, len(data)+len(s))
	out = append(out, data[:from]...)
	out = append(out, s...)
	return append(out, data[to:]...)
}
