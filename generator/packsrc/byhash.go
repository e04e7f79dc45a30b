package packsrc

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

var sha256Re = regexp.MustCompile(`^[0-9a-f]{64}$`)

// hashDir is the folder that keeps the snapshot of content hash hash
// ("sha256:<hex>", as Snapshot.Hash gives it): by-hash/<hex> in the cache.
// Anything else (a hand-edited lock's pack_hash) names no folder.
func (c Cache) hashDir(hash string) (string, bool) {
	hex, ok := strings.CutPrefix(hash, "sha256:")
	if !ok || !sha256Re.MatchString(hex) {
		return "", false
	}
	return filepath.Join(c.Dir, "by-hash", hex), true
}

// Keep stores snap in the cache under its content hash, so that the exact
// pack a lock file records (pack_hash) can be rendered again after its
// folder changed or its commit is gone. The folder is written whole, through
// a temporary folder renamed into place; a snapshot already kept is left as
// it is; one over the cache's limits is refused.
func (c Cache) Keep(snap Snapshot) error {
	dir, _ := c.hashDir(snap.Hash())
	if exists(dir) {
		return nil
	}
	var total int64
	for p, data := range snap.Files {
		total += int64(len(data))
		clean := path.Clean(p)
		if clean != p || path.IsAbs(p) || clean == ".." || strings.HasPrefix(clean, "../") || strings.Contains(p, "\x00") {
			return fmt.Errorf("the pack holds a bad path %q", p)
		}
		if int64(len(data)) > c.Limits.MaxFileBytes {
			return fmt.Errorf("%s is larger than %d bytes, the limit for one pack file", p, c.Limits.MaxFileBytes)
		}
	}
	if len(snap.Files) > c.Limits.MaxFiles || total > c.Limits.MaxPackBytes {
		return fmt.Errorf("the pack is over the limits of %d files and %d bytes", c.Limits.MaxFiles, c.Limits.MaxPackBytes)
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for p, data := range snap.Files {
		out := filepath.Join(tmp, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dir); err != nil && !exists(dir) {
		return err
	}
	return nil
}

// Kept is the snapshot Keep stored under hash, read within the cache's
// limits; false when there is none, or what is there no longer hashes to
// hash (a damaged or edited cache is never trusted).
func (c Cache) Kept(hash string) (Snapshot, bool) {
	dir, ok := c.hashDir(hash)
	if !ok {
		return Snapshot{}, false
	}
	snap, err := ReadDir(dir, c.Limits)
	if err != nil || snap.Hash() != hash {
		return Snapshot{}, false
	}
	return snap, true
}
