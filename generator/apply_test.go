package generator

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ewilde/crane/internal/fixture"
)

// snapshot lists every entry under root with its mode and content.
func snapshot(t *testing.T, root string) map[string]string { return fixture.Snapshot(t, root) }

func sampleTree() Tree {
	return Tree{
		{Path: ".github/workflows/build.yml", Data: []byte("ci\n"), Mode: 0o644, Policy: PolicyManaged},
		{Path: "README.md", Data: []byte("readme\n"), Mode: 0o644, Policy: PolicyCreate},
		{Path: "build.sh", Data: []byte("#!/bin/sh\n"), Mode: 0o755, Policy: PolicyManaged},
		{Path: "src/App/App.csproj", Data: []byte("<Project />\n"), Mode: 0o644, Policy: PolicyCreate},
		{Path: "src/App/Code.cs", Data: []byte("class C {}\n"), Mode: 0o644, Policy: PolicyCreate},
	}
}

func TestApplyWritesEverythingOnce(t *testing.T) {
	root := filepath.Join(t.TempDir(), "new")
	p, err := MakePlan(root, sampleTree(), nil, Lock{Pack: "mini", PackVersion: "1.0.0"})
	if err != nil {
		t.Fatal(err)
	}
	n, err := Apply(t.Context(), p, ApplyOptions{})
	if err != nil || n != 6 {
		t.Fatalf("Apply = %d, %v; want 6 files", n, err)
	}
	info, err := os.Stat(filepath.Join(root, "build.sh"))
	if err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("build.sh mode: %v, %v", info, err)
	}
	lock, err := ReadLock(root)
	if err != nil || lock == nil || len(lock.Files) != 5 {
		t.Fatalf("lock: %+v, %v", lock, err)
	}
	// The same plan again finds everything identical and writes nothing.
	before := snapshot(t, root)
	p, err = MakePlan(root, sampleTree(), lock, Lock{Pack: "mini", PackVersion: "1.0.0"})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := Apply(t.Context(), p, ApplyOptions{}); n != 0 || err != nil {
		t.Errorf("second Apply = %d, %v; want 0, nil", n, err)
	}
	if diff := cmp.Diff(before, snapshot(t, root)); diff != "" {
		t.Errorf("second run changed the tree (-before +after):\n%s", diff)
	}
}

// TestApplyRollsBack fails Apply in several ways and checks that the target
// is exactly as it was: same entries, modes and bytes, no staged or backup
// files, no new folders.
func TestApplyRollsBack(t *testing.T) {
	existing := map[string]string{"README.md": "mine\n", "build.sh": "#!/bin/sh\necho old\n", "keep/me.txt": "x\n"}
	oldLock := &Lock{Files: []LockFile{{Path: "build.sh", Policy: PolicyManaged, SHA256: Hash([]byte("#!/bin/sh\necho old\n"))}}}
	tests := []struct {
		name    string
		missing bool // the target folder does not exist yet
		breakFS func(root string) error
		opt     func(cancel context.CancelFunc) ApplyOptions
	}{
		{name: "a file where a folder must go, into a new folder", missing: true, breakFS: func(root string) error {
			return os.WriteFile(filepath.Join(root, "src"), []byte("blocker"), 0o644)
		}},
		{name: "a file where a folder must go, deep", breakFS: func(root string) error {
			if err := os.MkdirAll(filepath.Join(root, "src"), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(root, "src", "App"), []byte("blocker"), 0o644)
		}},
		{name: "a file appears where a new one goes", breakFS: func(root string) error {
			return os.WriteFile(filepath.Join(root, "src", "App", "Code.cs"), []byte("raced"), 0o644)
		}},
		{name: "failure after some renames", opt: func(context.CancelFunc) ApplyOptions {
			return ApplyOptions{beforeStep: func(i int) error {
				if i == 4 {
					return errors.New("injected")
				}
				return nil
			}}
		}},
		{name: "interrupt after some renames", opt: func(cancel context.CancelFunc) ApplyOptions {
			return ApplyOptions{beforeStep: func(i int) error {
				if i == 2 {
					cancel()
				}
				return nil
			}}
		}},
		{name: "finish fails", opt: func(context.CancelFunc) ApplyOptions {
			return ApplyOptions{Finish: func(string) error { return errors.New("git init failed") }}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := filepath.Join(t.TempDir(), "target")
			var p *Plan
			var err error
			if tt.missing {
				p, err = MakePlan(root, sampleTree(), nil, Lock{})
				if err == nil {
					err = os.Mkdir(root, 0o755)
				}
			} else {
				writeFiles(t, root, existing)
				if tt.name == "a file appears where a new one goes" {
					writeFiles(t, root, map[string]string{"src/App/.keep": ""})
				}
				p, err = MakePlan(root, sampleTree(), oldLock, Lock{})
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.breakFS != nil {
				if err := tt.breakFS(root); err != nil {
					t.Fatal(err)
				}
			}
			before := snapshot(t, root)
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			opt := ApplyOptions{}
			if tt.opt != nil {
				opt = tt.opt(cancel)
			}
			if _, err := Apply(ctx, p, opt); err == nil {
				t.Fatal("Apply succeeded; want a failure")
			}
			after := snapshot(t, root)
			if diff := cmp.Diff(before, after); diff != "" {
				t.Errorf("the target changed (-before +after):\n%s", diff)
			}
			for name := range after {
				if strings.Contains(name, ".crane-stage") {
					t.Errorf("left behind %s", name)
				}
			}
		})
	}
}

// TestApplyWithoutHardLinks acts as a file system that cannot link (FAT,
// some network shares): new files are renamed into place instead, and a file
// that appeared since the plan is still never replaced.
func TestApplyWithoutHardLinks(t *testing.T) {
	noLinks := func(string, string) error {
		return &os.LinkError{Op: "link", Err: errors.New("operation not permitted")}
	}
	root := filepath.Join(t.TempDir(), "new")
	p, err := MakePlan(root, sampleTree(), nil, Lock{Pack: "mini", PackVersion: "1.0.0"})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := Apply(t.Context(), p, ApplyOptions{link: noLinks}); err != nil || n != 6 {
		t.Fatalf("Apply = %d, %v; want 6 files", n, err)
	}
	if data, err := os.ReadFile(filepath.Join(root, "src/App/Code.cs")); err != nil || string(data) != "class C {}\n" {
		t.Errorf("Code.cs: %q, %v", data, err)
	}

	root = filepath.Join(t.TempDir(), "raced")
	p, err = MakePlan(root, sampleTree(), nil, Lock{})
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, root, map[string]string{"src/App/Code.cs": "raced"})
	before := snapshot(t, root)
	if _, err := Apply(t.Context(), p, ApplyOptions{link: noLinks}); err == nil {
		t.Fatal("Apply replaced a file that appeared after the plan")
	}
	if diff := cmp.Diff(before, snapshot(t, root)); diff != "" {
		t.Errorf("the target changed (-before +after):\n%s", diff)
	}
}
