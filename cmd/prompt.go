package cmd

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/ewilde/crane/generator"
)

// prompter asks for a missing required value on the terminal, showing its
// help, type and choices. It is used only when stdin is a terminal.
func prompter(in io.Reader, out io.Writer) generator.Prompter {
	r := bufio.NewReader(in)
	return func(v generator.Variable) (string, error) {
		fmt.Fprintf(out, "%s (%s): %s\n", v.Name, v.Type, v.Help)
		if len(v.Choices) > 0 {
			fmt.Fprintf(out, "  choices: %s\n", strings.Join(v.Choices, ", "))
		}
		fmt.Fprintf(out, "%s> ", v.Name)
		line, err := r.ReadString('\n')
		if err != nil && line == "" {
			return "", fmt.Errorf("reading %s: %w", v.Name, err)
		}
		return strings.TrimSpace(line), nil
	}
}
