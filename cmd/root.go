package cmd

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/ewilde/crane/internal/lazyre"
)

func init() {
	// Command names are matched case-insensitively ("crane Init"), as crane
	// 0.x did. This is cobra's process-wide switch, set once here.
	cobra.EnableCaseInsensitive = true
}

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "crane",
		Short: "Scaffold a project from a template pack, or add build tooling to one",
		Long: `crane renders a new project from an embedded template pack (crane init),
merges a pack's build tooling into an existing repository without overwriting
your files (crane assemble), and brings either forward when the pack improves
(crane update; crane status --check tells CI when it is due).`,
		SilenceErrors:     true,
		SilenceUsage:      true,
		Version:           buildVersion(),
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: false},
	}
	root.SetVersionTemplate("crane {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(
		newInitCmd(e),
		newAssembleCmd(e),
		newPacksCmd(e),
		newPackCmd(e),
		newStatusCmd(e),
		newUpdateCmd(e),
		newVersionCmd(e),
		newListCommandsCmd(root),
	)
	return root
}

// shorthandRe is pflag's error for a letter that is no shorthand, in a
// run of letters after one dash: "-update" gives 'p' in -pdate.
var shorthandRe = lazyre.New(`^unknown shorthand flag: '.' in -(\S+)$`)

// flagError adds a "did you mean" to an unknown flag: a flag near the one
// given, or the long flag a word after one dash spells (-update for
// --update).
func flagError(c *cobra.Command, err error) error {
	msg := err.Error()
	var names []string
	c.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	var s []string
	if name, ok := strings.CutPrefix(msg, "unknown flag: --"); ok {
		s = suggest(name, names)
	} else if m := shorthandRe.FindStringSubmatch(msg); m != nil {
		for _, n := range names {
			if len(n) > len(m[1]) && strings.HasSuffix(n, m[1]) {
				s = append(s, n)
			}
		}
	}
	if len(s) > 0 {
		return fmt.Errorf("%w\n\nDid you mean this?\n\t--%s", err, strings.Join(s, "\n\t--"))
	}
	return fmt.Errorf("%w\nsee %s --help", err, c.CommandPath())
}

// suggest returns the candidates within two edits of s, or that start with it.
func suggest(s string, candidates []string) []string {
	var out []string
	for _, c := range candidates {
		if levenshtein(strings.ToLower(s), strings.ToLower(c)) <= 2 || (len(s) > 1 && strings.HasPrefix(c, s)) {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// newListCommandsCmd keeps crane 0.x's listcommands working, hidden.
func newListCommandsCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:    "listcommands",
		Short:  "List the commands (crane 0.x name; hidden)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: ran(func(c *cobra.Command, _ []string) error {
			for _, sub := range root.Commands() {
				if sub.IsAvailableCommand() {
					fmt.Fprintf(c.OutOrStdout(), "%-12s %s\n", sub.Name(), sub.Short)
				}
			}
			return nil
		}),
	}
}

// atMostOne accepts zero or one argument, and otherwise says what the one
// argument is and what to do: "init takes one NAME, not 2 arguments ...".
func atMostOne(what, hint string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) <= 1 {
			return nil
		}
		quoted := make([]string, len(args))
		for i, a := range args {
			quoted[i] = fmt.Sprintf("%q", a)
		}
		return fmt.Errorf("%s takes one %s, not %d arguments (%s); %s", c.Name(), what, len(args), strings.Join(quoted, " "), hint)
	}
}

// ran wraps a run function so that its errors are told apart from cobra's.
func ran(f func(*cobra.Command, []string) error) func(*cobra.Command, []string) error {
	return func(c *cobra.Command, args []string) error {
		if err := f(c, args); err != nil {
			return &ranError{err}
		}
		return nil
	}
}
