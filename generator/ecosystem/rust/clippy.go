package rust

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/ewilde/crane/generator/probe"
)

// clippyNote says that the rust pack's lint, which the workflow runs, shows
// clippy's warnings without failing on them (Facts sets ClippyWarnings=warn)
// when the repository has GitHub workflows of its own and none of them runs
// clippy (a commented-out job does not count): such code was never held to
// clippy, and newer clippy releases add lints, so -D warnings would fail
// crane's CI on code the user never changed (bytes, walkdir). It is "" when
// a workflow runs clippy or there are none.
func clippyNote(r *probe.Repo) string {
	const dir = ".github/workflows"
	entries, err := os.ReadDir(filepath.Join(r.Root, filepath.FromSlash(dir)))
	if err != nil {
		return ""
	}
	seen := false
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || (!strings.HasSuffix(name, ".yml") && !strings.HasSuffix(name, ".yaml")) {
			continue
		}
		data, err := probe.ReadInside(r.Root, dir+"/"+name)
		if err != nil {
			continue
		}
		seen = true
		if runsClippy(data) {
			return ""
		}
	}
	if !seen {
		return ""
	}
	return "your workflows do not run clippy: ./build.sh lint, which crane's workflow runs, shows clippy's warnings without failing on them (ClippyWarnings=warn); see them with cargo clippy --workspace --all-targets, and once there are none, hold the code to it with --set ClippyWarnings=deny"
}

// runsClippy reports whether a workflow mentions clippy outside comments.
func runsClippy(data []byte) bool {
	for _, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if bytes.HasPrefix(line, []byte("#")) {
			continue
		}
		if i := bytes.Index(line, []byte(" #")); i >= 0 {
			line = line[:i]
		}
		if bytes.Contains(line, []byte("clippy")) {
			return true
		}
	}
	return false
}
