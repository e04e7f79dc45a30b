package cmd

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

// fakeGit is a git with a fixed author that records Init calls, so engine
// and golden tests need no repository and read nothing from the machine.
type fakeGit struct {
	name, email string
	inits       []string
}

func (g *fakeGit) Author() (string, string)       { return g.name, g.email }
func (g *fakeGit) WorkTree(string) (string, bool) { return "", false }
func (g *fakeGit) Init(dir string) error {
	g.inits = append(g.inits, dir)
	return nil
}

// testEnv is an env with buffers, the embedded packs, a fake git and a fixed
// clock (2026-03-04).
type testEnv struct {
	*env
	stdout, stderr *bytes.Buffer
	git            *fakeGit
}

func newTestEnv(t testing.TB, stdin string) *testEnv {
	t.Helper()
	te := &testEnv{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, git: &fakeGit{name: "Ada Lovelace", email: "ada@example.com"}}
	te.env = &env{
		in: strings.NewReader(stdin), out: te.stdout, errOut: te.stderr,
		packs: generator.NewPackSource(templates.Packs()),
		git:   te.git,
		now:   func() time.Time { return time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC) },
		ctx:   context.Background(),
	}
	return te
}
