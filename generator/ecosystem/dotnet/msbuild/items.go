package msbuild

import (
	"slices"
	"strings"
)

// Item is one evaluated item (a PackageReference, say).
type Item struct {
	// Type is the element name: PackageReference, PackageVersion, ...
	Type string
	// ID is the item's identity, from Include.
	ID string
	// Meta are its metadata by lower-case name (attributes and child
	// elements alike).
	Meta map[string]Value
	// Unknown says why crane cannot tell whether the item is there ("" when
	// it is).
	Unknown string
}

// Items are the items of a type, in order.
func (p *Project) Items(typ string) []Item {
	var out []Item
	for _, it := range p.items {
		if strings.EqualFold(it.Type, typ) {
			out = append(out, it)
		}
	}
	return out
}

// itemAttrs are an item element's attributes that are operations, not
// metadata.
var itemAttrs = map[string]bool{"include": true, "update": true, "remove": true, "exclude": true, "condition": true}

// evalItems runs the item pass: every ItemGroup, in order, with the final
// properties.
func (e *evaluator) evalItems() {
	saved := e.file
	for _, g := range e.groups {
		e.file = g.file
		gc := e.condition(condAttr(g.n))
		if gc.v == no {
			continue
		}
		for _, n := range g.n.Children {
			e.item(n, gc)
		}
	}
	e.file = saved
}

func (e *evaluator) item(n *node, gc outcome) {
	c := gc
	if c.v == yes {
		c = e.condition(condAttr(n))
	}
	if c.v == no {
		return
	}
	why := ""
	if c.v == maybe {
		why = "it is under " + c.why
	}
	meta := map[string]Value{}
	for k, v := range n.Attrs {
		if !itemAttrs[strings.ToLower(k)] {
			meta[strings.ToLower(k)] = e.expand(v)
		}
	}
	for _, m := range n.Children {
		mc := e.condition(condAttr(m))
		switch mc.v {
		case yes:
			meta[strings.ToLower(m.Name)] = e.expand(strings.TrimSpace(m.Text))
		case maybe:
			meta[strings.ToLower(m.Name)] = unknown("it is set under " + mc.why)
		}
	}
	if raw, ok := n.attr("Remove"); ok {
		ids := e.ids(n.Name, raw, why)
		for i, it := range e.p.items {
			if why != "" && strings.EqualFold(it.Type, n.Name) && matchesAny(it.ID, ids) {
				e.p.items[i].Unknown = "it may be removed: " + why
			}
		}
		e.p.items = slices.DeleteFunc(e.p.items, func(it Item) bool {
			return why == "" && strings.EqualFold(it.Type, n.Name) && matchesAny(it.ID, ids)
		})
		return
	}
	if raw, ok := n.attr("Update"); ok {
		ids := e.ids(n.Name, raw, why)
		for i := range e.p.items {
			it := &e.p.items[i]
			if !strings.EqualFold(it.Type, n.Name) || !matchesAny(it.ID, ids) {
				continue
			}
			for k, v := range meta {
				if why != "" {
					v = unknown(why)
				}
				it.Meta[k] = v
			}
		}
		return
	}
	raw, _ := n.attr("Include")
	for _, it := range e.ids(n.Name, raw, why) {
		m := make(map[string]Value, len(meta))
		for k, v := range meta {
			m[k] = v
		}
		it.Meta = m
		e.p.items = append(e.p.items, it)
	}
}

// ids expands an Include, Update or Remove list into items with no
// metadata yet.
func (e *evaluator) ids(typ, raw, why string) []Item {
	v := e.expand(raw)
	if !v.Known() {
		return []Item{{Type: typ, ID: strings.TrimSpace(raw), Unknown: v.Unknown}}
	}
	var out []Item
	for _, id := range v.List() {
		out = append(out, Item{Type: typ, ID: id, Unknown: why})
	}
	return out
}

func matchesAny(id string, items []Item) bool {
	for _, it := range items {
		if strings.EqualFold(id, it.ID) {
			return true
		}
	}
	return false
}
