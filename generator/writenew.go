package generator

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ewilde/crane/generator/safefile"
)

// NewSuffix is added to a kept file's name to write crane's version beside
// it (crane assemble --write-new).
const NewSuffix = ".crane-new"

// AddWriteNew adds to p, for every file kept as the user's (not a seed, which
// is the user's by design), an action that writes crane's version beside it
// as NAME.crane-new. Such a file is crane's by its name: it is created,
// replaced or found identical, never recorded in the lock file, and refused
// when it is a symlink or not a regular file. It only reads.
func (p *Plan) AddWriteNew() error {
	var added []Action
	for _, a := range p.Actions {
		if a.Kind != KindKeep || a.Policy == PolicySeed || a.Crane == nil {
			continue
		}
		n := Action{Path: a.Path + NewSuffix, Mode: a.Mode, Data: a.Crane, Crane: a.Crane, Note: "crane's version of " + a.Path}
		info, err := os.Lstat(filepath.Join(p.Root, filepath.FromSlash(n.Path)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			n.Kind = KindCreate
		case err != nil:
			return err
		case !info.Mode().IsRegular():
			n.Kind, n.Data, n.Note = KindConflict, nil, "not a regular file; crane never writes through one"
		default:
			if n.Old, err = safefile.Read(filepath.Join(p.Root, filepath.FromSlash(n.Path)), safefile.MaxFileSize); err != nil {
				return err
			}
			n.Kind = KindUpdate
			if bytes.Equal(n.Old, n.Data) {
				n.Kind, n.Data = KindIdentical, nil
			}
		}
		added = append(added, n)
	}
	p.Actions = append(p.Actions, added...)
	slices.SortFunc(p.Actions, func(a, b Action) int { return strings.Compare(a.Path, b.Path) })
	return nil
}

// Refuse turns the actions on the given paths into conflicts with the note
// given for each, so that Apply refuses the plan (crane assemble refuses to
// merge into files with uncommitted changes).
func (p *Plan) Refuse(notes map[string]string) {
	for i := range p.Actions {
		if note, ok := notes[p.Actions[i].Path]; ok {
			p.Actions[i].Kind, p.Actions[i].Note = KindConflict, note
		}
	}
}
