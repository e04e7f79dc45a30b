package cmd

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

// TestUpdateFromEveryKeptRelease makes a project with every released
// version of every embedded pack (the zips in templates/kept, exactly as
// that crane rendered them), changes its README as a user would, and updates
// it to the embedded version: update exits 0 with no conflict, keeps the
// user's line, a second update writes nothing, and status --check is clean.
// This is the promise that every project an earlier crane made can be
// brought forward.
func TestUpdateFromEveryKeptRelease(t *testing.T) {
	for _, r := range keptReleases(t) {
		t.Run(r.pack+"-"+r.version, func(t *testing.T) {
			data, err := fs.ReadFile(templates.Kept(), generator.KeptName(r.pack, r.version))
			if err != nil {
				t.Fatal(err)
			}
			zfs, err := generator.ReadKept(data)
			if err != nil {
				t.Fatal(err)
			}
			old, err := generator.LoadReleased(zfs, r.pack)
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(t.TempDir(), "p")
			te := newTestEnv(t, "")
			te.packs = generator.NewPackSource(asCurrent(t, zfs, r.pack))
			if code := te.run([]string{"init", old.Example, "--pack", r.pack, "--dir", dir, "--no-git"}); code != 0 {
				t.Fatalf("init with %s %s: exit %d: %s", r.pack, r.version, code, te.stderr)
			}
			readme := filepath.Join(dir, "README.md")
			mine := "\nA line of the user's.\n"
			f, err := os.OpenFile(readme, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.WriteString(mine); err != nil {
				t.Fatal(err)
			}
			f.Close()
			for i, want := range []string{"", "Nothing to write"} {
				te = newTestEnv(t, "")
				te.packs = generator.NewPackSource(templates.Packs()).WithKept(templates.Kept())
				if code := te.run([]string{"update", dir, "--allow-dirty"}); code != 0 {
					t.Fatalf("update %d: exit %d\n%s%s", i+1, code, te.stdout, te.stderr)
				}
				if !strings.Contains(te.stdout.String(), want) {
					t.Errorf("update %d: want %q in\n%s", i+1, want, te.stdout)
				}
			}
			if b, _ := os.ReadFile(readme); !strings.HasSuffix(string(b), mine) {
				t.Errorf("update lost the user's README line:\n%s", b)
			}
			te = newTestEnv(t, "")
			te.packs = generator.NewPackSource(templates.Packs()).WithKept(templates.Kept())
			if code := te.run([]string{"status", dir, "--check"}); code != 0 {
				t.Errorf("status --check after update: exit %d\n%s%s", code, te.stdout, te.stderr)
			}
		})
	}
}

type release struct{ pack, version string }

// keptReleases lists templates/kept/versions.txt less each pack's current
// version (updating to itself proves nothing).
func keptReleases(t *testing.T) []release {
	t.Helper()
	f, err := templates.Kept().Open("versions.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []release
	s := bufio.NewScanner(f)
	for s.Scan() {
		fields := strings.Fields(s.Text())
		if len(fields) != 3 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		p, err := generator.LoadPack(templates.Packs(), fields[0])
		if err != nil {
			t.Fatal(err)
		}
		if p.Version != fields[1] {
			out = append(out, release{fields[0], fields[1]})
		}
	}
	if len(out) == 0 {
		t.Fatal("templates/kept holds no release older than the packs")
	}
	return out
}

// asCurrent serves a released pack as init serves a current one: pack.yaml
// gains the pattern_help lines validation has asked for since (they change
// no rendered byte); every other file is the release's.
func asCurrent(t *testing.T, released fs.FS, name string) fs.FS {
	t.Helper()
	files, err := generator.PackFiles(released, name)
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for p, d := range files {
		if p == name+"/pack.yaml" && !strings.Contains(string(d), "pattern_help:") {
			d = regexp.MustCompile(`(?m)^(\s+)pattern: .*$`).ReplaceAll(d, []byte("$0\n${1}pattern_help: as released"))
		}
		m[p] = &fstest.MapFile{Data: d}
	}
	return m
}
