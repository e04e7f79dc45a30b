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
	cache *packsrc.Cache // nil: packsrc.DefaultCache, found when first needed
	ctx   context.Context
}

// NewPackSource serves the built-in packs in fsys (one sub-folder each), and
// folders and git repositories by their --pack value.
func NewPackSource(fsys fs.FS) PackSource { return PackSource{fsys: fsys} }

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
	var snap packsrc.Snapshot
	var origin packsrc.Origin
	dir := ""
	switch src.Kind {
	case packsrc.Builtin:
		return LoadPack(s.fsys, src.Name)
	case packsrc.Dir:
		if snap, err = packsrc.ReadDir(src.Path, packsrc.DefaultLimits); err != nil {
			return nil, err
		}
		origin = packsrc.Origin{Source: filepath.ToSlash(src.Path)}
		dir = src.Path
	case packsrc.Git:
		cache, err := s.gitCache()
		if err != nil {
			return nil, err
		}
		if snap, origin, err = cache.Fetch(s.context(), src); err != nil {
			return nil, err
		}
	}
	if snap, err = s.extend(snap, dir, []string{spec}); err != nil {
		return nil, err
	}
	origin.Hash = snap.Hash() // of the pack as merged over what it extends
	name := snapshotName(snap)
	p, err := LoadPack(snap.FS(name), name)
	if err != nil {
		return nil, err
	}
	p.Origin = origin
	return p, nil
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

// NewLock starts the lock file of a render of p with vals: the pack, its
// version, where it came from and the recorded values (Plan adds the files).
func (p *Pack) NewLock(vals Values) Lock {
	return Lock{
		Pack: p.Name, PackVersion: p.Version, Values: p.Recorded(vals),
		PackSource: p.Origin.Source, PackCommit: p.Origin.Commit, PackHash: p.Origin.Hash,
	}
}
