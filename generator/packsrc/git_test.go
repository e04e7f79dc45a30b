package packsrc

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/google/go-cmp/cmp"
)

// origin is a bare repository made in the test: on main, commit 1 has
// packs/svc/pack.yaml "v1" (tagged v1, lightweight), commit 2 changes it
// to "v2" (tagged v2.0.0, annotated) and adds a symlink in packs/svc and
// packs/outside, a symlink to a folder out of the repository; branch dev has a
// commit 3 with "dev".
type origin struct {
	url         string
	commits     []string // 1, 2, 3
	bare, cache string
}

func newOrigin(t *testing.T) *origin {
	t.Helper()
	base := t.TempDir()
	work := filepath.Join(base, "work")
	repo, err := git.PlainInitWithOptions(work, &git.PlainInitOptions{InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")}})
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := repo.Worktree()
	o := &origin{bare: filepath.Join(base, "origin.git"), cache: filepath.Join(base, "cache")}
	sig := &object.Signature{Name: "t", Email: "t@example.com", When: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	commit := func(files map[string]string) plumbing.Hash {
		for p, data := range files {
			full := filepath.Join(work, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := wt.AddGlob("."); err != nil {
			t.Fatal(err)
		}
		h, err := wt.Commit("c", &git.CommitOptions{Author: sig, AllowEmptyCommits: true})
		if err != nil {
			t.Fatal(err)
		}
		o.commits = append(o.commits, h.String())
		return h
	}
	c1 := commit(map[string]string{"packs/svc/pack.yaml": "v1\n", "README": "root\n"})
	if _, err := repo.CreateTag("v1", c1, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../README", filepath.Join(work, "packs/svc/link")); err != nil {
		t.Fatal(err)
	}
	// packs/outside is a symlink to a folder of this machine holding a pack.
	outside := filepath.Join(base, "outside")
	os.MkdirAll(outside, 0o755)
	os.WriteFile(filepath.Join(outside, "pack.yaml"), []byte("outside\n"), 0o644)
	if err := os.Symlink(outside, filepath.Join(work, "packs/outside")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(work, "packs/safe/pack.yaml"), nil, 0o644)
	c2 := commit(map[string]string{"packs/svc/pack.yaml": "v2\n", "packs/safe/pack.yaml": "safe\n"})
	if _, err := repo.CreateTag("v2.0.0", c2, &git.CreateTagOptions{Tagger: sig, Message: "v2"}); err != nil {
		t.Fatal(err)
	}
	if err := wt.Checkout(&git.CheckoutOptions{Branch: plumbing.NewBranchReferenceName("dev"), Create: true}); err != nil {
		t.Fatal(err)
	}
	commit(map[string]string{"packs/safe/pack.yaml": "dev\n"})
	if err := wt.Checkout(&git.CheckoutOptions{Branch: plumbing.NewBranchReferenceName("main")}); err != nil {
		t.Fatal(err)
	}
	if _, err := git.PlainClone(o.bare, true, &git.CloneOptions{URL: work, Mirror: true}); err != nil {
		t.Fatal(err)
	}
	o.url = "file://" + filepath.ToSlash(o.bare)
	return o
}

func (o *origin) fetch(t *testing.T, spec string) (Snapshot, Origin, error) {
	t.Helper()
	src, err := Parse(spec)
	if err != nil {
		t.Fatal(err)
	}
	return Cache{Dir: o.cache, Limits: DefaultLimits}.Fetch(context.Background(), src)
}

func TestGitFetch(t *testing.T) {
	o := newOrigin(t)
	tests := []struct {
		name, spec, want, commit string
	}{
		{"lightweight tag", o.url + "//packs/svc@v1", "v1\n", o.commits[0]},
		{"default branch", o.url + "//packs/safe", "safe\n", o.commits[1]},
		{"annotated tag", o.url + "//packs/safe@v2.0.0", "safe\n", o.commits[1]},
		{"branch", o.url + "//packs/safe@dev", "dev\n", o.commits[2]},
		{"commit id", o.url + "//packs/safe@" + o.commits[2], "dev\n", o.commits[2]},
		{"short commit id", o.url + "//packs/svc@" + o.commits[0][:10], "v1\n", o.commits[0]},
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
}

func TestGitFetchErrors(t *testing.T) {
	o := newOrigin(t)
	tests := []struct{ name, spec, want string }{
		{"unknown ref", o.url + "@v9", `pack ` + o.url + `@v9: unknown ref "v9": it is not a tag, branch or commit of ` + o.url + ` (tags: v1, v2.0.0; branches: dev, main)`},
		{"not found", "file://" + filepath.ToSlash(filepath.Join(t.TempDir(), "gone.git")) + "@v1", "the repository was not found; check the URL"},
		{"unreachable", "https://127.0.0.1:1/acme/packs.git", "pack https://127.0.0.1:1/acme/packs.git: it could not be reached; check the URL and your network"},
		{"symlink in the pack", o.url + "//packs/svc@v2.0.0", "link: is a symlink; packs may not hold symlinks"},
		{"missing subfolder", o.url + "//packs/nope@v1", "packs/nope: not found or not a folder"},
		{"subfolder a symlink out of the repository", o.url + "//packs/outside@v2.0.0", "packs/outside is a symlink"},
		{"subfolder under a symlink", o.url + "//packs/outside/.@v2.0.0", "packs/outside is a symlink"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := o.fetch(t, tt.spec)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestGitCacheOffline fetches by tag, commit and branch, removes the
// origin, and fetches again: everything comes from the cache.
func TestGitCacheOffline(t *testing.T) {
	o := newOrigin(t)
	specs := []string{o.url + "//packs/svc@v1", o.url + "//packs/safe@" + o.commits[2], o.url + "//packs/safe@dev", o.url + "//packs/safe"}
	first := map[string]Origin{}
	for _, spec := range specs {
		_, got, err := o.fetch(t, spec)
		if err != nil {
			t.Fatal(err)
		}
		first[spec] = got
	}
	if err := os.RemoveAll(o.bare); err != nil {
		t.Fatal(err)
	}
	for _, spec := range specs {
		_, got, err := o.fetch(t, spec)
		if err != nil {
			t.Fatalf("offline %s: %v", spec, err)
		}
		if diff := cmp.Diff(first[spec], got); diff != "" {
			t.Errorf("offline %s (-online +offline):\n%s", spec, diff)
		}
	}
	if _, _, err := o.fetch(t, o.url+"//packs/svc@v2.0.0"); err == nil {
		t.Error("a tag never fetched came from nowhere")
	}
}
