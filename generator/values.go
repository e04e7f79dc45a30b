package generator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem/all"
)

// Variable is one input of a pack.
type Variable struct {
	Name    string   `yaml:"name"`
	Type    string   `yaml:"type"`
	Default string   `yaml:"default"` // a template over the values before it and .Facts
	Choices []string `yaml:"choices"`
	Pattern string   `yaml:"pattern"`
	// PatternHelp says in words what Pattern accepts ("a four-digit year,
	// e.g. 2026"): an error shows it, never the regular expression. It is
	// required when Pattern is set.
	PatternHelp string `yaml:"pattern_help"`
	Help        string `yaml:"help"`
	// Computed variables are always their default: never asked for, never set,
	// not recorded in the lock file (they follow from the values that are).
	Computed bool `yaml:"computed"`
	// Optional variables may be left empty: their default is "".
	Optional bool `yaml:"optional"`
	// OmitDefault variables are recorded in the lock file only when their
	// value differs from their default, which must be literal. A pack can so
	// add a variable (one assemble sets from the repository, say) without
	// changing the lock files it wrote before.
	OmitDefault bool `yaml:"omit_default"`
	// Path marks a string that names a path generated files act on:
	// "single" (one path) or "list" (space-separated paths or globs). Every
	// one must be relative and stay inside the project, whether it comes
	// from --set, --values, the lock file or the default.
	Path string `yaml:"path"`
	// When is a template over the values of the variables before it (not
	// .Facts); the variable applies only when it yields "true". When it
	// does not, the variable is not asked for, not checked and not
	// recorded, and templates see its type's zero value (see varwhen.go).
	When string `yaml:"when,omitempty"`
}

// Required reports whether the variable has no default and so must be given.
func (v Variable) Required() bool { return v.Default == "" && !v.Computed && !v.Optional }

// Facts are what crane reads from the machine to offer as defaults. They reach
// a rendered file only through a variable's default, which the lock file
// records, so nothing hidden reaches the output.
type Facts struct {
	Author string // git config user.name, else the OS user
	Email  string // git config user.email
	Year   int    // the current year
}

// Values are the resolved variables of one render, keyed by name. Values are
// strings, except bools.
type Values map[string]any

// Prompter asks the user for one missing required variable. It returns the
// answer as typed.
type Prompter func(v Variable) (string, error)

// ValuesError lists every missing or invalid value at once.
type ValuesError struct {
	Problems []string
	// Refused is set when a pack refused the values (a check, or fail):
	// the error then always starts "invalid values:", so that the pack's
	// words read as being about the values.
	Refused bool
}

func (e *ValuesError) Error() string {
	if len(e.Problems) == 1 && e.Refused {
		return "invalid values: " + e.Problems[0]
	}
	if len(e.Problems) == 1 {
		return e.Problems[0]
	}
	return "invalid values:\n  " + strings.Join(e.Problems, "\n  ")
}

// Resolve computes the value of every variable of p, in order: a given value
// (from --set or --values), else the rendered default, else an answer from ask
// (nil: never ask). Every problem is collected into one *ValuesError.
func Resolve(p *Pack, given map[string]string, facts Facts, ask Prompter) (Values, error) {
	return ResolveWith(p, nil, given, facts, ask)
}

// ResolveWith is Resolve with values recorded or found (a lock file's, what
// assemble read from the repository) beneath given. They count as given,
// except that one for a variable whose when does not hold is dropped, not
// refused: the values it depends on changed since.
func ResolveWith(p *Pack, recorded, given map[string]string, facts Facts, ask Prompter) (Values, error) {
	if len(recorded) > 0 {
		all := make(map[string]string, len(recorded)+len(given))
		for k, v := range recorded {
			all[k] = v
		}
		for k, v := range given {
			all[k] = v
		}
		recorded, given = only(recorded, given), all
	}
	var problems []string
	for k := range given {
		if v, ok := p.Variable(k); !ok {
			problems = append(problems, fmt.Sprintf("unknown variable %s; the %s pack has: %s", k, p.Name, strings.Join(p.settable(), ", ")))
		} else if v.Computed {
			problems = append(problems, fmt.Sprintf("variable %s is computed from the others and cannot be set", k))
		}
	}
	slices.Sort(problems)
	vals := Values{}
	failed, refused := false, false
	for _, v := range p.Variables {
		raw, ok := given[v.Name]
		applies, err := p.applies(v, vals)
		if err != nil {
			if len(problems) == 0 { // as a default: report only the first cause
				problems = append(problems, templateError(err).Error())
			}
			failed = true
			continue
		}
		if !applies {
			if _, soft := recorded[v.Name]; ok && !v.Computed && !soft {
				problems = append(problems, fmt.Sprintf("%s applies only when %s, which does not hold for these values; drop %s from --set or --values, or change the values its when uses", v.Name, strings.TrimSpace(v.When), v.Name))
			}
			vals[v.Name] = zeroValue(v.Type)
			continue
		}
		defaulted := false
		if v.Computed {
			ok = false
		}
		if !ok && v.Default != "" {
			s, err := p.renderDefault(v, vals, facts)
			if err != nil {
				// A default that fails after another problem most likely
				// needs the value that failed: report only the first cause.
				if r := p.refusedBy(err); r != "" && len(problems) == 0 {
					problems, refused = append(problems, r), true
				} else if len(problems) == 0 {
					problems = append(problems, fmt.Sprintf("%s: default: %v", v.Name, templateError(err)))
				}
				failed = true
				continue
			}
			raw, ok, defaulted = s, true, true
		}
		if !ok && v.Optional {
			raw, ok = "", true
		}
		if !ok && ask != nil {
			s, err := ask(v)
			if err != nil {
				return nil, err
			}
			raw, ok = s, true
		}
		if !ok {
			problems = append(problems, fmt.Sprintf("missing value for %s (%s): %s; give it with --set %s=...", v.Name, v.Type, v.Help, v.Name))
			continue
		}
		val, msgs := p.check(v, raw)
		if defaulted && len(msgs) > 0 && len(problems) > 0 {
			// A default derived after another problem (a bad name gives
			// a bad folder) most likely fails because of it: report the cause.
			failed = true
			msgs = nil
		}
		problems = append(problems, msgs...)
		vals[v.Name] = val
	}
	if len(problems) > 0 || failed {
		return nil, &ValuesError{Problems: problems, Refused: refused}
	}
	if err := p.checkValues(vals); err != nil {
		return nil, err
	}
	return vals, nil
}

// check parses raw by the variable's type and validates it.
func (p *Pack) check(v Variable, raw string) (any, []string) {
	if msg := valueProblem(v.Name, raw); msg != "" {
		return raw, []string{msg}
	}
	if msg := pathProblem(v.Name, v.Path, raw); v.Path != "" && msg != "" {
		return raw, []string{msg}
	}
	var problems []string
	switch v.Type {
	case "bool":
		b, err := strconv.ParseBool(strings.ToLower(raw))
		if err != nil {
			return nil, []string{fmt.Sprintf("%s: %q is not a bool (true or false)", v.Name, raw)}
		}
		return b, nil
	case "list":
		items := SplitList(raw)
		for _, item := range items {
			if v.Pattern != "" && !p.matches(v, item) {
				problems = append(problems, fmt.Sprintf("%s: item %q is not %s; give others with --set %s=a,b,c", v.Name, item, p.patternWords(v), v.Name))
			}
		}
		return items, problems
	case "choice":
		if !slices.Contains(v.Choices, raw) {
			problems = append(problems, fmt.Sprintf("%s: %q is not one of %s", v.Name, raw, strings.Join(v.Choices, ", ")))
		}
	case "name":
		rule, _ := all.Lookup(p.Ecosystem) // Validate checked it
		for _, msg := range rule.Check(raw) {
			problems = append(problems, fmt.Sprintf("name %q: %s", raw, msg))
		}
		if len(problems) > 0 {
			if s := rule.Suggest(raw); s != "" {
				problems = append(problems, fmt.Sprintf("did you mean %s?", s))
			}
		}
	}
	if v.Pattern != "" && (raw != "" || !v.Optional) && !p.matches(v, raw) {
		if v.Computed { // no --set can fix it: the values it follows from can
			problems = append(problems, fmt.Sprintf("%s: %q, computed from the other values, is not %s; change the values it follows from (crane packs %s shows how it is computed)", v.Name, raw, p.patternWords(v), p.Name))
		} else {
			problems = append(problems, fmt.Sprintf("%s: %q is not %s; give another with --set %s=...", v.Name, raw, p.patternWords(v), v.Name))
		}
	}
	return raw, problems
}

// patternWords says in words what v's pattern accepts.
func (p *Pack) patternWords(v Variable) string {
	if v.PatternHelp == "" { // a released pack version from before pattern_help
		return "of the form this variable accepts (crane packs " + p.Name + " describes it)"
	}
	return v.PatternHelp
}

// settable lists the variables a user may set.
func (p *Pack) settable() []string {
	var names []string
	for _, v := range p.Variables {
		if !v.Computed {
			names = append(names, v.Name)
		}
	}
	return names
}

// Recorded returns the values the lock file records: all but the computed,
// those whose when does not hold, and those marked omit_default that have
// their default.
func (p *Pack) Recorded(vals Values) Values {
	out := Values{}
	for _, v := range p.Variables {
		if applies, err := p.applies(v, vals); err == nil && !applies {
			continue
		}
		if v.OmitDefault && fmt.Sprint(vals[v.Name]) == v.Default {
			continue
		}
		if !v.Computed {
			out[v.Name] = vals[v.Name]
		}
	}
	return out
}

// Strings returns vals as strings, the form --set takes, so that a lock file's
// values can be fed back to Resolve.
func (vals Values) Strings() map[string]string {
	out := make(map[string]string, len(vals))
	for k, v := range vals {
		switch list := v.(type) {
		case []string:
			out[k] = strings.Join(list, ",")
		case []any:
			items := make([]string, len(list))
			for i, item := range list {
				items[i] = fmt.Sprint(item)
			}
			out[k] = strings.Join(items, ",")
		default:
			out[k] = fmt.Sprint(v)
		}
	}
	return out
}

// SplitList reads a list variable's value as --set gives it: items
// separated by commas, each trimmed of spaces, empty items dropped ("" is
// the empty list).
func SplitList(raw string) []string {
	items := []string{}
	for _, item := range strings.Split(raw, ",") {
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, item)
		}
	}
	return items
}
