package generator

import (
	"context"
	"io/fs"
	"path/filepath"

	"go.yaml.in/yaml/v3"

	"github.com/ewilde/crane/generator/packsrc"
)

// PackSource loads packs by what --pack names: a built-in pack of its
// folder of packs, a folder, or a git repository (see package packsrc).
type PackSource struct {
	fsys  fs.FS
	kept  fs.FS          // earlier versions of the built-in packs (WithKept)
	cache *packsrc.Cache // nil: packsrc.DefaultCache, found when first needed
	ctx   context.Context
}

// NewPackSource serves the built-in packs in fsys (one sub-folder each), and
// folders and git repositories by their --pack value.
func NewPackSource(fsys fs.FS) PackSource { return PackSource{fsys: fsys} }

// WithKept returns s serving also the earlier versions in kept, each a zip
// named by KeptName holding the pack's folder as that version released it.
func (s PackSource) WithKept(kept fs.FS) PackSource {
	s.kept = kept
	return s
}

// WithCache returns s caching git packs in c rather than the user's cache.
func (s PackSource) WithCache(c packsrc.Cache) PackSource {
	s.cache = &c
	return s
}

// WithContext returns s fetching git packs under ctx (Ctrl-C stops a clone).
func (s PackSource) WithContext(ctx context.Context) PackSource {
	s.ctx = ctx
	return s
}

// Load loads and validates one pack by its --pack value. A pack from a
// folder or git has its Origin set, for the lock file.
func (s PackSource) Load(spec string) (*Pack, error) {
	src, err := packsrc.Parse(spec)
	if err != nil {
		return nil, err
	}
	if src.Kind == packsrc.Builtin {
		return LoadPack(s.fsys, src.Name)
	}
	snap, origin, err := s.Snapshot(spec)
	if err != nil {
		return nil, err
	}
	return loadSnapshot(snap, origin)
}

// loadSnapshot loads and validates the pack in snap, from origin.
func loadSnapshot(snap packsrc.Snapshot, origin packsrc.Origin) (*Pack, error) {
	name := snapshotName(snap)
	p, err := LoadPack(snap.FS(name), name)
	if err != nil {
		return nil, err
	}
	p.Origin, p.snapshot = origin, &snap
	return p, nil
}

// Snapshot reads the files of the pack spec names, merged over the pack it
// extends, without validating them (Load does), and where they came from.
func (s PackSource) Snapshot(spec string) (packsrc.Snapshot, packsrc.Origin, error) {
	snap, origin, at, err := s.read(spec)
	if err != nil {
		return snap, origin, err
	}
	if snap, err = s.extend(snap, at, []string{spec}); err != nil {
		return snap, origin, err
	}
	origin.Hash = snap.Hash() // of the pack as merged over what it extends
	return snap, origin, nil
}

// read reads the files of the pack spec names as its author wrote them
// (not merged over what it extends), where they came from, and the place a
// relative extends of it is resolved against.
func (s PackSource) read(spec string) (packsrc.Snapshot, packsrc.Origin, packPlace, error) {
	src, err := packsrc.Parse(spec)
	if err != nil {
		return packsrc.Snapshot{}, packsrc.Origin{}, packPlace{}, err
	}
	var snap packsrc.Snapshot
	origin := packsrc.Origin{Source: src.String()}
	var at packPlace
	switch src.Kind {
	case packsrc.Builtin:
		snap, err = builtinSnapshot(s.fsys, src.Name)
	case packsrc.Dir:
		snap, err = packsrc.ReadDir(src.Path, packsrc.DefaultLimits)
		origin.Source, at.dir = filepath.ToSlash(src.Path), src.Path
	case packsrc.Git:
		var cache packsrc.Cache
		if cache, err = s.gitCache(); err == nil {
			snap, origin, err = cache.Fetch(s.context(), src)
			at = gitPlace(src, origin)
		}
	}
	return snap, origin, at, err
}

func (s PackSource) gitCache() (packsrc.Cache, error) {
	if s.cache != nil {
		return *s.cache, nil
	}
	return packsrc.DefaultCache()
}

func (s PackSource) context() context.Context {
	if s.ctx == nil {
		return context.Background()
	}
	return s.ctx
}

// snapshotName is the name in the pack's pack.yaml when it is a valid pack
// name (LoadPack serves the pack under it, so an external pack's folder may
// be called anything), else "pack", for LoadPack to report.
func snapshotName(snap packsrc.Snapshot) string {
	var head struct {
		Name string `yaml:"name"`
	}
	_ = yaml.Unmarshal(snap.Files["pack.yaml"], &head)
	if packNameRe.MatchString(head.Name) {
		return head.Name
	}
	return "pack"
}

// Names lists the built-in packs, sorted.
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

// NewLock starts the lock file, in the folder root, of a render of p with
// vals: the pack, its version, where it came from (see LockSource) and the
// recorded values (Plan adds the files).
func (p *Pack) NewLock(root string, vals Values) Lock {
	source := p.Origin.Source
	if source != "" {
		source = LockSource(source, root)
	}
	return Lock{
		Pack: p.Name, PackVersion: p.Version, Values: p.Recorded(vals),
		PackSource: source, PackCommit: p.Origin.Commit, PackHash: p.Origin.Hash,
	}
}
