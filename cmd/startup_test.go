package cmd

import (
	"io/fs"
	"sync/atomic"
	"testing"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

// countingFS counts the files opened in it.
type countingFS struct {
	fs.FS
	opened *atomic.Int32
}

func (c countingFS) Open(name string) (fs.File, error) {
	c.opened.Add(1)
	return c.FS.Open(name)
}

// TestVersionAndHelpReadNoPack: crane version, --help and a command's
// --help (but init's, which lists the pack's variables) read no pack, so
// that they start as fast as crane can (README, "Speed").
func TestVersionAndHelpReadNoPack(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--help"}, {"assemble", "--help"}, {"packs", "--help"}, {"listcommands"}} {
		te := newTestEnv(t, "")
		var opened atomic.Int32
		te.env.packs = generator.NewPackSource(countingFS{templates.Packs(), &opened})
		if code := te.run(args); code != exitOK {
			t.Fatalf("crane %v: exit %d\n%s", args, code, te.stderr)
		}
		if n := opened.Load(); n != 0 {
			t.Errorf("crane %v opened %d pack files; want none", args, n)
		}
	}
	// The counter counts: init --help reads the default pack.
	te := newTestEnv(t, "")
	var opened atomic.Int32
	te.env.packs = generator.NewPackSource(countingFS{templates.Packs(), &opened})
	if code := te.run([]string{"init", "--help"}); code != exitOK || opened.Load() == 0 {
		t.Errorf("crane init --help: exit %d, %d pack files opened; want 0 and some", code, opened.Load())
	}
}
