package generator

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/go-git/go-git/v5/plumbing/format/gitattributes"
)

// attrFile is one gitattributes file: its folder (slash-separated, from the
// work tree's root; "" for the root) and its lines.
type attrFile struct {
	dir  string
	data []byte
}

// attrRule is one parsed line: a pattern (nil for a macro) and its
// attributes as written ("text", "-text", "eol=lf", "!diff").
type attrRule struct {
	pattern gitattributes.Pattern
	macro   string
	attrs   []string
}

// builtinMacros are the macros git defines itself.
var builtinMacros = map[string][]string{"binary": {"-diff", "-merge", "-text"}}

// parseAttrs parses a gitattributes file with go-git's line parser. Lines it
// cannot parse are skipped, as git skips them (with a warning).
func parseAttrs(f attrFile) []attrRule {
	var domain []string
	if f.dir != "" {
		domain = strings.Split(f.dir, "/")
	}
	var rules []attrRule
	for _, line := range splitKeep(bytes.TrimPrefix(f.data, utf8BOM)) {
		m, err := gitattributes.ParseAttributesLine(trimEOL(line), domain, f.dir == "")
		if err != nil || m.Name == "" {
			continue
		}
		r := attrRule{pattern: m.Pattern}
		if m.Pattern == nil {
			r.macro = m.Name
		}
		for _, a := range m.Attributes {
			r.attrs = append(r.attrs, attrToken(a))
		}
		rules = append(rules, r)
	}
	return rules
}

func attrToken(a gitattributes.Attribute) string {
	switch {
	case a.IsUnset():
		return "-" + a.Name()
	case a.IsUnspecified():
		return "!" + a.Name()
	case a.IsValueSet():
		return a.Name() + "=" + a.Value()
	}
	return a.Name()
}

// attrName is the attribute a token sets.
func attrName(tok string) string {
	name, _, _ := strings.Cut(strings.TrimLeft(tok, "-!"), "=")
	return name
}

// attrsOf evaluates rules, given from the lowest priority to the highest, for
// the file p (slash-separated, from the work tree's root): the token that
// decides each attribute, and the attribute names in the order rules first
// set them. Later rules win, as in git; a set macro (binary) sets its
// attributes too. go-git's own Matcher is not used: it lets earlier rules
// win and knows no built-in macro.
func attrsOf(rules []attrRule, p string) (map[string]string, []string) {
	macros := map[string][]string{}
	for k, v := range builtinMacros {
		macros[k] = v
	}
	for _, r := range rules {
		if r.pattern == nil {
			macros[r.macro] = r.attrs
		}
	}
	got := map[string]string{}
	var order []string
	set := func(tok string) {
		name := attrName(tok)
		if !slices.Contains(order, name) {
			order = append(order, name)
		}
		if strings.HasPrefix(tok, "!") {
			delete(got, name)
			return
		}
		got[name] = tok
	}
	segs := strings.Split(p, "/")
	for _, r := range rules {
		if r.pattern == nil || !r.pattern.Match(segs) {
			continue
		}
		for _, tok := range r.attrs {
			if m, ok := macros[tok]; ok {
				for _, mt := range m {
					set(mt)
				}
			}
			set(tok)
		}
	}
	return got, order
}

// narrowAttributes returns the lines crane adds to the .gitattributes of dir
// (slash-separated, from the work tree's root; "" for the root) in an
// existing repository, and notes. crane's lines (its pack's .gitattributes)
// are not added as they are: a pattern such as "* text=auto" would change how
// git treats the files already there (their line endings, as
// `git add --renormalize .` shows). Instead each file crane adds (owned,
// relative to dir) gets one line anchored to it ("/build.sh text eol=lf")
// with the attributes crane's lines give it and the repository's (user, from
// the lowest priority to the highest) leave unspecified. An attribute the
// repository sets otherwise is the user's and stays; a real contradiction
// (text against -text, eol=lf against eol=crlf) is reported, text against
// text=auto is not.
func narrowAttributes(crane []byte, dir string, owned []string, user []attrFile) ([]byte, []string) {
	craneRules := parseAttrs(attrFile{data: crane})
	var userRules []attrRule
	for _, f := range user {
		userRules = append(userRules, parseAttrs(f)...)
	}
	var out bytes.Buffer
	var notes []string
	for _, rel := range owned {
		want, order := attrsOf(craneRules, rel)
		have, _ := attrsOf(userRules, path.Join(dir, rel))
		var toks []string
		for _, name := range order {
			tok, ok := want[name]
			if !ok {
				continue
			}
			mine, set := have[name]
			switch {
			case !set:
				toks = append(toks, tok)
			case mine == tok || bothText(mine, tok):
				// the same, or text beside text=auto: both normalize
			default:
				notes = append(notes, fmt.Sprintf("%s keeps its git attribute %s from your attributes (crane's would be %s)", rel, mine, tok))
			}
		}
		if len(toks) > 0 {
			fmt.Fprintf(&out, "%s %s\n", attrPattern(rel), strings.Join(toks, " "))
		}
	}
	return out.Bytes(), notes
}

// attrPattern is a gitattributes pattern matching exactly the file rel of
// the attributes file's folder: anchored with "/", glob characters escaped,
// quoted when it holds white space or a quote.
func attrPattern(rel string) string {
	var b strings.Builder
	b.WriteByte('/')
	for i := 0; i < len(rel); i++ { // bytes: a name need not be UTF-8
		if strings.IndexByte(`*?[\`, rel[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(rel[i])
	}
	p := b.String()
	if strings.ContainsFunc(p, func(r rune) bool { return unicode.IsSpace(r) || r == '"' }) {
		return `"` + strings.ReplaceAll(strings.ReplaceAll(p, `\`, `\\`), `"`, `\"`) + `"`
	}
	return p
}

// bothText reports whether a and b are text and text=auto, in either order:
// both normalize line endings, so the user's stays and nothing is reported.
func bothText(a, b string) bool {
	return a != b && (a == "text" || a == "text=auto") && (b == "text" || b == "text=auto")
}
