package update

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/generator"
)

// demo serves the test-only demo pack (testdata/update) at current, with its
// other versions kept.
func demo(t *testing.T, current string) generator.PackSource {
	t.Helper()
	packs, kept := fstest.MapFS{}, fstest.MapFS{}
	for _, v := range []string{"1.0.0", "2.0.0"} {
		ar, err := txtar.ParseFile(filepath.Join("..", "..", "testdata", "update", "demo-"+v+".txtar"))
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, f := range ar.Files {
			files[f.Name] = f.Data
		}
		if v == current {
			for p, d := range files {
				packs[p] = &fstest.MapFile{Data: d}
			}
			continue
		}
		z, err := generator.KeptZip(files)
		if err != nil {
			t.Fatal(err)
		}
		kept[generator.KeptName("demo", v)] = &fstest.MapFile{Data: z}
	}
	return generator.NewPackSource(packs).WithKept(kept)
}

// initDemo renders the demo pack 1.0.0 into a new folder, as crane init
// does, and edits build.sh away from the pack's changes.
func initDemo(t *testing.T) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "p")
	p, err := demo(t, "1.0.0").Load("demo")
	if err != nil {
		t.Fatal(err)
	}
	vals, err := generator.Resolve(p, map[string]string{"Name": "demo-app"}, generator.Facts{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := generator.Render(p, vals, generator.ComponentProject, generator.ComponentBuild)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := generator.MakePlan(root, tree, nil, generator.Lock{Pack: "demo", PackVersion: p.Version, Values: p.Recorded(vals)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := generator.Apply(context.Background(), plan, generator.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	sh := filepath.Join(root, "build.sh")
	data, _ := os.ReadFile(sh)
	if err := os.WriteFile(sh, []byte(strings.Replace(string(data), "step2\n", "step2\nmine\n", 1)), 0o755); err != nil {
		t.Fatal(err)
	}
	return root
}

func planDemo(t *testing.T, root string) *Result {
	t.Helper()
	src := demo(t, "2.0.0")
	lock, err := generator.ReadLock(root)
	if err != nil {
		t.Fatal(err)
	}
	p, err := src.Load("demo")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Plan(Options{Root: root, Lock: lock, Pack: p, Packs: src})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// listing is every file under root with its bytes.
func listing(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = info.Mode().String() + "\n" + string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestUpdateRollsBack checks that a failure after every file is in place
// (creates, merges, deletes, a rename), and Ctrl-C, leave the project exactly
// as it was.
func TestUpdateRollsBack(t *testing.T) {
	for _, tt := range []struct {
		name   string
		finish func(cancel context.CancelFunc) error
		want   error
	}{
		{"failure", func(context.CancelFunc) error { return errors.New("disk full") }, nil},
		{"interrupt", func(cancel context.CancelFunc) error { cancel(); return nil }, context.Canceled},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := initDemo(t)
			before := listing(t, root)
			res := planDemo(t, root)
			if res.Plan.Writes() == 0 {
				t.Fatal("the plan writes nothing; the test needs changes")
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			_, err := generator.Apply(ctx, res.Plan, generator.ApplyOptions{Finish: func(string) error { return tt.finish(cancel) }})
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Fatalf("Apply: %v, want an error", err)
			}
			if diff := cmp.Diff(before, listing(t, root)); diff != "" {
				t.Errorf("the project changed (-before +after):\n%s", diff)
			}
		})
	}
}

// TestUpdateDeterministic checks the same inputs give the same plan, and
// that applying it then planning again changes nothing.
func TestUpdateDeterministic(t *testing.T) {
	a, b := initDemo(t), initDemo(t)
	ra, rb := planDemo(t, a), planDemo(t, b)
	type act struct {
		Kind       generator.Kind
		Path, Data string
	}
	flat := func(r *Result) []act {
		var out []act
		for _, x := range r.Plan.Actions {
			out = append(out, act{x.Kind, x.Path, string(x.Data)})
		}
		return out
	}
	if diff := cmp.Diff(flat(ra), flat(rb)); diff != "" {
		t.Errorf("two plans of the same update differ (-a +b):\n%s", diff)
	}
	if _, err := generator.Apply(context.Background(), ra.Plan, generator.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	if again := planDemo(t, a); again.Plan.Writes() != 0 || again.Plan.Count()[generator.KindDelete] != 0 {
		t.Errorf("a second update changes files: %v", again.Plan.Count())
	}
}

// TestUpdateBaseFromGitBlob checks the fallback: when the replay disagrees
// with the lock (here the lock's values were edited), the base comes from the
// git blob the lock names; without it, the file merges two-way.
func TestUpdateBaseFromGitBlob(t *testing.T) {
	root := initDemo(t)
	lockPath := filepath.Join(root, generator.LockName)
	data, _ := os.ReadFile(lockPath)
	if err := os.WriteFile(lockPath, []byte(strings.Replace(string(data), "Greeting: hello", "Greeting: hey", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	lock, err := generator.ReadLock(root)
	if err != nil {
		t.Fatal(err)
	}
	src := demo(t, "2.0.0")
	p, _ := src.Load("demo")
	old, _ := demo(t, "1.0.0").Load("demo")
	vals, _ := generator.Resolve(old, map[string]string{"Name": "demo-app"}, generator.Facts{}, nil)
	tree, _ := generator.Render(old, vals, generator.ComponentBuild)
	orig, _ := tree.Get("build.sh")
	blobs := func(id string) ([]byte, bool) {
		if id == generator.GitBlob(orig.Data) {
			return orig.Data, true
		}
		return nil, false
	}
	res, err := Plan(Options{Root: root, Lock: lock, Pack: p, Packs: src, Blobs: blobs})
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Classes["build.sh"]; c != ClassBoth {
		t.Errorf("with the git blob build.sh is %s, want %s", c, ClassBoth)
	}
	res, err = Plan(Options{Root: root, Lock: lock, Pack: p, Packs: src})
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Classes["build.sh"]; c != ClassNoBase || len(res.Conflicted) == 0 {
		t.Errorf("without a base build.sh is %s with %d conflicts, want %s and a two-way conflict", c, len(res.Conflicted), ClassNoBase)
	}
}

func TestMergeLinesSet(t *testing.T) {
	tests := []struct {
		name, base, ours, theirs, want string
	}{
		{name: "crane's whole file", base: "bin/\nobj/\n", ours: "bin/\nobj/\n*.log\n", theirs: "bin/\nout/\n",
			want: "bin/\n*.log\n# >>> crane >>>\nout/\n# <<< crane <<<\n"},
		{name: "a block in the user's file", base: "bin/\nobj/\n",
			ours:   "mine/\n# >>> crane >>>\nbin/\nobj/\nextra/\n# <<< crane <<<\n",
			theirs: "bin/\nout/\n",
			want:   "mine/\n# >>> crane >>>\nbin/\nextra/\nout/\n# <<< crane <<<\n"},
		{name: "a line the user removed stays removed", base: "bin/\nobj/\n", ours: "bin/\n", theirs: "bin/\nobj/\nout/\n",
			want: "bin/\n# >>> crane >>>\nout/\n# <<< crane <<<\n"},
		{name: "nothing changed", base: "bin/\n", ours: "bin/\nmine/\n", theirs: "bin/\n", want: "bin/\nmine/\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MergeLinesSet([]byte(tt.base), []byte(tt.ours), []byte(tt.theirs))
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("MergeLinesSet (-want +got):\n%s", diff)
			}
			if again := MergeLinesSet([]byte(tt.theirs), got, []byte(tt.theirs)); string(again) != string(got) {
				t.Errorf("merging again changed it: %q", again)
			}
		})
	}
}

func TestMerge2(t *testing.T) {
	got, n := Merge2([]byte("a\nmine\nc\n"), []byte("a\ncrane\nc\nd\n"), testLabels)
	want := "a\n<<<<<<< yours\nmine\n||||||| crane 1.0.0\n=======\ncrane\n>>>>>>> crane 2.0.0\nc\n<<<<<<< yours\n||||||| crane 1.0.0\n=======\nd\n>>>>>>> crane 2.0.0\n"
	if diff := cmp.Diff(want, string(got)); diff != "" || n != 2 {
		t.Errorf("Merge2 (%d conflicts; -want +got):\n%s", n, diff)
	}
}

// FuzzMergeLinesSet checks a lines merge is stable: merging its result again
// with the same pack version changes nothing, and every line the pack added
// that the user did not have is there.
func FuzzMergeLinesSet(f *testing.F) {
	f.Add("bin/\nobj/\n", "bin/\nobj/\n*.log\n", "bin/\nout/\n")
	f.Add("a\n", "x\n# >>> crane >>>\na\n# <<< crane <<<\n", "a\nb\n")
	f.Fuzz(func(t *testing.T, base, ours, theirs string) {
		got := MergeLinesSet([]byte(base), []byte(ours), []byte(theirs))
		if again := MergeLinesSet([]byte(theirs), got, []byte(theirs)); string(again) != string(got) {
			t.Fatalf("not stable:\nfirst  %q\nsecond %q", got, again)
		}
		have := lineSet(got)
		for l := range lineSet([]byte(theirs)) {
			if !lineSet([]byte(base))[l] && !have[l] {
				t.Fatalf("the pack's new line %q is missing from %q", l, got)
			}
		}
	})
}
