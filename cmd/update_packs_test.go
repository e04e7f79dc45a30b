package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

// olderPack is a test-only older version (0.0.1) of the embedded pack name:
// its build.sh has one more line at the end and its .gitignore one more
// line, which updating to the embedded version removes. It returns a source
// serving that version as current, and the embedded packs with it kept.
func olderPack(t *testing.T, name string) (old, current generator.PackSource) {
	t.Helper()
	files, err := generator.PackFiles(templates.Packs(), name)
	if err != nil {
		t.Fatal(err)
	}
	older := map[string][]byte{}
	for p, d := range files {
		older[p] = d
	}
	yaml := name + "/pack.yaml"
	older[yaml] = regexp.MustCompile(`(?m)^version: .*$`).ReplaceAll(files[yaml], []byte("version: 0.0.1"))
	for p, extra := range map[string]string{
		name + "/build/executable_build.sh.tmpl": "# from crane 0.0.1\n",
		name + "/build/dot_gitignore":            "old-ignored/\n",
	} {
		d, ok := files[p]
		if !ok {
			t.Fatalf("%s: no %s; this test needs it", name, p)
		}
		older[p] = append(bytes.Clone(d), extra...)
	}
	mfs := fstest.MapFS{}
	for p, d := range older {
		mfs[p] = &fstest.MapFile{Data: d}
	}
	z, err := generator.KeptZip(older)
	if err != nil {
		t.Fatal(err)
	}
	kept := fstest.MapFS{generator.KeptName(name, "0.0.1"): &fstest.MapFile{Data: z}}
	return generator.NewPackSource(mfs), generator.NewPackSource(templates.Packs()).WithKept(kept)
}

// TestUpdateEveryPack makes a project with an older version of every
// embedded pack, edits build.sh and .gitignore as a user would, and updates
// it to the embedded version: the pack's change is taken, the user's edits
// are kept, and build.sh is exactly the new render plus the user's line. A
// second update writes nothing.
func TestUpdateEveryPack(t *testing.T) {
	names, err := generator.ListPacks(templates.Packs())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			oldPacks, newPacks := olderPack(t, name)
			p, err := generator.LoadPack(templates.Packs(), name)
			if err != nil {
				t.Fatal(err)
			}
			dir, fresh := filepath.Join(t.TempDir(), "p"), filepath.Join(t.TempDir(), "fresh")
			te := newTestEnv(t, "")
			te.packs = oldPacks
			if code := te.run([]string{"init", p.Example, "--pack", name, "--dir", dir, "--no-git"}); code != 0 {
				t.Fatalf("init with the older pack: exit %d: %s", code, te.stderr)
			}
			te = newTestEnv(t, "")
			if code := te.run([]string{"init", p.Example, "--pack", name, "--dir", fresh, "--no-git"}); code != 0 {
				t.Fatalf("init: exit %d: %s", code, te.stderr)
			}
			buildSh := filepath.Join(dir, "build.sh")
			old := getFile(t, buildSh)
			first, rest, _ := strings.Cut(old, "\n")
			putFile(t, buildSh, first+"\n# my line\n"+rest)
			putFile(t, filepath.Join(dir, ".gitignore"), getFile(t, filepath.Join(dir, ".gitignore"))+"mine/\n")

			te = newTestEnv(t, "")
			te.packs = newPacks
			if code := te.run([]string{"update", dir}); code != 0 {
				t.Fatalf("update: exit %d: %s\n%s", code, te.stderr, te.stdout)
			}
			want := getFile(t, filepath.Join(fresh, "build.sh"))
			wfirst, wrest, _ := strings.Cut(want, "\n")
			if diff := cmp.Diff(wfirst+"\n# my line\n"+wrest, getFile(t, buildSh)); diff != "" {
				t.Errorf("build.sh after update (-want +got):\n%s", diff)
			}
			ignore := getFile(t, filepath.Join(dir, ".gitignore"))
			if !strings.Contains(ignore, "mine/\n") || strings.Contains(ignore, "old-ignored/") {
				t.Errorf(".gitignore after update lost the user's line or kept the pack's removed one:\n%s", ignore)
			}
			if lock := getFile(t, filepath.Join(dir, generator.LockName)); !strings.Contains(lock, "pack_version: "+p.Version+"\n") {
				t.Errorf("the lock does not record %s:\n%s", p.Version, lock)
			}
			te = newTestEnv(t, "")
			te.packs = newPacks
			if code := te.run([]string{"update", dir}); code != 0 || !strings.Contains(te.stdout.String(), "Nothing to write") {
				t.Errorf("a second update: exit %d, want nothing written:\n%s%s", code, te.stdout, te.stderr)
			}
		})
	}
}

// TestUpdateAssembled updates a repository assemble made with an older go
// pack: only the build tooling is rendered, so no project file appears.
func TestUpdateAssembled(t *testing.T) {
	oldPacks, newPacks := olderPack(t, "go")
	dir := t.TempDir()
	putFile(t, filepath.Join(dir, "go.mod"), "module example.com/tool\n\ngo 1.22\n")
	te := newTestEnv(t, "")
	te.packs = oldPacks
	if code := te.run([]string{"assemble", dir}); code != 0 {
		t.Fatalf("assemble: exit %d: %s\n%s", code, te.stderr, te.stdout)
	}
	before, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	te = newTestEnv(t, "")
	te.packs = newPacks
	if code := te.run([]string{"update", dir}); code != 0 {
		t.Fatalf("update: exit %d: %s\n%s", code, te.stderr, te.stdout)
	}
	after, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Errorf("update of an assembled repository changed which files there are: %d before, %d after:\n%s", len(before), len(after), te.stdout)
	}
	if strings.Contains(getFile(t, filepath.Join(dir, "build.sh")), "from crane 0.0.1") {
		t.Error("build.sh still has the line the pack removed")
	}
}

func getFile(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func putFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o755); err != nil {
		t.Fatal(err)
	}
}
