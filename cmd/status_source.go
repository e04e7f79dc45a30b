package cmd

import (
	"fmt"

	"golang.org/x/mod/semver"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/generator/packsrc"
)

// latestPack fills r's latest version and whether the pack is newer: a
// built-in pack's from this crane; an external pack's from the source the
// lock records, read without the network (see PackSource.SourceVersion): a
// folder as it is now, a git ref as crane last looked it up. What cannot be
// told is said in r.Note, never an error: status reports, update fetches.
func latestPack(e *env, lock *generator.Lock, dir string, r *statusReport) {
	if lock.PackSource == "" {
		if p, err := e.packs.Load(lock.Pack); err == nil {
			r.LatestVersion = p.Version
			r.Outdated = semver.Compare("v"+p.Version, "v"+lock.PackVersion) > 0
		}
		return
	}
	st, err := e.packs.SourceVersion(lock, dir)
	if err != nil {
		r.Note = fmt.Sprintf("%v; whether the pack is newer is not told: crane update --dry-run looks it up", err)
		return
	}
	r.LatestVersion, r.LatestCommit = st.Version, st.Commit
	r.Outdated = semver.Compare("v"+st.Version, "v"+lock.PackVersion) > 0
	if st.Moving && !r.Outdated {
		ref := "the default branch"
		if src, err := packsrc.Parse(lock.PackSource); err == nil && src.Ref != "" {
			ref = src.Ref
		}
		r.Note = fmt.Sprintf("status does not go to the network: %s is as crane last looked it up (commit %.12s), and whether %s moved is not looked up: crane update --dry-run looks it up",
			ref, st.Commit, ref)
	}
}
