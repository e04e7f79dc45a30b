package generator

import "io/fs"

// PackSource is a folder of packs, one sub-folder each, and optionally the
// kept earlier versions of those packs (see WithKept).
type PackSource struct{ fsys, kept fs.FS }

// NewPackSource serves the packs in fsys.
func NewPackSource(fsys fs.FS) PackSource { return PackSource{fsys: fsys} }

// WithKept returns s serving also the earlier versions in kept, each a zip
// named by KeptName holding the pack's folder as that version released it.
func (s PackSource) WithKept(kept fs.FS) PackSource {
	s.kept = kept
	return s
}

// Load loads and validates one pack.
func (s PackSource) Load(name string) (*Pack, error) { return LoadPack(s.fsys, name) }

// Names lists the packs, sorted.
func (s PackSource) Names() ([]string, error) { return ListPacks(s.fsys) }

// LoadVersion loads the pack name at version: the current pack when that is
// its version, else the kept one. A version neither has gives a
// *NotKeptError.
func (s PackSource) LoadVersion(name, version string) (*Pack, error) {
	p, err := s.Load(name)
	if err != nil {
		return nil, err
	}
	if p.Version == version {
		return p, nil
	}
	if s.kept != nil {
		if kp, err := loadKept(s.kept, name, version); err == nil {
			return kp, nil
		} else if _, statErr := fs.Stat(s.kept, KeptName(name, version)); statErr == nil {
			return nil, err // kept, but broken
		}
	}
	return nil, &NotKeptError{Pack: name, Version: version, Current: p.Version}
}
