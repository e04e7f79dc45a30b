package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// trial is one command measured runs times, interleaved with the others.
type trial struct {
	name  string
	cmd   func(i int) (string, []string) // the program and its arguments for run i
	times []time.Duration
	rss   []int64
}

// measure times every command round-robin, so that a burst of load on the
// shared machine hits them all alike, and returns the table's rows.
func (b *bench) measure(runs int) ([]string, error) {
	out := func(kind string, i int) string { return filepath.Join(b.work, "out", fmt.Sprintf("%s%d", kind, i)) }
	trials := []*trial{
		{name: "init", cmd: func(i int) (string, []string) {
			return b.crane, []string{"init", "Demo", "--no-git", "--dir", out("init", i), "--set", "Author=Bench", "--set", "Year=2026"}
		}},
		{name: "floor", cmd: func(i int) (string, []string) { return b.floor, []string{out("floor", i)} }},
		{name: "cp", cmd: func(i int) (string, []string) { return "cp", []string{"-a", b.tree, out("cp", i)} }},
		{name: "empty", cmd: func(int) (string, []string) { return b.empty, nil }},
		{name: "version", cmd: func(int) (string, []string) { return b.crane, []string{"version"} }},
		{name: "help", cmd: func(int) (string, []string) { return b.crane, []string{"--help"} }},
		{name: "packs", cmd: func(int) (string, []string) { return b.crane, []string{"packs"} }},
	}
	if tmpl, err := b.cookiecutter(); err != nil {
		return nil, err
	} else if tmpl != "" {
		trials = append(trials,
			&trial{name: "cookiecutter", cmd: func(i int) (string, []string) {
				return "cookiecutter", []string{"--no-input", "-o", out("cc", i), tmpl}
			}},
			&trial{name: "init8", cmd: func(i int) (string, []string) {
				return b.crane, []string{"init", "demo", "--pack", "node", "--no-git", "--dir", out("init8", i), "--set", "Author=Bench", "--set", "Year=2026"}
			}})
	}
	if err := os.MkdirAll(filepath.Join(b.work, "out"), 0o755); err != nil {
		return nil, err
	}
	for i := 0; i < runs; i++ {
		for _, t := range trials {
			name, args := t.cmd(i)
			d, rss, err := timed(b.work, name, args...)
			if err != nil {
				return nil, err
			}
			t.times, t.rss = append(t.times, d), append(t.rss, rss)
		}
		if err := os.RemoveAll(filepath.Join(b.work, "out")); err != nil {
			return nil, err
		}
	}
	m := map[string]time.Duration{}
	var peak int64
	for _, t := range trials {
		m[t.name] = median(t.times)
		if t.name == "init" {
			for _, r := range t.rss {
				peak = max(peak, r)
			}
		}
	}
	ratio := func(a, b string) string { return fmt.Sprintf("%.2fx", float64(m[a])/float64(m[b])) }
	rows := []string{
		fmt.Sprintf("| `crane init Demo --no-git` vs a static Go program writing the same files | %s | %s | %s | <= 2x |", ms(m["init"]), ms(m["floor"]), ratio("init", "floor")),
		fmt.Sprintf("| the same vs `cp -a` of the finished tree | %s | %s | %s | |", ms(m["init"]), ms(m["cp"]), ratio("init", "cp")),
		fmt.Sprintf("| `crane version` vs an empty Go program | %s | %s | %s | <= 1.5x |", ms(m["version"]), ms(m["empty"]), ratio("version", "empty")),
		fmt.Sprintf("| `crane --help` vs an empty Go program | %s | %s | %s | <= 1.5x |", ms(m["help"]), ms(m["empty"]), ratio("help", "empty")),
		fmt.Sprintf("| `crane packs` vs `crane version` | %s | %s | %s | <= 2x |", ms(m["packs"]), ms(m["version"]), ratio("packs", "version")),
		fmt.Sprintf("| peak RSS of `crane init Demo --no-git` | %.1f MiB | | | <= 12 MiB |", float64(peak)/1024),
	}
	if _, ok := m["cookiecutter"]; ok {
		rows = append(rows, fmt.Sprintf("| cookiecutter (8-file template) vs `crane init --pack node` | %s | %s | %s faster | >= 50x faster |",
			ms(m["init8"]), ms(m["cookiecutter"]), ratio("cookiecutter", "init8")))
	} else {
		rows = append(rows, "| cookiecutter (8-file template) | | not installed (pip install cookiecutter) | | >= 50x faster |")
	}
	return rows, nil
}

// cookiecutter writes an 8-file cookiecutter template like crane's node
// pack's tree, and returns its folder; "" when cookiecutter is not installed.
func (b *bench) cookiecutter() (string, error) {
	if _, err := exec.LookPath("cookiecutter"); err != nil {
		return "", nil
	}
	tmpl := filepath.Join(b.work, "cookiecutter-demo")
	files := map[string]string{
		"cookiecutter.json":                                `{"project_name": "demo", "author": "Bench", "year": "2026"}`,
		"{{cookiecutter.project_name}}/README.md":          "# {{cookiecutter.project_name}}\n",
		"{{cookiecutter.project_name}}/VERSION":            "0.1.0\n",
		"{{cookiecutter.project_name}}/.gitignore":         "node_modules/\n",
		"{{cookiecutter.project_name}}/.editorconfig":      "root = true\n",
		"{{cookiecutter.project_name}}/package.json":       `{"name": "{{cookiecutter.project_name}}", "private": true}` + "\n",
		"{{cookiecutter.project_name}}/build.sh":           "#!/bin/sh\nnpm test\n",
		"{{cookiecutter.project_name}}/src/index.js":       "export const name = '{{cookiecutter.project_name}}';\n",
		"{{cookiecutter.project_name}}/test/index.test.js": "import '../src/index.js';\n",
	}
	for name, data := range files {
		full := filepath.Join(tmpl, name)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			return "", err
		}
	}
	return tmpl, nil
}
