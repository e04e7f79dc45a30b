package generator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/ewilde/crane/generator/safefile"
)

// journalName is the journal's name in the target's root. It starts with
// the staging prefix: like every staging file, it is gone once a run ends.
const journalName = stagePrefix + "journal"

// The journal's states. In state staging (written before anything else)
// no file of the user's has been touched: an interrupted apply is cleaned
// up. Written before the first rename, state forward means every staged
// file and backup is complete and on the disk: an interrupted apply is
// finished. State back is a rollback in progress: it is completed.
const (
	journalStaging = "staging"
	journalForward = "forward"
	journalBack    = "back"
)

// journal names what one apply changes, so that the next run of crane can
// finish it or undo it after a crash. File i of Files is staged as
// stageName(path, i), and a replaced file is backed up beside it with the
// suffix .bak.
type journal struct {
	State string        `json:"state"`
	Dirs  []string      `json:"dirs"` // folders created, parents first
	Files []journalFile `json:"files"`
}

type journalFile struct {
	Path   string `json:"path"`
	Create bool   `json:"create"` // absent before: linked into place
	Delete bool   `json:"delete"` // removed (crane update); backed up like a replaced file
}

func (j *journal) stage(i int) string  { return stageName(j.Files[i].Path, i) }
func (j *journal) backup(i int) string { return j.stage(i) + ".bak" }

// save writes the journal in state, atomically: staged, flushed, renamed
// over the old one, and the root flushed.
func (j *journal) save(o *fsOps, state string) error {
	j.State = state
	data, err := json.Marshal(j)
	if err != nil {
		return err
	}
	tmp := stagePrefix + "journal-new"
	if err := o.remove(tmp); err != nil {
		return err
	}
	if err := o.write(tmp, data, 0o644); err != nil {
		return err
	}
	if err := o.rename(tmp, journalName); err != nil {
		return err
	}
	return o.syncDir(".")
}

// readJournal reads the journal in r; nil when there is none.
func readJournal(r *os.Root) (*journal, error) {
	data, err := safefile.ReadIn(r, journalName, safefile.MaxFileSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var j journal
	if err := json.Unmarshal(data, &j); err != nil || (j.State != journalStaging && j.State != journalBack && j.State != journalForward) {
		return nil, fmt.Errorf("%s is not a journal crane can read; remove it, check your files and run again", journalName)
	}
	for _, p := range append(slices.Clone(j.Dirs), filesOf(j.Files)...) {
		if err := checkRelPath(p); err != nil {
			return nil, fmt.Errorf("%s: %w; remove it, check your files and run again", journalName, err)
		}
	}
	return &j, nil
}

func filesOf(fs []journalFile) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Path
	}
	return out
}

// forward finishes an interrupted apply: every file still staged is put in
// place, then the backups and the journal are removed. A new file whose
// place a file of the user's took meanwhile is dropped and returned.
func (j *journal) forward(o *fsOps) (dropped []string, err error) {
	var errs []error
	for i, f := range j.Files {
		stage := j.stage(i)
		if f.Delete {
			errs = append(errs, o.remove(f.Path))
			continue
		}
		if !o.exists(stage) {
			continue // already in place
		}
		var err error
		switch {
		case !f.Create:
			err = o.rename(stage, f.Path)
		case o.sameFile(stage, f.Path):
			err = o.remove(stage)
		case o.exists(f.Path):
			dropped = append(dropped, f.Path)
			err = o.remove(stage)
		default:
			if err = o.hardlink(stage, f.Path); err != nil {
				err = o.rename(stage, f.Path)
			} else {
				err = o.remove(stage)
			}
		}
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return dropped, err
	}
	return dropped, j.finish(o)
}

// back undoes an apply: every backup is renamed over its file, every file
// crane created is removed, and so is every folder it created that is empty.
// While staging nothing was placed: a file where a new one goes is not
// crane's, and is left alone.
func (j *journal) back(o *fsOps) error {
	var errs []error
	for i := len(j.Files) - 1; i >= 0; i-- {
		f, stage := j.Files[i], j.stage(i)
		if j.State == journalStaging {
			if !f.Create {
				errs = append(errs, o.remove(j.backup(i)))
			}
		} else if f.Create {
			placed := o.sameFile(stage, f.Path) || (!o.exists(stage) && o.exists(f.Path))
			if placed {
				errs = append(errs, o.remove(f.Path))
			}
		} else if o.exists(j.backup(i)) {
			errs = append(errs, o.rename(j.backup(i), f.Path))
		}
		errs = append(errs, o.remove(stage))
	}
	for i := len(j.Dirs) - 1; i >= 0; i-- {
		_ = o.r.Remove(j.Dirs[i]) // only when empty
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return j.finish(o)
}

// finish removes the backups, flushes the folders and removes the journal.
func (j *journal) finish(o *fsOps) error {
	var errs []error
	for i, f := range j.Files {
		if !f.Create {
			errs = append(errs, o.remove(j.backup(i)))
		}
	}
	for _, d := range j.folders() {
		if o.exists(d) {
			errs = append(errs, o.syncDir(d))
		}
	}
	errs = append(errs, o.remove(journalName), o.syncDir("."))
	return errors.Join(errs...)
}

// folders lists the folders the journal's files are in, once each.
func (j *journal) folders() []string {
	var out []string
	for _, f := range j.Files {
		if d := path.Dir(f.Path); !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// Recover finishes or undoes an apply that a crash, a kill or a power cut
// interrupted in root, and removes every staging file left in root, in the
// folders the journal names and in those of the lock file's files. It
// returns what it did, for the user; a root that does not exist needs
// nothing. Every command runs it, under the target lock, before anything
// else.
func Recover(root string) ([]string, error) {
	notes, err := recoverNew(root)
	if err != nil {
		return nil, err
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return notes, nil // missing, or not a folder: the command says so
	}
	defer r.Close()
	o := newFSOps(r, nil, nil)
	j, err := readJournal(r)
	if err != nil {
		return notes, err
	}
	dirs := []string{"."}
	if j != nil {
		dirs = append(dirs, j.folders()...)
		if j.State == journalForward {
			dropped, err := j.forward(o)
			if err != nil {
				return notes, fmt.Errorf("finishing the interrupted crane run in %s: %w", root, err)
			}
			notes = append(notes, fmt.Sprintf("an earlier crane run in %s was interrupted after it began replacing files; crane finished it (%d files)", root, len(j.Files)))
			if len(dropped) > 0 {
				notes = append(notes, fmt.Sprintf("kept your %s, which appeared where that run was creating crane's; run the command again to see crane's version", strings.Join(dropped, ", ")))
			}
		} else {
			if err := j.back(o); err != nil {
				return notes, fmt.Errorf("undoing the interrupted crane run in %s: %w", root, err)
			}
			if j.State == journalStaging {
				notes = append(notes, fmt.Sprintf("an earlier crane run in %s was interrupted before it changed your files; crane undid it", root))
			} else {
				notes = append(notes, fmt.Sprintf("an earlier crane run in %s was interrupted while it rolled back; crane finished rolling back", root))
			}
		}
	}
	if l, err := readLockIn(r); err == nil && l != nil {
		for _, f := range l.Files {
			if d := path.Dir(f.Path); !slices.Contains(dirs, d) {
				dirs = append(dirs, d)
			}
		}
	}
	var removed, backups []string
	for _, d := range dirs {
		entries, err := readDirIn(r, d)
		if err != nil {
			continue
		}
		for _, name := range entries {
			rel := path.Join(d, name)
			switch {
			case !strings.HasPrefix(name, stagePrefix):
			case strings.HasSuffix(name, ".bak"):
				// Not in a journal: an older crane's backup, which may be
				// the only copy of a file of the user's.
				backups = append(backups, rel)
			case o.remove(rel) == nil:
				removed = append(removed, rel)
			}
		}
	}
	if len(removed) > 0 {
		notes = append(notes, fmt.Sprintf("removed %d staging files an interrupted crane run left in %s: %s", len(removed), root, strings.Join(removed, ", ")))
	}
	if len(backups) > 0 {
		notes = append(notes, fmt.Sprintf("an older crane left backups in %s: %s; if a file of yours is missing or short, its earlier content is there; remove them when done", root, strings.Join(backups, ", ")))
	}
	return notes, nil
}

// readDirIn lists the names in folder dir of r.
func readDirIn(r *os.Root, dir string) ([]string, error) {
	f, err := r.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Readdirnames(-1)
}

// pruneDeleted removes the folders that deleted files leave empty, up to
// the root (never the root), as crane update promises; a folder that is not
// empty stays.
func (j *journal) pruneDeleted(o *fsOps) {
	for _, f := range j.Files {
		if !f.Delete {
			continue
		}
		for d := path.Dir(f.Path); d != "." && d != "/"; d = path.Dir(d) {
			if o.r.Remove(d) != nil {
				break
			}
		}
	}
}
