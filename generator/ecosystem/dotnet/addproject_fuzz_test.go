package dotnet

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/generator/ecosystem"
)

// fuzzEntries are the projects the fuzz tests add: at the top level, in a
// folder, with a name that needs escaping in XML, climbing out of the
// solution's folder.
var fuzzEntries = []struct{ sol, project, folder string }{
	{"Acme.sln", "src/A/A.csproj", ""},
	{"Acme.slnx", "src/A/A.csproj", ""},
	{"Acme.sln", "samples/B&C/B&C.fsproj", "samples"},
	{"Acme.slnx", "samples/B&C/B&C.fsproj", "samples"},
	{"sub/Acme.slnx", "src/A/A.vbproj", "src"},
	{"sub/Acme.sln", "src/A/A.vbproj", "src"},
}

// seedSolutions adds every solution of testdata/solutions to f.
func seedSolutions(f *testing.F, ext string) {
	files, _ := filepath.Glob(filepath.Join("testdata", "solutions", "*.txtar"))
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, fl := range ar.Files {
			if filepath.Ext(fl.Name) == ext {
				f.Add(fl.Data, uint8(0))
				f.Add(bytes.ReplaceAll(fl.Data, []byte("\n"), []byte("\r\n")), uint8(1))
			}
		}
	}
}

// fuzzAdd checks that adding a project to any bytes never panics, and that
// a solution it edits lists the project and comes back unchanged from a
// second add.
func fuzzAdd(t *testing.T, data []byte, which uint8, ext string) {
	var list []int
	for i, e := range fuzzEntries {
		if filepath.Ext(e.sol) == ext {
			list = append(list, i)
		}
	}
	e := fuzzEntries[list[int(which)%len(list)]]
	entry := ecosystem.SolutionEntry{Project: e.project, Folder: e.folder}
	once, err := Ecosystem{}.AddToSolution(e.sol, data, entry)
	if err != nil {
		return
	}
	twice, err := Ecosystem{}.AddToSolution(e.sol, once, entry)
	if err != nil {
		t.Fatalf("the edited solution does not read back: %v\n%q", err, once)
	}
	if !bytes.Equal(once, twice) {
		t.Fatalf("adding twice differs from adding once:\nonce  %q\ntwice %q", once, twice)
	}
	parse := ParseSln
	if ext == ".slnx" {
		parse = ParseSlnx
	}
	s, err := parse(once)
	if err != nil {
		t.Fatalf("the edited solution does not parse: %v\n%q", err, once)
	}
	rel := ecosystem.RelativeTo(e.sol, e.project)
	for _, p := range s.Projects {
		if strings.EqualFold(p.Path, rel) {
			return
		}
	}
	t.Fatalf("the edited solution does not list %s: %v\n%q", rel, s.Projects, once)
}

func FuzzAddSln(f *testing.F) {
	seedSolutions(f, ".sln")
	f.Fuzz(func(t *testing.T, data []byte, which uint8) { fuzzAdd(t, data, which, ".sln") })
}

func FuzzAddSlnx(f *testing.F) {
	seedSolutions(f, ".slnx")
	f.Fuzz(func(t *testing.T, data []byte, which uint8) { fuzzAdd(t, data, which, ".slnx") })
}
