package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
