package generator

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// FuzzHides: hides, which tries a line without a slash once per distinct
// name, finds the same tracked path as trying it on every folder and path
// (hidesGlob, the way it worked before).
func FuzzHides(f *testing.F) {
	for _, seed := range [][2]string{
		{"bin/", "src/bin/a.cs,bin,tools/binx/run.sh"},
		{"*.user", "a/b.user,a/b.user/c,x.user"},
		{"coverage.*", ".github/workflows/coverage.yml,coverage.txt"},
		{"obj/", "src/obj,src/a/obj/b"},
		{"/target/", "target/x,a/target/y"},
		{"**/*.rs.bk", "src/a.rs.bk"},
		{"*.py[cod]", "pkg/__pycache__/m.pyc,pkg/m.py"},
		{"node_modules/", "node_modules/x/y.js,a/node_modules"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, line, paths string) {
		line = strings.TrimSpace(line)
		if line == "" || strings.ContainsAny(line, "\n\r\\") || strings.HasPrefix(line, "#") {
			return
		}
		var tracked []string
		for _, p := range strings.Split(paths, ",") {
			if checkRelPath(p) == nil {
				tracked = append(tracked, p)
			}
		}
		slices.Sort(tracked)
		tracked = slices.Compact(tracked)
		want := ""
		if !strings.HasPrefix(line, "!") {
			want = hidesGlob(gitignore.ParsePattern(line, nil), tracked)
		}
		got := hides(line, tracked, func() trackedNames { return namesOf(tracked) })
		if got != want {
			t.Errorf("hides(%q, %q) = %q, want %q", line, tracked, got, want)
		}
	})
}

// BenchmarkFilterIgnore100k filters the dotnet pack's ignore lines against
// 100,000 tracked paths, as a first assemble of a big repository does.
func BenchmarkFilterIgnore100k(b *testing.B) {
	var tracked []string
	for i := 0; len(tracked) < 100_000; i++ {
		for j := 0; j < 100; j++ {
			tracked = append(tracked, "src/Acme/area"+strconv.Itoa(i%37)+"/sub"+strconv.Itoa(i)+"/f"+strconv.Itoa(j)+".cs")
		}
	}
	slices.Sort(tracked)
	crane := []byte("bin/\nobj/\nartifacts/\nTestResults/\n*.nupkg\n.vs/\n.idea/\n*.user\n*.suo\n")
	for b.Loop() {
		filterIgnore(crane, nil, tracked)
	}
}
