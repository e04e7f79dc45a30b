package golang

import (
	"fmt"
	"go/token"
	"regexp"
	"strings"

	"golang.org/x/mod/module"

	"github.com/ewilde/crane/generator/ecosystem"
)

// goName is a Go module path ("github.com/acme/widget"): the go pack's Name.
// Its last element (less a /vN major version suffix) names the project folder
// and the command; PackageName derives the package name from it.
type goName struct{}

// goMaxPath bounds a module path; its last element becomes a folder.
const goMaxPath = 200

// Check lists every problem with name as a module path, in words, then runs
// golang.org/x/mod/module.CheckPath as the final word when none was found.
func (goName) Check(name string) []string {
	problems := ecosystem.PathProblems(name, goMaxPath)
	if name == "" {
		return problems
	}
	if strings.Contains(name, `\`) {
		problems = append(problems, `it contains "\"; a module path separates its elements with "/"`)
	}
	if bad := ecosystem.BadChars(name, modulePathChar); bad != "" {
		problems = append(problems, fmt.Sprintf("it contains %q; a module path is ASCII letters, digits and - . _ ~ joined by /", bad))
	}
	if strings.HasSuffix(name, "/") {
		problems = append(problems, "it ends with a slash")
	}
	if strings.Contains(name, "//") {
		problems = append(problems, "it has an empty element (//)")
	}
	elems := strings.Split(strings.Trim(name, "/"), "/")
	first := elems[0]
	switch {
	case strings.HasPrefix(name, "/"):
		// pathProblems said it: absolute.
	case !strings.Contains(first, "."):
		problems = append(problems, fmt.Sprintf("its first element %q is not a domain name: a module path starts with one, like example.com/%s or github.com/you/%s", first, name, name))
	case first != strings.ToLower(first):
		problems = append(problems, fmt.Sprintf("its first element %q has upper-case letters; a domain name is lower-case: %s", first, strings.ToLower(first)))
	}
	if strings.HasPrefix(first, "-") {
		problems = append(problems, "it starts with a dash")
	}
	for _, e := range elems {
		switch {
		case e == "" || e == "." || e == "..":
		case strings.HasPrefix(e, "."):
			problems = append(problems, fmt.Sprintf("element %q starts with a dot", e))
		case strings.HasSuffix(e, "."):
			problems = append(problems, fmt.Sprintf("element %q ends with a dot", e))
		case ecosystem.WindowsReserved[strings.ToUpper(strings.SplitN(e, ".", 2)[0])]:
			problems = append(problems, fmt.Sprintf("element %q is a name Windows reserves for a device", e))
		}
	}
	if cmd := ExecName(strings.Trim(name, "/")); strings.HasPrefix(cmd, "_") {
		problems = append(problems, fmt.Sprintf("its last element %q names the command folder cmd/%s, which go build ./... skips (a leading _)", cmd, cmd))
	}
	if last := elems[len(elems)-1]; len(elems) > 1 && (last == "v0" || last == "v1") {
		problems = append(problems, fmt.Sprintf("it ends in /%s; a major version suffix starts at /v2 (leave it off for v0 and v1)", last))
	}
	if len(problems) == 0 {
		if err := module.CheckPath(name); err != nil {
			problems = append(problems, err.Error())
		}
	}
	return problems
}

// Suggest fixes what it can: lower-cases the domain, turns runs of other
// characters into dashes, drops empty and dot elements, and puts a name with
// no domain under example.com ("My Widget" -> "example.com/my-widget").
func (r goName) Suggest(name string) string {
	var elems []string
	for _, e := range strings.FieldsFunc(name, func(c rune) bool { return c == '/' || c == '\\' }) {
		e = strings.Trim(nonModuleRun.ReplaceAllString(e, "-"), "-.")
		if e != "" {
			elems = append(elems, e)
		}
	}
	if len(elems) == 0 {
		return ""
	}
	if strings.Contains(elems[0], ".") {
		elems[0] = strings.ToLower(elems[0])
	} else {
		elems = append([]string{"example.com"}, elems...)
		elems[1] = strings.ToLower(elems[1])
	}
	if n := len(elems); n > 2 && (elems[n-1] == "v0" || elems[n-1] == "v1") {
		elems = elems[:n-1]
	}
	s := strings.Join(elems, "/")
	if s == name || len(r.Check(s)) > 0 {
		return ""
	}
	return s
}

var nonModuleRun = regexp.MustCompile(`[^A-Za-z0-9._~]+`)

func modulePathChar(r rune) bool {
	return r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~/", r))
}

var majorSuffixRe = regexp.MustCompile(`^v[1-9][0-9]*$`)

// ExecName is the name go install gives the command of a module path: its
// last element, or the one before it when that is a major version suffix
// ("example.com/widget/v2" -> "widget"), as cmd/go's DefaultExecName does.
func ExecName(modulePath string) string {
	elems := strings.Split(modulePath, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && majorSuffixRe.MatchString(last) {
		return elems[len(elems)-2]
	}
	return last
}

var gopkgSuffixRe = regexp.MustCompile(`\.v[0-9]+$`)

// PackageName derives a Go package name from a module path: the exec name,
// less a gopkg.in-style ".vN" suffix and a "go-" prefix or "-go" suffix,
// lower-cased, with everything but letters and digits dropped
// ("github.com/acme/go-widget" -> "widget", "gopkg.in/yaml.v3" -> "yaml",
// "example.com/my_widget/v2" -> "mywidget"). A result that is a keyword,
// main or a standard package the generated command imports (fmt, os, ...)
// gets "pkg" appended; one that starts with a digit gets "pkg" in front.
func PackageName(modulePath string) string {
	e := strings.ToLower(gopkgSuffixRe.ReplaceAllString(ExecName(modulePath), ""))
	for _, affix := range []string{"go-", "go_", "go."} {
		if s, ok := strings.CutPrefix(e, affix); ok && s != "" {
			e = s
		}
		if s, ok := strings.CutSuffix(e, affix[2:]+affix[:2]); ok && s != "" {
			e = s
		}
	}
	e = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, e)
	switch {
	case e == "":
		return "pkg"
	case e[0] >= '0' && e[0] <= '9':
		return "pkg" + e
	case token.IsKeyword(e) || e == "main" || goCommandImports[e]:
		return e + "pkg"
	}
	return e
}

// goCommandImports are the standard packages the go pack's command and
// example import beside the module's package, whose name must differ.
var goCommandImports = map[string]bool{"debug": true, "flag": true, "fmt": true, "io": true, "os": true, "strings": true}
