package generator

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ewilde/crane/generator/packsrc"
)

// maxExtends is how many packs an extends chain may hold: enough for a
// company pack over a team pack over a built-in, and a stop for a cycle.
const maxExtends = 4

// overlay is what a pack that extends another adds to pack.yaml.
type overlay struct {
	Extends string   `yaml:"extends"`
	Drop    []string `yaml:"drop"`
}

// extend returns snap merged over the pack it extends, if any: the base's
// files, less those drop names, with snap's files added or replacing them;
// the base's variables with snap's added (one of the same name replaces
// it); snap's file rules before the base's; snap's name, version and
// description, and the base's other fields where snap leaves them empty.
// at is where snap was read from, against which a relative extends is
// resolved.
func (s PackSource) extend(snap packsrc.Snapshot, at packPlace, chain []string) (packsrc.Snapshot, error) {
	var ov overlay
	_ = yaml.Unmarshal(snap.Files["pack.yaml"], &ov) // LoadPack reports a bad pack.yaml
	if ov.Extends == "" {
		if len(ov.Drop) > 0 {
			return snap, &PackError{Pack: snapshotName(snap), Problems: []string{"pack.yaml: drop needs extends: it drops files of the pack extended"}}
		}
		return snap, nil
	}
	name := snapshotName(snap)
	if len(chain) >= maxExtends {
		return snap, &PackError{Pack: name, Problems: []string{fmt.Sprintf("pack.yaml: extends: the chain %s is longer than %d packs (a cycle?)", strings.Join(append(chain, ov.Extends), " -> "), maxExtends)}}
	}
	base, baseAt, err := s.baseSnapshot(ov.Extends, at)
	if err != nil {
		return snap, fmt.Errorf("pack %s: extends %s: %w", name, ov.Extends, err)
	}
	if base, err = s.extend(base, baseAt, append(chain, ov.Extends)); err != nil {
		return snap, err
	}
	return mergeSnapshots(name, base, snap, ov.Drop)
}

// packPlace is where a pack was read from: a folder (dir), a git
// repository at a commit (git, with Subdir the pack's folder in it), or
// neither (a built-in pack).
type packPlace struct {
	dir string
	git *packsrc.Source
}

// gitPlace is the place of a pack fetched from src at origin's commit.
func gitPlace(src packsrc.Source, origin packsrc.Origin) packPlace {
	src.Ref = origin.Commit
	return packPlace{git: &src}
}

// baseSnapshot reads the pack an extends names: a built-in pack, a git
// repository, or a folder: for a pack in a folder, relative to it (or
// absolute); for a pack from git, a folder of the same repository at the
// same commit, relative to the pack's own folder. A pack from git or a
// built-in one cannot name a folder of the machine.
func (s PackSource) baseSnapshot(spec string, at packPlace) (packsrc.Snapshot, packPlace, error) {
	src, err := packsrc.Parse(spec)
	if err != nil {
		return packsrc.Snapshot{}, packPlace{}, err
	}
	switch src.Kind {
	case packsrc.Builtin:
		snap, err := builtinSnapshot(s.fsys, src.Name)
		return snap, packPlace{}, err
	case packsrc.Dir:
		if at.git != nil {
			if src, err = siblingInRepo(*at.git, src.Path); err != nil {
				return packsrc.Snapshot{}, packPlace{}, err
			}
			break
		}
		if at.dir == "" {
			// A built-in pack must not read this machine's folders.
			return packsrc.Snapshot{}, packPlace{}, fmt.Errorf("only a pack in a folder or a git repository may extend a folder; give a built-in pack or a git URL")
		}
		p := src.Path
		if !filepath.IsAbs(p) {
			p = filepath.Join(at.dir, p)
		}
		snap, err := packsrc.ReadDir(p, packsrc.DefaultLimits)
		return snap, packPlace{dir: p}, err
	}
	cache, err := s.gitCache()
	if err != nil {
		return packsrc.Snapshot{}, packPlace{}, err
	}
	snap, origin, err := cache.Fetch(s.context(), src)
	return snap, gitPlace(src, origin), err
}

// siblingInRepo is the folder rel, relative to the folder of the pack from
// git at, as a source in the same repository at the same commit. rel must
// stay inside the repository: a pack from git never reads this machine's
// folders.
func siblingInRepo(at packsrc.Source, rel string) (packsrc.Source, error) {
	joined := path.Clean(path.Join(at.Subdir, rel))
	if path.IsAbs(rel) || filepath.IsAbs(rel) || strings.Contains(rel, `\`) || joined == ".." || strings.HasPrefix(joined, "../") {
		return at, fmt.Errorf("a pack from git may extend a folder of its own repository only, given relative to the pack's folder with / (such as ../company-base), or a built-in pack or a git URL; %s is outside the repository", rel)
	}
	at.Subdir = joined
	if joined == "." {
		at.Subdir = ""
	}
	return at, nil
}

// builtinSnapshot reads the built-in pack name into a snapshot.
func builtinSnapshot(fsys fs.FS, name string) (packsrc.Snapshot, error) {
	if fsys == nil {
		return packsrc.Snapshot{}, &UnknownPackError{Name: name}
	}
	if _, err := fs.Stat(fsys, path.Join(name, "pack.yaml")); err != nil {
		known, _ := ListPacks(fsys)
		return packsrc.Snapshot{}, &UnknownPackError{Name: name, Known: known}
	}
	snap := packsrc.Snapshot{Files: map[string][]byte{}}
	err := fs.WalkDir(fsys, name, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		snap.Files[strings.TrimPrefix(p, name+"/")] = data
		return err
	})
	return snap, err
}

// mergeSnapshots lays top over base (see extend).
func mergeSnapshots(name string, base, top packsrc.Snapshot, drop []string) (packsrc.Snapshot, error) {
	var bm, tm Manifest
	if err := yaml.Unmarshal(base.Files["pack.yaml"], &bm); err != nil {
		return top, &PackError{Pack: name, Problems: []string{fmt.Sprintf("extends: the base pack's pack.yaml: %v", err)}}
	}
	if err := yaml.Unmarshal(top.Files["pack.yaml"], &tm); err != nil {
		return top, &PackError{Pack: name, Problems: []string{fmt.Sprintf("pack.yaml: %v", err)}}
	}
	out := packsrc.Snapshot{Files: map[string][]byte{}}
	used := make([]bool, len(drop))
	for p, data := range base.Files {
		dropped := false
		for i, d := range drop {
			if dropMatches(d, p) {
				dropped, used[i] = true, true
			}
		}
		if !dropped {
			out.Files[p] = data
		}
	}
	var problems []string
	for i, d := range drop {
		if !used[i] {
			problems = append(problems, fmt.Sprintf("pack.yaml: drop %q matches no file of the pack extended%s", d, dropHint(d, base)))
		}
	}
	if len(problems) > 0 {
		return top, &PackError{Pack: name, Problems: problems}
	}
	for p, data := range top.Files {
		out.Files[p] = data
	}
	m := tm
	m.Extends, m.Drop = "", nil
	m.Ecosystem = firstSet(tm.Ecosystem, tm.NameRule, bm.Ecosystem, bm.NameRule)
	m.NameRule = ""
	m.Toolchain = firstSet(tm.Toolchain, bm.Toolchain)
	m.Example = firstSet(tm.Example, bm.Example)
	m.Dir = firstSet(tm.Dir, bm.Dir)
	m.Next = firstSet(tm.Next, bm.Next)
	m.Variables = nil
	for _, v := range bm.Variables {
		if i := indexVar(tm.Variables, v.Name); i >= 0 {
			v = tm.Variables[i]
		}
		m.Variables = append(m.Variables, v)
	}
	for _, v := range tm.Variables {
		if indexVar(bm.Variables, v.Name) < 0 {
			m.Variables = append(m.Variables, v)
		}
	}
	m.Files = append(append([]FileRule{}, tm.Files...), bm.Files...)
	// Actions: the base's first, as they edit what the base renders, then
	// this pack's.
	m.Actions = append(append([]PackAction{}, bm.Actions...), tm.Actions...)
	// Checks: every one of both packs holds.
	m.Checks = append(append([]Check{}, bm.Checks...), tm.Checks...)
	data, err := yaml.Marshal(m)
	if err != nil {
		return top, err
	}
	out.Files["pack.yaml"] = data
	return out, nil
}

func indexVar(vs []Variable, name string) int {
	for i, v := range vs {
		if v.Name == name {
			return i
		}
	}
	return -1
}

func firstSet(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// dropHint points a drop that names a file as it is rendered (build.ps1)
// at the file's path in the pack extended (build/executable_build.ps1.tmpl),
// which is what drop matches; "" when no file renders to what it names.
func dropHint(d string, base packsrc.Snapshot) string {
	var hits []string
	for p := range base.Files {
		_, rel, ok := strings.Cut(p, "/")
		if !ok {
			continue
		}
		if target, _, _, _ := targetName(rel); matchRulePath(d, target) {
			hits = append(hits, p)
		}
	}
	if len(hits) == 0 {
		return ""
	}
	sort.Strings(hits)
	return fmt.Sprintf("; drop takes paths as they are in the pack, such as %s, not as they are rendered", hits[0])
}
