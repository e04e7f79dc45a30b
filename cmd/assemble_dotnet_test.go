package cmd

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/internal/fixture"
	"github.com/ewilde/crane/templates"
)

// packsWithManifest are the embedded packs, with the dotnet pack declaring
// PackageManifest (project, the default, or nuspec) and rendering the
// .nuspec only for nuspec: the shape the dotnet pack takes when SDK-style
// projects pack themselves. Until the embedded pack declares it, a copy is
// changed so, since a fact for a variable the pack does not declare is
// dropped; once it does, the embedded packs are used as they are.
func packsWithManifest(t *testing.T) fs.FS {
	t.Helper()
	embedded, err := fs.ReadFile(templates.Packs(), "dotnet/pack.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(embedded), "name: PackageManifest") {
		return templates.Packs()
	}
	m := fstest.MapFS{}
	err = fs.WalkDir(templates.Packs(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templates.Packs(), p)
		m[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	y := string(m["dotnet/pack.yaml"].Data)
	if !strings.Contains(y, "\nfiles:\n") {
		t.Fatal("dotnet/pack.yaml has no files: list to add the .nuspec rule to")
	}
	y = strings.Replace(y, "\nfiles:\n", `
  - name: PackageManifest
    type: choice
    default: project
    choices: [project, nuspec]
    help: what the build packs from
files:
  - path: "*.nuspec"
    when: '{{ eq .PackageManifest "nuspec" }}'
`, 1)
	m["dotnet/pack.yaml"] = &fstest.MapFile{Data: []byte(y)}
	return m
}

// TestAssembleDotnetPacksTheProject assembles the SDK-style fixtures with a
// pack that builds from the project: no package manifest is written, no
// project or props file changes, and VERSION starts at the project's own
// version. An old-style project still gets its .nuspec.
func TestAssembleDotnetPacksTheProject(t *testing.T) {
	for _, tt := range []struct {
		fixture, version, manifest string
		nuspec                     bool
	}{
		{"dotnet-serilog-shaped", "4.3.2", "project", false},
		{"dotnet-guardclauses-shaped", "5.0.0", "project", false},
		{"dotnet-polly-shaped", "0.1.0", "project", false},
		{"dotnet-newtonsoft-shaped", "11.0.1", "project", false},
		{"crane0x", "", "nuspec", true},
	} {
		t.Run(tt.fixture, func(t *testing.T) {
			a, err := txtar.ParseFile(filepath.Join("..", "testdata", "assemble", tt.fixture+".txtar"))
			if err != nil {
				t.Fatal(err)
			}
			in := &txtar.Archive{}
			for _, f := range a.Files {
				if rel, ok := strings.CutPrefix(f.Name, "in/"); ok {
					in.Files = append(in.Files, txtar.File{Name: rel, Data: f.Data})
				}
			}
			fixture.Unescape(in)
			dir := t.TempDir()
			fixture.Write(t, dir, in)
			before := snapshot(t, dir)
			te := newTestEnv(t, "")
			te.packs = generator.NewPackSource(packsWithManifest(t))
			if code := te.run([]string{"assemble", dir}); code != exitOK {
				t.Fatalf("exit %d\n%s%s", code, te.stdout, te.stderr)
			}
			after := snapshot(t, dir)
			var nuspecs []string
			for p, s := range after {
				if strings.HasSuffix(p, ".nuspec") {
					nuspecs = append(nuspecs, p)
				}
				if old, ok := before[p]; ok && old != s && p != ".gitignore" {
					t.Errorf("%s changed", p)
				}
			}
			if got := len(nuspecs) > 0; got != tt.nuspec {
				t.Errorf("nuspecs %q, want some: %v", nuspecs, tt.nuspec)
			}
			lock := after[".crane.yaml"].Data
			if !strings.Contains(lock, "PackageManifest: "+tt.manifest+"\n") {
				t.Errorf("lock file does not record PackageManifest %s:\n%s", tt.manifest, lock)
			}
			if tt.version != "" {
				if diff := cmp.Diff(tt.version+"\n", after["VERSION"].Data); diff != "" {
					t.Errorf("VERSION (-want +got):\n%s", diff)
				}
			}
		})
	}
}
