package generator

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"path"
	"time"
)

// KeptName is the file that keeps version of pack: "dotnet-1.0.0.zip".
func KeptName(pack, version string) string { return pack + "-" + version + ".zip" }

// keptTime is every kept entry's modification time, so that the same files
// give the same zip.
var keptTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// PackFiles reads every file of the pack folder name in fsys, keyed by its
// path inside fsys ("go/pack.yaml", "go/build/executable_build.sh.tmpl").
func PackFiles(fsys fs.FS, name string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, name, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		files[p] = data
		return err
	})
	return files, err
}

// KeptZip packs files (path -> bytes, as PackFiles gives them) into a zip
// whose bytes depend only on the files: entries sorted, fixed times, no
// extra fields.
func KeptZip(files map[string][]byte) ([]byte, error) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range sortedKeys(files) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p, Method: zip.Deflate, Modified: keptTime})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(files[p]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ReadKept opens a kept zip as a file system holding the folder <pack>/.
func ReadKept(data []byte) (fs.FS, error) {
	return zip.NewReader(bytes.NewReader(data), int64(len(data)))
}

// ContentHash is the hex SHA-256 of files' paths and bytes, in path order:
// it changes when any file of a pack does, and not with how they are packed.
func ContentHash(files map[string][]byte) string {
	h := sha256.New()
	for _, p := range sortedKeys(files) {
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(files[p]))
		h.Write(files[p])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// NotKeptError is a pack version that this crane neither embeds nor keeps:
// a lock file from a newer crane, a hand-edited one, or a pack from elsewhere.
type NotKeptError struct {
	Pack, Version, Current string
}

func (e *NotKeptError) Error() string {
	return fmt.Sprintf("pack %s %s is not kept by this crane (it has %s)", e.Pack, e.Version, e.Current)
}

// loadKept loads version of the pack name from the kept zips in kept.
func loadKept(kept fs.FS, name, version string) (*Pack, error) {
	f, err := kept.Open(KeptName(name, version))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	zfs, err := ReadKept(data)
	if err != nil {
		return nil, fmt.Errorf("kept pack %s: %w", path.Join(name, version), err)
	}
	p, err := loadPack(zfs, name, true)
	if err != nil {
		return nil, err
	}
	if p.Version != version {
		return nil, fmt.Errorf("kept pack %s holds version %s", KeptName(name, version), p.Version)
	}
	return p, nil
}
