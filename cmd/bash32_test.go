package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ewilde/crane/generator"
	"github.com/ewilde/crane/templates"
)

// bash4Only is syntax that bash 3.2, the bash of every stock macOS, does not
// have: each stops a generated build.sh there, most of them at parse time.
// Bash 3.2 cannot be installed with apt-get (Debian bookworm ships bash 5.2
// only, as bash and bash-static), and CI cannot download its sources, so this
// guard rejects the syntax on every run. Where a bash 3.2 has been built (GNU
// bash 3.2.48 builds with gcc 12 given CFLAGS="-std=gnu89 -fcommon", make
// without -j, and y.tab.c's one call of expand_prompt_string given its third
// argument, 0), CRANE_TEST_BASH_DIR=its folder runs the generated scripts of
// the e2e, parity and build script tests with it.
var bash4Only = []struct {
	re   *regexp.Regexp
	what string
}{
	{regexp.MustCompile(`\b(declare|local|typeset|readonly)\s+(-[a-zA-Z]*\s+)*-[a-zA-Z]*A`), "associative arrays (declare -A, bash 4.0)"},
	{regexp.MustCompile(`\b(declare|local|typeset)\s+(-[a-zA-Z]*\s+)*-[a-zA-Z]*n\b`), "namerefs (declare -n, bash 4.3)"},
	{regexp.MustCompile(`\b(declare|typeset)\s+(-[a-zA-Z]*\s+)*-[a-zA-Z]*g`), "declare -g (bash 4.2)"},
	{regexp.MustCompile(`\b(mapfile|readarray)\b`), "mapfile/readarray (bash 4.0)"},
	{regexp.MustCompile(`\$\{[#!]?[A-Za-z_][A-Za-z0-9_]*(\[[^]]*\])?(,,?|\^\^?)[^}]*\}`), "case modification ${x,,} ${x^^} (bash 4.0)"},
	{regexp.MustCompile(`\$\{[A-Za-z_][A-Za-z0-9_]*(\[[^]]*\])?@[QEPAaKkULu]\}`), "parameter transformation ${x@Q} (bash 4.4)"},
	{regexp.MustCompile(`&>>`), "&>> (bash 4.0)"},
	{regexp.MustCompile(`\|&`), "|& (bash 4.0)"},
	{regexp.MustCompile(`\bcoproc\b`), "coproc (bash 4.0)"},
	{regexp.MustCompile(`\$\{[A-Za-z_][A-Za-z0-9_]*\[\s*-[0-9]`), "negative array subscripts (bash 4.3)"},
	{regexp.MustCompile(`\$\{[A-Za-z_][A-Za-z0-9_]*:[0-9 ]*:\s*-[0-9]`), "a negative substring length ${x:0:-1} (bash 4.2)"},
	{regexp.MustCompile(`;;&|;&\s*($|#)`), "case fall-through ;& and ;;& (bash 4.0)"},
	{regexp.MustCompile(`\bglobstar\b|\blastpipe\b`), "shopt globstar/lastpipe (bash 4.0/4.2)"},
	{regexp.MustCompile(`\bwait\s+-n\b`), "wait -n (bash 4.3)"},
	{regexp.MustCompile(`(\[\[|\btest|\[)\s+-v\s`), "test -v (bash 4.2)"},
	{regexp.MustCompile(`\$\{?(EPOCHSECONDS|EPOCHREALTIME|BASHPID|BASH_ARGV0|SRANDOM)\b`), "a variable bash 3.2 does not set"},
	{regexp.MustCompile(`\{[^{}\s]+\.\.[^{}\s]+\.\.[^{}\s]+\}`), "a brace expansion step {1..9..2} (bash 4.0)"},
	{regexp.MustCompile(`\blocal\s+-\s*($|;)`), "local - (bash 4.4)"},
	{regexp.MustCompile(`=~\s*[^\s$"']\S*[()|]`), "( ) or | in a regex written after =~ (bash 3.2 cannot parse it: put the regex in a variable)"},
	{regexp.MustCompile(`printf\s+(-v\s+\w+\s+)?['"]?[^'"]*%\([^)]*\)T`), "printf %(...)T (bash 4.2)"},
}

// bash4Violations lists the lines of script that use bash-4-only syntax,
// comment lines aside.
func bash4Violations(script string) []string {
	var found []string
	for i, line := range strings.Split(script, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, b := range bash4Only {
			if b.re.MatchString(line) {
				found = append(found, fmt.Sprintf("line %d: %s: %s", i+1, b.what, strings.TrimSpace(line)))
			}
		}
	}
	return found
}

// TestBuildScriptsRunOnBash32 renders every pack's build.sh, with init's
// values and with every assemble fixture's, and rejects syntax bash 3.2 (macOS)
// cannot run. The parity test also runs the dotnet build.sh with this
// machine's bash under set -u, where an empty "${array[@]}" fails before 4.4.
func TestBuildScriptsRunOnBash32(t *testing.T) {
	names, err := generator.ListPacks(templates.Packs())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			p, err := generator.LoadPack(templates.Packs(), name)
			if err != nil {
				t.Fatal(err)
			}
			dir := generateProject(t, "init", p.Example, "--pack", name)
			data, err := os.ReadFile(filepath.Join(dir, "build.sh"))
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range bash4Violations(string(data)) {
				t.Errorf("%s pack build.sh: %s", name, v)
			}
		})
	}
	fixtures, err := filepath.Glob(filepath.Join("..", "testdata", "assemble", "*.txtar"))
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no assemble fixtures: %v", err)
	}
	for _, file := range fixtures {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if f.Name == "out/build.sh" {
				for _, v := range bash4Violations(string(f.Data)) {
					t.Errorf("%s: build.sh: %s", filepath.Base(file), v)
				}
			}
		}
	}
}

// TestBash4Guard: the guard finds each construct it names, and passes the
// bash 3.2 forms the packs use instead.
func TestBash4Guard(t *testing.T) {
	bad := []string{
		"declare -A done_tasks=()", "local -A seen", "declare -gA x", "declare -n ref=x",
		"mapfile -t lines < f", "readarray lines", `echo "${name,,}"`, `echo "${name^^}"`,
		`echo "${name^}"`, `echo "${x@Q}"`, "make &>> log", "make |& tee log",
		"coproc cat", `echo "${arr[-1]}"`, `echo "${x:0:-1}"`, "a) echo ;&", "a) echo ;;&",
		"shopt -s globstar", "wait -n", "if [[ -v name ]]; then :; fi", "echo $EPOCHSECONDS",
		"echo {1..9..2}", "local -", `printf '%(%Y)T' -1`, `[[ "$v" =~ ^[0-9]+(-[a-z]+)?$ ]]`, `[[ $v =~ a|b ]]`,
	}
	for _, line := range bad {
		if len(bash4Violations(line)) == 0 {
			t.Errorf("the guard passes %q", line)
		}
	}
	good := []string{
		`done_tasks=" "`, `case "$done_tasks" in *" $1 "*) return 0 ;; esac`, `echo "${x:-default}"`,
		`echo "${x:0:3}"`, `echo "${#arr[@]}"`, `x=$(printf '%s' "$y" | tr '[:upper:]' '[:lower:]')`,
		`cmd ${arr[@]+"${arr[@]}"}`, "make >> log 2>&1", `tasks+=("$1")`, `[ -n "$x" ] && echo ok`,
		`echo "${a[0]}"`, "# declare -A in a comment", `echo {a,b}`, `local top`, `declare -a list`,
		`[[ "$version" =~ $semver_re ]]`, `[[ "$base" =~ ^[0-9]+[.][0-9]+$ ]]`,
	}
	for _, line := range good {
		if v := bash4Violations(line); len(v) != 0 {
			t.Errorf("the guard rejects bash 3.2 syntax %q: %v", line, v)
		}
	}
}
