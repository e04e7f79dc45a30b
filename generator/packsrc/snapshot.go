package packsrc

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing/fstest"
)

// Limits bound what a pack may hold. A pack over a limit is refused before
// anything is rendered.
type Limits struct {
	MaxFiles     int   // files in the pack
	MaxFileBytes int64 // bytes in one pack file
	MaxPackBytes int64 // bytes in the whole pack
}

// DefaultLimits are generous for a real pack (crane's largest has about 40
// files and 100 KB) and small enough that a hostile pack cannot fill memory.
var DefaultLimits = Limits{MaxFiles: 10000, MaxFileBytes: 8 << 20, MaxPackBytes: 64 << 20}

// Snapshot is a pack's files read into memory: slash-separated paths
// relative to the pack's root, the folder holding pack.yaml.
type Snapshot struct {
	Files map[string][]byte
}

// FS serves the snapshot under the folder name (name/pack.yaml, ...), the
// shape generator.LoadPack reads. It is the standard library's in-memory
// fstest.MapFS, which imports nothing of package testing.
func (s Snapshot) FS(name string) fs.FS {
	m := fstest.MapFS{}
	for p, data := range s.Files {
		m[name+"/"+p] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return m
}

// Hash is the pack's content hash: "sha256:" and the hex SHA-256 over every
// file's path and bytes, in path order. The same files give the same hash
// wherever they come from.
func (s Snapshot) Hash() string {
	paths := make([]string, 0, len(s.Files))
	for p := range s.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	h := sha256.New()
	for _, p := range paths {
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(s.Files[p]))
		h.Write(s.Files[p])
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// ReadDir reads the pack in the folder root into memory. It skips a .git
// folder, refuses symlinks and anything but regular files and folders
// (a pack never reaches outside itself), and refuses a pack over lim. root
// itself may be reached through a symlink (the user named it; a git pack's
// subfolder is checked before, see Cache.Fetch).
func ReadDir(root string, lim Limits) (Snapshot, error) {
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real // else Stat below says it is not found
	}
	info, err := os.Stat(root)
	if err != nil || !info.IsDir() {
		return Snapshot{}, bad("pack folder %s: not found or not a folder; give the folder that holds pack.yaml", root)
	}
	if _, err := os.Stat(filepath.Join(root, "pack.yaml")); err != nil {
		return Snapshot{}, bad("pack folder %s: it has no pack.yaml; give the folder that holds it (crane pack new makes one)", root)
	}
	snap := Snapshot{Files: map[string][]byte{}}
	var total int64
	var problems []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("cannot read %s", p)
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".":
			return nil
		case d.IsDir() && d.Name() == ".git":
			return filepath.SkipDir
		case d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			problems = append(problems, rel+": is a symlink; packs may not hold symlinks (copy the file in)")
			return nil
		case !d.Type().IsRegular():
			problems = append(problems, rel+": is not a regular file")
			return nil
		}
		if len(snap.Files) >= lim.MaxFiles {
			return fmt.Errorf("the pack has more than %d files", lim.MaxFiles)
		}
		data, err := readLimited(p, lim.MaxFileBytes)
		if err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		if total += int64(len(data)); total > lim.MaxPackBytes {
			return fmt.Errorf("the pack is larger than %d bytes", lim.MaxPackBytes)
		}
		snap.Files[rel] = data
		return nil
	})
	if err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		return Snapshot{}, &UnsafeError{Pack: root, Problems: problems}
	}
	return snap, nil
}

// readLimited reads the file p, refusing one over max bytes. It reads
// into one buffer of the size the file has (plus one byte, to see the end),
// so a pack file costs an open, a stat, two reads and a close.
func readLimited(p string, max int64) ([]byte, error) {
	f, err := openRead(p)
	if err != nil {
		return nil, errors.New("cannot be read")
	}
	defer f.Close()
	size := int64(512)
	if info, err := f.Stat(); err == nil {
		size = min(info.Size(), max) + 1
	}
	data := make([]byte, 0, size)
	for int64(len(data)) <= max {
		if len(data) == cap(data) {
			data = slices.Grow(data, len(data)) // the file grew since the stat
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errors.New("cannot be read")
		}
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("is larger than %d bytes, the limit for one pack file", max)
	}
	return data, nil
}

// UnsafeError is a pack refused for what it holds: a symlink, a special
// file, or more than the limits allow.
type UnsafeError struct {
	Pack     string
	Problems []string
}

func (e *UnsafeError) Error() string {
	return fmt.Sprintf("pack %s is refused:\n  %s", e.Pack, strings.Join(e.Problems, "\n  "))
}
