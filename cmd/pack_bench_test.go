package cmd

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

// bigPack writes an external pack of n files (four in five templates that
// use values, a list and conditions; the rest copied verbatim), in folders
// of 50, with about 1.5 KB each.
func bigPack(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "big")
	write := func(rel, data string) {
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	write("pack.yaml", `name: big
version: 1.0.0
description: a pack of many files, for the benchmark
ecosystem: dotnet
example: Demo
variables:
  - name: Name
    type: name
    help: the name
  - name: Owners
    type: list
    default: ada, grace, linus
    help: the owners
  - name: Tests
    type: bool
    default: "true"
    help: tests
`)
	tmpl := strings.Repeat("// {{ .Name }}: generated file; owners{{ range .Owners }} {{ . | upper }}{{ end }}\n{{ if .Tests }}// with tests{{ else }}// no tests{{ end }}\n", 12)
	verbatim := strings.Repeat("static text that is copied byte for byte, as it is in the pack\n", 24)
	for i := 0; i < n; i++ {
		folder := fmt.Sprintf("project/area%02d/__Name__%d", i/50, i%3)
		if i%5 == 4 {
			write(fmt.Sprintf("%s/file%04d.txt", folder, i), verbatim)
		} else {
			write(fmt.Sprintf("%s/file%04d.cs.tmpl", folder, i), tmpl)
		}
	}
	return dir
}

// mainEnv makes the test binary, re-executed by
// BenchmarkExternalPack1000Files, run as crane's binary does (Main).
const mainEnv = "CRANE_TEST_MAIN"

func init() {
	if os.Getenv(mainEnv) == "1" {
		os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
}

// BenchmarkExternalPack1000Files renders a 1,000-file pack from a folder
// with crane init (load, render, plan, atomic apply, lock file) and copies
// the result with cp -a, and reports crane's time as a multiple of cp's
// (x_cp_a): the README records it, and the goal is at most 3. crane runs
// as a process, as cp, cookiecutter and hygen do: this test binary run as
// crane's Main, start-up included.
func BenchmarkExternalPack1000Files(b *testing.B) {
	if _, err := exec.LookPath("cp"); err != nil {
		b.Skip("cp is not on PATH")
	}
	pack := bigPack(b, 1000)
	var crane, cp time.Duration
	for i := 0; i < b.N; i++ {
		out := filepath.Join(b.TempDir(), "out")
		cmd := exec.Command(os.Args[0], "init", "Demo", "--pack", pack, "--dir", out, "--no-git")
		cmd.Env = append(os.Environ(), mainEnv+"=1", "HOME="+b.TempDir()) // no user git config
		start := time.Now()
		msg, err := cmd.CombinedOutput()
		crane += time.Since(start)
		if err != nil || !strings.Contains(string(msg), "1001 files") {
			b.Fatalf("init did not write the pack's 1000 files and the lock: %v\n%s", err, msg[max(0, len(msg)-300):])
		}
		start = time.Now()
		if err := exec.Command("cp", "-a", out, out+"-copy").Run(); err != nil {
			b.Fatal(err)
		}
		cp += time.Since(start)
	}
	b.ReportMetric(float64(crane)/float64(cp), "x_cp_a")
	if cc := cookiecutterTime(b, 1000, b.N); cc > 0 {
		b.ReportMetric(float64(cc)/float64(crane), "cookiecutter_x_crane")
	}
	if hy := hygenTime(b, 1000, b.N); hy > 0 {
		b.ReportMetric(float64(hy)/float64(crane), "hygen_x_crane")
	}
	b.ReportMetric(float64(crane.Milliseconds())/float64(b.N), "crane_ms/op")
	b.ReportMetric(float64(cp.Milliseconds())/float64(b.N), "cp_ms/op")
}

// cookiecutterTime renders the same tree as bigPack with cookiecutter, when
// it is on PATH, runs times times and returns the total time (0: not
// installed). Its templates do what bigPack's do, in Jinja.
func cookiecutterTime(b *testing.B, n, runs int) time.Duration {
	b.Helper()
	if _, err := exec.LookPath("cookiecutter"); err != nil {
		b.Log("cookiecutter is not on PATH: no side-by-side (pip install cookiecutter)")
		return 0
	}
	root := filepath.Join(b.TempDir(), "cc")
	write := func(rel, data string) {
		full := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	write("cookiecutter.json", `{"Name": "Demo", "owners": "ada,grace,linus", "tests": true, "_copy_without_render": ["*.txt"]}`)
	tmpl := strings.Repeat("// {{ cookiecutter.Name }}: generated file; owners{% for o in cookiecutter.owners.split(',') %} {{ o | upper }}{% endfor %}\n{% if cookiecutter.tests %}// with tests{% else %}// no tests{% endif %}\n", 12)
	verbatim := strings.Repeat("static text that is copied byte for byte, as it is in the pack\n", 24)
	for i := 0; i < n; i++ {
		folder := fmt.Sprintf("{{cookiecutter.Name}}/area%02d/{{cookiecutter.Name}}%d", i/50, i%3)
		if i%5 == 4 {
			write(fmt.Sprintf("%s/file%04d.txt", folder, i), verbatim)
		} else {
			write(fmt.Sprintf("%s/file%04d.cs", folder, i), tmpl)
		}
	}
	var total time.Duration
	for i := 0; i < runs; i++ {
		out := b.TempDir()
		cmd := exec.Command("cookiecutter", "--no-input", "-o", out, root)
		cmd.Env = append(os.Environ(), "HOME="+b.TempDir()) // no user config or replay
		start := time.Now()
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("cookiecutter: %v\n%s", err, msg)
		}
		total += time.Since(start)
	}
	return total
}

// hygenTime renders the same tree as bigPack with hygen, when it is on
// PATH, runs times times and returns the total time (0: not installed).
// hygen has no verbatim files: the 200 static ones are templates without
// tags.
func hygenTime(b *testing.B, n, runs int) time.Duration {
	b.Helper()
	if _, err := exec.LookPath("hygen"); err != nil {
		b.Log("hygen is not on PATH: no side-by-side (npm install -g hygen)")
		return 0
	}
	root := filepath.Join(b.TempDir(), "_templates")
	tmpl := strings.Repeat("// <%= name %>: generated file; owners<% owners.split(',').forEach(function(o){ %> <%= o.toUpperCase() %><% }) %>\n<% if (tests === 'true') { %>// with tests<% } else { %>// no tests<% } %>\n", 12)
	verbatim := strings.Repeat("static text that is copied byte for byte, as it is in the pack\n", 24)
	for i := 0; i < n; i++ {
		body, ext := tmpl, "cs"
		if i%5 == 4 {
			body, ext = verbatim, "txt"
		}
		to := fmt.Sprintf("<%%= name %%>/area%02d/<%%= name %%>%d/file%04d.%s", i/50, i%3, i, ext)
		full := filepath.Join(root, "big", "new", fmt.Sprintf("file%04d.ejs.t", i))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("---\nto: "+to+"\n---\n"+body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	var total time.Duration
	for i := 0; i < runs; i++ {
		out := b.TempDir()
		cmd := exec.Command("hygen", "big", "new", "--name", "Demo", "--owners", "ada,grace,linus", "--tests", "true")
		cmd.Dir = out
		cmd.Env = append(os.Environ(), "HYGEN_TMPLS="+root)
		start := time.Now()
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("hygen: %v\n%s", err, msg)
		}
		total += time.Since(start)
		if i == 0 {
			if data, err := os.ReadFile(filepath.Join(out, "Demo", "area19", "Demo2", "file0998.cs")); err != nil || !strings.Contains(string(data), "owners ADA GRACE LINUS") {
				b.Fatalf("hygen rendered something else: %q, %v", data, err)
			}
		}
	}
	return total
}

// BenchmarkExternalPack1000FilesPhases times the phases of the same crane
// init one by one, in process, so that the README can say where its time
// goes: load (read, hash and parse the pack), render, plan (with the lock
// file) and apply (the atomic write of a new project).
func BenchmarkExternalPack1000FilesPhases(b *testing.B) {
	dir := bigPack(b, 1000)
	src := generator.NewPackSource(templates.Packs())
	p, err := src.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	vals, err := generator.Resolve(p, map[string]string{"Name": "Demo"}, generator.Facts{Author: "A", Year: 2026}, nil)
	if err != nil {
		b.Fatal(err)
	}
	comps := []string{generator.ComponentProject, generator.ComponentBuild}
	tree, err := generator.Render(p, vals, comps...)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			if _, err := src.Load(dir); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("render", func(b *testing.B) {
		for b.Loop() {
			if _, err := generator.Render(p, vals, comps...); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("plan", func(b *testing.B) {
		out := filepath.Join(b.TempDir(), "out")
		for b.Loop() {
			if _, err := generator.MakePlan(out, tree, nil, p.NewLock(out, vals)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("apply", func(b *testing.B) {
		out := filepath.Join(b.TempDir(), "out")
		plan, err := generator.MakePlan(out, tree, nil, p.NewLock(out, vals))
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			plan.Root = filepath.Join(b.TempDir(), "out")
			if _, err := generator.Apply(context.Background(), plan, generator.ApplyOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
