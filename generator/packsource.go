package generator

import "io/fs"

// PackSource is a folder of packs, one sub-folder each.
type PackSource struct{ fsys fs.FS }

// NewPackSource serves the packs in fsys.
func NewPackSource(fsys fs.FS) PackSource { return PackSource{fsys: fsys} }

// Load loads and validates one pack.
func (s PackSource) Load(name string) (*Pack, error) { return LoadPack(s.fsys, name) }

// Names lists the packs, sorted.
func (s PackSource) Names() ([]string, error) { return ListPacks(s.fsys) }
