package msbuild

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// node is one XML element of an MSBuild file: its local name, attributes,
// child elements and text.
type node struct {
	Name     string
	Attrs    map[string]string // by local name, as written
	Children []*node
	Text     string
}

// attr returns the attribute name, matched case-insensitively as MSBuild
// does.
func (n *node) attr(name string) (string, bool) {
	for k, v := range n.Attrs {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return "", false
}

// maxDepth bounds the nesting parse accepts, so a hostile file cannot
// exhaust the stack of the evaluator's recursive walk.
const maxDepth = 64

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// parse reads an MSBuild file's root element.
func parse(data []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, utf8BOM)))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	dec.Strict = false
	var stack []*node
	var root *node
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= maxDepth {
				return nil, errors.New("elements nested too deeply")
			}
			n := &node{Name: t.Name.Local, Attrs: map[string]string{}}
			for _, a := range t.Attr {
				n.Attrs[a.Name.Local] = a.Value
			}
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.Children = append(parent.Children, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].Text += string(t)
			}
		}
	}
	if root == nil {
		return nil, errors.New("no root element")
	}
	if root.Name != "Project" {
		return nil, errors.New("the root element is <" + root.Name + ">, not <Project>")
	}
	return root, nil
}
