package node

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/ewilde/crane/generator/ecosystem"
)

// nodeName is an npm package name: lowercase URL-safe characters, at most 214
// of them, optionally scoped ("@acme/widget"). The part after the scope also
// names the package's folder under packages/.
type nodeName struct{}

// nodeCoreModules are Node's built-in modules (node 20's builtinModules, plus
// the ones only reachable with the node: prefix); npm refuses them as names.
var nodeCoreModules = map[string]bool{}

func init() {
	for _, m := range strings.Fields(`assert async_hooks buffer child_process cluster console
		constants crypto dgram diagnostics_channel dns domain events fs http http2 https
		inspector module net os path perf_hooks process punycode querystring readline repl
		sea sqlite stream string_decoder sys test timers tls trace_events tty url util v8 vm
		wasi worker_threads zlib`) {
		nodeCoreModules[m] = true
	}
}

var npmBadCharRe = regexp.MustCompile(`[^a-z0-9._-]`)

func (nodeName) Check(name string) []string {
	problems := ecosystem.PathProblems(name, 214)
	if name == "" {
		return problems
	}
	if strings.TrimSpace(name) != name {
		problems = append(problems, "it starts or ends with a space")
	}
	scope, base, scoped := strings.Cut(name, "/")
	if !scoped {
		scope, base = "", name
	} else if !strings.HasPrefix(scope, "@") {
		problems = append(problems, `it contains "/"; only a scoped name ("@scope/name") may, and --dir picks the folder`)
	} else if strings.Contains(base, "/") {
		problems = append(problems, `it contains more than one "/"; a scoped name is "@scope/name"`)
	}
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
		problems = append(problems, `it starts with "." or "_"`)
	}
	if scoped && strings.HasPrefix(scope, "@") {
		scope = strings.TrimPrefix(scope, "@")
		if scope == "" {
			problems = append(problems, "the scope is empty")
		}
		if base == "" {
			problems = append(problems, "the name after the scope is empty")
		}
		if strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_") {
			problems = append(problems, fmt.Sprintf("the name after the scope, %q, starts with \".\" or \"_\"", base))
		}
		if base == "node_modules" {
			problems = append(problems, fmt.Sprintf("the name after the scope, %q, names the package folder packages/%s, which npm and git skip", base, base))
		}
	}
	if strings.ToLower(name) != name {
		problems = append(problems, "it has capital letters; npm package names are lowercase")
	}
	if bad := ecosystem.UniqueChars(npmBadCharRe.FindAllString(strings.ToLower(scope+strings.ReplaceAll(base, "/", "")), -1)); bad != "" {
		problems = append(problems, fmt.Sprintf("it contains %q; an npm name is lowercase letters, digits, \"-\", \".\" and \"_\" (\"@scope/\" first if scoped)", bad))
	}
	if !scoped && nodeCoreModules[name] {
		problems = append(problems, "it is a Node core module name")
	}
	if name == "node_modules" || name == "favicon.ico" {
		problems = append(problems, "it is a name npm reserves")
	}
	if ecosystem.WindowsReserved[strings.ToUpper(strings.SplitN(base, ".", 2)[0])] {
		problems = append(problems, fmt.Sprintf("%q is a name Windows reserves for a device, and it names the package folder", base))
	}
	return problems
}

// Suggest lowercases the name and turns every run of other characters into
// one dash, keeping a scope: "My App" -> "my-app", "@Acme/My Widget" ->
// "@acme/my-widget". A core module name gets a "node-" prefix: "http" ->
// "node-http".
func (r nodeName) Suggest(name string) string {
	clean := func(s string) string {
		s = npmBadCharRe.ReplaceAllString(strings.ToLower(strings.TrimSpace(s)), "-")
		s = regexp.MustCompile(`-{2,}`).ReplaceAllString(s, "-")
		return strings.Trim(s, "-._")
	}
	var s string
	if scope, base, ok := strings.Cut(strings.TrimSpace(name), "/"); ok && strings.HasPrefix(scope, "@") {
		base = clean(strings.ReplaceAll(base, "/", "-"))
		if base == "node_modules" {
			base = "node-modules"
		}
		s = "@" + clean(scope) + "/" + base
	} else {
		s = clean(name)
	}
	if nodeCoreModules[s] || s == "node_modules" {
		s = "node-" + strings.ReplaceAll(s, "_", "-")
	}
	if s == name || len(r.Check(s)) > 0 {
		return ""
	}
	return s
}
