package golang

import (
	"fmt"
	"path"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem"
	"github.com/ewilde/crane/generator/probe"
)

// minGo is the go directive below which a repository's is noted: Go 1.22
// changed loop variables and added range over integers. An older one is
// kept (it is the user's): the note says what the code cannot use.
const minGo = "1.22"

// goFeatures are the language changes a module's go directive gates, by the
// version that brought them, oldest first.
var goFeatures = []struct{ version, what string }{
	{"1.18", "generics"},
	{"1.21", "the min, max and clear builtins"},
	{"1.22", "range over integers and per-iteration loop variables"},
	{"1.23", "range over functions"},
}

// takeGivenMain makes a Main given with --set the one g builds; the
// command, unless given too, is then named after it and follows it over the
// one an earlier run recorded. It reports whether Main was given.
func takeGivenMain(g *GoModule, given map[string]string) (follow []string, ok bool) {
	main, ok := given["Main"]
	if !ok {
		return nil, false
	}
	g.Main = main
	if _, set := given["Command"]; !set {
		follow = []string{"Command"}
	}
	return follow, true
}

// noteMains lists several commands and says which the build releases and
// how to choose another.
func noteMains(f *ecosystem.Facts, g *GoModule, given bool) {
	if len(g.Mains) < 2 {
		return
	}
	list := strings.Join(g.Mains, ", ")
	if given {
		f.Note("%s (%s): the build stamps and releases %s, as --set Main says", probe.Plural(len(g.Mains), "command"), list, g.Main)
		return
	}
	why := "the first"
	if g.Main == "./cmd/"+path.Base(g.Module) {
		why = "the one named like the module"
	}
	f.Note("%s (%s): the build stamps and releases %s, %s; choose another with --set Main=./cmd/NAME (e.g. --set Main=%s)",
		probe.Plural(len(g.Mains), "command"), list, g.Main, why, otherMain(g))
}

// otherMain is a main package other than the chosen one, for an example.
func otherMain(g *GoModule) string {
	for _, m := range g.Mains {
		if m != g.Main {
			return m
		}
	}
	return g.Main
}

// noteOldGo notes a go directive older than minGo: it is the user's and is
// kept; the note says what the module's code then cannot use.
func noteOldGo(f *ecosystem.Facts, g *GoModule) {
	if g.GoVersion == "" || !olderGo(g.GoVersion, minGo) {
		return
	}
	var missing []string
	for _, feat := range goFeatures {
		if olderGo(g.GoVersion, feat.version) {
			missing = append(missing, fmt.Sprintf("%s (go %s)", feat.what, feat.version))
		}
	}
	f.Note("the go directive is go %s, older than go %s: crane keeps it, as it is yours; "+
		"the build compiles the module as Go %s, so its code cannot use %s, and CI installs Go %s (setup-go reads go.mod); "+
		"to use them, raise it with go mod edit -go=%s", g.GoVersion, minGo, g.GoVersion, strings.Join(missing, ", "), g.GoVersion, minGo)
}

// olderGo reports whether Go version a ("1.15", "1.21.3", "1.21rc1")
// sorts before b ("1.22").
func olderGo(a, b string) bool {
	return compareGo(a, b) < 0
}

// compareGo compares the numeric parts of two Go versions, major then
// minor then patch; a pre-release suffix is ignored.
func compareGo(a, b string) int {
	pa, pb := goParts(a), goParts(b)
	for i := range pa {
		if pa[i] != pb[i] {
			if pa[i] < pb[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// goParts is a Go version's major, minor and patch numbers.
func goParts(v string) [3]int {
	var out [3]int
	if i := strings.IndexAny(v, "rb"); i >= 0 { // 1.21rc1, 1.21beta1
		v = v[:i]
	}
	for i, s := range strings.SplitN(v, ".", 3) {
		n := 0
		for _, c := range s {
			if c < '0' || c > '9' {
				break
			}
			n = n*10 + int(c-'0')
		}
		out[i] = n
	}
	return out
}

// seedFromTag starts VERSION at the latest release tag of the module's
// major version, else at N.0.0 for a /vN module; a v0/v1 module without
// tags keeps the pack's default.
func seedFromTag(f *ecosystem.Facts, r *probe.Repo, g *GoModule, pack ecosystem.Pack) {
	if g.Module == "" || r.VersionFile == "VERSION" || (pack != nil && !pack.Declares("InitialVersion")) {
		return
	}
	tag, err := LatestTag(r.Root, g.Module)
	if err != nil {
		f.Note("crane could not read the git tags (%v); VERSION starts at the pack's default or --set InitialVersion", err)
	}
	major := PathMajor(g.Module)
	switch {
	case tag != "":
		f.Values["InitialVersion"] = strings.TrimPrefix(tag, "v")
		f.VersionFrom = "git tag " + tag
		f.Note("VERSION starts at %s, the latest release tag %s; raise it before the next release: publish tags v<VERSION>", tag[1:], tag)
	case major >= 2:
		v := fmt.Sprintf("%d.0.0", major)
		f.Values["InitialVersion"] = v
		f.VersionFrom = fmt.Sprintf("the module path's /v%d", major)
		f.Note("VERSION starts at %s: the module path ends in /v%d and no v%d.x.y tag was found; publish tags v<VERSION>", v, major, major)
	}
}
