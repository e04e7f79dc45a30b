package generator

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAddWriteNew(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"build.sh":           "mine\n",
		"ci.yml":             "mine\n",
		"ci.yml.crane-new":   "crane's ci\n",
		"VERSION":            "9.9.9\n",
		"other.txt":          "mine\n",
		"outside-target.txt": "x\n",
	})
	if err := os.Symlink(filepath.Join(root, "outside-target.txt"), filepath.Join(root, "other.txt.crane-new")); err != nil {
		t.Fatal(err)
	}
	tree := Tree{
		{Path: "VERSION", Data: []byte("0.1.0\n"), Mode: 0o644, Policy: PolicySeed},
		{Path: "build.sh", Data: []byte("crane's build\n"), Mode: 0o755, Policy: PolicyManaged},
		{Path: "ci.yml", Data: []byte("crane's ci\n"), Mode: 0o644, Policy: PolicyManaged},
		{Path: "other.txt", Data: []byte("crane's other\n"), Mode: 0o644, Policy: PolicyCreate},
	}
	plan, err := MakePlan(root, tree, nil, Lock{Pack: "p"})
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.AddWriteNew(); err != nil {
		t.Fatal(err)
	}
	got := map[string]Kind{}
	for _, a := range plan.Actions {
		got[a.Path] = a.Kind
	}
	want := map[string]Kind{
		LockName: KindCreate, "VERSION": KindKeep, "build.sh": KindKeep, "ci.yml": KindKeep, "other.txt": KindKeep,
		"build.sh.crane-new":  KindCreate,
		"ci.yml.crane-new":    KindIdentical,
		"other.txt.crane-new": KindConflict,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("kinds (-want +got):\n%s", diff)
	}
	for _, lf := range plan.Lock.Files {
		if filepath.Ext(lf.Path) == NewSuffix {
			t.Errorf("lock records %s", lf.Path)
		}
	}
	plan.Refuse(map[string]string{"build.sh.crane-new": "no"})
	if c := plan.Conflicts(); len(c) != 2 || c[0].Path != "build.sh.crane-new" || c[0].Note != "no" {
		t.Errorf("Refuse: conflicts %+v", c)
	}
}
