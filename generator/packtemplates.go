package generator

import (
	"regexp"
	"strings"
	"text/template"
)

// The templates of pack.yaml (variable defaults, dir, when conditions) are
// parsed once, when the pack loads, into the pack's one template set, so
// that the func map is checked once per pack and no template is parsed
// twice. Text without an action is no template: it renders as itself, so it
// is not parsed at all. Patterns are compiled once, at load, too.

// isTemplate reports whether text has an action; text without one renders
// as itself.
func isTemplate(text string) bool { return strings.Contains(text, "{{") }

// parseExpr parses text, a template from pack.yaml, into the pack's set
// under name (which its errors name), or returns nil for plain text. The
// template keeps its own parse tree, so a file template or partial of the
// same name does not change what it renders.
func (p *Pack) parseExpr(name, text string) (*template.Template, error) {
	if !isTemplate(text) {
		return nil, nil
	}
	return p.tmpl.New(name).Parse(text)
}

// parseVariable parses v's default (named as Resolve's errors name it) and
// compiles v's pattern, once. A default that does not parse gives the error
// worded as before, naming the variable alone.
func (p *Pack) parseVariable(v Variable) (defaultErr, patternErr error) {
	t, err := p.parseExpr(p.Name+"/pack.yaml:"+v.Name, v.Default)
	if err != nil {
		_, defaultErr = p.tmpl.New(v.Name).Parse(v.Default)
		if defaultErr == nil { // cannot happen: the same text, another name
			defaultErr = err
		}
	} else if t != nil {
		if p.defaults == nil {
			p.defaults = map[string]parsedDefault{}
		}
		p.defaults[v.Name] = parsedDefault{text: v.Default, t: t}
	}
	if v.Pattern != "" {
		re, err := regexp.Compile(v.Pattern)
		if err != nil {
			return defaultErr, err
		}
		if p.patterns == nil {
			p.patterns = map[string]*regexp.Regexp{}
		}
		p.patterns[v.Pattern] = re
	}
	return defaultErr, nil
}

// renderDefault renders v's default with the values so far and facts. A
// default the pack did not load with (a test adds a variable) is parsed now.
func (p *Pack) renderDefault(v Variable, vals Values, facts Facts) (string, error) {
	if !isTemplate(v.Default) {
		return v.Default, nil
	}
	d := p.defaults[v.Name]
	t, err := p.loadedOr(&d, p.Name+"/pack.yaml:"+v.Name, v.Default)
	if err != nil {
		return "", err
	}
	return p.execBounded(t, templateData(vals, &facts))
}

// loadedOr is the template parsed at load for text (loaded, nil or parsed
// from another text when the pack did not load with it: a test adds a
// variable), else text parsed now under name, bounded like every pack.yaml
// template.
func (p *Pack) loadedOr(loaded *parsedDefault, name, text string) (*template.Template, error) {
	if loaded != nil && loaded.t != nil && loaded.text == text {
		return loaded.t, nil
	}
	t, err := p.tmpl.New(name).Parse(text)
	if err != nil {
		return nil, err
	}
	boundTree(t.Tree)
	return t, nil
}

// WhenHolds reports whether a rendered when holds: it reads "true", spaces
// around it aside. Every when (a file rule's, an action's, a variable's, a
// check's, and lint's reading of them) holds this way.
func WhenHolds(rendered string) bool { return strings.TrimSpace(rendered) == "true" }

// execBounded executes t, one of the pack's pack.yaml templates, on data
// within the pack's limits (see bound): a default or dir that loops or
// grows without end is stopped with an error.
func (p *Pack) execBounded(t *template.Template, data map[string]any) (string, error) {
	return execWithin(t, data, p.limits())
}

// parsedDefault is a variable's default and its template.
type parsedDefault struct {
	text string
	t    *template.Template
}

// matches reports whether raw matches v's pattern (compiled at load, or now
// for a variable the pack did not load with).
func (p *Pack) matches(v Variable, raw string) bool {
	re := p.patterns[v.Pattern]
	if re == nil {
		re = regexp.MustCompile(v.Pattern)
	}
	return re.MatchString(raw)
}

// holds reports whether the rule's when condition renders "true" for data,
// rendering it into w (bounded by the render's limits).
func (r *compiledRule) holds(data map[string]any, w *boundedWriter) (bool, error) {
	if r.when == nil {
		return WhenHolds(r.When), nil
	}
	if err := r.when.Execute(w, data); err != nil {
		return false, err
	}
	return WhenHolds(w.buf.String()), nil
}
