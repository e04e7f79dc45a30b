package msbuild

import (
	"strings"
)

// tri is a condition's outcome: it holds, it does not, or crane cannot tell.
type tri int8

const (
	no tri = iota
	yes
	maybe
)

// outcome is an evaluated condition: its value, why it is maybe, and the
// properties it took as empty.
type outcome struct {
	v       tri
	why     string
	assumed []string
}

// condition evaluates an MSBuild Condition attribute: comparisons (==, !=,
// <, >, <=, >=), and, or, !, parentheses, Exists() and HasTrailingSlash().
// An empty condition holds.
func (e *evaluator) condition(s string) outcome {
	if strings.TrimSpace(s) == "" {
		return outcome{v: yes}
	}
	toks, err := lex(s)
	if err != "" {
		return outcome{v: maybe, why: "a condition crane cannot read (" + err + "): " + s}
	}
	p := &condParser{e: e, toks: toks}
	o := p.or()
	if p.bad == "" && p.pos < len(p.toks) {
		p.bad = "unexpected " + p.toks[p.pos].text
	}
	if p.bad != "" {
		return outcome{v: maybe, why: "a condition crane cannot read (" + p.bad + "): " + s}
	}
	if o.v == maybe && o.why == "" {
		o.why = "a condition crane cannot evaluate: " + s
	}
	return o
}

type tokKind int8

const (
	tokOp     tokKind = iota // ( ) ! == != < > <= >= and or
	tokString                // 'quoted', $(...) or a bare word
	tokCall                  // Exists('...')
)

type token struct {
	kind tokKind
	text string   // the operator, the string's raw text, the function name
	args []string // a call's raw arguments
}

// lex splits a condition into tokens; err says what it could not read.
func lex(s string) ([]token, string) {
	var out []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			i++
		case c == '(' || c == ')':
			out = append(out, token{kind: tokOp, text: string(c)})
			i++
		case strings.HasPrefix(s[i:], "==") || strings.HasPrefix(s[i:], "!=") ||
			strings.HasPrefix(s[i:], "<=") || strings.HasPrefix(s[i:], ">="):
			out = append(out, token{kind: tokOp, text: s[i : i+2]})
			i += 2
		case c == '!' || c == '<' || c == '>':
			out = append(out, token{kind: tokOp, text: string(c)})
			i++
		case c == '\'' || c == '"' || c == '`':
			end := strings.IndexByte(s[i+1:], c)
			if end < 0 {
				return nil, "an unclosed quote"
			}
			out = append(out, token{kind: tokString, text: s[i+1 : i+1+end]})
			i += end + 2
		case c == '$' || c == '@' || c == '%':
			if i+1 >= len(s) || s[i+1] != '(' {
				return nil, "a stray " + string(c)
			}
			end := closing(s, i+1)
			if end < 0 {
				return nil, "an unclosed " + string(c) + "("
			}
			out = append(out, token{kind: tokString, text: s[i : end+1]})
			i = end + 1
		default:
			j := i
			for j < len(s) && (isNameChar(s[j], false) || s[j] == '.') {
				j++
			}
			if j == i {
				return nil, "an unexpected " + string(c)
			}
			word := s[i:j]
			k := j
			for k < len(s) && s[k] == ' ' {
				k++
			}
			switch {
			case strings.EqualFold(word, "and") || strings.EqualFold(word, "or"):
				out = append(out, token{kind: tokOp, text: strings.ToLower(word)})
				i = j
			case k < len(s) && s[k] == '(' && isNameChar(word[0], true):
				end := closing(s, k)
				if end < 0 {
					return nil, "an unclosed " + word + "("
				}
				out = append(out, token{kind: tokCall, text: word, args: splitArgs(s[k+1 : end])})
				i = end + 1
			default:
				out = append(out, token{kind: tokString, text: word})
				i = j
			}
		}
	}
	return out, ""
}

type condParser struct {
	e    *evaluator
	toks []token
	pos  int
	bad  string
}

func (p *condParser) peek(op string) bool {
	return p.pos < len(p.toks) && p.toks[p.pos].kind == tokOp && p.toks[p.pos].text == op
}

func (p *condParser) or() outcome {
	o := p.and()
	for p.bad == "" && p.peek("or") {
		p.pos++
		r := p.and()
		o = combine(o, r, func(a, b tri) tri {
			switch {
			case a == yes || b == yes:
				return yes
			case a == maybe || b == maybe:
				return maybe
			}
			return no
		})
	}
	return o
}

func (p *condParser) and() outcome {
	o := p.unary()
	for p.bad == "" && p.peek("and") {
		p.pos++
		r := p.unary()
		o = combine(o, r, func(a, b tri) tri {
			switch {
			case a == no || b == no:
				return no
			case a == maybe || b == maybe:
				return maybe
			}
			return yes
		})
	}
	return o
}

func combine(a, b outcome, f func(a, b tri) tri) outcome {
	o := outcome{v: f(a.v, b.v), assumed: append(append([]string(nil), a.assumed...), b.assumed...)}
	if o.v == maybe {
		o.why = a.why
		if o.why == "" {
			o.why = b.why
		}
	}
	return o
}

func (p *condParser) unary() outcome {
	if p.peek("!") {
		p.pos++
		o := p.unary()
		switch o.v {
		case yes:
			o.v = no
		case no:
			o.v = yes
		}
		return o
	}
	if p.peek("(") {
		p.pos++
		o := p.or()
		if !p.peek(")") {
			if p.bad == "" {
				p.bad = "a missing )"
			}
			return o
		}
		p.pos++
		return o
	}
	left, ok := p.operand()
	if !ok {
		return outcome{}
	}
	if p.pos < len(p.toks) && p.toks[p.pos].kind == tokOp {
		switch op := p.toks[p.pos].text; op {
		case "==", "!=", "<", ">", "<=", ">=":
			p.pos++
			right, ok := p.operand()
			if !ok {
				return outcome{}
			}
			return compare(left, op, right)
		}
	}
	return truth(left)
}

// operand reads a string, property or call.
func (p *condParser) operand() (Value, bool) {
	if p.pos >= len(p.toks) {
		p.bad = "a missing operand"
		return Value{}, false
	}
	t := p.toks[p.pos]
	p.pos++
	switch t.kind {
	case tokString:
		return p.e.expand(t.text), true
	case tokCall:
		return p.e.condFunc(t.text, t.args), true
	}
	p.bad = "unexpected " + t.text
	return Value{}, false
}
