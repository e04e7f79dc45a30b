package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// assemble makes a .NET git repository of n committed files and times a
// first crane assemble of it (the lock file removed and the merged
// .gitignore restored between runs) against one filepath.WalkDir of it.
func (b *bench) assemble(n, runs int) (string, error) {
	dir := filepath.Join(b.work, "big")
	if err := bigRepo(dir, n); err != nil {
		return "", err
	}
	git := func(args ...string) error {
		c := exec.Command("git", append([]string{"-c", "user.name=b", "-c", "user.email=b@example.com"}, args...)...)
		c.Dir = dir
		if out, err := c.CombinedOutput(); err != nil {
			return fmt.Errorf("git %v: %v\n%s", args, err, out)
		}
		return nil
	}
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"add", "-A"}, {"commit", "-qm", "big"}} {
		if err := git(args...); err != nil {
			return "", err
		}
	}
	var walks, firsts []time.Duration
	for i := 0; i < runs; i++ {
		w, err := walk(dir)
		if err != nil {
			return "", err
		}
		a, _, err := timed(dir, b.crane, "assemble")
		if err != nil {
			return "", err
		}
		walks, firsts = append(walks, w), append(firsts, a)
		if err := git("checkout", "-q", "--", "."); err != nil {
			return "", err
		}
		if err := git("clean", "-qfd"); err != nil {
			return "", err
		}
	}
	mw, ma := median(walks), median(firsts)
	return fmt.Sprintf("| first `crane assemble` on %d files vs one WalkDir | %s | %s | %.2fx | <= 1.2x |", n, ms(ma), ms(mw), float64(ma)/float64(mw)), nil
}

// bigRepo writes a .NET repository of about n files: a solution, its
// project, and source folders, some git-ignored, some under bin/ and
// node_modules/, which the probe skips.
func bigRepo(dir string, n int) error {
	write := func(rel, data string) error {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, []byte(data), 0o644)
	}
	if err := write("Acme.sln", "Microsoft Visual Studio Solution File, Format Version 12.00\n"+
		`Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Acme", "src\Acme\Acme.csproj", "{1}"`+"\nEndProject\n"); err != nil {
		return err
	}
	if err := write("src/Acme/Acme.csproj", `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>`); err != nil {
		return err
	}
	if err := write(".gitignore", "*.log\n"); err != nil {
		return err
	}
	for i := 0; i*100 < n; i++ {
		folder := fmt.Sprintf("src/Acme/area%d/sub%d", i%37, i)
		if i%50 == 2 {
			folder = fmt.Sprintf("node_modules/m%d", i)
		}
		for j := 0; j < 100; j++ {
			if err := write(fmt.Sprintf("%s/f%d.cs", folder, j), "class C {}\n"); err != nil {
				return err
			}
		}
	}
	return nil
}
