package generator

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tricky are scalars the YAML encoder quotes, or that look close to it:
// bools and nulls of YAML 1.1 and 1.2, numbers in every base, dates,
// indicators, spaces, document markers, non-ASCII text.
var tricky = []string{
	"x", "build.sh", ".editorconfig", ".github/workflows/ci.yml", "src/Acme.Widgets/Acme.Widgets.csproj",
	"y", "Y", "n", "no", "NO", "on", "Off", "true", "False", "null", "~", "", ".inf", ".NaN", "-.inf", "+.inf", "<<",
	"1", "0", "012", "0x1f", "0X1F", "0o17", "0b101", "0b1a", "1_000", "1e5", "1E5", "1.5", ".5", "5.", "1e", "12ab", "123abc", "0xabc",
	"2026-03-04", "2026-3-4T05:06:07Z", "2026", "1:30", "190:20:30.15",
	"-", "-x", "--", "---", "---x", "...", "..x", "./x", "_x", "__init__.py", "a b", " a", "a ", "a:b", "a: b", "a#b", "a #b", "#a",
	"[a]", "{a}", "a,b", "&a", "*a", "!a", "|a", ">a", "'a", "\"a", "%a", "@a", "`a", "?a", "? a", "a\nb", "a\tb", "é", "a\\b",
	"4a5c7f00e1b2", "9f3e2d1c0b", "0123456789", "1234e5678", "0b0101010101", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	"1.2.0", "1.2.0-beta", "v1.2.0", "create", "managed", "seed", "lines",
}

// TestLockMarshalFastIsExact: the lock file writer gives the YAML
// encoder's bytes for every tricky scalar in every field of a file entry,
// whether it writes the list itself or hands it to the encoder.
func TestLockMarshalFastIsExact(t *testing.T) {
	fast := 0
	for _, s := range tricky {
		for field := 0; field < 5; field++ {
			f := LockFile{Path: "a/b.txt", Policy: PolicyCreate, SHA256: "ab12", GitBlob: "cd34"}
			switch field {
			case 0:
				f.Path = s
			case 1:
				f.Policy = Policy(s)
			case 2:
				f.SHA256 = s
			case 3:
				f.GitBlob = s
			case 4:
				f.PackVersion, f.Deleted = s, true
			}
			l := &Lock{Pack: "p", PackVersion: "1.0.0", Values: Values{"Name": s, "B": true}, PackSource: s,
				Files: []LockFile{f, {Path: "z", Policy: PolicyManaged, SHA256: "99f"}}}
			files := sortedFiles(l)
			if _, ok := marshalFast(l, files); ok {
				fast++
			}
			if diff := cmp.Diff(string(marshalYAML(l, files)), string(l.Marshal())); diff != "" {
				t.Errorf("field %d = %q (-encoder +Marshal):\n%s", field, s, diff)
			}
		}
	}
	if fast == 0 {
		t.Error("the fast writer was never used")
	}
}

// FuzzLockMarshal: whatever the path and hashes, Marshal writes what the
// YAML encoder writes.
func FuzzLockMarshal(f *testing.F) {
	for _, s := range tricky {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, path, hash string) {
		l := &Lock{Pack: "p", PackVersion: "1.0.0", Values: Values{"Name": "x"},
			Files: []LockFile{{Path: path, Policy: PolicyCreate, SHA256: hash, GitBlob: hash}, {Path: "zz" + path, Policy: PolicyLines, SHA256: "f" + hash}}}
		if diff := cmp.Diff(string(marshalYAML(l, sortedFiles(l))), string(l.Marshal())); diff != "" {
			t.Errorf("path %q hash %q (-encoder +Marshal):\n%s", path, hash, diff)
		}
	})
}

func sortedFiles(l *Lock) []LockFile {
	files := slices.Clone(l.Files)
	slices.SortFunc(files, func(a, b LockFile) int { return strings.Compare(a.Path, b.Path) })
	return files
}

// BenchmarkLockMarshal1000 writes the lock file of 1,000 files.
func BenchmarkLockMarshal1000(b *testing.B) {
	l := &Lock{Pack: "big", PackVersion: "1.0.0", Values: Values{"Name": "Demo"}}
	for i := range 1000 {
		data := []byte(fmt.Sprint(i))
		l.Files = append(l.Files, LockFile{Path: fmt.Sprintf("project/area%02d/Demo%d/file%04d.cs", i/50, i%3, i), Policy: PolicyCreate, SHA256: Hash(data), GitBlob: GitBlob(data)})
	}
	for b.Loop() {
		l.Marshal()
	}
}
