package probe

import (
	"os"
	"path"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/internal/fixture"
)

func repo(t *testing.T, archive string) string {
	t.Helper()
	dir := t.TempDir()
	fixture.Write(t, dir, txtar.Parse([]byte(archive)))
	return dir
}

func TestScanSkipsIgnoredAndBuildFolders(t *testing.T) {
	dir := repo(t, `
-- .gitignore --
# build
/ignored/
*.local.sln
-- .git/info/exclude --
excluded/
-- src/solutions/Acme.sln --
Microsoft Visual Studio Solution File, Format Version 12.00
-- ignored/Old.sln --
-- Mine.local.sln --
-- excluded/Ex.sln --
-- bin/B.sln --
-- obj/O.sln --
-- packages/P.sln --
-- node_modules/x/N.sln --
-- .git/G.sln --
-- deep/.gitignore --
sub
-- deep/sub/D.sln --
-- deep/D.slnx --
-- VERSION.txt --
1.4.2.0
-- build.ps1 --
-- README.md --
-- go.mod --
module example.com/acme
`)
	if err := os.Symlink(filepath.Join(dir, "src"), filepath.Join(dir, "linked")); err != nil {
		t.Fatal(err)
	}
	r, err := Scan(dir, func(name string) bool { return path.Ext(name) == ".sln" || path.Ext(name) == ".slnx" })
	if err != nil {
		t.Fatal(err)
	}
	want := &Repo{
		Root:         dir,
		Files:        []string{".gitignore", "Mine.local.sln", "README.md", "VERSION.txt", "build.ps1", "go.mod"},
		Deep:         []string{"deep/D.slnx", "src/solutions/Acme.sln"},
		VersionFile:  "VERSION.txt",
		Version:      "1.4.2.0",
		BuildScripts: []string{"build.ps1"},
		Readme:       "README.md",
	}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("Scan (-want +got):\n%s", diff)
	}
	if got := r.SemVersion(); got != "1.4.2" {
		t.Errorf("SemVersion = %q, want 1.4.2", got)
	}
	if !r.Has("go.mod") || r.Has("go.work") || r.Has("src") {
		t.Errorf("Has: go.mod %v, go.work %v, src %v; want true, false, false", r.Has("go.mod"), r.Has("go.work"), r.Has("src"))
	}
}
