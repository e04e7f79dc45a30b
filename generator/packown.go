package generator

import "github.com/ewilde/crane/generator/packsrc"

// OwnManifest returns the pack.yaml of the pack spec names as its author
// wrote it, before it is merged over a pack it extends (Snapshot merges):
// crane pack lint reports an overlay's problems at its own lines. A
// built-in pack's is its pack.yaml as embedded.
func (s PackSource) OwnManifest(spec string) ([]byte, error) {
	snap, err := s.OwnSnapshot(spec)
	if err != nil {
		return nil, err
	}
	return snap.Files["pack.yaml"], nil
}

// OwnSnapshot returns the files of the pack spec names as its author wrote
// them, before they are merged over a pack it extends: lint tells the
// author's files from the base's with it.
func (s PackSource) OwnSnapshot(spec string) (packsrc.Snapshot, error) {
	src, err := packsrc.Parse(spec)
	if err != nil {
		return packsrc.Snapshot{}, err
	}
	var snap packsrc.Snapshot
	switch src.Kind {
	case packsrc.Builtin:
		snap, err = builtinSnapshot(s.fsys, src.Name)
	case packsrc.Dir:
		snap, err = packsrc.ReadDir(src.Path, packsrc.DefaultLimits)
	case packsrc.Git:
		var cache packsrc.Cache
		if cache, err = s.gitCache(); err == nil {
			snap, _, err = cache.Fetch(s.context(), src)
		}
	}
	return snap, err
}
