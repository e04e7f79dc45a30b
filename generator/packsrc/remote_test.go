package packsrc

import (
	"context"
	"net/http/cgi"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ewilde/crane/generator/gitobj"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/google/go-cmp/cmp"
)

// httpOrigin serves the test origin over smart HTTP with the git command's
// http-backend, so that the network path (advertised refs, an upload-pack
// request, a packfile into memory) runs as it does against a real host.
func httpOrigin(t *testing.T) (*origin, string) {
	t.Helper()
	gitCmd, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	o := newOrigin(t)
	srv := httptest.NewServer(&cgi.Handler{
		Path: gitCmd,
		Args: []string{"http-backend"},
		Env:  []string{"GIT_PROJECT_ROOT=" + filepath.Dir(o.bare), "GIT_HTTP_EXPORT_ALL=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null"},
	})
	t.Cleanup(srv.Close)
	return o, srv.URL + "/" + filepath.Base(o.bare)
}

func TestGitFetchHTTP(t *testing.T) {
	o, url := httpOrigin(t)
	tests := []struct {
		name, spec, want, commit string
	}{
		{"lightweight tag", url + "//packs/svc@v1", "v1\n", o.commits[0]},
		{"default branch", url + "//packs/safe", "safe\n", o.commits[1]},
		{"annotated tag", url + "//packs/safe@v2.0.0", "safe\n", o.commits[1]},
		{"branch", url + "//packs/safe@dev", "dev\n", o.commits[2]},
		{"commit id", url + "//packs/safe@" + o.commits[2], "dev\n", o.commits[2]},
		{"short commit id", url + "//packs/svc@" + o.commits[0][:10], "v1\n", o.commits[0]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap, got, err := o.fetch(t, tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(snap.Files["pack.yaml"])); diff != "" {
				t.Errorf("pack.yaml (-want +got):\n%s", diff)
			}
			want := Origin{Source: tt.spec, Commit: tt.commit, Hash: snap.Hash()}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("origin (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("commit id not cached", func(t *testing.T) {
		o.cache = t.TempDir()
		snap, got, err := o.fetch(t, url+"//packs/svc@"+o.commits[0])
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff("v1\n", string(snap.Files["pack.yaml"])); diff != "" {
			t.Errorf("pack.yaml (-want +got):\n%s", diff)
		}
		if got.Commit != o.commits[0] {
			t.Errorf("commit = %s, want %s", got.Commit, o.commits[0])
		}
	})
	t.Run("unknown ref", func(t *testing.T) {
		_, _, err := o.fetch(t, url+"@v9")
		want := `unknown ref "v9": it is not a tag, branch or commit of ` + url + ` (tags: v1, v2.0.0; branches: dev, main)`
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("got error %v, want one containing %q", err, want)
		}
	})
	t.Run("not found", func(t *testing.T) {
		_, _, err := o.fetch(t, strings.TrimSuffix(url, "origin.git")+"gone.git@v1")
		if want := "the repository was not found; check the URL"; err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("got error %v, want one containing %q", err, want)
		}
	})
}

// TestRemoteRefsAgree lists the origin's refs over HTTP and in place
// (file://): both as git ls-remote shows them, HEAD symbolic.
func TestRemoteRefsAgree(t *testing.T) {
	o, url := httpOrigin(t)
	list := func(u string) map[string]string {
		t.Helper()
		refs, err := remoteRefs(context.Background(), testRemote(t, u))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, r := range refs {
			m[r.Name().String()] = r.Strings()[1]
		}
		return m
	}
	viaHTTP, inPlace := list(url), list(o.url)
	repo, err := git.PlainOpen(o.bare)
	if err != nil {
		t.Fatal(err)
	}
	tag, err := repo.Reference(plumbing.NewTagReferenceName("v2.0.0"), false)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"HEAD":                "ref: refs/heads/main",
		"refs/heads/main":     o.commits[1],
		"refs/heads/dev":      o.commits[2],
		"refs/tags/v1":        o.commits[0],
		"refs/tags/v2.0.0":    tag.Hash().String(),
		"refs/tags/v2.0.0^{}": o.commits[1],
	}
	if diff := cmp.Diff(want, viaHTTP); diff != "" {
		t.Errorf("refs over HTTP (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, inPlace); diff != "" {
		t.Errorf("refs in place (-want +got):\n%s", diff)
	}
}

// TestFetchObjectsShallow fetches one commit over HTTP: its tree comes,
// its parent does not.
func TestFetchObjectsShallow(t *testing.T) {
	o, url := httpOrigin(t)
	store, err := fetchObjects(context.Background(), testRemote(t, url), []plumbing.Hash{plumbing.NewHash(o.commits[1])}, true)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := gitobj.CommitTree(store, plumbing.NewHash(o.commits[1]))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	if err := gitobj.Walk(store, tree, func(name string, _ gitobj.Entry) error { files = append(files, name); return nil }); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"README", "packs/outside", "packs/safe/pack.yaml", "packs/svc/link", "packs/svc/pack.yaml"}, files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if _, err := store.EncodedObject(plumbing.CommitObject, plumbing.NewHash(o.commits[0])); err == nil {
		t.Error("a depth-1 fetch brought the parent commit too")
	}
}

// testRemote is the remote crane makes for url, with no credentials set.
func testRemote(t *testing.T, url string) *remote {
	t.Helper()
	r, err := newRemote(Source{Kind: Git, URL: url}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
