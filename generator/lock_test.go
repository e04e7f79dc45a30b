package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadLockRefusesPathsOutsideTheFolder: a lock file is read from the
// repository, so a hand-edited or hostile one must not make status or
// assemble read outside the folder, nor carry such an entry forward.
func TestReadLockRefusesPathsOutsideTheFolder(t *testing.T) {
	for _, p := range []string{"../secret.txt", "/etc/hostname", ".git/config", "a/../../b", "", "a\\..\\b"} {
		t.Run(p, func(t *testing.T) {
			root := t.TempDir()
			lock := "pack: go\npack_version: 1.0.0\nfiles:\n  - path: build.sh\n    policy: managed\n    sha256: abc\n  - path: '" + p + "'\n    policy: managed\n    sha256: abc\n"
			if err := os.WriteFile(filepath.Join(root, LockName), []byte(lock), 0o644); err != nil {
				t.Fatal(err)
			}
			l, err := ReadLock(root)
			if err == nil || !strings.Contains(err.Error(), ".crane.yaml") || !strings.Contains(err.Error(), "fix or remove it") {
				t.Errorf("ReadLock = %+v, %v; want an error naming .crane.yaml", l, err)
			}
		})
	}
}

// TestReadLockKeepsScalarsAsWritten: a hand-edited lock file's values reach
// the pack as written (PythonVersion: 3.10 is "3.10", not the float 3.1);
// bools stay bools.
func TestReadLockKeepsScalarsAsWritten(t *testing.T) {
	root := t.TempDir()
	lock := "pack: python\npack_version: 1.0.0\nvalues:\n  PythonVersion: 3.10\n  InitialVersion: 1.0\n  Year: 2026\n  PackageDocs: false\n  Name: acme\n"
	if err := os.WriteFile(filepath.Join(root, LockName), []byte(lock), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := ReadLock(root)
	if err != nil {
		t.Fatal(err)
	}
	want := Values{"PythonVersion": "3.10", "InitialVersion": "1.0", "Year": "2026", "PackageDocs": false, "Name": "acme"}
	if diff := cmp.Diff(want, l.Values); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
}

// TestGitBlob checks the lock's git blob id is what git hash-object gives.
func TestGitBlob(t *testing.T) {
	if got, want := GitBlob([]byte("hello\n")), "ce013625030ba8dba906f756967f9e9ca394464a"; got != want {
		t.Errorf("GitBlob(hello) = %s, want %s", got, want)
	}
}
