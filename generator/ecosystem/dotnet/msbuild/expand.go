package msbuild

import (
	"strconv"
	"strings"
)

// maxExpandDepth bounds nested expressions ($( inside $( inside ...).
const maxExpandDepth = 32

// expand evaluates the $(...) expressions in s: properties, a few string
// methods on them, and the MSBuild property functions crane knows. Anything
// else, and item lists (@(...)), make the value unknown, naming the
// construct.
func (e *evaluator) expand(s string) Value { return e.expandDepth(s, 0) }

func (e *evaluator) expandDepth(s string, depth int) Value {
	if depth > maxExpandDepth {
		return unknown("expressions nested too deeply")
	}
	var parts []Value
	for {
		i := strings.Index(s, "$(")
		if j := strings.Index(s, "@("); j >= 0 && (i < 0 || j < i) {
			end := closing(s, j+1)
			if end < 0 {
				end = len(s) - 1
			}
			return unknown("an item list: " + s[j:end+1])
		}
		if i < 0 {
			parts = append(parts, Value{Text: s})
			return join(parts)
		}
		end := closing(s, i+1)
		if end < 0 {
			return unknown("an unclosed $( in " + s)
		}
		parts = append(parts, Value{Text: s[:i]}, e.expr(s[i+2:end], depth+1))
		s = s[end+1:]
	}
}

// closing returns the index of the ')' that closes the '(' at open, skipping
// quoted text and nested parentheses; -1 when there is none.
func closing(s string, open int) int {
	depth := 0
	var quote byte
	for i := open; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"' || c == '`':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// expr evaluates the inside of one $(...).
func (e *evaluator) expr(body string, depth int) Value {
	body = strings.TrimSpace(body)
	if strings.HasPrefix(body, "[") {
		return e.static(body, depth)
	}
	n := 0
	for n < len(body) && isNameChar(body[n], n == 0) {
		n++
	}
	if n == 0 {
		return unknown("an expression crane cannot evaluate: $(" + body + ")")
	}
	v := e.lookup(body[:n])
	return e.methods(v, body, body[n:], depth)
}

func isNameChar(c byte, first bool) bool {
	switch {
	case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c == '_':
		return true
	case c >= '0' && c <= '9', c == '-':
		return !first
	}
	return false
}

// methods applies a chain of string methods (.Trim(), .EndsWith('x'), ...)
// to v.
func (e *evaluator) methods(v Value, whole, rest string, depth int) Value {
	for rest != "" {
		if !v.Known() {
			return v
		}
		if rest[0] != '.' {
			return unknown("an expression crane cannot evaluate: $(" + whole + ")")
		}
		name, args, after, ok := call(rest[1:])
		if !ok {
			return unknown("an expression crane cannot evaluate: $(" + whole + ")")
		}
		vals := e.args(args, depth)
		for _, a := range vals {
			if !a.Known() {
				return a
			}
			v = v.assume(a.Assumed...)
		}
		out, ok := stringMethod(v.Text, name, vals)
		if !ok {
			return unknown("a property function crane does not evaluate: $(" + whole + ")")
		}
		v.Text = out
		rest = after
	}
	return v
}

// call splits "Name(args)rest" (or "Name" alone, a property) into its parts.
func call(s string) (name string, args []string, rest string, ok bool) {
	n := 0
	for n < len(s) && isNameChar(s[n], n == 0) {
		n++
	}
	if n == 0 {
		return "", nil, "", false
	}
	name, s = s[:n], strings.TrimLeft(s[n:], " ")
	if !strings.HasPrefix(s, "(") {
		return name, nil, s, true
	}
	end := closing(s, 0)
	if end < 0 {
		return "", nil, "", false
	}
	return name, splitArgs(s[1:end]), s[end+1:], true
}

// splitArgs splits a call's arguments at top-level commas.
func splitArgs(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"' || c == '`':
			quote = c
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// args evaluates call arguments: quoted ones without their quotes.
func (e *evaluator) args(raw []string, depth int) []Value {
	out := make([]Value, len(raw))
	for i, a := range raw {
		a = strings.TrimSpace(a)
		if len(a) >= 2 && (a[0] == '\'' || a[0] == '"' || a[0] == '`') && a[len(a)-1] == a[0] {
			a = a[1 : len(a)-1]
		}
		out[i] = e.expandDepth(a, depth)
	}
	return out
}

// stringMethod applies one of the System.String methods MSBuild allows on
// a property.
func stringMethod(s, name string, args []Value) (string, bool) {
	arg := func(i int) string { return args[i].Text }
	fold := strings.ToLower(name)
	switch {
	case fold == "trim" && len(args) == 0:
		return strings.TrimSpace(s), true
	case fold == "tolower" || fold == "tolowerinvariant":
		return strings.ToLower(s), len(args) == 0
	case fold == "toupper" || fold == "toupperinvariant":
		return strings.ToUpper(s), len(args) == 0
	case fold == "endswith" && len(args) == 1:
		return strconv.FormatBool(strings.HasSuffix(s, arg(0))), true
	case fold == "startswith" && len(args) == 1:
		return strconv.FormatBool(strings.HasPrefix(s, arg(0))), true
	case fold == "contains" && len(args) == 1:
		return strconv.FormatBool(strings.Contains(s, arg(0))), true
	case fold == "replace" && len(args) == 2:
		if n := strings.Count(s, arg(0)); len(s)+n*(len(arg(1))-len(arg(0))) > maxValue {
			return "", false
		}
		return strings.ReplaceAll(s, arg(0), arg(1)), true
	case fold == "substring" && (len(args) == 1 || len(args) == 2):
		start, err := strconv.Atoi(strings.TrimSpace(arg(0)))
		if err != nil || start < 0 || start > len(s) {
			return "", false
		}
		if len(args) == 1 {
			return s[start:], true
		}
		n, err := strconv.Atoi(strings.TrimSpace(arg(1)))
		if err != nil || n < 0 || start+n > len(s) {
			return "", false
		}
		return s[start : start+n], true
	}
	return "", false
}
