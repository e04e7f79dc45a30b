package node

import (
	"encoding/json"
	"fmt"

	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/probe"
)

// lernaVersion is lerna.json's "version" at the root: the version lerna
// keeps its packages at in fixed mode, "independent" when each package
// versions on its own, "" when there is no lerna.json or it sets none.
func lernaVersion(r *probe.Repo) (string, error) {
	if !r.Has("lerna.json") {
		return "", nil
	}
	data, err := probe.ReadInside(r.Root, "lerna.json")
	if err != nil {
		return "", err
	}
	var l struct {
		Version any `json:"version"`
	}
	if err := json.Unmarshal(data, &l); err != nil {
		return "", fmt.Errorf("lerna.json: %w", err)
	}
	v, _ := l.Version.(string)
	return v, nil
}

// driveLerna adds lerna.json to what VERSION drives when lerna versions the
// workspace in fixed mode at the version d drives: the build then writes
// VERSION there too, so lerna.json and the packages stay one version. A
// lerna.json at another version is left alone, with a note.
func driveLerna(f *ecosystem.Facts, d *ecosystem.Drive, lerna string, pack ecosystem.Pack) {
	switch {
	case lerna == "" || lerna == "independent" || d == nil:
		return
	case d.Version != lerna || (pack != nil && !pack.Declares("LernaJson")):
		f.Note("lerna.json's version is %s (lerna's fixed mode) and the build does not write it: VERSION drives %s; keep them equal when you release with lerna", lerna, joinFiles(f.Drives))
		return
	}
	f.Values["LernaJson"] = "true"
	f.Drives = append(f.Drives, "lerna.json")
	f.Note("VERSION drives lerna.json's version too (lerna's fixed mode keeps it equal to the packages')")
}

// joinFiles is files joined for a note, "nothing" for none.
func joinFiles(files []string) string {
	if len(files) == 0 {
		return "nothing"
	}
	out := files[0]
	for _, f := range files[1:] {
		out += ", " + f
	}
	return out
}
