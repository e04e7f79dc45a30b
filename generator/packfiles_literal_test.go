package generator

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// TestTargetNameLiteral pins the naming table of targetName's doc and the
// README (Pack format additions, literal_).
func TestTargetNameLiteral(t *testing.T) {
	tests := []struct {
		src, target     string
		mode            uint32
		render, partial bool
	}{
		{"literal__version.py.tmpl", "_version.py", 0o644, true, false},
		{"literal__core.c", "_core.c", 0o644, false, false},
		{"literal_dot_foo", "dot_foo", 0o644, false, false},
		{"literal_x.tmpl", "x", 0o644, true, false},
		{"literal_x.tmpl.tmpl", "x.tmpl", 0o644, true, false},
		{"x.tmpl.literal", "x.tmpl", 0o644, false, false},
		{"literal_x.tmpl.literal", "x.tmpl", 0o644, false, false},
		{"x.literal.tmpl", "x.literal", 0o644, true, false},
		{"x.literal.literal", "x.literal", 0o644, false, false},
		{"literal_executable_x", "executable_x", 0o644, false, false},
		{"executable_literal__run.sh.tmpl", "_run.sh", 0o755, true, false},
		{"executable_literal_dot_x", "dot_x", 0o755, false, false},
		{"executable_dot_x", ".x", 0o755, false, false},
		{"dot_literal_x", ".literal_x", 0o644, false, false},
		{"literal_literal_x", "literal_x", 0o644, false, false},
		{"literal_dot_github/dot_keep", "dot_github/.keep", 0o644, false, false},
		{"literal__build/literal__x.py.tmpl", "_build/_x.py", 0o644, true, false},
		{"src/literal___Name__.txt", "src/__Name__.txt", 0o644, false, false},
		{"_helpers.tmpl", "_helpers", 0o644, true, true},
		{"_x.literal", "_x", 0o644, false, true},
		{"__init__.py.tmpl", "__init__.py", 0o644, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			target, mode, render, partial := targetName(tt.src)
			got := []any{target, uint32(mode), render, partial}
			want := []any{tt.target, tt.mode, tt.render, tt.partial}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("targetName(%q) (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

// literalSource is the source name the README gives for any target: every
// segment literal_, the last with executable_ for 0755 and .tmpl (render)
// or .literal (copy).
func literalSource(target string, mode fs.FileMode, render bool) string {
	segs := strings.Split(target, "/")
	for i := range segs {
		segs[i] = "literal_" + segs[i]
	}
	last := len(segs) - 1
	if mode == 0o755 {
		segs[last] = "executable_" + segs[last]
	}
	if render {
		segs[last] += ".tmpl"
	} else {
		segs[last] += ".literal"
	}
	return strings.Join(segs, "/")
}

// TestTargetNameRoundTrip proves every name is reachable: a target made of
// names each prefix and suffix would otherwise read comes back from its
// literal source name as it is, in both modes, rendered or copied.
func TestTargetNameRoundTrip(t *testing.T) {
	names := []string{"_version.py", "_core.c", "dot_foo", "x.tmpl", "x.literal", "executable_x",
		"literal_x", "literal_", "_", "__init__.py", ".hidden", "plain", "a.tmpl.literal", "dot_", "x.tmpl.tmpl"}
	for _, dir := range []string{"", "dot_d/", "_d/", "literal_d/"} {
		for _, name := range names {
			for _, mode := range []fs.FileMode{0o644, 0o755} {
				for _, render := range []bool{false, true} {
					target := dir + name
					src := literalSource(target, mode, render)
					got, gotMode, gotRender, partial := targetName(src)
					if got != target || gotMode != mode || gotRender != render || partial {
						t.Errorf("targetName(%q) = %q %o render=%v partial=%v, want %q %o render=%v", src, got, gotMode, gotRender, partial, target, mode, render)
					}
				}
			}
		}
	}
}

// TestLiteralFilesRender renders literal_ files through a pack: a
// template to _version.py, a verbatim x.tmpl whose braces stay, and no
// partial made of either.
func TestLiteralFilesRender(t *testing.T) {
	fsys := minimalPack()
	fsys["mini/project/src/literal__version.py.tmpl"] = &fstest.MapFile{Data: []byte("__version__ = \"{{ .Year }}\"\n")}
	fsys["mini/project/literal_x.tmpl.literal"] = &fstest.MapFile{Data: []byte("{{ .Raw }}\n")}
	fsys["mini/project/executable_literal_dot_tool"] = &fstest.MapFile{Data: []byte("#!/bin/sh\n")}
	p, err := LoadPack(fsys, "mini")
	if err != nil {
		t.Fatal(err)
	}
	vals, err := Resolve(p, map[string]string{"Name": "Acme"}, Facts{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := Render(p, vals, ComponentProject)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range tree {
		if strings.Contains(f.Path, "_version") || strings.Contains(f.Path, "tmpl") || strings.Contains(f.Path, "tool") {
			got[f.Path] = f.Mode.String() + " " + string(f.Data)
		}
	}
	want := map[string]string{
		"src/_version.py": "-rw-r--r-- __version__ = \"2026\"\n",
		"x.tmpl":          "-rw-r--r-- {{ .Raw }}\n",
		"dot_tool":        "-rwxr-xr-x #!/bin/sh\n",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("literal files (-want +got):\n%s", diff)
	}
}
