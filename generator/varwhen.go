package generator

// A variable's when makes it conditional: a question that applies only for
// some values of the ones before it (the repository name of an option that
// is off does not apply). The when is parsed at load, like a default, and
// rendered within the pack's limits; it sees the values resolved before the
// variable, not .Facts, so whether a question applies follows from values
// the lock file records.

// applies reports whether v's when holds for vals, the values resolved so
// far: true for a variable without one.
func (p *Pack) applies(v Variable, vals Values) (bool, error) {
	if !isTemplate(v.When) {
		return v.When == "" || WhenHolds(v.When), nil
	}
	t, err := p.loadedOr(p.whens[v.Name], whenName(p, v), v.When)
	if err != nil {
		return false, err
	}
	out, err := p.execBounded(t, templateData(vals, nil))
	if err != nil {
		return false, err
	}
	return WhenHolds(out), nil
}

// parseWhen parses v's when at load into the pack's template set.
func (p *Pack) parseWhen(v Variable) error {
	t, err := p.parseExpr(whenName(p, v), v.When)
	if err != nil || t == nil {
		return err
	}
	if p.whens == nil {
		p.whens = map[string]*parsedDefault{}
	}
	p.whens[v.Name] = &parsedDefault{text: v.When, t: t}
	return nil
}

// zeroValue is what templates see of a variable of type typ whose when
// does not hold: false for a bool, the empty list for a list, else "".
func zeroValue(typ string) any {
	switch typ {
	case "bool":
		return false
	case "list":
		return []string{}
	}
	return ""
}

// whenName names v's when in its errors: "go/pack.yaml variable Repo
// when:1: ...".
func whenName(p *Pack, v Variable) string {
	return p.Name + "/pack.yaml variable " + v.Name + " when"
}

// only returns the entries of a whose keys b does not have.
func only(a, b map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range a {
		if _, ok := b[k]; !ok {
			out[k] = v
		}
	}
	return out
}
