package cmd

import (
	"fmt"

	"golang.org/x/mod/semver"

	"github.com/ewilde/crane/generator"
	upd "github.com/ewilde/crane/generator/update"
)

// updatePacks chooses, for crane update, theirs (the pack now) and where the
// base comes from. A built-in pack's lock: the pack this crane has, and the
// versions it keeps. An external pack's: the pack at --pack, else at the
// source the lock records (a folder as it is now, a git ref looked up
// again: a branch moves, a tag stays), and the exact pack the lock records
// (see PackSource.LoadLocked). note is set when that base cannot be found.
func updatePacks(e *env, opts *updateOptions, lock *generator.Lock) (p *generator.Pack, packs upd.Packs, note string, err error) {
	spec, from := opts.pack, "--pack"
	if spec == "" {
		spec, from = lock.Pack, "this crane"
		if lock.PackSource != "" {
			if spec, err = generator.ResolveSource(lock.PackSource, opts.dir); err != nil {
				return nil, nil, "", fmt.Errorf("%w; give the pack's folder with --pack", err)
			}
			from = lock.PackSource
		}
	}
	if p, err = e.packs.Load(spec); err != nil {
		return nil, nil, "", err
	}
	if p.Name != lock.Pack {
		// A typo'd --pack would class every file as removed or added.
		return nil, nil, "", usageErrorf("%s records the %s pack; %s gives the %s pack; crane update keeps a project on its pack: give a source of %s, or, when the pack was renamed, change pack: %s to pack: %s in %s first",
			generator.LockName, lock.Pack, from, p.Name, lock.Pack, lock.Pack, p.Name, generator.LockName)
	}
	if semver.Compare("v"+lock.PackVersion, "v"+p.Version) > 0 {
		if p.Origin.Source == "" {
			return nil, nil, "", fmt.Errorf("%s records the %s pack %s, newer than this crane's %s; update crane itself, then run crane update again",
				generator.LockName, p.Name, lock.PackVersion, p.Version)
		}
		return nil, nil, "", usageErrorf("%s records the %s pack %s, newer than %s at %s; give a newer one with --pack",
			generator.LockName, p.Name, lock.PackVersion, p.Version, spec)
	}
	if lock.PackSource == "" && lock.PackHash == "" {
		return p, e.packs, "", nil // a built-in pack's lock: the versions this crane keeps
	}
	base, why := e.packs.LoadLocked(lock, p)
	if base == nil {
		note = fmt.Sprintf("note: the %s pack %s as crane rendered it is not in crane's cache, and %s; files git does not have are merged two-way",
			p.Name, lock.PackVersion, why)
	}
	return p, upd.Pinned{BaseVersion: lock.PackVersion, Base: base, Current: p}, note, nil
}

// keepPack keeps an external pack crane has just rendered in the cache by
// content hash, for a later crane update's exact base; a failure costs only
// that, and is said.
func keepPack(e *env, p *generator.Pack) {
	if err := e.packs.Keep(p); err != nil {
		fmt.Fprintf(e.errOut, "note: crane could not keep the %s pack %s in its cache (%v); a later crane update merges without it\n", p.Name, p.Version, err)
	}
}
