package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/internal/lazyre"
)

// initRepo makes dir (where the project is staged) a git repository; on
// failure it removes the partial .git so that Apply's rollback leaves nothing
// behind. Errors name target, the folder the user asked for.
func initRepo(g generator.Git, dir, target string) error {
	if err := g.Init(dir); err != nil {
		_ = os.RemoveAll(filepath.Join(dir, ".git"))
		return fmt.Errorf("git init %s: %w; run again with --no-git to skip it", target, err)
	}
	return nil
}

var plainWord = lazyre.New(`^[A-Za-z0-9_./-]+$`)

// shellWord quotes s for the "Next: cd ..." hint when it needs it; a
// relative path starting with "-" gets "./" so that cd does not read it as
// an option.
func shellWord(s string) string {
	if strings.HasPrefix(s, "-") {
		s = "./" + s
	}
	if plainWord.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
