package templates_test

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/mod/semver"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

var update = flag.Bool("update", false, "keep the current version of every pack that is not kept yet (go test ./templates -run Kept -update)")

// keptList is kept/versions.txt: one line per kept version, "pack version
// content-hash", sorted. A kept version is never removed: the list says it
// must be there.
const keptList = "versions.txt"

type keptEntry struct{ pack, version, hash string }

func readKeptList(t *testing.T, fsys fs.FS) []keptEntry {
	t.Helper()
	data, err := fs.ReadFile(fsys, keptList)
	if err != nil {
		t.Fatalf("kept/%s: %v", keptList, err)
	}
	var out []keptEntry
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			t.Fatalf("kept/%s:%d: want \"pack version hash\", got %q", keptList, n, line)
		}
		out = append(out, keptEntry{f[0], f[1], f[2]})
	}
	return out
}

func writeKeptList(entries []keptEntry) []byte {
	slices.SortFunc(entries, func(a, b keptEntry) int {
		if c := strings.Compare(a.pack, b.pack); c != 0 {
			return c
		}
		return semver.Compare("v"+a.version, "v"+b.version)
	})
	var b bytes.Buffer
	b.WriteString("# Every released version of crane's embedded packs: pack version content-hash.\n")
	b.WriteString("# Written by go test ./templates -run Kept -update (./build.sh keep); never remove a line.\n")
	for _, e := range entries {
		fmt.Fprintf(&b, "%s %s %s\n", e.pack, e.version, e.hash)
	}
	return b.Bytes()
}

// TestKeptVersions checks that every released pack version is kept, exactly:
// each listed version has its zip with the listed files, the current version
// of every pack is kept with the files it has now (a pack changed without a
// version bump fails here), and no pack went back to a lower version. With
// -update it keeps the current versions not kept yet, and refuses to
// overwrite a kept version whose files changed.
func TestKeptVersions(t *testing.T) {
	kept := templates.Kept()
	entries := readKeptList(t, kept)
	names, err := generator.ListPacks(templates.Packs())
	if err != nil {
		t.Fatal(err)
	}
	latest := map[string]string{}
	listed := map[string]bool{}
	for _, e := range entries {
		name := generator.KeptName(e.pack, e.version)
		listed[name] = true
		data, err := fs.ReadFile(kept, name)
		if err != nil {
			t.Errorf("kept/%s is listed but missing: a kept version is never removed; restore it from git", name)
			continue
		}
		zfs, err := generator.ReadKept(data)
		if err != nil {
			t.Errorf("kept/%s: %v", name, err)
			continue
		}
		files, err := generator.PackFiles(zfs, e.pack)
		if err != nil || generator.ContentHash(files) != e.hash {
			t.Errorf("kept/%s does not hold the files kept as %s %s (%v); restore it from git", name, e.pack, e.version, err)
		}
		if p, err := generator.LoadReleased(zfs, e.pack); err != nil || p.Version != e.version {
			t.Errorf("kept/%s does not load as version %s: %v", name, e.version, err)
		}
		if v, ok := latest[e.pack]; !ok || semver.Compare("v"+e.version, "v"+v) > 0 {
			latest[e.pack] = e.version
		}
	}
	zips, _ := fs.Glob(kept, "*.zip")
	for _, z := range zips {
		if !listed[z] {
			t.Errorf("kept/%s is not listed in kept/%s", z, keptList)
		}
	}
	var added []keptEntry
	for _, name := range names {
		p, err := generator.LoadPack(templates.Packs(), name)
		if err != nil {
			t.Fatal(err)
		}
		files, err := generator.PackFiles(templates.Packs(), name)
		if err != nil {
			t.Fatal(err)
		}
		hash := generator.ContentHash(files)
		i := slices.IndexFunc(entries, func(e keptEntry) bool { return e.pack == name && e.version == p.Version })
		switch {
		case i >= 0 && entries[i].hash != hash:
			t.Errorf("pack %s changed since version %s was kept: bump its version in templates/packs/%s/pack.yaml, then run ./build.sh keep", name, p.Version, name)
		case i >= 0:
		case latest[name] != "" && semver.Compare("v"+p.Version, "v"+latest[name]) < 0:
			t.Errorf("pack %s is at %s, below its kept version %s: versions only go up", name, p.Version, latest[name])
		case *update:
			data, err := generator.KeptZip(files)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join("kept", generator.KeptName(name, p.Version)), data, 0o644); err != nil {
				t.Fatal(err)
			}
			added = append(added, keptEntry{name, p.Version, hash})
			t.Logf("kept %s %s", name, p.Version)
		default:
			t.Errorf("pack %s %s is not kept: run ./build.sh keep (go test ./templates -run Kept -update) and commit templates/kept", name, p.Version)
		}
	}
	if len(added) > 0 {
		if err := os.WriteFile(filepath.Join("kept", keptList), writeKeptList(append(entries, added...)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
