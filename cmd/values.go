package cmd

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"
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
		data, err := os.ReadFile(f.values)
		if err != nil {
			return nil, usageErrorf("--values: %w", err)
		}
		var m map[string]any
		if err := yaml.Unmarshal(data, &m); err != nil {
			return nil, usageErrorf("--values %s: %w; it must be a YAML map of variable: value", f.values, err)
		}
		for k, v := range m {
			switch v.(type) {
			case string, bool, int, float64:
				out[k] = fmt.Sprint(v)
			default:
				problems = append(problems, fmt.Sprintf("--values %s: %s must be a string, number or bool", f.values, k))
			}
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
		return nil, usageErrorf("%s", strings.Join(problems, "\n  "))
	}
	return out, nil
}
