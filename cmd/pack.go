package cmd

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

// newPackCmd groups the commands a pack's author runs: new, lint and test.
func newPackCmd(e *env) *cobra.Command {
	c := &cobra.Command{
		Use:   "pack",
		Short: "Write and check your own packs: pack new, pack lint, pack test",
		Long: `A pack is a folder with a pack.yaml and the component folders project/ and
build/ (see the README's "External packs"). crane init --pack takes a pack by
folder or git URL as well as by built-in name.`,
		Args: cobra.NoArgs,
	}
	c.AddCommand(newPackNewCmd(e), newPackLintCmd(e), newPackTestCmd(e))
	return c
}

// packFolder turns a command's DIR argument into a --pack value that names
// a folder: "mypack" alone would name a built-in pack.
func packFolder(dir string) string {
	if strings.ContainsAny(dir, `/\`) || strings.HasPrefix(dir, ".") {
		return dir
	}
	if info, err := os.Stat(dir); err == nil && info.IsDir() {
		return "." + string(filepath.Separator) + dir
	}
	return dir
}
