package generator

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/ewilde/crane/generator/safefile"
)

// FileState is how a file crane recorded stands now.
type FileState string

// The states crane status reports.
const (
	StateUnchanged FileState = "unchanged" // the bytes crane wrote
	StateModified  FileState = "modified"  // changed since crane wrote it
	StateMissing   FileState = "missing"   // recorded, no longer there
	StateDeleted   FileState = "deleted"   // deleted by the user, as the lock records
)

// FileStatus is one recorded file and its state.
type FileStatus struct {
	Path   string
	Policy Policy
	State  FileState
}

// Status compares every file recorded in root's lock file with what is on
// disk now. It only reads. For a lines-policy file the lock holds the hash
// of the file as crane merged it, so it is unchanged until someone edits it.
func Status(root string, lock *Lock) ([]FileStatus, error) {
	var out []FileStatus
	for _, f := range lock.Files {
		st := FileStatus{Path: f.Path, Policy: f.Policy}
		full := filepath.Join(root, filepath.FromSlash(f.Path))
		info, err := os.Lstat(full)
		switch {
		case errors.Is(err, fs.ErrNotExist) && f.Deleted:
			st.State = StateDeleted
		case errors.Is(err, fs.ErrNotExist):
			st.State = StateMissing
		case err != nil:
			return nil, err
		case !info.Mode().IsRegular():
			st.State = StateModified
		default:
			data, err := safefile.Read(full, safefile.MaxFileSize)
			if err != nil {
				return nil, err
			}
			st.State = StateModified
			if Hash(data) == f.SHA256 {
				st.State = StateUnchanged
			}
		}
		out = append(out, st)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}
