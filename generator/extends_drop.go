package generator

import (
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// dropMatches reports whether the drop d of an overlay removes the file p
// (a path in the pack extended): d is a glob, the path itself, or a folder
// holding it.
func dropMatches(d, p string) bool {
	return matchGlob(d, p) || p == d || strings.HasPrefix(p, strings.TrimSuffix(d, "/")+"/")
}

// Dropped returns, for each entry of the drop list of the pack spec names,
// the files of the pack it extends (merged over what that extends in turn)
// the entry removes, as paths in that pack, sorted: crane pack lint checks
// that no file still rendered names them. nil for a pack that extends
// nothing.
func (s PackSource) Dropped(spec string) ([][]string, error) {
	own, _, at, err := s.read(spec)
	if err != nil {
		return nil, err
	}
	var ov overlay
	if yaml.Unmarshal(own.Files["pack.yaml"], &ov) != nil || ov.Extends == "" {
		return nil, nil
	}
	base, baseAt, err := s.baseSnapshot(ov.Extends, at)
	if err != nil {
		return nil, err
	}
	if base, err = s.extend(base, baseAt, []string{spec, ov.Extends}); err != nil {
		return nil, err
	}
	out := make([][]string, len(ov.Drop))
	for p := range base.Files {
		for i, d := range ov.Drop {
			if dropMatches(d, p) {
				out[i] = append(out[i], p)
			}
		}
	}
	for _, ps := range out {
		sort.Strings(ps)
	}
	return out, nil
}
