package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ewilde/crane/generator"
)

func newPacksCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "packs [PACK]",
		Short: "List the embedded packs and their variables",
		Args:  atMostOne("PACK", "see crane packs for them all"),
		RunE: ran(func(c *cobra.Command, args []string) error {
			return runPacks(e, args)
		}),
	}
}

// runPacks prints every pack (or the one named) with its variables.
func runPacks(e *env, args []string) error {
	names := args
	if len(names) == 0 {
		var err error
		if names, err = e.packs.Names(); err != nil {
			return err
		}
	}
	for i, name := range names {
		p, err := e.packs.Load(name)
		if err != nil {
			return err
		}
		if i > 0 {
			fmt.Fprintln(e.out)
		}
		fmt.Fprintf(e.out, "%s %s: %s\n", p.Name, p.Version, p.Description)
		if p.Toolchain != "" {
			fmt.Fprintf(e.out, "  needs: %s\n", p.Toolchain)
		}
		writePackVariables(e.out, p, e.facts())
	}
	return nil
}

// writePackVariables prints a pack's variables: name, type, default, choices,
// what a pattern accepts (in words) and help. A default that is a template is also shown as it comes out for
// the pack's example name.
func writePackVariables(w io.Writer, p *generator.Pack, facts generator.Facts) {
	example, _ := generator.Resolve(p, map[string]string{"Name": p.Example}, facts, nil)
	fmt.Fprintf(w, "Variables of the %s pack (set with --set NAME=VALUE):\n", p.Name)
	for _, v := range p.Variables {
		if v.Computed {
			continue
		}
		var attrs []string
		attrs = append(attrs, v.Type)
		switch {
		case v.Name == "Name":
			attrs = append(attrs, "the NAME argument")
		case v.Required():
			attrs = append(attrs, "required")
		default:
			attrs = append(attrs, "default "+v.Default)
			if got, ok := example[v.Name]; ok && strings.Contains(v.Default, "{{") {
				attrs = append(attrs, fmt.Sprintf("%q for %s", fmt.Sprint(got), p.Example))
			}
		}
		if len(v.Choices) > 0 {
			attrs = append(attrs, "choices "+strings.Join(v.Choices, "|"))
		}
		if v.PatternHelp != "" {
			attrs = append(attrs, "accepts "+v.PatternHelp)
		}
		if v.When != "" {
			attrs = append(attrs, "applies only when "+strings.TrimSpace(v.When))
		}
		fmt.Fprintf(w, "  %-16s %s\n  %-16s (%s)\n", v.Name, v.Help, "", strings.Join(attrs, "; "))
	}
}
