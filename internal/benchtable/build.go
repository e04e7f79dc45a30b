package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// build builds crane from the module this command runs in, the empty
// program and the floor writer, all static (CGO_ENABLED=0), and renders the
// dotnet pack's Demo once for the floor to embed and cp -a to copy.
func (b *bench) build() error {
	module, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return fmt.Errorf("go env GOMOD: %w", err)
	}
	root := filepath.Dir(strings.TrimSpace(string(module)))
	b.crane = filepath.Join(b.work, "crane")
	if err := gobuild(root, b.crane, "."); err != nil {
		return err
	}
	b.tree = filepath.Join(b.work, "tree")
	if _, _, err := timed(b.work, b.crane, "init", "Demo", "--no-git", "--dir", b.tree, "--set", "Author=Bench", "--set", "Year=2026"); err != nil {
		return err
	}
	b.empty = filepath.Join(b.work, "empty")
	if err := program(b.work, "emptyprog", "package main\n\nfunc main() {}\n", nil, b.empty); err != nil {
		return err
	}
	b.floor = filepath.Join(b.work, "floor")
	return program(b.work, "floorprog", floorSource, func(dir string) error {
		return exec.Command("cp", "-a", b.tree, filepath.Join(dir, "tree")).Run()
	}, b.floor)
}

// floorSource writes the embedded tree into os.Args[1] with its modes: the
// least a program can do to produce crane init's output.
const floorSource = `package main

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed all:tree
var tree embed.FS

func main() {
	dst := os.Args[1]
	fs.WalkDir(tree, "tree", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			panic(err)
		}
		rel, _ := filepath.Rel("tree", p)
		out := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(out, 0o755)
		}
		data, _ := tree.ReadFile(p)
		mode := os.FileMode(0o644)
		if filepath.Ext(p) == ".sh" || filepath.Ext(p) == ".ps1" {
			mode = 0o755
		}
		return os.WriteFile(out, data, mode)
	})
}
`

// program writes a one-file module named name with source, lets prepare add
// files to it, and builds it to out.
func program(work, name, source string, prepare func(dir string) error, out string) error {
	dir := filepath.Join(work, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+name+"\n\ngo 1.22\n"), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(source), 0o644); err != nil {
		return err
	}
	if prepare != nil {
		if err := prepare(dir); err != nil {
			return err
		}
	}
	return gobuild(dir, out, ".")
}

func gobuild(dir, out, pkg string) error {
	c := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w", "-o", out, pkg)
	c.Dir = dir
	c.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := c.CombinedOutput(); err != nil {
		return fmt.Errorf("go build in %s: %v\n%s", dir, err, msg)
	}
	return nil
}
