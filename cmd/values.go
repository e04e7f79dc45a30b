package cmd

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/generator/safefile"
)

// valueFlags are the flags that give variables: --values FILE, then --set
// key=value on top.
type valueFlags struct {
	set    []string
	values string
}

// register adds --set and --values to fs.
func (f *valueFlags) register(fs *pflag.FlagSet) {
	fs.StringArrayVar(&f.set, "set", nil, "set a variable: --set key=value (repeatable)")
	fs.StringVar(&f.values, "values", "", "a YAML file of variable: value")
}

// given merges --values and --set into one map; every malformed entry is
// reported at once.
func (f valueFlags) given() (map[string]string, error) {
	out := map[string]string{}
	var problems []string
	if f.values != "" {
		data, err := safefile.Read(f.values, safefile.MaxFileSize)
		if err != nil {
			return nil, usageErrorf("--values: %w", err)
		}
		// Decoded as nodes, not Go values, so that a scalar arrives as the
		// user wrote it: PythonVersion: 3.10 is "3.10", not the float 3.1.
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return nil, usageErrorf("--values %s: %w; it must be a YAML map of variable: value", f.values, err)
		}
		var m *yaml.Node
		if len(doc.Content) > 0 {
			m = doc.Content[0]
			if m.Kind != yaml.MappingNode {
				return nil, usageErrorf("--values %s: line %d: it must be a YAML map of variable: value", f.values, m.Line)
			}
		}
		seen := map[string]int{}
		for i := 0; m != nil && i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i].Value, m.Content[i+1]
			if v.Kind == yaml.AliasNode {
				v = v.Alias
			}
			if line, ok := seen[k]; ok {
				problems = append(problems, fmt.Sprintf("--values %s: %s is given twice (lines %d and %d)", f.values, k, line, m.Content[i].Line))
				continue
			}
			seen[k] = m.Content[i].Line
			if v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" {
				problems = append(problems, fmt.Sprintf("--values %s: %s must be a string, number or bool", f.values, k))
				continue
			}
			out[k] = v.Value
		}
	}
	for _, kv := range f.set {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			problems = append(problems, fmt.Sprintf("--set %q: want key=value", kv))
			continue
		}
		out[k] = v
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return out, &badValues{problems}
	}
	return out, nil
}

// badValues are malformed --set and --values entries. given returns them with
// the well-formed rest, so that the caller can resolve that rest and list
// every problem at once.
type badValues struct{ problems []string }

func (b *badValues) Error() string { return (&generator.ValuesError{Problems: b.problems}).Error() }

// givenValues splits given's error: an unreadable file stops the command;
// malformed entries (bad, nil when there are none) are reported together
// with what resolving the rest finds, by withResolveError.
func givenValues(f valueFlags) (map[string]string, *badValues, error) {
	out, err := f.given()
	var bad *badValues
	if errors.As(err, &bad) {
		return out, bad, nil
	}
	return out, nil, err
}

// withResolveError joins the malformed entries with the problems Resolve
// found in the rest into one *generator.ValuesError (exit 2).
func (b *badValues) withResolveError(err error) error {
	problems := slices.Clone(b.problems)
	var ve *generator.ValuesError
	if errors.As(err, &ve) {
		problems = append(problems, ve.Problems...)
	}
	return &generator.ValuesError{Problems: problems}
}
