package cmd

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

func TestInitAsksForMissingNameOnATerminal(t *testing.T) {
	te := newTestEnv(t, "Asked.Name\n")
	te.interactive = true
	dir := filepath.Join(t.TempDir(), "p")
	if code := te.run([]string{"init", "--dir", dir, "--no-git"}); code != 0 {
		t.Fatalf("exit %d: %s", code, te.stderr)
	}
	out := te.stdout.String()
	if !strings.Contains(out, "Name (name): the solution, project") || !strings.Contains(out, "Name> ") {
		t.Errorf("no prompt with help:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "Asked.Name.slnx")); err != nil {
		t.Error(err)
	}
}

func TestInitMakesARepository(t *testing.T) {
	te := newTestEnv(t, "")
	dir := filepath.Join(t.TempDir(), "p")
	if code := te.run([]string{"init", "Demo", "--dir", dir}); code != 0 {
		t.Fatalf("exit %d: %s", code, te.stderr)
	}
	// git init runs in the folder the project is staged in, beside dir,
	// before it is renamed into place.
	if len(te.git.inits) != 1 || filepath.Dir(te.git.inits[0]) != filepath.Dir(dir) || !strings.HasPrefix(filepath.Base(te.git.inits[0]), ".crane-stage-init-") {
		t.Errorf("git init calls: %v", te.git.inits)
	}
	lock, err := os.ReadFile(filepath.Join(dir, ".crane.yaml"))
	if err != nil || !strings.Contains(string(lock), "Author: Ada Lovelace") || !strings.Contains(string(lock), `Year: "2026"`) {
		t.Errorf("the lock file does not record the author and year defaults: %s %v", lock, err)
	}
}

// TestExitCodes pins the mapping of failures to exit codes, and that a
// failure writes nothing.
func TestExitCodes(t *testing.T) {
	broken := fstest.MapFS{
		"bad/pack.yaml":              {Data: []byte("name: bad\nversion: 1.0.0\ndescription: x\nname_rule: dotnet\nvariables:\n  - {name: Name, type: name, help: n}\n")},
		"bad/project/x.txt.tmpl":     {Data: []byte("{{ .Name ")},
		"dotnet/pack.yaml":           {Data: []byte("not: [valid")},
		"dotnet/project/README.tmpl": {Data: []byte("x")},
	}
	tests := []struct {
		name   string
		args   []string
		packs  fstest.MapFS
		code   int
		stderr string
	}{
		{"ok", []string{"init", "Demo"}, nil, 0, ""},
		{"bad name", []string{"init", "my-app"}, nil, 2, "did you mean MyApp?"},
		{"bad flag", []string{"init", "Demo", "--nope"}, nil, 2, "unknown flag: --nope"},
		{"bad --set", []string{"init", "Demo", "--set", "novalue"}, nil, 2, `--set "novalue": want key=value`},
		{"unknown pack", []string{"init", "Demo", "--pack", "cobol"}, nil, 2, `unknown pack "cobol"`},
		{"broken pack", []string{"init", "Demo", "--pack", "bad"}, broken, 2, "pack bad is broken:\n  bad/project/x.txt.tmpl:1: unclosed action"},
		{"broken default pack", []string{"init", "Demo"}, broken, 2, "pack dotnet is broken"},
		{"two names", []string{"init", "Demo", "--set", "Name=Other"}, nil, 2, `the NAME argument "Demo" and Name="Other" from --set or --values disagree`},
		{"too many args", []string{"init", "A", "B"}, nil, 2, `init takes one NAME, not 2 arguments ("A" "B"); quote a name that has spaces, and give the folder with --dir`},
		{"missing values file", []string{"init", "Demo", "--values", "nope.yaml"}, nil, 2, "--values: open nope.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			te := newTestEnv(t, "")
			if tt.packs != nil {
				te.packs = generator.NewPackSource(tt.packs)
			}
			root := t.TempDir()
			dir := filepath.Join(root, "out")
			code := te.run(append(tt.args, "--dir", dir, "--no-git"))
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.code, te.stderr)
			}
			if !strings.Contains(te.stderr.String(), tt.stderr) {
				t.Errorf("stderr %q does not contain %q", te.stderr, tt.stderr)
			}
			if tt.code != 0 {
				if !strings.HasPrefix(te.stderr.String(), "crane: ") {
					t.Errorf("stderr does not start with crane: %q", te.stderr)
				}
				if entries, _ := os.ReadDir(root); len(entries) != 0 {
					t.Errorf("a failed run wrote %v", entries)
				}
			}
		})
	}
}

func TestInitHelpShowsThePacksVariables(t *testing.T) {
	te := newTestEnv(t, "")
	if code := te.run([]string{"init", "--help"}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"Usage:", "Variables of the dotnet pack", "TargetFramework", "choices net8.0|net9.0|net10.0"} {
		if !strings.Contains(te.stdout.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, te.stdout)
		}
	}
}

// BenchmarkRender renders the dotnet pack, already loaded: the pure part.
func BenchmarkRender(b *testing.B) {
	p, err := generator.LoadPack(templates.Packs(), "dotnet")
	if err != nil {
		b.Fatal(err)
	}
	vals, err := generator.Resolve(p, map[string]string{"Name": "Acme.Widgets"}, generator.Facts{Author: "A", Year: 2026}, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := generator.Render(p, vals, generator.ComponentProject, generator.ComponentBuild); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInit is a whole crane init of the dotnet pack (load, resolve,
// render, plan, apply, no git) into a fresh folder each time.
func BenchmarkInit(b *testing.B) {
	root := b.TempDir()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		te := newTestEnv(b, "")
		dir := filepath.Join(root, strconv.Itoa(i))
		if code := te.run([]string{"init", "Acme.Widgets", "--dir", dir, "--no-git"}); code != 0 {
			b.Fatalf("exit %d: %s", code, te.stderr)
		}
	}
}

// TestInitPromptStopsOnInterrupt: Ctrl-C while crane waits at a prompt ends
// the command at once, writing nothing; it used to wait for Enter, then
// print the whole plan and only then say it was interrupted.
func TestInitPromptStopsOnInterrupt(t *testing.T) {
	te := newTestEnv(t, "")
	te.interactive = true
	stdin, _ := io.Pipe() // a terminal nobody types into
	te.in = stdin
	ctx, cancel := context.WithCancel(context.Background())
	te.ctx = ctx
	time.AfterFunc(50*time.Millisecond, cancel)
	root := t.TempDir()
	done := make(chan int, 1)
	go func() { done <- te.run([]string{"init", "--dir", filepath.Join(root, "p"), "--no-git"}) }()
	select {
	case code := <-done:
		if code != exitFailure || !strings.Contains(te.stderr.String(), "interrupted") {
			t.Errorf("exit %d, stderr %q; want 1 and interrupted", code, te.stderr)
		}
		if strings.Contains(te.stdout.String(), "create") {
			t.Errorf("printed a plan after the interrupt:\n%s", te.stdout)
		}
		if entries, _ := os.ReadDir(root); len(entries) != 0 {
			t.Errorf("wrote %v", entries)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the prompt ignored the interrupt")
	}
}
