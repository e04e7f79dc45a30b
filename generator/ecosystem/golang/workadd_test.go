package golang

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/mod/modfile"

	"github.com/ewilde/crane/generator/ecosystem"
)

// TestAddToWork: a module is used in go.work as go work use writes it.
func TestAddToWork(t *testing.T) {
	tests := []struct {
		name, sol, in, project, want string
	}{
		{"one use becomes a block", "go.work", "go 1.26\n\nuse .\n", "tools/cli/go.mod", "go 1.26\n\nuse (\n\t.\n\t./tools/cli\n)\n"},
		{"a block grows", "go.work", "go 1.26\n\nuse (\n\t.\n\t./a\n)\n", "tools/cli/go.mod", "go 1.26\n\nuse (\n\t.\n\t./a\n\t./tools/cli\n)\n"},
		{"no use yet", "go.work", "go 1.26\n", "go.mod", "go 1.26\n\nuse .\n"},
		{"already used", "go.work", "go 1.26\n\nuse (\n\t.\n\ttools/cli // unclean but the same folder\n)\n", "tools/cli/go.mod", ""},
		{"a go.work below the root", "work/go.work", "go 1.26\n", "tools/cli/go.mod", "go 1.26\n\nuse ../tools/cli\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Ecosystem{}.AddToSolution(tc.sol, []byte(tc.in), ecosystem.SolutionEntry{Project: tc.project})
			if err != nil {
				t.Fatal(err)
			}
			want := tc.want
			if want == "" {
				want = tc.in
			}
			if diff := cmp.Diff(want, string(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if err := (Ecosystem{}).CheckEntry(ecosystem.SolutionEntry{Project: "a/go.mod", Folder: "src"}); err == nil {
		t.Error("CheckEntry took a folder, which a go.work does not have")
	}
	if err := (Ecosystem{}).CheckEntry(ecosystem.SolutionEntry{Project: "a/main.go"}); err == nil {
		t.Error("CheckEntry took a project that is not a go.mod")
	}
}

// FuzzAddToWork: adding never panics, and adding twice is adding once.
func FuzzAddToWork(f *testing.F) {
	f.Add([]byte("go 1.26\n\nuse .\n"), "tools/cli/go.mod")
	f.Add([]byte("go 1.26\n\nuse (\n\t.\n\t./a // x\n)\nreplace a => ./b\n"), "a/go.mod")
	f.Fuzz(func(t *testing.T, data []byte, project string) {
		e := ecosystem.SolutionEntry{Project: project}
		once, err := Ecosystem{}.AddToSolution("go.work", data, e)
		if err != nil {
			return
		}
		twice, err := Ecosystem{}.AddToSolution("go.work", once, e)
		if err != nil {
			t.Fatalf("the edited go.work does not parse: %v\n%q", err, once)
		}
		if !bytes.Equal(once, twice) {
			t.Fatalf("adding twice differs from adding once:\n%q\n%q", once, twice)
		}
		if _, err := modfile.ParseWork("go.work", once, nil); err != nil {
			t.Fatal(err)
		}
	})
}
