package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// writeFiles creates rel -> content under root.
func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func kinds(p *Plan) map[string]Kind {
	out := map[string]Kind{}
	for _, a := range p.Actions {
		out[a.Path] = a.Kind
	}
	return out
}

// TestPlanPolicies walks the table of DESIGN.md: each policy against an
// absent file, crane's unchanged file, and a file that is not crane's.
func TestPlanPolicies(t *testing.T) {
	tree := Tree{
		{Path: ".gitignore", Data: []byte("bin/\nobj/\n"), Mode: 0o644, Policy: PolicyLines},
		{Path: "VERSION", Data: []byte("0.1.0\n"), Mode: 0o644, Policy: PolicySeed},
		{Path: "build.sh", Data: []byte("new\n"), Mode: 0o755, Policy: PolicyManaged},
		{Path: "ci.yml", Data: []byte("crane\n"), Mode: 0o644, Policy: PolicyManaged},
		{Path: "same.txt", Data: []byte("same\n"), Mode: 0o644, Policy: PolicyCreate},
		{Path: "src/a.cs", Data: []byte("a\n"), Mode: 0o644, Policy: PolicyCreate},
		{Path: "src/b.cs", Data: []byte("b\n"), Mode: 0o644, Policy: PolicyCreate},
	}
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		".gitignore": "obj/\n.idea/\n",
		"VERSION":    "2.0.0\n",
		"build.sh":   "old\n",
		"ci.yml":     "user's own\n",
		"same.txt":   "same\n",
		"src/a.cs":   "user's a\n",
	})
	old := &Lock{Files: []LockFile{
		{Path: "build.sh", Policy: PolicyManaged, SHA256: Hash([]byte("old\n"))},
		{Path: "ci.yml", Policy: PolicyManaged, SHA256: Hash([]byte("crane's old\n"))},
		{Path: "gone.txt", Policy: PolicyCreate, SHA256: "abc"},
	}}
	p, err := MakePlan(root, tree, old, Lock{Pack: "mini", PackVersion: "1.0.0"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Kind{
		".crane.yaml": KindCreate,
		".gitignore":  KindMerge,
		"VERSION":     KindKeep,
		"build.sh":    KindUpdate,
		"ci.yml":      KindKeep,
		"same.txt":    KindIdentical,
		"src/a.cs":    KindKeep,
		"src/b.cs":    KindCreate,
	}
	if diff := cmp.Diff(want, kinds(p)); diff != "" {
		t.Errorf("kinds (-want +got):\n%s", diff)
	}
	var gitignore Action
	for _, a := range p.Actions {
		if a.Path == ".gitignore" {
			gitignore = a
		}
	}
	if got, want := string(gitignore.Data), "obj/\n.idea/\n# >>> crane >>>\nbin/\n# <<< crane <<<\n"; got != want {
		t.Errorf(".gitignore merge = %q, want %q", got, want)
	}
	// The lock keeps the old hash of the kept ci.yml (the base for a later
	// update), drops nothing it does not cover, and records the written files.
	got := map[string]string{}
	for _, f := range p.Lock.Files {
		got[f.Path] = f.SHA256
	}
	wantLock := map[string]string{
		".gitignore": Hash([]byte("obj/\n.idea/\n# >>> crane >>>\nbin/\n# <<< crane <<<\n")), // the merged file
		"VERSION":    "",                                                                     // kept and never crane's: not recorded
		"build.sh":   Hash([]byte("new\n")),
		"ci.yml":     Hash([]byte("crane's old\n")),
		"gone.txt":   "abc",
		"same.txt":   Hash([]byte("same\n")),
		"src/b.cs":   Hash([]byte("b\n")),
	}
	delete(wantLock, "VERSION")
	if diff := cmp.Diff(wantLock, got); diff != "" {
		t.Errorf("lock files (-want +got):\n%s", diff)
	}
}

func TestPlanConflicts(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"src": "a file where a folder must go\n"})
	if err := os.Mkdir(filepath.Join(root, "build.sh"), 0o755); err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(root, "linked")); err != nil {
		t.Fatal(err)
	}
	tree := Tree{
		{Path: "build.sh", Data: []byte("x"), Mode: 0o755, Policy: PolicyManaged},
		{Path: "linked/f.txt", Data: []byte("x"), Mode: 0o644, Policy: PolicyCreate},
		{Path: "src/a.cs", Data: []byte("x"), Mode: 0o644, Policy: PolicyCreate},
	}
	p, err := MakePlan(root, tree, nil, Lock{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(p.Conflicts()); n != 3 {
		t.Errorf("want 3 conflicts, got %d: %+v", n, p.Actions)
	}
	_, err = Apply(t.Context(), p, ApplyOptions{})
	if err == nil {
		t.Fatal("Apply accepted a plan with conflicts")
	}
	// Every conflict says what to do about it.
	want := `3 conflicts; nothing was written:
  build.sh: not a regular file; move it away and run again
  linked/f.txt: linked is a symlink; crane never writes through one: replace it with a folder, or move it away, and run again
  src/a.cs: src is a file where crane needs a folder; move it away and run again`
	if diff := cmp.Diff(want, err.Error()); diff != "" {
		t.Errorf("conflict error (-want +got):\n%s", diff)
	}
	if got := (&ConflictError{Actions: p.Conflicts()[:1]}).Error(); !strings.HasPrefix(got, "1 conflict; nothing was written:") {
		t.Errorf("one conflict: %q", got)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("wrote through the symlink: %v", entries)
	}
}

func TestPlanSymlinkedFileIsKept(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	target := filepath.Join(outside, "gitignore")
	writeFiles(t, outside, map[string]string{"gitignore": "mine\n"})
	if err := os.Symlink(target, filepath.Join(root, ".gitignore")); err != nil {
		t.Fatal(err)
	}
	tree := Tree{{Path: ".gitignore", Data: []byte("bin/\n"), Mode: 0o644, Policy: PolicyLines}}
	p, err := MakePlan(root, tree, nil, Lock{})
	if err != nil {
		t.Fatal(err)
	}
	if k := kinds(p)[".gitignore"]; k != KindKeep {
		t.Fatalf(".gitignore: %s, want keep", k)
	}
	if _, err := Apply(t.Context(), p, ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(target); string(data) != "mine\n" {
		t.Errorf("the symlink's target changed: %q", data)
	}
}

// TestPlanLockNotARegularFile: a lock file that is a folder or a symlink is a
// conflict that says what to do.
func TestPlanLockNotARegularFile(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, LockName), 0o755); err != nil {
		t.Fatal(err)
	}
	p, err := MakePlan(root, sampleTree(), nil, Lock{Pack: "mini"})
	if err != nil {
		t.Fatal(err)
	}
	c := p.Conflicts()
	if len(c) != 1 || c[0].Path != LockName || c[0].Note != "the lock file is not a regular file; move it away and run again" {
		t.Errorf("conflicts: %+v", c)
	}
}

// TestPlanKeepsOtherNames: a file that is there under another case, or under
// an alias its tool also reads, is the user's: kept, with a note.
func TestPlanKeepsOtherNames(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"Build.ps1": "mine\n", ".goreleaser.yml": "mine\n", ".config/GoReleaser.yaml": "x\n"})
	tree := Tree{
		{Path: ".goreleaser.yaml", Data: []byte("crane\n"), Policy: PolicyManaged, Aliases: []string{".goreleaser.yml"}},
		{Path: "build.ps1", Data: []byte("crane\n"), Policy: PolicyManaged},
		{Path: "build.sh", Data: []byte("crane\n"), Policy: PolicyManaged},
		{Path: "sub/.goreleaser.yaml", Data: []byte("crane\n"), Policy: PolicyManaged, Aliases: []string{".config/goreleaser.yaml"}},
	}
	p, err := MakePlan(root, tree, nil, Lock{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, a := range p.Actions {
		got[a.Path] = string(a.Kind) + ": " + a.Note + ": " + string(a.Old)
	}
	want := map[string]string{
		LockName:               "create: lock file: ",
		".goreleaser.yaml":     "keep: yours, as .goreleaser.yml, another name of .goreleaser.yaml: mine\n",
		"build.ps1":            "keep: yours, as Build.ps1: the same file as build.ps1 on Windows and macOS: mine\n",
		"build.sh":             "create: : ",
		"sub/.goreleaser.yaml": "keep: yours, as .config/GoReleaser.yaml, another name of .goreleaser.yaml: x\n",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
}

// TestPlanHonoursDeleted checks a file the lock records as deleted by the
// user is not created again, and stays recorded.
func TestPlanHonoursDeleted(t *testing.T) {
	tree := Tree{{Path: "tools.txt", Data: []byte("t\n"), Mode: 0o644, Policy: PolicyManaged}}
	old := &Lock{Files: []LockFile{{Path: "tools.txt", Policy: PolicyManaged, SHA256: Hash([]byte("t\n")), Deleted: true}}}
	p, err := MakePlan(t.TempDir(), tree, old, Lock{Pack: "mini", PackVersion: "1.0.0"})
	if err != nil {
		t.Fatal(err)
	}
	if k := kinds(p)["tools.txt"]; k != KindKeep {
		t.Errorf("tools.txt: %s, want keep", k)
	}
	if lf, ok := p.Lock.File("tools.txt"); !ok || !lf.Deleted {
		t.Errorf("the new lock does not record tools.txt as deleted: %+v", lf)
	}
}
