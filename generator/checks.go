package generator

import (
	"errors"
	"fmt"
	"strings"
	"text/template"
)

// A pack refuses a combination of values in one of two ways, both reported
// as a *ValuesError (exit 2, nothing written) in the pack's words, never as
// a broken pack: a check in pack.yaml (checks:, run by Resolve once every
// value is valid, so --dry-run and crane pack lint see it), or a call of
// fail "message" in a template, a when, a default or dir.

// Check is one of a pack's checks across variables (pack.yaml checks):
// when When renders "true" for the resolved values, they are refused with
// Message, a template over the values too.
type Check struct {
	When    string `yaml:"when"`
	Message string `yaml:"message"`
}

// compiledCheck is a Check with its templates parsed at load (nil: plain
// text).
type compiledCheck struct {
	Check
	when, message *template.Template
}

// refusal is the error of a pack's fail: the pack's words about the values.
type refusal struct{ msg string }

func (r *refusal) Error() string { return r.msg }

// failFunc is the fail packs call (it replaces sprig's, whose plain error
// would read as a broken pack): it stops the template with a refusal.
func failFunc(msg string) (string, error) { return "", &refusal{msg: msg} }

// refusedBy returns the problem a pack's fail made of err (see
// refusalProblem), or "" when err is no refusal.
func (p *Pack) refusedBy(err error) string {
	var r *refusal
	if !errors.As(err, &r) {
		return ""
	}
	return p.refusalProblem(r.msg)
}

// refused returns err as a *ValuesError when a pack's fail caused it, else
// err as templateError words it.
func (p *Pack) refused(err error) error {
	if msg := p.refusedBy(err); msg != "" {
		return &ValuesError{Problems: []string{msg}, Refused: true}
	}
	return templateError(err)
}

// refusalProblem words a pack's refusal of the values: its message, said
// to be the pack's.
func (p *Pack) refusalProblem(msg string) string {
	msg = strings.TrimSpace(msg)
	if msg == "" {
		msg = "the pack refuses these values and does not say why"
	}
	return fmt.Sprintf("%s (a check of the %s pack; change the values)", msg, p.Name)
}

// parseChecks parses the checks' templates into the pack's set at load.
func (p *Pack) parseChecks() []string {
	var problems []string
	for i, c := range p.Checks {
		where := fmt.Sprintf("checks[%d]", i)
		if strings.TrimSpace(c.When) == "" || strings.TrimSpace(c.Message) == "" {
			problems = append(problems, fmt.Sprintf("%s: a check needs a when (a template that holds for the values to refuse) and a message (what to change)", where))
		}
		when, err := p.parseExpr(p.Name+"/pack.yaml:"+where+".when", c.When)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: when: %v", where, err))
		}
		msg, err := p.parseExpr(p.Name+"/pack.yaml:"+where+".message", c.Message)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: message: %v", where, err))
		}
		p.checks = append(p.checks, compiledCheck{Check: c, when: when, message: msg})
	}
	return problems
}

// checkValues runs the pack's checks on vals, each bounded like every
// template: a check whose when holds (or that calls fail) refuses the
// values with its message. It returns every refusal at once in a
// *ValuesError, or a *PackError for a check that cannot run.
func (p *Pack) checkValues(vals Values) error {
	data := templateData(vals, nil)
	var refusals, broken []string
	for i, c := range p.checks {
		holds, msg, err := p.runCheck(c, data)
		if err != nil {
			if r := p.refusedBy(err); r != "" {
				refusals = append(refusals, r)
			} else {
				broken = append(broken, fmt.Sprintf("%s/pack.yaml: checks[%d]: %v", p.Name, i, templateError(err)))
			}
			continue
		}
		if holds {
			refusals = append(refusals, p.refusalProblem(msg))
		}
	}
	if len(broken) > 0 {
		return &PackError{Pack: p.Name, Problems: broken}
	}
	if len(refusals) > 0 {
		return &ValuesError{Problems: refusals, Refused: true}
	}
	return nil
}

// runCheck renders c's when and, when it holds, its message.
func (p *Pack) runCheck(c compiledCheck, data map[string]any) (bool, string, error) {
	when := c.When
	if c.when != nil {
		s, err := p.execBounded(c.when, data)
		if err != nil {
			return false, "", err
		}
		when = s
	}
	if !WhenHolds(when) {
		return false, "", nil
	}
	if c.message == nil {
		return true, c.Message, nil
	}
	msg, err := p.execBounded(c.message, data)
	return true, msg, err
}
