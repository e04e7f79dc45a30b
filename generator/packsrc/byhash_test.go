package packsrc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestKeepKept keeps a snapshot by its hash and reads it back; a damaged
// copy, a hash naming no folder and a pack over the limits give nothing.
func TestKeepKept(t *testing.T) {
	c := Cache{Dir: t.TempDir(), Limits: DefaultLimits}
	snap := Snapshot{Files: map[string][]byte{"pack.yaml": []byte("name: co\n"), "build/executable_build.sh": []byte("#!/bin/sh\n")}}
	if _, ok := c.Kept(snap.Hash()); ok {
		t.Fatal("an empty cache kept a snapshot")
	}
	if err := c.Keep(snap); err != nil {
		t.Fatal(err)
	}
	if err := c.Keep(snap); err != nil {
		t.Fatalf("keeping it again: %v", err)
	}
	got, ok := c.Kept(snap.Hash())
	if !ok {
		t.Fatal("the kept snapshot is not found")
	}
	if diff := cmp.Diff(snap, got); diff != "" {
		t.Errorf("kept snapshot (-want +got):\n%s", diff)
	}
	entries, _ := os.ReadDir(filepath.Join(c.Dir, "by-hash"))
	if len(entries) != 1 || strings.HasPrefix(entries[0].Name(), ".tmp-") {
		t.Errorf("by-hash holds %v, want the one snapshot's folder and no temporary one", entries)
	}

	hex := strings.TrimPrefix(snap.Hash(), "sha256:")
	for _, h := range []string{"sha256:../../etc", "md5:" + hex, hex, "sha256:" + strings.ToUpper(hex)} {
		if _, ok := c.Kept(h); ok {
			t.Errorf("Kept(%q) found a snapshot", h)
		}
	}

	if err := os.WriteFile(filepath.Join(c.Dir, "by-hash", hex, "pack.yaml"), []byte("name: evil\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Kept(snap.Hash()); ok {
		t.Error("a damaged kept snapshot was trusted")
	}

	small := Cache{Dir: t.TempDir(), Limits: Limits{MaxFiles: 1, MaxFileBytes: 1 << 10, MaxPackBytes: 1 << 20}}
	if err := small.Keep(snap); err == nil {
		t.Error("a snapshot over the file limit was kept")
	}
	bad := Snapshot{Files: map[string][]byte{"pack.yaml": nil, "../out": nil}}
	if err := c.Keep(bad); err == nil {
		t.Error("a snapshot with a path out of its folder was kept")
	}
}

// TestLastResolved reads, without the network, what a ref last resolved
// to: a branch as last fetched (not pinned), a tag pinned, a ref never
// fetched nothing.
func TestLastResolved(t *testing.T) {
	o := newOrigin(t)
	c := Cache{Dir: o.cache, Limits: DefaultLimits}
	for _, spec := range []string{o.url + "//packs/safe@dev", o.url + "//packs/svc@v1"} {
		if _, _, err := o.fetch(t, spec); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.RemoveAll(o.bare); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		spec, want, commit string
		pinned, ok         bool
	}{
		{o.url + "//packs/safe@dev", "dev\n", o.commits[2], false, true},
		{o.url + "//packs/svc@v1", "v1\n", o.commits[0], true, true},
		{o.url + "//packs/safe@main", "", "", false, false},
	}
	for _, tt := range tests {
		src, err := Parse(tt.spec)
		if err != nil {
			t.Fatal(err)
		}
		snap, origin, pinned, ok := c.LastResolved(src)
		if ok != tt.ok || pinned != tt.pinned || origin.Commit != tt.commit || string(snap.Files["pack.yaml"]) != tt.want {
			t.Errorf("%s: got ok=%v pinned=%v commit=%s pack.yaml=%q, want ok=%v pinned=%v commit=%s pack.yaml=%q",
				tt.spec, ok, pinned, origin.Commit, snap.Files["pack.yaml"], tt.ok, tt.pinned, tt.commit, tt.want)
		}
	}
}

// TestURLKeyWithoutSecrets: a pack fetched with a token in its URL is
// cached where the lock's URL, recorded without it, finds it again.
func TestURLKeyWithoutSecrets(t *testing.T) {
	with, without := urlKey("https://ada:ghp_x@host/acme/packs.git"), urlKey("https://host/acme/packs.git")
	if with != without {
		t.Errorf("urlKey with a token = %q, without = %q: the lock's URL would miss the cache", with, without)
	}
	if urlKey("https://host/acme/packs.git") == urlKey("https://host/other/packs.git") {
		t.Error("two repositories share a cache folder")
	}
}
