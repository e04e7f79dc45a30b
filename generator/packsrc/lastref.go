package packsrc

import "path/filepath"

// LastResolved is src's pack at the commit its ref last resolved to in the
// cache (refs.json), read without the network: what a branch was when crane
// last looked it up), and whether the ref is pinned (a tag or a commit,
// never looked up again). ok is false when the cache holds no such record or
// commit.
func (c Cache) LastResolved(src Source) (snap Snapshot, origin Origin, pinned, ok bool) {
	repoDir := filepath.Join(c.Dir, urlKey(src.URL))
	rec, found := readRefs(repoDir)[src.Ref]
	if !found || !fullHashRe.MatchString(rec.Commit) {
		return Snapshot{}, Origin{}, false, false
	}
	root := filepath.Join(repoDir, rec.Commit)
	if src.Subdir != "" {
		root = filepath.Join(root, filepath.FromSlash(src.Subdir))
	}
	snap, err := ReadDir(root, c.Limits)
	if err != nil {
		return Snapshot{}, Origin{}, false, false
	}
	return snap, Origin{Source: src.String(), Commit: rec.Commit, Hash: snap.Hash()}, rec.Pinned, true
}
