package update

import "github.com/ewilde/crane/generator"

// Pinned serves an update of an external pack the two versions it knows:
// Base, the pack exactly as the lock records it (nil when it cannot be
// found), at the lock's version BaseVersion, and Current, the pack now. Any
// other version, and the lock's when Base is nil, is not kept: the update
// falls back on the git blobs the lock names, then on a two-way merge.
type Pinned struct {
	BaseVersion   string
	Base, Current *generator.Pack
}

// LoadVersion serves Base at BaseVersion, else Current at its version.
func (p Pinned) LoadVersion(name, version string) (*generator.Pack, error) {
	switch {
	case version == p.BaseVersion && p.Base != nil:
		return p.Base, nil
	case version != p.BaseVersion && p.Current != nil && version == p.Current.Version:
		return p.Current, nil
	}
	nk := &generator.NotKeptError{Pack: name, Version: version}
	if p.Current != nil {
		nk.Current = p.Current.Version
	}
	return nil, nk
}
