package cmd

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at link time: -ldflags "-X github.com/ewilde/crane/cmd.version=1.2.3".
var version = ""

// buildVersion is the link-time version, else the module version go install
// recorded, else "dev".
func buildVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

func newVersionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print crane's version",
		Args:  cobra.NoArgs,
		RunE: ran(func(c *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(e.out, "crane %s\n", buildVersion())
			return err
		}),
	}
}
