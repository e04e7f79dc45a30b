package rust

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem"
)

// rustName is a Cargo package name ("my-crate"): ASCII letters, digits, - and
// _, starting with a letter, at most 64 characters, and neither a Rust keyword
// nor a name Cargo or the standard library reserves. The library's crate name
// is the same with - turned into _ (snake_cased when it has capitals).
type rustName struct{}

// rustMaxName is crates.io's limit on a package name.
const rustMaxName = 64

// rustKeywords are Rust's strict and reserved keywords (2024 edition), which
// Cargo refuses as a package name.
var rustKeywords = map[string]bool{}

// rustReserved are names Cargo refuses for another reason: the standard
// library's crates, and its own build directory names.
var rustReserved = map[string]string{
	"std": "a standard library crate", "core": "a standard library crate",
	"alloc": "a standard library crate", "test": "a standard library crate",
	"proc_macro": "a standard library crate",
	"deps":       "one of Cargo's build directory names", "examples": "one of Cargo's build directory names",
	"build": "one of Cargo's build directory names", "incremental": "one of Cargo's build directory names",
}

func init() {
	for _, k := range strings.Fields(`as async await break const continue crate dyn else enum
		extern false fn for gen if impl in let loop match mod move mut pub ref return self Self
		static struct super trait true type unsafe use where while abstract become box do final
		macro override priv try typeof unsized virtual yield`) {
		rustKeywords[k] = true
	}
}

func (rustName) Check(name string) []string {
	problems := ecosystem.PathProblems(name, rustMaxName)
	if name == "" {
		return problems
	}
	if strings.ContainsAny(name, `/\`) {
		problems = append(problems, "it contains a path separator; give a name, and --dir for the folder")
	}
	if bad := ecosystem.BadChars(name, rustNameChar); bad != "" {
		problems = append(problems, fmt.Sprintf("it contains %q; a crate name is ASCII letters, digits, - and _", bad))
	}
	if c := name[0]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		problems = append(problems, "it does not start with an ASCII letter")
	}
	// The library's name is the package name with - as _, lower-cased when
	// it has capitals (the pack's LibName), so "Fn" would give fn.
	crate := strings.ToLower(strings.ReplaceAll(name, "-", "_"))
	switch {
	case rustKeywords[crate]:
		problems = append(problems, fmt.Sprintf("%q is a Rust keyword", crate))
	case rustReserved[crate] != "":
		problems = append(problems, fmt.Sprintf("%q is %s", crate, rustReserved[crate]))
	case ecosystem.WindowsReserved[strings.ToUpper(name)]:
		problems = append(problems, "it is a name Windows reserves for a device")
	}
	return problems
}

// Suggest lower-cases name, turns runs of other characters into single dashes
// and drops a leading non-letter ("My Crate" -> "my-crate", "2fast" ->
// "fast"); a keyword or reserved name gets "-rs" appended ("fn" -> "fn-rs").
func (r rustName) Suggest(name string) string {
	s := strings.Trim(nonRustRun.ReplaceAllString(strings.ToLower(name), "-"), "-_")
	s = strings.TrimLeft(s, "0123456789-_")
	if len(s) > rustMaxName {
		s = strings.TrimRight(s[:rustMaxName], "-_")
	}
	if c := strings.ReplaceAll(s, "-", "_"); rustKeywords[c] || rustReserved[c] != "" || ecosystem.WindowsReserved[strings.ToUpper(s)] {
		s += "-rs"
	}
	if s == name || len(r.Check(s)) > 0 {
		return ""
	}
	return s
}

var nonRustRun = regexp.MustCompile(`[^a-z0-9_]+`)

func rustNameChar(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_'
}
