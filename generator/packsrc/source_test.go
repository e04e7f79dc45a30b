package packsrc

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		spec string
		want Source
	}{
		{"dotnet", Source{Kind: Builtin, Name: "dotnet"}},
		{"./packs/company", Source{Kind: Dir, Path: "./packs/company"}},
		{"packs/company", Source{Kind: Dir, Path: "packs/company"}},
		{"/abs/pack", Source{Kind: Dir, Path: "/abs/pack"}},
		{".", Source{Kind: Dir, Path: "."}},
		{"https://github.com/acme/packs.git", Source{Kind: Git, URL: "https://github.com/acme/packs.git"}},
		{"https://github.com/acme/packs.git//go-service@v2.1.0", Source{Kind: Git, URL: "https://github.com/acme/packs.git", Subdir: "go-service", Ref: "v2.1.0"}},
		{"https://github.com/acme/packs.git@feature/x", Source{Kind: Git, URL: "https://github.com/acme/packs.git", Ref: "feature/x"}},
		{"git@github.com:acme/packs.git//go-service", Source{Kind: Git, URL: "git@github.com:acme/packs.git", Subdir: "go-service"}},
		{"git@github.com:packs.git@v1", Source{Kind: Git, URL: "git@github.com:packs.git", Ref: "v1"}},
		{"ssh://git@host:22/acme/packs.git//a/b@main", Source{Kind: Git, URL: "ssh://git@host:22/acme/packs.git", Subdir: "a/b", Ref: "main"}},
		{"file:///tmp/repo.git//sub@abc1234", Source{Kind: Git, URL: "file:///tmp/repo.git", Subdir: "sub", Ref: "abc1234"}},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			got, err := Parse(tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Spec = tt.spec
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) (-want +got):\n%s", tt.spec, diff)
			}
			if got.Kind == Git {
				if again, _ := Parse(got.String()); again.URL != got.URL || again.Subdir != got.Subdir || again.Ref != got.Ref {
					t.Errorf("String() = %q does not parse back", got.String())
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := map[string]string{
		"Dotnet":                          `pack "Dotnet": give a built-in pack name (see crane packs), a folder (./my-pack), or a git URL (https://host/repo.git//subdir@ref)`,
		"https://host":                    `pack "https://host": the git URL has no repository path; give it as scheme://host/path/repo.git`,
		"https://host/r.git@":             `pack "https://host/r.git@": nothing after @; give a tag, branch or commit, or leave out the @`,
		"https://host/r.git//../x":        `pack "https://host/r.git//../x": the subfolder "../x" must be a relative folder inside the repository, like //packs/go-service`,
		"https://host/r.git///etc/passwd": `pack "https://host/r.git///etc/passwd": the subfolder "/etc/passwd" must be a relative folder inside the repository, like //packs/go-service`,
	}
	for spec, want := range tests {
		t.Run(spec, func(t *testing.T) {
			_, err := Parse(spec)
			if err == nil {
				t.Fatalf("Parse(%q) gave no error", spec)
			}
			if diff := cmp.Diff(want, err.Error()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzParse: Parse never panics; a git source's subfolder stays inside the
// repository, and its String parses back to the same source.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"dotnet", "./p", "https://h/r.git//a/b@v1", "git@h:r.git@x", "file:///tmp/r//s@", "ssh://h/r//../x", "a@b:c//d//e@f@g"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		src, err := Parse(spec)
		if err != nil || src.Kind != Git {
			return
		}
		if strings.HasPrefix(src.Subdir, "/") || src.Subdir == ".." || strings.HasPrefix(src.Subdir, "../") {
			t.Fatalf("Parse(%q): subfolder %q leaves the repository", spec, src.Subdir)
		}
		again, err := Parse(src.String())
		if err != nil || again.URL != src.URL || again.Subdir != src.Subdir || again.Ref != src.Ref {
			t.Fatalf("Parse(%q) = %+v; its String %q parses to %+v, %v", spec, src, src.String(), again, err)
		}
	})
}
