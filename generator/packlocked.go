package generator

import (
	"fmt"
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v3"

	"github.com/ewilde/crane/generator/packsrc"
)

// Keep stores p's files as loaded (an external pack's, merged over the pack
// it extends) in the cache by content hash, so that crane update can render
// p exactly once its folder has changed or its commit is gone (see
// packsrc.Cache.Keep). A built-in pack is kept by crane itself: nothing is
// stored.
func (s PackSource) Keep(p *Pack) error {
	if p.snapshot == nil {
		return nil
	}
	cache, err := s.gitCache()
	if err != nil {
		return err
	}
	return cache.Keep(*p.snapshot)
}

// LoadLocked loads the external pack lock records exactly, by its content
// hash (pack_hash): the snapshot the cache keeps, else cur (the pack as it
// is now) when it hashes the same, else, for a git pack, the recorded commit
// (from the cache, or fetched by its id) merged over what it extends and
// checked against the hash. A nil pack comes with why none of them has it.
func (s PackSource) LoadLocked(lock *Lock, cur *Pack) (*Pack, string) {
	origin := packsrc.Origin{Source: lock.PackSource, Commit: lock.PackCommit, Hash: lock.PackHash}
	if lock.PackHash == "" {
		return nil, fmt.Sprintf("%s records no pack_hash", LockName)
	}
	if cache, err := s.gitCache(); err == nil {
		if snap, ok := cache.Kept(lock.PackHash); ok {
			if p, err := loadSnapshot(snap, origin); err == nil {
				return p, ""
			}
		}
	}
	if cur != nil && cur.Origin.Hash == lock.PackHash {
		return cur, ""
	}
	src, err := packsrc.Parse(lock.PackSource)
	if err != nil || src.Kind != packsrc.Git || lock.PackCommit == "" {
		return nil, "the pack has changed at its source since (crane keeps what it rendered in the cache of the machine that rendered it)"
	}
	srcs := []packsrc.Source{src}
	if cur != nil && cur.Origin.Commit != "" {
		// update --pack with another URL: the repository may have moved.
		if moved, err := packsrc.Parse(cur.Origin.Source); err == nil && (moved.URL != src.URL || moved.Subdir != src.Subdir) {
			srcs = append(srcs, moved)
		}
	}
	var why string
	for _, src := range srcs {
		src.Ref = lock.PackCommit
		snap, err := s.fetchMerged(src)
		switch {
		case err != nil:
			why = fmt.Sprintf("commit %.12s cannot be had: %v", lock.PackCommit, err)
		case snap.Hash() != lock.PackHash:
			why = fmt.Sprintf("the pack at commit %.12s is not what crane rendered (it extends a pack that has changed since)", lock.PackCommit)
		default:
			p, err := loadSnapshot(snap, origin)
			if err == nil {
				return p, ""
			}
			why = fmt.Sprintf("the pack at commit %.12s does not load: %v", lock.PackCommit, err)
		}
	}
	return nil, why
}

// fetchMerged is the git pack src merged over the pack it extends.
func (s PackSource) fetchMerged(src packsrc.Source) (packsrc.Snapshot, error) {
	cache, err := s.gitCache()
	if err != nil {
		return packsrc.Snapshot{}, err
	}
	snap, origin, err := cache.Fetch(s.context(), src)
	if err != nil {
		return snap, err
	}
	return s.extend(snap, gitPlace(src, origin), []string{src.String()})
}

// SourceState is what crane status tells, without the network, of the
// source a lock file records (see PackSource.SourceVersion).
type SourceState struct {
	Version string // the pack's version there now
	Commit  string // git: the commit the ref last resolved to
	Moving  bool   // git: a branch, which may have moved since crane looked it up
}

// SourceVersion reads, without the network, the version of the pack at the
// source the lock file in root records, as it is now: a folder's pack.yaml;
// for git, the pack at the commit the cache last resolved the ref to (a tag
// never moves; a branch is as crane last looked it up). An error says why it
// cannot be told.
func (s PackSource) SourceVersion(lock *Lock, root string) (SourceState, error) {
	var st SourceState
	spec, err := ResolveSource(lock.PackSource, root)
	if err != nil {
		return st, err
	}
	src, err := packsrc.Parse(spec)
	if err != nil {
		return st, err
	}
	var data []byte
	switch src.Kind {
	case packsrc.Dir:
		if data, err = os.ReadFile(filepath.Join(src.Path, "pack.yaml")); err != nil {
			return st, fmt.Errorf("pack folder %s: cannot read its pack.yaml", src.Path)
		}
	case packsrc.Git:
		cache, err := s.gitCache()
		if err != nil {
			return st, err
		}
		snap, origin, pinned, ok := cache.LastResolved(src)
		if !ok {
			return st, fmt.Errorf("crane's cache on this machine has no record of %s", src)
		}
		data, st.Commit, st.Moving = snap.Files["pack.yaml"], origin.Commit, !pinned
	default:
		return st, fmt.Errorf("%s: pack_source %s is not a folder or a git URL", LockName, lock.PackSource)
	}
	var head struct {
		Version string `yaml:"version"`
	}
	if err := yaml.Unmarshal(data, &head); err != nil || !semverRe.MatchString(head.Version) {
		return st, fmt.Errorf("pack %s: its pack.yaml has no valid version", spec)
	}
	st.Version = head.Version
	return st, nil
}
