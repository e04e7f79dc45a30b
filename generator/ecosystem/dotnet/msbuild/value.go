package msbuild

import (
	"fmt"
	"slices"
	"strings"
)

// Value is an evaluated property or metadata value.
type Value struct {
	// Text is the value (meaningful only when Unknown is empty).
	Text string
	// Unknown says why the value cannot be evaluated statically ("a property
	// function: [System.DateTime]::Now"); empty when it is known.
	Unknown string
	// Assumed lists the properties the value relied on that no file read
	// sets (and the generated build does not pass), taken as empty, as
	// MSBuild takes them when nothing defines them.
	Assumed []string
}

// Known reports whether the value could be evaluated.
func (v Value) Known() bool { return v.Unknown == "" }

// Set reports whether the value is known and not blank.
func (v Value) Set() bool { return v.Known() && strings.TrimSpace(v.Text) != "" }

// Trimmed is the text without surrounding white space.
func (v Value) Trimmed() string { return strings.TrimSpace(v.Text) }

// List splits the value at ';' as MSBuild splits item lists, dropping
// blank entries.
func (v Value) List() []string {
	var out []string
	for _, s := range strings.Split(v.Text, ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Bool reads the value as MSBuild reads a boolean property: true, on or yes
// (any case) is true, anything else false.
func (v Value) Bool() bool {
	switch strings.ToLower(v.Trimmed()) {
	case "true", "on", "yes":
		return true
	}
	return false
}

func unknown(why string) Value { return Value{Unknown: why} }

// assume adds names to v's assumptions, keeping them sorted and unique.
func (v Value) assume(names ...string) Value {
	if len(names) == 0 {
		return v
	}
	out := slices.Clone(v.Assumed)
	for _, n := range names {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	v.Assumed = out
	return v
}

// join concatenates values: unknown when any part is, with every part's
// assumptions.
func join(parts []Value) Value {
	var b strings.Builder
	var out Value
	for _, p := range parts {
		if !p.Known() && out.Known() {
			out.Unknown = p.Unknown
		}
		if b.Len() <= maxValue {
			b.WriteString(p.Text)
		}
		out = out.assume(p.Assumed...)
	}
	switch {
	case out.Known() && b.Len() > maxValue:
		out.Unknown = fmt.Sprintf("a value longer than %d bytes", maxValue)
	case out.Known():
		out.Text = b.String()
	}
	return out
}

// maxValue bounds a value's length: a property that doubles itself line
// after line would otherwise grow without end.
const maxValue = 64 << 10
