//go:build unix

package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "ok"), []byte("1.2.3\n"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "big"), make([]byte, 2048), 0o644))
	must(syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644))
	must(os.Symlink("ok", filepath.Join(dir, "link")))
	must(os.Mkdir(filepath.Join(dir, "folder"), 0o755))

	tests := []struct {
		name, want string
	}{
		{"ok", ""},
		{"link", ""}, // Read follows a symlink; ReadIn does not
		{"big", "is larger than 1 KiB, more than crane reads"},
		{"fifo", "is a named pipe (FIFO), not a regular file"},
		{"folder", "is a folder, not a regular file"},
		{"/dev/zero", "is a device, not a regular file"},
	}
	for _, tt := range tests {
		name := tt.name
		if !filepath.IsAbs(name) {
			name = filepath.Join(dir, name)
		}
		done := make(chan error, 1)
		go func() {
			data, err := Read(name, 1024)
			if err == nil && string(data) != "1.2.3\n" {
				err = errors.New("read " + string(data))
			}
			done <- err
		}()
		select {
		case err := <-done:
			if tt.want == "" && err != nil {
				t.Errorf("Read(%s) = %v", tt.name, err)
			}
			if tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Errorf("Read(%s) = %v, want %q", tt.name, err, tt.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Read(%s) hangs", tt.name)
		}
	}
	if _, err := Read(filepath.Join(dir, "missing"), 10); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Read(missing) = %v, want fs.ErrNotExist", err)
	}

	r, err := os.OpenRoot(dir)
	must(err)
	defer r.Close()
	if _, err := ReadIn(r, "link", 1024); err == nil || !strings.Contains(err.Error(), "link is a symlink, not a regular file") {
		t.Errorf("ReadIn(link) = %v, want a refusal", err)
	}
	if data, err := ReadIn(r, "ok", 1024); err != nil || string(data) != "1.2.3\n" {
		t.Errorf("ReadIn(ok) = %q, %v", data, err)
	}
}
