package cmd

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// bigRepo writes a .NET repository of about n files: a solution and its
// projects, and many source folders, some git-ignored, some under bin/ and
// node_modules/ (which the probe skips).
func bigRepo(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	write := func(rel, data string) {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	write("Acme.sln", "Microsoft Visual Studio Solution File, Format Version 12.00\n"+
		`Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Acme", "src\Acme\Acme.csproj", "{1}"`+"\nEndProject\n")
	write("src/Acme/Acme.csproj", `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>`)
	write(".gitignore", "/generated/\n*.log\n")
	const perDir = 100
	for i := 0; i*perDir < n; i++ {
		var folder string
		switch i % 50 { // 6% of the folders are ones the probe skips
		case 0:
			folder = fmt.Sprintf("generated/g%d", i)
		case 1:
			folder = fmt.Sprintf("src/Acme/bin/b%d", i)
		case 2:
			folder = fmt.Sprintf("node_modules/m%d", i)
		default:
			folder = fmt.Sprintf("src/Acme/area%d/sub%d", i%37, i)
		}
		for j := 0; j < perDir; j++ {
			write(fmt.Sprintf("%s/f%d.cs", folder, j), "class C {}\n")
		}
	}
	return dir
}

// BenchmarkAssemble100k assembles a repository of 100,000 files (a second
// run, which plans everything and writes nothing) and, in the same loop,
// walks the tree with filepath.WalkDir. It reports assemble's time as a
// multiple of the walk's: walk-ratio. Run with ./build.sh bench.
func BenchmarkAssemble100k(b *testing.B) {
	dir := bigRepo(b, 100_000)
	if code, out, errOut := runCrane(b, "assemble", dir); code != exitOK {
		b.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	var walk, assemble time.Duration
	for b.Loop() {
		start := time.Now()
		files := 0
		err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
			files++
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		walk += time.Since(start)
		start = time.Now()
		if code, out, errOut := runCrane(b, "assemble", dir); code != exitOK {
			b.Fatalf("exit %d\n%s%s", code, out, errOut)
		}
		assemble += time.Since(start)
	}
	b.ReportMetric(float64(assemble)/float64(walk), "walk-ratio")
	b.ReportMetric(float64(assemble.Milliseconds())/float64(b.N), "assemble-ms/op")
	b.ReportMetric(float64(walk.Milliseconds())/float64(b.N), "walk-ms/op")
}
