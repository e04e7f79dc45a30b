package rust

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/generator/ecosystem"
)

// TestAddToMembers: a crate's folder is added to the workspace's members
// as cargo new adds it, unless a pattern covers it.
func TestAddToMembers(t *testing.T) {
	const tail = "resolver = \"3\"\n\n[workspace.package]\nversion = \"0.1.0\"\n"
	tests := []struct {
		name, in, project, want string
	}{
		{"inline", "[workspace]\nmembers = [\"crates/acme\"]\n" + tail, "crates/acme-cli/Cargo.toml",
			"[workspace]\nmembers = [\"crates/acme\", \"crates/acme-cli\"]\n" + tail},
		{"one a line, trailing comma", "[workspace]\nmembers = [\n    # the library\n    \"crates/acme\",\n]\n", "tools/gen/Cargo.toml",
			"[workspace]\nmembers = [\n    # the library\n    \"crates/acme\",\n    \"tools/gen\",\n]\n"},
		{"one a line, no trailing comma, CRLF", "[workspace]\r\nmembers = [\r\n  \"a\",\r\n  \"b\"\r\n]\r\n", "c/Cargo.toml",
			"[workspace]\r\nmembers = [\r\n  \"a\",\r\n  \"b\",\r\n  \"c\"\r\n]\r\n"},
		{"empty", "[workspace]\nmembers = []\n", "c/Cargo.toml", "[workspace]\nmembers = [\"c\"]\n"},
		{"no members", "[package]\nname = \"x\"\n\n[workspace]\nresolver = \"2\"\n", "c/Cargo.toml", "[package]\nname = \"x\"\n\n[workspace]\nmembers = [\"c\"]\nresolver = \"2\"\n"},
		{"covered by a glob", "[workspace]\nmembers = [\"crates/*\"]\n", "crates/new/Cargo.toml", ""},
		{"members of another table are not touched", "[workspace]\nresolver = \"2\"\n\n[x]\nmembers = [\"y\"]\n", "c/Cargo.toml", "[workspace]\nmembers = [\"c\"]\nresolver = \"2\"\n\n[x]\nmembers = [\"y\"]\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Ecosystem{}.AddToSolution("Cargo.toml", []byte(tc.in), ecosystem.SolutionEntry{Project: tc.project})
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
	if (Ecosystem{}).IsSolution("Cargo.toml", []byte("[package]\nname = \"x\"\n")) {
		t.Error("a Cargo.toml without [workspace] is a solution")
	}
}

// FuzzAddToMembers: adding never panics, and adding twice is adding once.
func FuzzAddToMembers(f *testing.F) {
	f.Add([]byte("[workspace]\nmembers = [\"crates/acme\"]\n"), "crates/b/Cargo.toml")
	f.Add([]byte("[workspace]\nmembers = [\n  'a', # x\n  \"\"\"b\"\"\",\n]\n[x]\n"), "c/Cargo.toml")
	f.Add([]byte("[workspace]"), "c/Cargo.toml")
	f.Fuzz(func(t *testing.T, data []byte, project string) {
		e := ecosystem.SolutionEntry{Project: project}
		once, err := Ecosystem{}.AddToSolution("Cargo.toml", data, e)
		if err != nil {
			return
		}
		twice, err := Ecosystem{}.AddToSolution("Cargo.toml", once, e)
		if err != nil {
			t.Fatalf("the edited Cargo.toml does not read back: %v\n%q", err, once)
		}
		if !bytes.Equal(once, twice) {
			t.Fatalf("adding twice differs from adding once:\n%q\n%q", once, twice)
		}
	})
}
