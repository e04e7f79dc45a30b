package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// parityRow is one check both dotnet build scripts declare in their
// "# parity:" table: how to trigger it in each, and the message it gives.
type parityRow struct{ Name, Setup, ShArgs, PsArgs, Message string }

// parityTable reads the "# parity: a | b | c | d | e" lines of script, less
// the header row.
func parityTable(t *testing.T, script string) []parityRow {
	t.Helper()
	var rows []parityRow
	for _, line := range strings.Split(script, "\n") {
		rest, ok := strings.CutPrefix(line, "# parity: ")
		if !ok {
			continue
		}
		f := strings.Split(rest, " | ")
		if len(f) != 5 {
			t.Fatalf("parity row %q: want 5 fields", line)
		}
		if f[0] == "name" {
			continue
		}
		rows = append(rows, parityRow{f[0], f[1], f[2], f[3], f[4]})
	}
	if len(rows) == 0 {
		t.Fatal("no parity table")
	}
	return rows
}

var (
	shDieRe     = regexp.MustCompile(`\bdie "([^"]*)"`)
	psFailRe    = regexp.MustCompile(`\bFail ["']([^"']*)["']`)
	shOptionRe  = regexp.MustCompile(`(?m)^\s+(?:-[a-z]\|)?--([a-z-]+)\)`)
	psParamRe   = regexp.MustCompile(`\[(?:string|switch|string\[\])\]\s+\$([A-Za-z]+)`)
	shTasksRe   = regexp.MustCompile(`(?m)^\s+(clean(?:\|[a-z]+)+)\)`)
	psTasksRe   = regexp.MustCompile(`(?m)^\$allTasks = (.+)$`)
	psQuotedRe  = regexp.MustCompile(`'([a-z]+)'`)
	psParamsRe  = regexp.MustCompile(`(?s)\nparam\((.*?)\n\)\n`)
	psArgNameRe = regexp.MustCompile(`(?:^|\s)-([A-Za-z]+)`)
)

// staticMessages are the literal starts (up to the first variable) of the
// messages script's checks give: die "..." in build.sh, Fail "..." in build.ps1.
func staticMessages(re *regexp.Regexp, script string) []string {
	var msgs []string
	for _, m := range re.FindAllStringSubmatch(script, -1) {
		msg, _, _ := strings.Cut(m[1], "$")
		msgs = append(msgs, msg)
	}
	return msgs
}

// givesMessage reports whether a check with literal start msg gives row's message.
func givesMessage(msg, message string) bool {
	return msg != "" && (strings.HasPrefix(message, msg) || strings.HasPrefix(msg, message))
}

// TestDotnetBuildScriptParity proves build.ps1 mirrors build.sh without
// PowerShell, which this machine cannot install: both scripts declare the same
// table of checks; every check either script makes (die / Fail) is a row of
// it and every row is a check in both; both take the same tasks and the same
// options (--build-number is -BuildNumber); and each row's case, run against
// build.sh with this machine's bash, exits 2 with the row's message.
func TestDotnetBuildScriptParity(t *testing.T) {
	requireTools(t, "bash")
	for _, manifest := range []string{"project", "nuspec"} {
		t.Run(manifest, func(t *testing.T) {
			dir := generateProject(t, "init", "Demo", "--set", "PackageManifest="+manifest)
			sh, ps := readText(t, dir, "build.sh"), readText(t, dir, "build.ps1")
			rows := parityTable(t, sh)
			if diff := cmp.Diff(rows, parityTable(t, ps)); diff != "" {
				t.Fatalf("the parity tables differ (-build.sh +build.ps1):\n%s", diff)
			}
			for script, msgs := range map[string][]string{"build.sh": staticMessages(shDieRe, sh), "build.ps1": staticMessages(psFailRe, ps)} {
				for _, msg := range msgs {
					if !slices.ContainsFunc(rows, func(r parityRow) bool { return givesMessage(msg, r.Message) }) {
						t.Errorf("%s checks %q, which the parity table does not list", script, msg)
					}
				}
				for _, r := range rows {
					if !slices.ContainsFunc(msgs, func(msg string) bool { return givesMessage(msg, r.Message) }) {
						t.Errorf("%s has no check for row %s (%q)", script, r.Name, r.Message)
					}
				}
			}
			checkOptionParity(t, sh, ps, rows)
			for _, r := range rows {
				out, code := runParityCase(t, dir, r)
				if code != 2 || !strings.Contains(out, "build.sh: "+r.Message) {
					t.Errorf("row %s: ./build.sh %s: exit %d, want 2 and %q\n%s", r.Name, r.ShArgs, code, r.Message, out)
				}
			}
		})
	}
}

// checkOptionParity: the tasks, and the options by name, are the same in both
// scripts, and every build.ps1 argument in the table names one of its parameters.
func checkOptionParity(t *testing.T, sh, ps string, rows []parityRow) {
	t.Helper()
	var shOpts, psOpts []string
	for _, m := range shOptionRe.FindAllStringSubmatch(sh, -1) {
		if m[1] != "help" {
			shOpts = append(shOpts, pascal(m[1]))
		}
	}
	params := psParamsRe.FindStringSubmatch(ps)
	if params == nil {
		t.Fatal("build.ps1 has no param( ... ) block")
	}
	for _, m := range psParamRe.FindAllStringSubmatch(params[1], -1) {
		if m[1] != "Tasks" {
			psOpts = append(psOpts, m[1])
		}
	}
	slices.Sort(shOpts)
	slices.Sort(psOpts)
	if diff := cmp.Diff(shOpts, psOpts); diff != "" || len(shOpts) < 6 {
		t.Errorf("options (-build.sh +build.ps1):\n%s", diff)
	}
	shTasks := shTasksRe.FindStringSubmatch(sh)
	psTasks := psTasksRe.FindStringSubmatch(ps)
	if shTasks == nil || psTasks == nil {
		t.Fatal("a script lists no tasks")
	}
	var psList []string
	for _, m := range psQuotedRe.FindAllStringSubmatch(psTasks[1], -1) {
		psList = append(psList, m[1])
	}
	if diff := cmp.Diff(strings.Split(shTasks[1], "|"), psList); diff != "" {
		t.Errorf("tasks (-build.sh +build.ps1):\n%s", diff)
	}
	for _, r := range rows {
		for _, m := range psArgNameRe.FindAllStringSubmatch(r.PsArgs, -1) {
			if !slices.Contains(psOpts, m[1]) {
				t.Errorf("row %s: build.ps1 has no parameter -%s", r.Name, m[1])
			}
		}
	}
}

// pascal turns an option name (build-number) into a PowerShell parameter
// name (BuildNumber).
func pascal(option string) string {
	var b strings.Builder
	for _, part := range strings.Split(option, "-") {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// runParityCase sets up row's case in dir, runs build.sh with its arguments,
// and puts dir back as it was.
func runParityCase(t *testing.T, dir string, r parityRow) (string, int) {
	t.Helper()
	env := []string{"PATH=" + fakeDotnetPath(t)}
	switch r.Setup {
	case "-":
	case "empty-version", "bad-version":
		version := readText(t, dir, "VERSION")
		t.Cleanup(func() { writeText(t, dir, "VERSION", version) })
		writeText(t, dir, "VERSION", map[string]string{"empty-version": "\n", "bad-version": "1.0\n"}[r.Setup])
	case "tag-v9.9.9":
		env = append(env, "GITHUB_REF_TYPE=tag", "GITHUB_REF_NAME=v9.9.9")
	case "no-dotnet":
		env = []string{"PATH=" + toolsOnly(t, "bash", "dirname", "tr", "sed", "cat")}
	case "pack-writes-nothing":
		env = append(env, "FAKE_DOTNET_PACK_NOTHING=1")
	default:
		t.Fatalf("row %s: unknown setup %q", r.Name, r.Setup)
	}
	out, code := runBuildSh(t, dir, env, strings.Fields(r.ShArgs)...)
	if r.Setup == "empty-version" || r.Setup == "bad-version" {
		writeText(t, dir, "VERSION", "0.1.0\n")
	}
	return out, code
}

// fakeDotnetPath is a PATH whose dotnet is testdata/dotnet/fake-dotnet, before
// this machine's PATH (whose real dotnet, if any, it hides).
func fakeDotnetPath(t *testing.T) string {
	t.Helper()
	bin := t.TempDir()
	fake, err := filepath.Abs(filepath.Join("..", "testdata", "dotnet", "fake-dotnet"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(fake, filepath.Join(bin, "dotnet")); err != nil {
		t.Fatal(err)
	}
	return bin + string(os.PathListSeparator) + os.Getenv("PATH")
}

// toolsOnly is a PATH holding only the named tools.
func toolsOnly(t *testing.T, tools ...string) string {
	t.Helper()
	bin := t.TempDir()
	for _, tool := range tools {
		if p, err := exec.LookPath(tool); err == nil {
			if err := os.Symlink(p, filepath.Join(bin, tool)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return bin
}

// runBuildSh runs build.sh args in dir with testBash() with the CI and NuGet variables
// cleared and env added (FAKE_DOTNET_LOG defaults to dir/../dotnet.log), and
// returns its combined output and exit code.
func runBuildSh(t *testing.T, dir string, env []string, args ...string) (string, int) {
	t.Helper()
	c := exec.Command(testBash(), append([]string{"build.sh"}, args...)...)
	c.Dir = dir
	for _, kv := range cleanEnv() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "PATH", "GITHUB_REF_TYPE", "GITHUB_REF_NAME", "NUGET_API_KEY", "NUGET_SOURCE", "GITHUB_ACTIONS":
			continue
		}
		c.Env = append(c.Env, kv)
	}
	c.Env = append(append(c.Env, "FAKE_DOTNET_LOG="+filepath.Join(filepath.Dir(dir), "dotnet.log")), env...)
	out, err := c.CombinedOutput()
	return string(out), exitCodeOf(err)
}

func readText(t *testing.T, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func writeText(t *testing.T, dir, rel, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
