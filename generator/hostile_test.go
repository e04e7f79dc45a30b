package generator

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ewilde/crane/generator/packsrc"
)

// hostileManifest is a valid pack.yaml; each hostile case adds one file.
const hostileManifest = `name: hostile
version: 1.0.0
description: a pack that tries to escape
ecosystem: dotnet
example: Demo
variables:
  - name: Name
    type: name
    help: the name
  - name: Dir
    type: string
    default: src
    help: a folder
`

// writeHostile writes a folder pack with pack.yaml (manifest, or
// hostileManifest when "") and files, and loads it as crane loads an
// external pack.
func writeHostile(t testing.TB, manifest string, files map[string]string) (*Pack, error) {
	t.Helper()
	root := filepath.Join(t.TempDir(), "hostile")
	if manifest == "" {
		manifest = hostileManifest
	}
	files["pack.yaml"] = manifest
	for p, data := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return NewPackSource(nil).Load(root)
}

// TestHostilePackCannotReachOutside: every function that reads the
// environment, the clock, the network or randomness is undefined for a pack,
// so the pack fails to load.
func TestHostilePackCannotReachOutside(t *testing.T) {
	for _, call := range []string{`env "HOME"`, `expandenv "$HOME"`, `now`, `date "2006" now`, `getHostByName "example.com"`,
		`randAlphaNum 8`, `uuidv4`, `genPrivateKey "rsa"`, `unixEpoch now`} {
		t.Run(call, func(t *testing.T) {
			_, err := writeHostile(t, "", map[string]string{"project/x.tmpl": "{{ " + call + " }}"})
			var pe *PackError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), "not defined") {
				t.Errorf("a pack calling %s loaded: %v", call, err)
			}
		})
	}
}

// TestHostilePackPaths: no rendered path leaves the target, touches .git,
// or means something else on another system.
func TestHostilePackPaths(t *testing.T) {
	tests := []struct {
		name, file, dir, want string
	}{
		{"parent via value", "project/__Dir__/x", "../../etc", "give a folder inside the target"},
		{"absolute via value", "project/__Dir__/x", "/etc", "give a folder inside the target"},
		{"NUL via value", "project/__Dir__/x", "a\x00b", "control character"},
		{".git", "project/dot_git/hooks/executable_post-checkout", "", "is not allowed"},
		{".GIT case trick", "project/dot_GIT/config", "", "is not allowed"},
		{".git. trailing dot", "project/dot_git./config", "", "ends in a dot or a space"},
		{"git~1 short name", "project/GIT~1/config", "", "short name of .git"},
		{"device name", "project/CON.txt", "", "CON.txt is a device name on Windows"},
		{"device folder", "project/aux/x.txt", "", "aux is a device name on Windows"},
		{"colon", "project/a:b.txt", "", "Windows does not allow"},
		{"HFS+ invisible", "project/dot_g\u200cit/config", "", "invisible character (U+200C)"},
		{"backslash", `project/a\..\..\x`, "", "not a clean relative path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := writeHostile(t, "", map[string]string{tt.file: "x"})
			if err == nil {
				given := map[string]string{"Name": "Demo"}
				if tt.dir != "" {
					given["Dir"] = tt.dir
				}
				var vals Values
				if vals, err = Resolve(p, given, Facts{}, nil); err == nil {
					_, err = Render(p, vals, ComponentProject, ComponentBuild)
				}
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
	t.Run("case collision", func(t *testing.T) {
		p, err := writeHostile(t, "", map[string]string{"project/README.md": "a", "project/readme.md": "b"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = Render(p, Values{"Name": "Demo", "Dir": "src"}, ComponentProject)
		if err == nil || !strings.Contains(err.Error(), "README.md and readme.md differ only in case") {
			t.Errorf("got %v", err)
		}
	})
}

// TestHostilePackSymlinks: a symlink in a pack folder, to a file or a
// folder outside, is refused; nothing is read through it.
func TestHostilePackSymlinks(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret"), []byte("secret"), 0o600)
	for name, target := range map[string]string{"file": filepath.Join(outside, "secret"), "folder": outside} {
		t.Run(name, func(t *testing.T) {
			root := filepath.Join(t.TempDir(), "hostile")
			os.MkdirAll(filepath.Join(root, "project"), 0o755)
			os.WriteFile(filepath.Join(root, "pack.yaml"), []byte(hostileManifest), 0o644)
			os.WriteFile(filepath.Join(root, "project", "a.txt"), []byte("a"), 0o644)
			if err := os.Symlink(target, filepath.Join(root, "project", "link")); err != nil {
				t.Skip("no symlinks here:", err)
			}
			_, err := NewPackSource(nil).Load(root)
			var ue *packsrc.UnsafeError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), "project/link: is a symlink") {
				t.Errorf("got %v, want the symlink refused", err)
			}
		})
	}
}

// TestHostilePackLimits: a pack over the size or file count limits is
// refused when read.
func TestHostilePackLimits(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "pack.yaml"), []byte(hostileManifest), 0o644)
	os.WriteFile(filepath.Join(root, "big"), make([]byte, 2000), 0o644)
	for _, tt := range []struct {
		lim  packsrc.Limits
		want string
	}{
		{packsrc.Limits{MaxFiles: 10, MaxFileBytes: 1000, MaxPackBytes: 1 << 20}, "big: is larger than 1000 bytes"},
		{packsrc.Limits{MaxFiles: 10, MaxFileBytes: 1 << 20, MaxPackBytes: 1500}, "the pack is larger than 1500 bytes"},
		{packsrc.Limits{MaxFiles: 1, MaxFileBytes: 1 << 20, MaxPackBytes: 1 << 20}, "the pack has more than 1 files"},
	} {
		_, err := packsrc.ReadDir(root, tt.lim)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: got %v, want %q", tt.lim, err, tt.want)
		}
	}
}

// TestHostileTemplatesAreStopped: templates that loop, recurse, expand
// exponentially or ask a function for a huge value end with an error
// naming the file, in bounded time, with no tree.
func TestHostileTemplatesAreStopped(t *testing.T) {
	tests := []struct {
		name, tmpl, want string
		timeout          time.Duration // 20s if 0: only the size or function limits can stop it
	}{
		{name: "silent loop", tmpl: `{{ range $i := 100000000000 }}{{ end }}`, want: "rendering took longer than 300ms", timeout: 300 * time.Millisecond},
		{name: "writing loop", tmpl: `{{ range $i := 100000000000 }}xxxxxxxxxxxxxxxx{{ end }}`, want: "larger than 1000000 bytes"},
		{name: "exponential output", tmpl: exponential(strings.Repeat("x", 1000)), want: "larger than 1000000 bytes"},
		{name: "exponential silence", tmpl: exponential(""), want: "rendering took longer than 300ms", timeout: 300 * time.Millisecond},
		{name: "doubling value", tmpl: `{{ $x := "ab" }}{{ range $i := 40 }}{{ $x = cat $x $x }}{{ end }}`, want: "over the 4194304 a pack function may make"},
		{name: "recursion", tmpl: `{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}`, want: "exceeded maximum template depth"},
		{name: "growing string function", tmpl: `{{ repeat 4000000 "a" | b64enc }}`, want: "b64enc would make 5333336 bytes"},
		{name: "growing any function", tmpl: `{{ $x := repeat 4000000 "a" }}{{ list $x $x | toJson }}`, want: "toJson would make"},
		{name: "repeat", tmpl: `{{ repeat 1000000000 "x" }}`, want: "repeat would make 1000000000 bytes"},
		{name: "indent", tmpl: `{{ indent 1000000000 "x" }}`, want: "indent would make"},
		{name: "until", tmpl: `{{ until 1000000000 }}`, want: "until would make a list of 1000000000 items"},
		{name: "printf width", tmpl: `{{ printf "%0999999999d" 1 }}`, want: "printf: a width or precision over 4096"},
		{name: "printf star", tmpl: `{{ printf "%*d" 999999999 1 }}`, want: "printf: a width or precision over 4096"},
		{name: "replace", tmpl: `{{ $x := repeat 1000000 "a" }}{{ replace "a" (repeat 1000 "b") $x }}`, want: "replace would make"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := writeHostile(t, "", map[string]string{"project/x.tmpl": tt.tmpl})
			if err != nil {
				t.Fatal(err)
			}
			p.Limits = Limits{MaxFileBytes: 1000000, MaxTotalBytes: 2000000, Timeout: cmp.Or(tt.timeout, 20*time.Second)}
			start := time.Now()
			tree, err := Render(p, Values{"Name": "Demo", "Dir": "src"}, ComponentProject)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "project/x.tmpl") {
				t.Errorf("got %v, want an error naming project/x.tmpl containing %q", err, tt.want)
			}
			if tree != nil {
				t.Error("a stopped render gave a tree")
			}
			if d := time.Since(start); d > p.Limits.Timeout+5*time.Second {
				t.Errorf("stopping took %s", d)
			}
		})
	}
}

// exponential is a template whose top calls the next twice, 60 deep: 2^60
// calls of one that prints leaf.
func exponential(leaf string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `{{ define "l0" }}%s{{ end }}`, leaf)
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&b, `{{ define "l%d" }}{{ template "l%d" }}{{ template "l%d" }}{{ end }}`, i, i-1, i-1)
	}
	return b.String() + `{{ template "l60" }}`
}

// TestHostilePackTotalSize: files each under the per-file limit are
// stopped when together they pass the limit for the whole pack.
func TestHostilePackTotalSize(t *testing.T) {
	big := `{{ repeat 600000 "x" }}`
	p, err := writeHostile(t, "", map[string]string{"project/a.tmpl": big, "project/b.tmpl": big, "project/c.txt": strings.Repeat("y", 600000)})
	if err != nil {
		t.Fatal(err)
	}
	p.Limits = Limits{MaxFileBytes: 1000000, MaxTotalBytes: 1000000, Timeout: 10 * time.Second}
	tree, err := Render(p, Values{"Name": "Demo", "Dir": "src"}, ComponentProject)
	if err == nil || !strings.Contains(err.Error(), "limit for one file (1000000 for the whole pack)") || tree != nil {
		t.Errorf("got %v", err)
	}
	p.Limits.MaxTotalBytes = 1500000
	if _, err := Render(p, Values{"Name": "Demo", "Dir": "src"}, ComponentProject); err == nil || !strings.Contains(err.Error(), "more than 1500000 bytes in all") {
		t.Errorf("a verbatim file over the total: %v", err)
	}
}

// FuzzRenderedPath: whatever value a path token gets, a path expandPath
// accepts is relative, clean, inside the target, never in .git (in any
// case, with trailing dots or as GIT~1), free of control characters,
// backslashes and Windows device names.
func FuzzRenderedPath(f *testing.F) {
	for _, s := range []string{"src", "../x", ".git", "a/.GIT./b", "CON", "a\x00b", "./", "c:\\x", "aux.txt/x", "git~1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		got, err := expandPath("__Dir__/x", Values{"Dir": v})
		if err != nil {
			return
		}
		if path.IsAbs(got) || path.Clean(got) != got || strings.ContainsAny(got, "\\\x00:") {
			t.Fatalf("Dir=%q gave %q", v, got)
		}
		for _, seg := range strings.Split(got, "/") {
			bare := strings.TrimRight(seg, ". ")
			stem, _, _ := strings.Cut(seg, ".")
			if seg == ".." || strings.EqualFold(bare, ".git") || strings.EqualFold(seg, "git~1") || windowsDevices[strings.ToUpper(stem)] {
				t.Fatalf("Dir=%q gave %q", v, got)
			}
			for _, r := range seg {
				if r < 0x20 {
					t.Fatalf("Dir=%q gave %q", v, got)
				}
			}
		}
	})
}

// TestHostileManifestTemplatesAreStopped: a default or a dir that loops is
// stopped too (they render before any file).
func TestHostileManifestTemplatesAreStopped(t *testing.T) {
	loop := `'{{ range $i := 100000000000 }}{{ end }}'`
	p, err := writeHostile(t, hostileManifest+"dir: "+loop+"\n", map[string]string{"project/a.txt": "a"})
	if err != nil {
		t.Fatal(err)
	}
	p.Limits = Limits{MaxFileBytes: 1 << 20, MaxTotalBytes: 1 << 20, Timeout: 300 * time.Millisecond}
	if _, err := p.DirFor(Values{"Name": "Demo"}); err == nil || !strings.Contains(err.Error(), "dir: too large or takes too long") {
		t.Errorf("dir: %v", err)
	}
	p, err = writeHostile(t, strings.Replace(hostileManifest, "default: src", "default: "+loop, 1), map[string]string{"project/a.txt": "a"})
	if err != nil {
		t.Fatal(err)
	}
	p.Limits = Limits{MaxFileBytes: 1 << 20, MaxTotalBytes: 1 << 20, Timeout: 300 * time.Millisecond}
	if _, err := Resolve(p, map[string]string{"Name": "Demo"}, Facts{}, nil); err == nil || !strings.Contains(err.Error(), "too large or takes too long") {
		t.Errorf("default: %v", err)
	}
}
