package packsrc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/ewilde/crane/generator/gitobj"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp/capability"
	"github.com/go-git/go-git/v5/plumbing/protocol/packp/sideband"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/plumbing/transport"
	gitproto "github.com/go-git/go-git/v5/plumbing/transport/git"
	githttp "github.com/go-git/go-git/v5/plumbing/transport/http"
	gitssh "github.com/go-git/go-git/v5/plumbing/transport/ssh"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/memory"
)

// crane talks to repositories through go-git's transport and packfile
// packages rather than its top-level package, and picks the transport
// itself rather than through plumbing/transport/client: both of those link
// in go-git's file transport server and plumbing/object, and with them
// OpenPGP and dozens of packages every crane command would initialise at
// start-up. A file:// repository is read in place through go-git's storage,
// with no transport (and no git command) at all.

// remoteRefs lists the refs the repository r advertises, as
// `git ls-remote` does: HEAD (symbolic when the server says what it points
// to), and "NAME^{}" with the object an annotated tag peels to.
func remoteRefs(ctx context.Context, r *remote) ([]*plumbing.Reference, error) {
	ep := r.ep
	if ep.Protocol == "file" {
		store, err := localStorage(ep)
		if err != nil {
			return nil, err
		}
		return localRefs(store)
	}
	sess, ar, err := r.advertised(ctx)
	if err != nil {
		return nil, err
	}
	defer sess.Close()
	all, err := ar.AllReferences()
	if err != nil {
		return nil, err
	}
	var list []*plumbing.Reference
	for _, r := range all {
		list = append(list, r)
	}
	for name, h := range ar.Peeled {
		list = append(list, plumbing.NewReferenceFromStrings(name+"^{}", h.String()))
	}
	return list, nil
}

// fetchObjects returns a store holding the objects reachable from wants in
// the repository r: for a file:// repository its own storage; else a
// pack fetched into memory, of the wanted commits only (depth 1) when
// shallow is set and the server can.
func fetchObjects(ctx context.Context, r *remote, wants []plumbing.Hash, shallow bool) (storer.EncodedObjectStorer, error) {
	if r.ep.Protocol == "file" {
		return localStorage(r.ep)
	}
	sess, ar, err := r.advertised(ctx)
	if err != nil {
		return nil, err
	}
	defer sess.Close()
	req := packp.NewUploadPackRequestFromCapabilities(ar.Capabilities)
	req.Wants = wants
	if shallow && ar.Capabilities.Supports(capability.Shallow) {
		req.Depth = packp.DepthCommits(1)
		if err := req.Capabilities.Set(capability.Shallow); err != nil {
			return nil, err
		}
	}
	if ar.Capabilities.Supports(capability.NoProgress) {
		if err := req.Capabilities.Set(capability.NoProgress); err != nil {
			return nil, err
		}
	}
	resp, err := sess.UploadPack(ctx, req)
	if err != nil {
		return nil, err
	}
	defer resp.Close()
	store := memory.NewStorage()
	var pack io.Reader = resp
	switch {
	case req.Capabilities.Supports(capability.Sideband64k):
		pack = sideband.NewDemuxer(sideband.Sideband64k, resp)
	case req.Capabilities.Supports(capability.Sideband):
		pack = sideband.NewDemuxer(sideband.Sideband, resp)
	}
	if err := packfile.UpdateObjectStorage(store, pack); err != nil {
		return nil, err
	}
	return store, nil
}

// uploadPackSession opens a fetch session over the transport r's URL
// names: http(s), ssh or git, the ones plumbing/transport/client offers
// besides file.
func (r *remote) uploadPackSession() (transport.UploadPackSession, error) {
	var t transport.Transport
	switch r.ep.Protocol {
	case "http", "https":
		t = githttp.DefaultClient
		if r.client != nil {
			t = githttp.NewClient(r.client)
		}
	case "ssh":
		t = gitssh.DefaultClient
	case "git":
		t = gitproto.DefaultClient
	default:
		return nil, fmt.Errorf("unsupported scheme %q", r.ep.Protocol)
	}
	return t.NewUploadPackSession(r.ep, r.auth)
}

// localStorage opens the repository at a file:// endpoint: a bare one, or
// a work tree's .git folder. A path that is neither is
// transport.ErrRepositoryNotFound, as go-git's file transport says.
func localStorage(ep *transport.Endpoint) (*filesystem.Storage, error) {
	dir := filepath.FromSlash(ep.Path)
	if info, err := os.Stat(filepath.Join(dir, ".git")); err == nil && info.IsDir() {
		dir = filepath.Join(dir, ".git")
	}
	for _, p := range []string{"HEAD", "objects", "refs"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			return nil, transport.ErrRepositoryNotFound
		}
	}
	return filesystem.NewStorage(osfs.New(dir), cache.NewObjectLRUDefault()), nil
}

// localRefs lists a local repository's refs as git upload-pack advertises
// them (see remoteRefs); no ref at all is transport.ErrEmptyRemoteRepository.
func localRefs(store *filesystem.Storage) ([]*plumbing.Reference, error) {
	iter, err := store.IterReferences()
	if err != nil {
		return nil, err
	}
	var list []*plumbing.Reference
	err = iter.ForEach(func(r *plumbing.Reference) error {
		if r.Type() != plumbing.HashReference || r.Name() == plumbing.HEAD {
			return nil
		}
		list = append(list, r)
		if r.Name().IsTag() {
			if h, ok := gitobj.Peel(store, r.Hash()); ok {
				list = append(list, plumbing.NewReferenceFromStrings(r.Name().String()+"^{}", h.String()))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, transport.ErrEmptyRemoteRepository
	}
	head, err := store.Reference(plumbing.HEAD)
	switch {
	case errors.Is(err, plumbing.ErrReferenceNotFound):
	case err != nil:
		return nil, err
	default:
		list = append(list, head)
	}
	return list, nil
}

// advertised opens an upload-pack session to r and reads the references it
// advertises; the caller closes the session.
func (r *remote) advertised(ctx context.Context) (transport.UploadPackSession, *packp.AdvRefs, error) {
	sess, err := r.uploadPackSession()
	if err != nil {
		return nil, nil, err
	}
	ar, err := sess.AdvertisedReferencesContext(ctx)
	if err != nil {
		sess.Close()
		return nil, nil, err
	}
	return sess, ar, nil
}
