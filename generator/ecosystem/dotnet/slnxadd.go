package dotnet

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/ewilde/crane/generator/probe"
)

// xmlElem is one element of a .slnx file, with the byte offsets AddSlnx
// edits at.
type xmlElem struct {
	name        string
	key         string // the Name of a Folder, the Path of a Project
	start, end  int    // the '<' of its start tag, just after its end tag
	openEnd     int    // just after its start tag's '>'
	closeStart  int    // the '<' of its end tag (end when self-closing)
	selfClosing bool
	children    []*xmlElem
}

// parseSlnxElems reads the element tree of a .slnx file (after its BOM,
// offsets counted from there) and returns its root element.
func parseSlnxElems(data []byte) (*xmlElem, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var root *xmlElem
	var stack []*xmlElem
	for {
		before := int(dec.InputOffset())
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		after := int(dec.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			e := &xmlElem{name: t.Name.Local, start: before, openEnd: after}
			for _, a := range t.Attr {
				if (a.Name.Local == "Name" && e.name == "Folder") || (a.Name.Local == "Path" && e.name == "Project") {
					e.key = a.Value
				}
			}
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, e)
			} else if root == nil {
				root = e
			}
			stack = append(stack, e)
		case xml.EndElement:
			e := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			e.closeStart, e.end = before, after
			e.selfClosing = before == after
		}
	}
	if root == nil || root.name != "Solution" {
		return nil, errors.New("no <Solution> root element")
	}
	return root, nil
}

// AddSlnx returns data, a .slnx solution, with a <Project Path="project"/>
// (a path relative to the solution's folder) in the solution folder folder
// ("" for the top level), as `dotnet sln add` would place it: projects
// sorted by path and folders by name (ignoring case), a folder's projects
// after its files, folders before top-level projects, each element on a
// line of its own indented as its siblings are, and the file's line
// endings, BOM and every other byte kept. A solution that lists the
// project anywhere comes back unchanged.
func AddSlnx(data []byte, project, folder string) ([]byte, error) {
	bom := 0
	if bytes.HasPrefix(data, probe.UTF8BOM) {
		bom = len(probe.UTF8BOM)
	}
	root, err := parseSlnxElems(data[bom:])
	if err != nil {
		return nil, fmt.Errorf("not a .slnx solution: %w", err)
	}
	if slnxLists(root, project) {
		return data, nil
	}
	e := &slnxEditor{data: data[bom:], nl: "\n", unit: "  "}
	if bytes.Contains(data, []byte("\r\n")) {
		e.nl = "\r\n"
	}
	if len(root.children) > 0 {
		if in, ok := e.indentOf(root.children[0].start); ok {
			if out, _ := e.indentOf(root.start); strings.HasPrefix(in, out) && len(in) > len(out) {
				e.unit = in[len(out):]
			}
		}
	}
	elem := `<Project Path="` + attrEscape(project) + `" />`
	var out []byte
	if folder == "" {
		out = e.insert(root, elem, "Project", project, "Properties")
	} else {
		name := "/" + strings.Trim(folder, "/") + "/"
		if f := findChild(root, "Folder", name); f != nil {
			out = e.insert(f, elem, "Project", project, "Properties")
		} else {
			in := e.childIndent(root)
			text := `<Folder Name="` + attrEscape(name) + `">` + e.nl + in + e.unit + elem + e.nl + in + "</Folder>"
			out = e.insert(root, text, "Folder", name, "Project", "Properties")
		}
	}
	return append(append([]byte{}, data[:bom]...), out...), nil
}

// slnxLists reports whether any Project element of the solution has path
// p, with either slash and in any case.
func slnxLists(root *xmlElem, p string) bool {
	for _, c := range root.children {
		if c.name == "Project" && samePath(c.key, p) {
			return true
		}
		if c.name == "Folder" && slnxLists(c, p) {
			return true
		}
	}
	return false
}

// samePath compares two solution paths as Windows does: either slash, any
// case.
func samePath(a, b string) bool {
	clean := func(s string) string { return path.Clean(strings.ReplaceAll(strings.TrimSpace(s), `\`, "/")) }
	return strings.EqualFold(clean(a), clean(b))
}

// findChild returns c's first child element called name whose key is key
// (ignoring case), or nil.
func findChild(c *xmlElem, name, key string) *xmlElem {
	for _, ch := range c.children {
		if ch.name == name && strings.EqualFold(ch.key, key) {
			return ch
		}
	}
	return nil
}

type slnxEditor struct {
	data     []byte
	nl, unit string
}

// indentOf returns the blanks before offset on its line, and whether only
// blanks are there (the element starts its line).
func (e *slnxEditor) indentOf(offset int) (string, bool) {
	i := offset
	for i > 0 && (e.data[i-1] == ' ' || e.data[i-1] == '\t') {
		i--
	}
	if i > 0 && e.data[i-1] != '\n' {
		return "", false
	}
	return string(e.data[i:offset]), true
}

// childIndent is the indent of c's children: that of its first child on a
// line of its own, else c's own indent and one unit more.
func (e *slnxEditor) childIndent(c *xmlElem) string {
	for _, ch := range c.children {
		if in, ok := e.indentOf(ch.start); ok {
			return in
		}
	}
	in, _ := e.indentOf(c.start)
	return in + e.unit
}

// insert returns the data with text (an element called kind whose key is
// key) in c: before the sibling of that kind that sorts next (the smallest
// greater key, ignoring case), else before c's first child called one of
// then, else after c's last child.
func (e *slnxEditor) insert(c *xmlElem, text, kind, key string, then ...string) []byte {
	var before *xmlElem
	for _, ch := range c.children {
		if ch.name == kind && compareFold(ch.key, key) > 0 && (before == nil || compareFold(ch.key, before.key) < 0) {
			before = ch
		}
	}
	for _, name := range then {
		for _, ch := range c.children {
			if before == nil && ch.name == name {
				before = ch
			}
		}
	}
	in := e.childIndent(c)
	own, _ := e.indentOf(c.start)
	switch {
	case before != nil:
		if bin, ok := e.indentOf(before.start); ok {
			return splice(e.data, before.start, before.start, text+e.nl+bin)
		}
		return splice(e.data, before.start, before.start, text)
	case len(c.children) > 0:
		last := c.children[len(c.children)-1]
		return splice(e.data, last.end, last.end, e.nl+in+text)
	case c.selfClosing:
		open := strings.TrimRight(strings.TrimSuffix(string(e.data[c.start:c.end]), "/>"), " \t\r\n")
		// The element's name as written, with its prefix if it has one.
		raw, _, _ := strings.Cut(strings.TrimPrefix(open, "<"), " ")
		raw = strings.FieldsFunc(raw, func(r rune) bool { return r == '\t' || r == '\r' || r == '\n' })[0]
		return splice(e.data, c.start, c.end, open+">"+e.nl+in+text+e.nl+own+"</"+raw+">")
	default:
		kept := strings.TrimRight(string(e.data[c.openEnd:c.closeStart]), " \t\r\n")
		return splice(e.data, c.openEnd, c.closeStart, kept+e.nl+in+text+e.nl+own)
	}
}

// compareFold compares as .NET's StringComparer.OrdinalIgnoreCase, which
// the solution serializer sorts by: upper-cased, then ordinal.
func compareFold(a, b string) int {
	return strings.Compare(strings.ToUpper(a), strings.ToUpper(b))
}

// splice returns a copy of data with data[from:to] replaced by s.
func splice(data []byte, from, to int, s string) []byte {
	out := make([]byte, 0, len(data)+len(s))
	out = append(out, data[:from]...)
	out = append(out, s...)
	return append(out, data[to:]...)
}

// attrEscape escapes s for an XML attribute in double quotes.
func attrEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
