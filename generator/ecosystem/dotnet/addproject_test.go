package dotnet

import (
	"bytes"
	"flag"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/probe"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/solutions/*.txtar")

// TestAddToSolution edits each solution of testdata/solutions: the
// comment says the project (from the root), the folder, and whether the
// case runs with CRLF line endings and a BOM (the txtar holds LF text); a
// case without a want section must come back unchanged, byte for byte.
// Every result is also checked to list the project (ParseSln, ParseSlnx)
// and to come back unchanged from a second add.
func TestAddToSolution(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "solutions", "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no cases in testdata/solutions")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			opt := map[string]string{}
			for _, l := range strings.Split(strings.TrimSpace(string(ar.Comment)), "\n") {
				k, v, _ := strings.Cut(l, ": ")
				opt[k] = v
			}
			sol := "Acme" + path.Ext(ar.Files[0].Name)
			style := func(b []byte) []byte {
				if opt["eol"] == "crlf" {
					b = bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
				}
				if opt["bom"] == "true" {
					b = append(append([]byte{}, probe.UTF8BOM...), b...)
				}
				return b
			}
			in := style(ar.Files[0].Data)
			entry := ecosystem.SolutionEntry{Project: opt["project"], Folder: opt["folder"]}
			got, err := Ecosystem{}.AddToSolution(sol, in, entry)
			if err != nil {
				t.Fatal(err)
			}
			want := in
			if len(ar.Files) > 1 {
				want = style(ar.Files[1].Data)
			}
			if *update && len(ar.Files) > 1 {
				ar.Files[1].Data = bytes.ReplaceAll(bytes.TrimPrefix(got, probe.UTF8BOM), []byte("\r\n"), []byte("\n"))
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("AddToSolution(%s) (-want +got):\n%s", entry.Project, diff)
			}
			again, err := Ecosystem{}.AddToSolution(sol, got, entry)
			if err != nil || !bytes.Equal(again, got) {
				t.Errorf("a second add changed the solution (err %v):\n%s", err, cmp.Diff(string(got), string(again)))
			}
			parse := ParseSln
			if path.Ext(sol) == ".slnx" {
				parse = ParseSlnx
			}
			s, err := parse(got)
			if err != nil {
				t.Fatalf("the result does not parse: %v", err)
			}
			listed := false
			for _, p := range s.Projects {
				listed = listed || strings.EqualFold(p.Path, entry.Project)
			}
			if !listed {
				t.Errorf("the result does not list %s: %v", entry.Project, s.Projects)
			}
		})
	}
}
