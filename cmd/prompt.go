package cmd

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/ewilde/crane/generator"
)

// prompter asks for a missing required value on the terminal, showing its
// help, type and choices. It is used only when stdin is a terminal. An
// interrupt (ctx done) while it waits ends the command at once.
func prompter(ctx context.Context, in io.Reader, out io.Writer) generator.Prompter {
	r := bufio.NewReader(in)
	return func(v generator.Variable) (string, error) {
		fmt.Fprintf(out, "%s (%s): %s\n", v.Name, v.Type, v.Help)
		if len(v.Choices) > 0 {
			fmt.Fprintf(out, "  choices: %s\n", strings.Join(v.Choices, ", "))
		}
		fmt.Fprintf(out, "%s> ", v.Name)
		type answer struct {
			line string
			err  error
		}
		// Read in the background so that an interrupt need not wait for
		// Enter; the reader is abandoned when the command ends.
		answered := make(chan answer, 1)
		go func() {
			line, err := r.ReadString('\n')
			answered <- answer{line, err}
		}()
		select {
		case <-ctx.Done():
			fmt.Fprintln(out)
			return "", fmt.Errorf("interrupted while asking for %s; nothing was written: %w", v.Name, ctx.Err())
		case a := <-answered:
			if a.err != nil && a.line == "" {
				return "", fmt.Errorf("reading %s: %w", v.Name, a.err)
			}
			return strings.TrimSpace(a.line), nil
		}
	}
}
