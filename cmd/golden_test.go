package cmd

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestGolden renders every case under testdata/golden and compares each file
// byte for byte. A case is a txtar archive: the comment's first line holds the
// crane arguments (without --dir and --no-git, which the test adds), the
// "-- out/PATH --" sections the expected files, and "-- modes --" the files
// that are not mode 0644. go test ./cmd -run Golden -update rewrites them.
func TestGolden(t *testing.T) {
	cases, err := filepath.Glob("../testdata/golden/*.txtar")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			args := strings.Fields(strings.SplitN(string(ar.Comment), "\n", 2)[0])
			got := renderCase(t, args)
			if *update {
				writeGolden(t, file, ar.Comment, got)
				return
			}
			want := map[string]string{}
			for _, f := range ar.Files {
				want[f.Name] = string(f.Data)
			}
			compareTrees(t, want, got)
		})
	}
}

// renderCase runs crane with args into a fresh folder and returns every file
// as "out/PATH" -> content, plus "modes".
func renderCase(t *testing.T, args []string) map[string]string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	te := newTestEnv(t, "")
	if code := te.run(append(args, "--dir", out, "--no-git")); code != 0 {
		t.Fatalf("crane %s: exit %d\n%s", strings.Join(args, " "), code, te.stderr)
	}
	return readTree(t, out, "out/")
}

// readTree reads every file under root as prefix+PATH -> content, and the
// modes of those that are not 0644 as a "modes" entry.
func readTree(t *testing.T, root, prefix string) map[string]string {
	t.Helper()
	got := map[string]string{}
	var modes []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		got[prefix+filepath.ToSlash(rel)] = string(data)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Mode().Perm() != 0o644 {
			modes = append(modes, fmt.Sprintf("%04o %s\n", info.Mode().Perm(), filepath.ToSlash(rel)))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(modes)
	got["modes"] = strings.Join(modes, "")
	return got
}

func compareTrees(t *testing.T, want, got map[string]string) {
	t.Helper()
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			t.Errorf("missing file %s", name)
			continue
		}
		if diff := cmp.Diff(w, g); diff != "" {
			t.Errorf("%s differs (-want +got):\n%s", name, diff)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("unexpected file %s (run go test ./cmd -run Golden -update if it is intended)", name)
		}
	}
}

func writeGolden(t *testing.T, file string, comment []byte, got map[string]string) {
	t.Helper()
	names := make([]string, 0, len(got))
	for n := range got {
		names = append(names, n)
	}
	sort.Strings(names)
	ar := &txtar.Archive{Comment: comment}
	for _, n := range names {
		ar.Files = append(ar.Files, txtar.File{Name: n, Data: []byte(got[n])})
	}
	if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}
