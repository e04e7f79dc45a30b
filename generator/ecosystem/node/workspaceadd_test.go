package node

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator/ecosystem"
)

const npmRoot = `{
  "name": "acme-workspace",
  "private": true,
  "workspaces": [
    "packages/*"
  ],
  "scripts": {
    "test": "npm test --workspaces"
  }
}
`

// TestAddToWorkspaces: a package's folder is added to the root's
// workspaces as npm init -w adds it, unless a pattern covers it.
func TestAddToWorkspaces(t *testing.T) {
	tests := []struct {
		name, in, project, want string
	}{
		{"one a line", npmRoot, "apps/web/package.json", `{
  "name": "acme-workspace",
  "private": true,
  "workspaces": [
    "packages/*",
    "apps/web"
  ],
  "scripts": {
    "test": "npm test --workspaces"
  }
}
`},
		{"covered by a glob", npmRoot, "packages/extra/package.json", ""},
		{"covered by **", `{"workspaces": ["apps/**"]}`, "apps/web/ui/package.json", ""},
		{"inline", `{"workspaces": ["a", "b"], "private": true}`, "apps/web/package.json", `{"workspaces": ["a", "b", "apps/web"], "private": true}`},
		{"inline, one item", `{"workspaces":["a"]}`, "apps/web/package.json", `{"workspaces":["a", "apps/web"]}`},
		{"empty", `{"workspaces": []}`, "apps/web/package.json", `{"workspaces": ["apps/web"]}`},
		{"object form", "{\n\t\"workspaces\": {\n\t\t\"nohoist\": [\"x\"],\n\t\t\"packages\": [\n\t\t\t\"a\",\n\t\t\t\"b\"\n\t\t]\n\t}\n}\n", "c/package.json",
			"{\n\t\"workspaces\": {\n\t\t\"nohoist\": [\"x\"],\n\t\t\"packages\": [\n\t\t\t\"a\",\n\t\t\t\"b\",\n\t\t\t\"c\"\n\t\t]\n\t}\n}\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Ecosystem{}.AddToSolution("package.json", []byte(tc.in), ecosystem.SolutionEntry{Project: tc.project})
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
	if (Ecosystem{}).IsSolution("package.json", []byte(`{"name": "x"}`)) {
		t.Error("a package.json without workspaces is a solution")
	}
	if err := (Ecosystem{}).CheckEntry(ecosystem.SolutionEntry{Project: "package.json"}); err == nil {
		t.Error("CheckEntry took the root package.json")
	}
}

// FuzzAddToWorkspaces: adding never panics, and adding twice is adding
// once.
func FuzzAddToWorkspaces(f *testing.F) {
	f.Add([]byte(npmRoot), "apps/web/package.json")
	f.Add([]byte(`{"workspaces": {"packages": []}}`), "a/package.json")
	f.Fuzz(func(t *testing.T, data []byte, project string) {
		e := ecosystem.SolutionEntry{Project: project}
		once, err := Ecosystem{}.AddToSolution("package.json", data, e)
		if err != nil {
			return
		}
		twice, err := Ecosystem{}.AddToSolution("package.json", once, e)
		if err != nil {
			t.Fatalf("the edited package.json does not read back: %v\n%q", err, once)
		}
		if !bytes.Equal(once, twice) {
			t.Fatalf("adding twice differs from adding once:\n%q\n%q", once, twice)
		}
	})
}
