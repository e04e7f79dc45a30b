package generator

import (
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

const craneAttrs = `* text=auto
*.cs text diff=csharp
*.ps1 text eol=lf
*.sh text eol=lf
`

func TestNarrowAttributes(t *testing.T) {
	for _, tt := range []struct {
		name      string
		dir       string
		owned     []string
		user      []attrFile
		want      string
		wantNotes []string
	}{
		{
			name:  "no attributes of the user's: each of crane's files gets its own",
			owned: []string{"VERSION", "build.sh"},
			want:  "/VERSION text=auto\n/build.sh text eol=lf\n",
		},
		{
			name:  "a user's * text=auto: only what it leaves unspecified",
			owned: []string{"VERSION", "build.ps1"},
			user:  []attrFile{{data: []byte("* text=auto\n*.jpg binary\n")}},
			want:  "/build.ps1 eol=lf\n",
		},
		{
			name:      "a contradiction stays the user's and is reported",
			owned:     []string{"build.sh"},
			user:      []attrFile{{data: []byte("*.sh -text eol=crlf\n")}},
			wantNotes: []string{"build.sh keeps its git attribute -text from your attributes (crane's would be text)", "build.sh keeps its git attribute eol=crlf from your attributes (crane's would be eol=lf)"},
		},
		{
			name:  "a macro of the user's unsets text",
			owned: []string{"tool.sh"},
			user:  []attrFile{{data: []byte("[attr]raw -text\n*.sh raw\n")}},
			want:  "/tool.sh eol=lf\n",
			wantNotes: []string{
				"tool.sh keeps its git attribute -text from your attributes (crane's would be text)",
			},
		},
		{
			name:  "a deeper file and info/attributes win over the root's",
			dir:   "svc",
			owned: []string{"build.sh"},
			user: []attrFile{
				{data: []byte("*.sh -text\n")},
				{dir: "svc", data: []byte("*.sh text\n")},
				{data: []byte("/svc/build.sh eol=lf\n")},
			},
		},
		{
			name:  "a path with glob characters and spaces is escaped and quoted",
			owned: []string{"src/My Lib/[x].nuspec"},
			want:  "\"/src/My Lib/\\\\[x].nuspec\" text=auto\n",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, notes := narrowAttributes([]byte(craneAttrs), tt.dir, tt.owned, tt.user)
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("lines (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantNotes, notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAttrsOfLaterLinesWin(t *testing.T) {
	rules := parseAttrs(attrFile{data: []byte("\uFEFF*.jpg binary\n* text=auto\n*.md !text diff\n")})
	rules = append(parseAttrs(attrFile{data: []byte("*.png binary\n")}), rules...)
	for p, want := range map[string]map[string]string{
		"a.jpg":   {"text": "text=auto", "diff": "-diff", "merge": "-merge", "binary": "binary"},
		"x/a.png": {"text": "text=auto", "diff": "-diff", "merge": "-merge", "binary": "binary"},
		"a.md":    {"diff": "diff"},
	} {
		got, _ := attrsOf(rules, p)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", p, diff)
		}
	}
}

func TestIgnoreKey(t *testing.T) {
	same := [][]string{
		{"node_modules", "node_modules/", "**/node_modules", "**/node_modules/"},
		{"coverage", "coverage/"},
		{"/target/", "/target"},
		{"docs/_build", "/docs/_build/"},
	}
	for _, group := range same {
		for _, l := range group[1:] {
			if ignoreKey(l) != ignoreKey(group[0]) {
				t.Errorf("%q and %q should mean the same: %q, %q", group[0], l, ignoreKey(group[0]), ignoreKey(l))
			}
		}
	}
	for _, pair := range [][2]string{{"/target/", "target/"}, {"!keep", "keep"}, {"*.log", "log"}} {
		if ignoreKey(pair[0]) == ignoreKey(pair[1]) {
			t.Errorf("%q and %q should differ", pair[0], pair[1])
		}
	}
}

func TestFilterIgnore(t *testing.T) {
	crane := "# Build output\nnode_modules/\ncoverage/\ncoverage.*\nbin/\n/dist/\n*.log\n"
	user := "node_modules\ncoverage\n"
	tracked := []string{".github/workflows/coverage.yml", "tools/bin/run.sh", "dist.txt", "src/a.go"}
	got, notes := filterIgnore([]byte(crane), []byte(user), tracked)
	if diff := cmp.Diff("# Build output\n/dist/\n*.log\n", string(got)); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	want := []string{
		"crane leaves coverage.* out of .gitignore: it would hide .github/workflows/coverage.yml, which git tracks",
		"crane leaves bin/ out of .gitignore: it would hide tools/bin/run.sh, which git tracks",
	}
	if diff := cmp.Diff(want, notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}

func TestAdoptNeedsAndEmptyLines(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"build.sh": "#!/bin/sh\nmake\n", ".gitignore": "bin/\n"})
	tree := Tree{
		{Path: ".github/workflows/build.yml", Data: []byte("run: ./build.sh\n"), Policy: PolicyManaged, Needs: []string{"build.sh"}},
		{Path: ".gitignore", Data: []byte("# out\nbin\n"), Policy: PolicyLines},
		{Path: "build.sh", Data: []byte("#!/bin/sh\ncrane\n"), Policy: PolicyManaged},
	}
	first, err := MakePlan(root, tree, nil, Lock{})
	if err != nil {
		t.Fatal(err)
	}
	got, notes, err := Adopt(root, tree, first, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range got {
		paths = append(paths, f.Path+":"+strings.TrimSpace(string(f.Data)))
	}
	// The workflow is not created over the user's build.sh; .gitignore is
	// still merged (it is there), with nothing left to add.
	if diff := cmp.Diff([]string{".gitignore:# out", "build.sh:#!/bin/sh\ncrane"}, paths); diff != "" {
		t.Errorf("tree (-want +got):\n%s", diff)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "crane does not write .github/workflows/build.yml") {
		t.Errorf("notes: %q", notes)
	}
}

// FuzzAttrPattern: the pattern crane writes for one of its files matches
// that file and not a sibling whose name differs by one character, as
// go-git's gitattributes parser reads it (paths with spaces are quoted,
// which the go-git parser does not unescape; the real git does).
func FuzzAttrPattern(f *testing.F) {
	for _, s := range []string{"build.sh", "src/[x]/a*b?.nuspec", `odd\name`, ".github/workflows/build.yml"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rel string) {
		if checkRelPath(rel) != nil || strings.ContainsFunc(rel, unicode.IsSpace) || strings.ContainsAny(rel, "\"\x00") {
			return
		}
		rules := parseAttrs(attrFile{data: []byte(attrPattern(rel) + " text\n")})
		if len(rules) != 1 {
			t.Fatalf("%q: pattern %q does not parse", rel, attrPattern(rel))
		}
		if got, _ := attrsOf(rules, rel); got["text"] != "text" {
			t.Errorf("%q: pattern %q does not match it", rel, attrPattern(rel))
		}
		if got, _ := attrsOf(rules, rel+"x"); len(got) != 0 {
			t.Errorf("%q: pattern %q matches %q too", rel, attrPattern(rel), rel+"x")
		}
	})
}

// TestFilterIgnoreCovered: a user's unanchored line (target, byteorder's and
// clap's) already ignores everything crane's anchored one (/target/) would,
// so crane adds nothing; the converse is not true, and a negation is never
// taken as covering.
func TestFilterIgnoreCovered(t *testing.T) {
	crane := "/target/\n/dist/\n/out/\n!/keep\n"
	user := "target\ndist/x\n/out/sub\n!keep\n"
	got, _ := filterIgnore([]byte(crane), []byte(user), nil)
	if diff := cmp.Diff("/dist/\n/out/\n!/keep\n", string(got)); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}
