package generator

import "github.com/ewilde/crane/generator/packsrc"

// OwnManifest returns the pack.yaml of the pack spec names as its author
// wrote it, before it is merged over a pack it extends (Snapshot merges):
// crane pack lint reports an overlay's problems at its own lines. A
// built-in pack's is its pack.yaml as embedded.
func (s PackSource) OwnManifest(spec string) ([]byte, error) {
	src, err := packsrc.Parse(spec)
	if err != nil {
		return nil, err
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
	if err != nil {
		return nil, err
	}
	return snap.Files["pack.yaml"], nil
}
