// Command crane is a project scaffolding generator: crane init renders a new
// project from an embedded template pack, crane assemble merges a pack's build
// tooling into an existing repository without overwriting the user's files.
package main

import (
	"os"

	"github.com/ewilde/crane/cmd"
)

func main() {
	os.Exit(cmd.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
