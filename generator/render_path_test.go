package generator

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestExpandPath(t *testing.T) {
	for _, tt := range []struct {
		target string
		vals   Values
		want   string // "" for an error
	}{
		{"__ProjectDir__/__Name__.nuspec", Values{"ProjectDir": "src/A", "Name": "A"}, "src/A/A.nuspec"},
		{"__ProjectDir__/__Name__.nuspec", Values{"ProjectDir": ".", "Name": "A"}, "A.nuspec"},
		{"__ProjectDir__/__Name__.nuspec", Values{"ProjectDir": "./src/A/", "Name": "A"}, "src/A/A.nuspec"},
		{"__ProjectDir__/x", Values{"ProjectDir": "src/../.."}, ""},
		{"__ProjectDir__/x", Values{"ProjectDir": ".git/hooks"}, ""},
		{"__ProjectDir__/x", Values{"ProjectDir": ".GIT/hooks"}, ""}, // .git on macOS and Windows
		{"__ProjectDir__/x", Values{"ProjectDir": "/etc"}, ""},
	} {
		got, err := expandPath(tt.target, tt.vals)
		if (err != nil) != (tt.want == "") || got != tt.want && tt.want != "" {
			t.Errorf("expandPath(%q, %v) = %q, %v; want %q", tt.target, tt.vals, got, err, tt.want)
		}
	}
}

// TestRenderBadPathValueIsAValueError: a value that puts a file outside the
// target (--set ProjectDir=../x) is the user's mistake, not a broken pack: a
// *ValuesError naming the variable.
func TestRenderBadPathValueIsAValueError(t *testing.T) {
	fsys := minimalPack()
	fsys["mini/pack.yaml"].Data = []byte(strings.Replace(string(fsys["mini/pack.yaml"].Data), "files:\n",
		"  - name: ProjectDir\n    type: string\n    default: src\n    help: a folder\nfiles:\n", 1))
	fsys["mini/build/__ProjectDir__/x.txt"] = &fstest.MapFile{Data: []byte("x\n")}
	p, err := LoadPack(fsys, "mini")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"../x", ".git/x", "src/../../x"} {
		vals, err := Resolve(p, map[string]string{"Name": "Demo", "ProjectDir": dir}, Facts{Author: "A", Year: 2026}, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Render(p, vals, ComponentProject, ComponentBuild)
		var ve *ValuesError
		if !errors.As(err, &ve) || !strings.Contains(err.Error(), "ProjectDir") || !strings.Contains(err.Error(), dir) {
			t.Errorf("ProjectDir=%s: Render error %v (%T); want a *ValuesError naming ProjectDir", dir, err, err)
		}
	}
}
