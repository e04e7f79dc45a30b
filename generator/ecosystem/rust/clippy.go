package rust

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/ewilde/crane/generator/probe"
)

// clippyFiles are the files besides GitHub workflows where a repository
// holds its code to clippy: other CIs and task runners.
var clippyFiles = []string{
	".gitlab-ci.yml", ".travis.yml", ".cirrus.yml", "azure-pipelines.yml", "appveyor.yml",
	".circleci/config.yml", "Makefile", "makefile", "justfile", "Justfile", "Makefile.toml",
	"xtask/src/main.rs",
}

// clippyNote says that the rust pack's lint, which the workflow runs, shows
// clippy's warnings without failing on them (Facts sets ClippyWarnings=warn)
// when nothing in the repository runs clippy: no GitHub workflow (a
// commented-out job does not count), no other CI file or task runner
// (clippyFiles) mentions it, and there is no clippy.toml and no
// [lints.clippy] table in the root Cargo.toml. Such code was never held to
// clippy, and newer clippy releases add lints, so -D warnings would fail
// crane's CI on code the user never changed (bytes, walkdir, byteorder).
// It is "" when anything runs or configures clippy.
func clippyNote(r *probe.Repo) string {
	for _, name := range []string{"clippy.toml", ".clippy.toml"} {
		if info, err := os.Lstat(filepath.Join(r.Root, name)); err == nil && info.Mode().IsRegular() {
			return ""
		}
	}
	if data, err := probe.ReadInside(r.Root, "Cargo.toml"); err == nil && configuresClippy(data) {
		return ""
	}
	workflows, clippy := workflowsRunClippy(r.Root)
	if clippy {
		return ""
	}
	for _, name := range clippyFiles {
		if data, err := probe.ReadInside(r.Root, name); err == nil && runsClippy(data) {
			return ""
		}
	}
	where := "your workflows do not run clippy"
	if !workflows {
		where = "nothing in this repository runs clippy (no workflow, CI file, Makefile, justfile or clippy.toml mentions it)"
	}
	return where + ": ./build.sh lint, which crane's workflow runs, shows clippy's warnings without failing on them (ClippyWarnings=warn); see them with cargo clippy --workspace --all-targets, and once there are none, hold the code to it with --set ClippyWarnings=deny"
}

// workflowsRunClippy reports whether the repository has GitHub workflows
// and whether one of them runs clippy.
func workflowsRunClippy(root string) (seen, clippy bool) {
	const dir = ".github/workflows"
	entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(dir)))
	if err != nil {
		return false, false
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || (!strings.HasSuffix(name, ".yml") && !strings.HasSuffix(name, ".yaml")) {
			continue
		}
		data, err := probe.ReadInside(root, dir+"/"+name)
		if err != nil {
			continue
		}
		seen = true
		if runsClippy(data) {
			return true, true
		}
	}
	return seen, false
}

// configuresClippy reports whether a Cargo.toml has a [lints.clippy] or
// [workspace.lints.clippy] table (or a dotted clippy key under [lints]):
// its authors hold the code to clippy.
func configuresClippy(manifest []byte) bool {
	inLints := false
	for _, line := range bytes.Split(manifest, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if bytes.HasPrefix(line, []byte("[")) {
			header := string(bytes.ReplaceAll(line, []byte(" "), nil))
			if strings.HasPrefix(header, "[lints.clippy]") || strings.HasPrefix(header, "[workspace.lints.clippy]") {
				return true
			}
			inLints = header == "[lints]" || header == "[workspace.lints]"
			continue
		}
		if inLints && bytes.HasPrefix(line, []byte("clippy")) {
			return true
		}
	}
	return false
}

// runsClippy reports whether a file mentions clippy outside comments.
func runsClippy(data []byte) bool {
	for _, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if bytes.HasPrefix(line, []byte("#")) || bytes.HasPrefix(line, []byte("//")) {
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
