package packsrc

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/ewilde/crane/generator/gitobj"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// Origin is where a loaded pack came from, as the lock file records it.
type Origin struct {
	Source string // the --pack value, canonical (see Source.String)
	Commit string // git: the resolved commit
	Hash   string // the pack's content hash (see Snapshot.Hash)
}

// Cache is the folder git packs are cached in: one folder per repository
// URL, one per commit below it, plus refs.json, the commit each ref last
// resolved to. DefaultCache is os.UserCacheDir()/crane/packs.
type Cache struct {
	Dir    string
	Limits Limits
	// HTTPClient fetches over http(s); nil is Go's default client, which
	// trusts the system's certificates. Tests give one trusting theirs.
	HTTPClient *http.Client
}

// DefaultCache is the cache under the user's cache folder.
func DefaultCache() (Cache, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return Cache{}, errors.New("no cache folder for git packs: set XDG_CACHE_HOME (or HOME) to a folder crane may write")
	}
	return Cache{Dir: filepath.Join(dir, "crane", "packs"), Limits: DefaultLimits}, nil
}

var fullHashRe = regexp.MustCompile(`^[0-9a-f]{40}$`)
var hashPrefixRe = regexp.MustCompile(`^[0-9a-f]{7,40}$`)

// refRecord is what refs.json keeps per ref.
type refRecord struct {
	Commit string `json:"commit"`
	Pinned bool   `json:"pinned,omitempty"` // a tag or a commit: never looked up again
}

// Fetch returns the pack at src (a Git source) and its origin. A commit or
// a tag already in the cache is used without the network; a branch (or
// the default branch) is looked up, and when the repository cannot be
// reached the commit it last resolved to is used from the cache.
func (c Cache) Fetch(ctx context.Context, src Source) (Snapshot, Origin, error) {
	repoDir := filepath.Join(c.Dir, urlKey(src.URL))
	refs := readRefs(repoDir)
	commit := ""
	if rec, ok := refs[src.Ref]; ok && rec.Pinned && exists(filepath.Join(repoDir, rec.Commit)) {
		commit = rec.Commit
	}
	if fullHashRe.MatchString(src.Ref) && exists(filepath.Join(repoDir, src.Ref)) {
		commit = src.Ref
	}
	if commit == "" {
		r, err := newRemote(src, c.HTTPClient)
		if err != nil {
			return Snapshot{}, Origin{}, err
		}
		defer r.close()
		list, err := r.refs(ctx)
		if err != nil {
			err = &unreachedError{r.explain(err)}
		}
		rec, name := refRecord{}, plumbing.ReferenceName("")
		if err == nil {
			rec, name, err = resolveRef(src, list)
		}
		var unreached *unreachedError
		if err != nil {
			old, ok := refs[src.Ref]
			if !errors.As(err, &unreached) || !ok || !exists(filepath.Join(repoDir, old.Commit)) {
				return Snapshot{}, Origin{}, err
			}
			rec = old // offline: the commit this ref last resolved to
		} else if !exists(filepath.Join(repoDir, rec.Commit)) {
			if rec.Commit, err = c.clone(ctx, r, rec, name, list, repoDir); err != nil {
				return Snapshot{}, Origin{}, err
			}
		}
		commit = rec.Commit
		refs[src.Ref] = rec
		writeRefs(repoDir, refs)
	}
	root := filepath.Join(repoDir, commit)
	if src.Subdir != "" {
		// A symlink in the repository (written as one in the cache) must
		// not lead the pack's folder elsewhere on this machine.
		at := root
		for i, seg := range strings.Split(src.Subdir, "/") {
			at = filepath.Join(at, seg)
			if info, err := os.Lstat(at); err == nil && info.Mode()&os.ModeSymlink != 0 {
				return Snapshot{}, Origin{}, bad("pack %s (commit %.12s): %s is a symlink; packs may not hold symlinks: give the folder it points to in the repository", src.redacted(), commit, strings.Join(strings.Split(src.Subdir, "/")[:i+1], "/"))
			}
		}
		root = at
	}
	snap, err := ReadDir(root, c.Limits)
	if err != nil {
		return Snapshot{}, Origin{}, bad("pack %s (commit %.12s): %v", src.redacted(), commit, err)
	}
	return snap, Origin{Source: src.String(), Commit: commit, Hash: snap.Hash()}, nil
}

// BadSourceError is a --pack value that names nothing usable: a ref the
// repository does not have, a subfolder it lacks, a malformed value. The
// user must change the value; trying again will not help.
type BadSourceError struct{ Msg string }

func (e *BadSourceError) Error() string { return e.Msg }

func bad(format string, args ...any) error {
	return &BadSourceError{Msg: fmt.Sprintf(format, args...)}
}

// resolveRef resolves src.Ref with the remote's ref list (see remoteRefs):
// a tag, a branch, or (empty) the default branch. A commit id is returned
// as it is, with no ref name, for clone to find.
func resolveRef(src Source, list []*plumbing.Reference) (refRecord, plumbing.ReferenceName, error) {
	byName := map[plumbing.ReferenceName]*plumbing.Reference{}
	var tags, branches []string
	for _, r := range list {
		byName[r.Name()] = r
		switch {
		case r.Name().IsTag() && !strings.HasSuffix(r.Name().String(), "^{}"):
			tags = append(tags, r.Name().Short())
		case r.Name().IsBranch():
			branches = append(branches, r.Name().Short())
		}
	}
	if src.Ref == "" {
		head, ok := byName[plumbing.HEAD]
		for ok && head.Type() == plumbing.SymbolicReference {
			head, ok = byName[head.Target()]
		}
		if !ok {
			return refRecord{}, "", bad("pack %s: the repository has no default branch; give a tag, branch or commit with @ref", src.redacted())
		}
		return refRecord{Commit: head.Hash().String()}, head.Name(), nil
	}
	tag := plumbing.NewTagReferenceName(src.Ref)
	if r, ok := byName[plumbing.ReferenceName(tag.String()+"^{}")]; ok {
		return refRecord{Commit: r.Hash().String(), Pinned: true}, tag, nil // annotated: the commit it points to
	}
	if r, ok := byName[tag]; ok {
		return refRecord{Commit: r.Hash().String(), Pinned: true}, tag, nil
	}
	if r, ok := byName[plumbing.NewBranchReferenceName(src.Ref)]; ok {
		return refRecord{Commit: r.Hash().String()}, r.Name(), nil
	}
	if hashPrefixRe.MatchString(src.Ref) {
		return refRecord{Commit: src.Ref, Pinned: true}, "", nil
	}
	sort.Strings(tags)
	sort.Strings(branches)
	return refRecord{}, "", bad("pack %s: unknown ref %q: it is not a tag, branch or commit of %s (tags: %s; branches: %s)",
		src.redacted(), src.Ref, redactURL(src.URL), orNone(tags), orNone(branches))
}

// unreachedError is a repository that could not be listed: offline, gone,
// or refusing access. Fetch then falls back on the cache.
type unreachedError struct{ err error }

func (e *unreachedError) Error() string { return e.err.Error() }
func (e *unreachedError) Unwrap() error { return e.err }

func orNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

// clone fetches the commit the ref name resolved to (shallow where the
// server allows it), or for a commit id (name "") every branch and tag of
// refs (the remote's, see remoteRefs), and writes the commit's tree into
// the cache, returning the full commit id.
func (c Cache) clone(ctx context.Context, r *remote, rec refRecord, name plumbing.ReferenceName, refs []*plumbing.Reference, repoDir string) (string, error) {
	src := r.src
	var wants []plumbing.Hash
	seen := map[plumbing.Hash]bool{}
	for _, r := range refs {
		n := r.Name()
		want := n == name || name == "" && (n.IsBranch() || n.IsTag())
		if want && r.Type() == plumbing.HashReference && !strings.HasSuffix(n.String(), "^{}") && !seen[r.Hash()] {
			seen[r.Hash()] = true
			wants = append(wants, r.Hash())
		}
	}
	if len(wants) == 0 {
		return "", bad("pack %s: unknown ref %q: it is not a tag, branch or commit of %s", src.redacted(), src.Ref, redactURL(src.URL))
	}
	store, err := fetchObjects(ctx, r, wants, name != "")
	if err != nil {
		return "", r.explain(err)
	}
	h := plumbing.NewHash(rec.Commit)
	if name == "" {
		var ok bool
		if h, ok = commitWithPrefix(store, src.Ref); !ok {
			return "", bad("pack %s: unknown ref %q: it is not a tag, branch or commit of %s", src.redacted(), src.Ref, redactURL(src.URL))
		}
	}
	h, _ = gitobj.Peel(store, h)
	tree, err := gitobj.CommitTree(store, h)
	if err != nil {
		return "", bad("pack %s: unknown ref %q: it names no commit of %s", src.redacted(), src.Ref, redactURL(src.URL))
	}
	if err := c.writeTree(store, tree, filepath.Join(repoDir, h.String())); err != nil {
		return "", fmt.Errorf("pack %s: cannot cache it under %s: %w", src.redacted(), repoDir, err)
	}
	return h.String(), nil
}

// writeTree writes the files of tree into dir, through a temporary folder
// renamed into place, so a cache folder is whole or absent. Symlinks are
// written as symlinks, for ReadDir to refuse when a pack holds one.
func (c Cache) writeTree(store storer.EncodedObjectStorer, tree plumbing.Hash, dir string) error {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), ".tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	var total int64
	err = gitobj.Walk(store, tree, func(name string, f gitobj.Entry) error {
		obj, err := store.EncodedObject(plumbing.BlobObject, f.Hash)
		if err != nil {
			return err
		}
		if total += obj.Size(); total > 4*c.Limits.MaxPackBytes {
			return fmt.Errorf("the repository is larger than %d bytes", 4*c.Limits.MaxPackBytes)
		}
		clean := path.Clean(name)
		if path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") || strings.Contains(clean, "\x00") {
			return fmt.Errorf("the repository holds a bad path %q", name)
		}
		out := filepath.Join(tmp, filepath.FromSlash(clean))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		r, err := obj.Reader()
		if err != nil {
			return err
		}
		defer r.Close()
		if f.Mode == filemode.Symlink {
			target, err := io.ReadAll(io.LimitReader(r, 4096))
			if err != nil {
				return err
			}
			return os.Symlink(string(target), out)
		}
		w, err := os.OpenFile(out, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, r); err != nil {
			w.Close()
			return err
		}
		return w.Close()
	})
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil && !exists(dir) {
		return err
	}
	return nil
}

// urlKey names a repository's cache folder: its host and last path element
// for people, and a hash of the whole URL so two never share one. The URL
// is taken without its secrets (WithoutSecrets), as the lock records it, so
// that a pack fetched with a token in the URL is found again from the lock.
func urlKey(url string) string {
	sum := sha256.Sum256([]byte(WithoutSecrets(url)))
	base := strings.TrimSuffix(path.Base(strings.TrimRight(url, "/")), ".git")
	base = regexp.MustCompile(`[^A-Za-z0-9._-]+`).ReplaceAllString(base, "_")
	return base + "-" + hex.EncodeToString(sum[:8])
}

func readRefs(repoDir string) map[string]refRecord {
	refs := map[string]refRecord{}
	data, err := os.ReadFile(filepath.Join(repoDir, "refs.json"))
	if err == nil {
		_ = json.Unmarshal(data, &refs) // a damaged record only costs a fetch
	}
	return refs
}

// writeRefs records what each ref resolved to; a failure only means the
// next run looks the ref up again.
func writeRefs(repoDir string, refs map[string]refRecord) {
	data, _ := json.MarshalIndent(refs, "", "  ")
	if os.MkdirAll(repoDir, 0o755) != nil {
		return
	}
	tmp := filepath.Join(repoDir, ".refs.json.tmp")
	if os.WriteFile(tmp, data, 0o644) == nil {
		_ = os.Rename(tmp, filepath.Join(repoDir, "refs.json"))
	}
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
